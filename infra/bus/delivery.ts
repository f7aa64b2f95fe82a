import { setTimeout as sleep } from 'node:timers/promises';
import { EventSchemas, createEvent, isEventType, type EventType } from '../../schemas/events.ts';
import { isRetriable, isTonghopError } from '../errors/tonghop-error.ts';
import type { Logger } from '../log/logger.ts';
import type { BusDeadLetter } from '../../schemas/bus-dead-letter/v1.ts';
import type { EventBus, Handler, HandlerMap } from './event-bus.ts';
import { retryDelayMs, type RetryPolicy } from './retry-policy.ts';

/**
 * One message's way through a consumer group, shared by every EventBus adapter:
 * decode → validate → handle with bounded retries → or dead-letter. Resolves when the
 * message is done with (handled, skipped or dead-lettered), so the caller may commit.
 * It rejects only when dead-lettering itself fails, and then the caller must not commit.
 */
export interface RawMessage {
  topic: string;
  key: string | null;
  value: string;
}

export interface DeliveryDeps {
  group: string;
  handlers: HandlerMap;
  policy: RetryPolicy;
  log: Logger;
  deadLetter: (letter: BusDeadLetter) => Promise<void>;
  /** Aborted when the subscription closes: stop retrying and leave the message uncommitted. */
  signal?: AbortSignal;
}

export type DeliveryOutcome = 'handled' | 'ignored' | 'dead-lettered' | 'aborted';

export async function deliver(message: RawMessage, deps: DeliveryDeps): Promise<DeliveryOutcome> {
  const { group, log } = deps;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value);
  } catch (err) {
    return deadLetter(message, deps, null, 1, 'TH_ERR_INVALID_EVENT', `not JSON: ${(err as Error).message}`);
  }
  const type = typeof parsed === 'object' && parsed !== null ? (parsed as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !isEventType(type)) {
    return deadLetter(message, deps, typeof type === 'string' ? type : null, 1, 'TH_ERR_INVALID_EVENT', `unknown event type ${JSON.stringify(type)}`);
  }
  const handler: Handler<EventType> | undefined = deps.handlers[type];
  if (!handler) return 'ignored';
  const result = EventSchemas[type].safeParse(parsed);
  if (!result.success) {
    return deadLetter(message, deps, type, 1, 'TH_ERR_INVALID_EVENT', result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  const event = result.data;
  for (let attempt = 1; ; attempt++) {
    if (deps.signal?.aborted) return 'aborted';
    try {
      await handler(event, { attempt, group });
      return 'handled';
    } catch (err) {
      const retriable = isRetriable(err);
      const code = isTonghopError(err) ? err.code : 'TH_ERR_HANDLER_FAILED';
      log.warn({ err, group, type, eventId: event.id, unit: event.subject, attempt, retriable }, 'handler failed');
      if (!retriable || attempt >= deps.policy.maxAttempts) {
        return deadLetter(message, deps, type, attempt, code, (err as Error)?.message ?? String(err));
      }
      try {
        await sleep(retryDelayMs(deps.policy, attempt), undefined, { signal: deps.signal });
      } catch {
        return 'aborted';
      }
    }
  }
}

async function deadLetter(
  message: RawMessage, deps: DeliveryDeps, originalType: string | null, attempts: number, code: string, reason: string,
): Promise<DeliveryOutcome> {
  if (message.topic.endsWith('bus.dead-letter')) {
    // Never dead-letter a dead letter: log it and move on.
    deps.log.error({ group: deps.group, topic: message.topic, code, reason }, 'dead-letter handler failed; message dropped from this group');
    return 'dead-lettered';
  }
  deps.log.error({ group: deps.group, topic: message.topic, key: message.key, code, reason, attempts }, 'message dead-lettered');
  await deps.deadLetter({
    topic: message.topic,
    group: deps.group,
    key: message.key,
    originalType,
    payload: message.value,
    attempts,
    error: { code, message: reason },
    failedAt: new Date().toISOString(),
  });
  return 'dead-lettered';
}

/** How every adapter dead-letters for a group: a `bus.dead-letter` event on the same bus, keyed by the original key. */
export function deadLetterPublisher(bus: EventBus, group: string): (letter: BusDeadLetter) => Promise<void> {
  return (letter) => bus.publish(createEvent({
    type: 'bus.dead-letter', source: `tonghop/bus/${group}`, subject: letter.key ?? 'unknown', data: letter,
  }));
}
