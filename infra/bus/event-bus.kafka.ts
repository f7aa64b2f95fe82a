import { Kafka, Partitioners, logLevel, type Consumer, type IHeaders, type Producer, type logCreator } from 'kafkajs';
import type { EventOf, EventType } from '../../schemas/events.ts';
import { tonghopError } from '../errors/error-catalog.ts';
import type { Logger } from '../log/logger.ts';
import type { EventBus, HandlerMap, Subscription } from './event-bus.ts';
import { deadLetterPublisher, deliver } from './delivery.ts';
import { validateEvent } from './validate-event.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';

/**
 * Kafka EventBus (kafkajs).
 *
 * One topic per event type (`<topicPrefix><type>`, e.g. `tonghop.report.submitted`),
 * message key = unit code, value = the whole CloudEvents-style envelope as JSON
 * (structured mode) and the `ce_*` attributes repeated as headers so tools can route
 * without parsing. Each `subscribe(group, …)` is one kafkajs consumer in that consumer
 * group; offsets are committed by hand, one message at a time, only after the message
 * was handled or dead-lettered, so a restart resumes exactly after the last one done.
 *
 * Topics are never created through the admin API: brokers that auto-create topics
 * (and librdkafka's mock cluster, which has no CreateTopics) are enough; in production
 * infra/docker/kafka-init creates them with the right partition counts.
 *
 * Deliberately left out: transactions/exactly-once (handlers are idempotent instead),
 * schema registry, and batching beyond what kafkajs does by itself.
 */
export interface KafkaEventBusOptions {
  /** Bootstrap brokers, e.g. ['127.0.0.1:9092']. */
  brokers: string[];
  /** Kafka client id; default `tonghop`. */
  clientId?: string;
  /** Prepended to every topic name; default `tonghop.`. */
  topicPrefix?: string;
  log: Logger;
  /** Handler retry policy before dead-lettering; default DEFAULT_RETRY_POLICY. */
  retry?: RetryPolicy;
  /** Consumer session timeout in ms; default 30 000. */
  sessionTimeoutMs?: number;
  /** How long `subscribe` waits for the group join, in ms; default 60 000. */
  joinTimeoutMs?: number;
  /**
   * Longest a fetch waits on the broker for new messages, in ms; default 1 000. It also
   * bounds how long `close()` waits for the fetch in flight (kafkajs's own default is 5 000).
   */
  fetchMaxWaitMs?: number;
}

const HEADER_PREFIX = 'ce_';

