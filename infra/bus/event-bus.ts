import type { EventOf, EventType } from '../../schemas/events.ts';

/**
 * EventBus: the only way services talk to each other.
 *
 * In it: publishing a validated event to its type's topic (keyed by `subject`, the unit
 * code), and consumer groups that receive every event of the types they handle,
 * at least once, in order per unit. A handler that throws is retried with backoff;
 * once retries are exhausted, or at once when the error says a retry cannot help, the
 * message goes to `bus.dead-letter` and the group moves on. A message that is not a
 * valid event (poison) goes to `bus.dead-letter` without retries. A group's position
 * survives `close()`: a new subscription of the same group resumes after the last
 * handled message. A group that has never subscribed starts at the oldest message.
 *
 * Deliberately left out: connections, partitions, offsets and any client type. Handlers
 * must be idempotent (delivery is at-least-once).
 */
export interface EventBus {
  /** Validates against the type's schema (throws TH_ERR_INVALID_EVENT) and publishes. */
  publish(event: EventOf<EventType>): Promise<void>;
  /** Starts a consumer group; resolves once it is ready to receive. */
  subscribe(group: string, handlers: HandlerMap): Promise<Subscription>;
  /** Stops every subscription and releases connections. */
  close(): Promise<void>;
}

export type Handler<T extends EventType> = (event: EventOf<T>, context: DeliveryContext) => Promise<void>;

export type HandlerMap = { [T in EventType]?: Handler<T> };

export interface DeliveryContext {
  /** 1 on first delivery, then 2, 3, … on retries within this consumer. */
  attempt: number;
  group: string;
}

export interface Subscription {
  readonly group: string;
  close(): Promise<void>;
}
