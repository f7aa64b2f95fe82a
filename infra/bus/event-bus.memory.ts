import type { EventOf, EventType } from '../../schemas/events.ts';
import { tonghopError } from '../errors/error-catalog.ts';
import type { Logger } from '../log/logger.ts';
import type { EventBus, HandlerMap, Subscription } from './event-bus.ts';
import { deadLetterPublisher, deliver } from './delivery.ts';
import { validateEvent } from './validate-event.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';

/**
 * In-process EventBus: the embedded default, one Node process, no broker.
 *
 * It keeps the same semantics as Kafka so that services cannot tell the difference:
 * an append-only log per topic (messages are stored as JSON text, like on the wire),
 * a committed position per consumer group that survives `Subscription.close()`, new
 * groups starting at the oldest message, retries and dead letters via delivery.ts.
 * Each group consumes in publish order, one message at a time.
 *
 * Deliberately left out: persistence across process restarts (the embedded runner's
 * durable state is the object store and DuckDB), partitions, and several live members
 * in one group (a second live subscription of a group is refused).
 */
export interface MemoryEventBusOptions {
  log: Logger;
  /** Retry policy for failing handlers; default DEFAULT_RETRY_POLICY. */
  retry?: RetryPolicy;
}

interface LogEntry {
  seq: number;
  topic: EventType;
  key: string | null;
  value: string;
}

interface GroupState {
  /** Per topic: index of the next message to deliver (the committed offset). */
  offsets: Map<EventType, number>;
  live: MemorySubscription | null;
}

export class MemoryEventBus implements EventBus {
  private readonly topics = new Map<EventType, LogEntry[]>();
  private readonly groups = new Map<string, GroupState>();
  private readonly idleWaiters = new Set<() => void>();
  private seq = 0;
  private closed = false;
  readonly log: Logger;
  readonly retry: RetryPolicy;

  constructor(opts: MemoryEventBusOptions) {
    this.log = opts.log;
    this.retry = opts.retry ?? DEFAULT_RETRY_POLICY;
  }

  publish(event: EventOf<EventType>): Promise<void> {
    if (this.closed) return Promise.reject(tonghopError('TH_ERR_BUS_CLOSED'));
    try {
      const valid = validateEvent(event);
      this.append(valid.type, valid.subject, JSON.stringify(valid));
      return Promise.resolve();
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /** Appends a message without validation: how tests put a poison message on a topic. */
  appendRaw(topic: EventType, key: string | null, value: string): void {
    this.append(topic, key, value);
  }

  private append(topic: EventType, key: string | null, value: string): void {
    let entries = this.topics.get(topic);
    if (!entries) this.topics.set(topic, (entries = []));
    entries.push({ seq: this.seq++, topic, key, value });
    for (const group of this.groups.values()) group.live?.wake();
  }

  subscribe(group: string, handlers: HandlerMap): Promise<Subscription> {
    if (this.closed) return Promise.reject(tonghopError('TH_ERR_BUS_CLOSED'));
    let state = this.groups.get(group);
    if (!state) this.groups.set(group, (state = { offsets: new Map(), live: null }));
    if (state.live) return Promise.reject(new Error(`consumer group "${group}" already has a live subscription in this process`));
    const sub = new MemorySubscription(this, group, state, handlers);
    state.live = sub;
    sub.start();
    return Promise.resolve(sub);
  }

  /** The next message for a group among the topics it handles, oldest first. */
  next(state: GroupState, topics: readonly EventType[]): LogEntry | undefined {
    let best: LogEntry | undefined;
    for (const topic of topics) {
      const entry = this.topics.get(topic)?.[state.offsets.get(topic) ?? 0];
      if (entry && (!best || entry.seq < best.seq)) best = entry;
    }
    return best;
  }

  /**
   * Resolves when every live subscription has handled everything published so far,
   * including what handlers published meanwhile. The embedded runner waits on it.
   */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.add(resolve));
  }

  private isIdle(): boolean {
    for (const state of this.groups.values()) {
      const sub = state.live;
      if (sub && (sub.busy || this.next(state, sub.topics))) return false;
    }
    return true;
  }

  /** Called by subscriptions when they run out of work. */
  checkIdle(): void {
    if (this.idleWaiters.size === 0 || !this.isIdle()) return;
    const waiters = [...this.idleWaiters];
    this.idleWaiters.clear();
    for (const resolve of waiters) resolve();
  }

  detach(state: GroupState, sub: MemorySubscription): void {
    if (state.live === sub) state.live = null;
    this.checkIdle();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.groups.values()].map((s) => s.live?.close() ?? Promise.resolve()));
  }
}

class MemorySubscription implements Subscription {
  readonly topics: EventType[];
  busy = false;
  private wakeUp: (() => void) | null = null;
  private readonly abort = new AbortController();
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly bus: MemoryEventBus,
    readonly group: string,
    private readonly state: GroupState,
    private readonly handlers: HandlerMap,
  ) {
    this.topics = (Object.keys(handlers) as EventType[]).filter((t) => handlers[t] !== undefined);
  }

  start(): void {
    this.loop = this.run();
  }

  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      const entry = this.bus.next(this.state, this.topics);
      if (!entry) {
        this.bus.checkIdle();
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        this.wakeUp = null;
        continue;
      }
      this.busy = true;
      try {
        const outcome = await deliver(entry, {
          group: this.group,
          handlers: this.handlers,
          policy: this.bus.retry,
          log: this.bus.log,
          signal: this.abort.signal,
          deadLetter: deadLetterPublisher(this.bus, this.group),
        });
        // Commit only what was done with; an aborted delivery is redelivered to the next subscriber.
        if (outcome !== 'aborted') this.state.offsets.set(entry.topic, (this.state.offsets.get(entry.topic) ?? 0) + 1);
      } catch (err) {
        this.bus.log.error({ err, group: this.group, topic: entry.topic }, 'dead-lettering failed; message stays uncommitted');
        this.abort.abort();
      } finally {
        this.busy = false;
      }
    }
  }

  async close(): Promise<void> {
    this.abort.abort();
    this.wakeUp?.();
    await this.loop;
    this.bus.detach(this.state, this);
  }
}