export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private connecting: Promise<void> | null = null;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private closed = false;
  readonly topicPrefix: string;
  readonly retry: RetryPolicy;
  readonly log: Logger;
  readonly sessionTimeoutMs: number;
  readonly joinTimeoutMs: number;
  readonly fetchMaxWaitMs: number;

  constructor(opts: KafkaEventBusOptions) {
    this.log = opts.log.child({ component: 'event-bus.kafka' });
    this.topicPrefix = opts.topicPrefix ?? 'tonghop.';
    this.retry = opts.retry ?? DEFAULT_RETRY_POLICY;
    this.sessionTimeoutMs = opts.sessionTimeoutMs ?? 30_000;
    this.joinTimeoutMs = opts.joinTimeoutMs ?? 60_000;
    this.fetchMaxWaitMs = opts.fetchMaxWaitMs ?? 1_000;
    this.kafka = new Kafka({
      clientId: opts.clientId ?? 'tonghop',
      brokers: opts.brokers,
      logCreator: pinoLogCreator(this.log),
      logLevel: logLevel.WARN,
      retry: { retries: 8, initialRetryTime: 100, maxRetryTime: 5_000 },
    });
    this.producer = this.kafka.producer({ allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner });
  }

  topicOf(type: EventType): string {
    return `${this.topicPrefix}${type}`;
  }

  private connect(): Promise<void> {
    this.connecting ??= this.producer.connect();
    return this.connecting;
  }

  async publish(event: EventOf<EventType>): Promise<void> {
    if (this.closed) throw tonghopError('TH_ERR_BUS_CLOSED');
    const valid = validateEvent(event);
    await this.sendRaw(valid.type, valid.subject, JSON.stringify(valid), {
      [`${HEADER_PREFIX}specversion`]: valid.specversion,
      [`${HEADER_PREFIX}id`]: valid.id,
      [`${HEADER_PREFIX}type`]: valid.type,
      [`${HEADER_PREFIX}source`]: valid.source,
      [`${HEADER_PREFIX}time`]: valid.time,
      [`${HEADER_PREFIX}subject`]: valid.subject,
      'content-type': 'application/cloudevents+json; charset=utf-8',
    });
  }

  /** Sends bytes as they are to a type's topic; `publish` validates first, tests inject poison with it. */
  async sendRaw(type: EventType, key: string | null, value: string, headers: IHeaders = {}): Promise<void> {
    await this.connect();
    await this.producer.send({ topic: this.topicOf(type), acks: -1, messages: [{ key, value, headers }] });
  }

  async subscribe(group: string, handlers: HandlerMap): Promise<Subscription> {
    if (this.closed) throw tonghopError('TH_ERR_BUS_CLOSED');
    const types = (Object.keys(handlers) as EventType[]).filter((t) => handlers[t] !== undefined);
    const consumer = this.kafka.consumer({
      groupId: group,
      allowAutoTopicCreation: true,
      sessionTimeout: this.sessionTimeoutMs,
      heartbeatInterval: Math.max(100, Math.floor(this.sessionTimeoutMs / 10)),
      rebalanceTimeout: this.sessionTimeoutMs * 2,
      maxWaitTimeInMs: this.fetchMaxWaitMs,
    });
    const sub = new KafkaSubscription(this, group, consumer, handlers);
    this.subscriptions.add(sub);
    try {
      await sub.start(types.map((t) => this.topicOf(t)));
    } catch (err) {
      this.subscriptions.delete(sub);
      await consumer.disconnect().catch(() => undefined);
      throw err;
    }
    return sub;
  }

  forget(sub: KafkaSubscription): void {
    this.subscriptions.delete(sub);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.connecting) await this.producer.disconnect();
  }
}

class KafkaSubscription implements Subscription {
  private readonly abort = new AbortController();
  private closing: Promise<void> | null = null;

  constructor(
    private readonly bus: KafkaEventBus,
    readonly group: string,
    private readonly consumer: Consumer,
    private readonly handlers: HandlerMap,
  ) {}

  async start(topics: string[]): Promise<void> {
    const joined = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumer group "${this.group}" did not join within ${this.bus.joinTimeoutMs} ms`)), this.bus.joinTimeoutMs);
      this.consumer.on(this.consumer.events.GROUP_JOIN, () => { clearTimeout(timer); resolve(); });
      this.consumer.on(this.consumer.events.CRASH, (e) => {
        this.bus.log.error({ group: this.group, err: e.payload.error, restart: e.payload.restart }, 'consumer crashed');
      });
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 1,
      eachMessage: async ({ topic, partition, message }) => {
        const outcome = await deliver(
          { topic, key: message.key?.toString('utf8') ?? null, value: message.value?.toString('utf8') ?? '' },
          {
            group: this.group,
            handlers: this.handlers,
            policy: this.bus.retry,
            log: this.bus.log,
            signal: this.abort.signal,
            deadLetter: deadLetterPublisher(this.bus, this.group),
          },
        );
        // An aborted delivery stays uncommitted so the next member of the group gets it.
        if (outcome === 'aborted') return;
        await this.consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
    await joined;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.abort.abort();
      await this.consumer.disconnect();
      this.bus.forget(this);
    })();
    return this.closing;
  }
}

/** Routes kafkajs's own log lines into pino, one level lower: the client is chatty during rebalances. */
function pinoLogCreator(log: Logger): logCreator {
  return () => ({ namespace, level, log: entry }) => {
    const { message, ...rest } = entry;
    const line = { kafkajs: namespace, ...rest };
    if (level === logLevel.ERROR) log.warn(line, message);
    else if (level === logLevel.WARN) log.info(line, message);
    else log.debug(line, message);
  };
}
