import { randomUUID } from 'node:crypto';
import type { EventOf, EventType } from '../../schemas/events.ts';
import type { AlertChannel, AlertMessage, AlertTarget, DeliveryOutcome } from '../../infra/alert/alert-channel.ts';
import type { AlertDeliveryLog } from '../../infra/alert/alert-delivery-log.ts';
import { createMemoryDeliveryLog } from '../../infra/alert/alert-delivery-log.memory.ts';
import { contactDirectory } from '../../services/notifier/contact-directory.ts';
import { createNotifierService, type NotifierService } from '../../services/notifier/notifier-service.ts';
import type { UnitContact } from '../../schemas/records/unit-contact.ts';
import type { UnitLookup } from '../../services/notifier/unit-lookup.ts';
import { capturingLogger } from './silent-logger.ts';

/**
 * A notifier over an in-memory delivery log with scripted channels, a recording bus and
 * the test register's parents (90001 → 901 → 90), for the service's behaviour tests.
 */
export interface ScriptedChannel extends AlertChannel {
  sent: { message: AlertMessage; target: AlertTarget }[];
  /** Outcomes for the next sends, in order; afterwards ok. A function may throw or hang. */
  script: (DeliveryOutcome | (() => Promise<DeliveryOutcome>))[];
}

export function scriptedChannel(kind: 'email' | 'webhook'): ScriptedChannel {
  const sent: ScriptedChannel['sent'] = [];
  const script: ScriptedChannel['script'] = [];
  return {
    kind, sent, script,
    async send(message, target) {
      const next = script.shift();
      const outcome = typeof next === 'function' ? await next() : next ?? { ok: true as const, response: `${kind} ok` };
      if (outcome.ok) sent.push({ message, target });
      return outcome;
    },
    close: () => Promise.resolve(),
  };
}

export const TEST_UNITS: UnitLookup = {
  parentOf: (unit) => ({ '90001': '901', '90002': '901', '901': '90' } as Record<string, string>)[unit],
  nameOf: (unit) => ({ '90001': 'Xã Một 1', '90002': 'Xã Một 2', '901': 'Huyện Một', '90': 'Tỉnh Thử' } as Record<string, string>)[unit],
};

export interface NotifierHarness {
  service: NotifierService;
  deliveries: AlertDeliveryLog;
  email: ScriptedChannel;
  webhook: ScriptedChannel;
  published: EventOf<'dq.alert'>[];
  lines: Record<string, unknown>[];
  clock: { now: Date };
}

export async function notifierHarness(opts: {
  contacts?: UnitContact[];
  defaults?: { digest?: 'immediate' | 'daily'; notifyParent?: boolean };
  deliveries?: AlertDeliveryLog;
  retry?: { maxAttempts: number; initialDelayMs: number };
  clock?: { now: Date };
} = {}): Promise<NotifierHarness> {
  const { log, lines } = capturingLogger();
  const published: EventOf<'dq.alert'>[] = [];
  const bus = {
    publish(e: EventOf<EventType>) {
      if (e.type === 'dq.alert') published.push(e);
      return Promise.resolve();
    },
  };
  const deliveries = opts.deliveries ?? createMemoryDeliveryLog();
  const email = scriptedChannel('email');
  const webhook = scriptedChannel('webhook');
  const contacts = contactDirectory({ version: 1, ...(opts.defaults ? { defaults: opts.defaults } : {}), units: opts.contacts ?? [] }, 'test');
  const clock = opts.clock;
  const service = createNotifierService({
    log, bus, deliveries, channels: [email, webhook], contacts, units: TEST_UNITS,
    retry: { maxAttempts: opts.retry?.maxAttempts ?? 4, initialDelayMs: opts.retry?.initialDelayMs ?? 5, factor: 2, maxDelayMs: 50 },
    ...(clock ? { now: () => clock.now } : {}),
  });
  await service.start();
  return { service, deliveries, email, webhook, published, lines, clock: clock ?? { now: new Date() } };
}

export const secret = (): string => `s-${randomUUID()}`;
