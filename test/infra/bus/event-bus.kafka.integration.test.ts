import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaEventBus } from '../../../infra/bus/event-bus.kafka.ts';
import { startMockBroker, type MockBroker } from '../../support/kafka-mock-broker.ts';
import { capturingLogger } from '../../support/silent-logger.ts';
import { waitFor } from '../../support/wait-for.ts';
import { describeEventBusContract, failedEvent, TEST_RETRY_POLICY } from './event-bus.contract.ts';

// The contract against a real Kafka-protocol broker: librdkafka's mock cluster from kcat.
let broker: MockBroker;
beforeAll(async () => { broker = await startMockBroker(); });
afterAll(async () => { await broker?.stop(); });

function makeBus(topicPrefix: string): KafkaEventBus {
  return new KafkaEventBus({
    brokers: [broker.bootstrap], topicPrefix, log: capturingLogger().log, retry: TEST_RETRY_POLICY, sessionTimeoutMs: 6_000, fetchMaxWaitMs: 100,
  });
}

describeEventBusContract('kafka (kcat mock cluster)', () => {
  const bus = makeBus(`t${randomUUID().slice(0, 8)}.`);
  return Promise.resolve({
    bus,
    injectRaw: (type, key, value) => bus.sendRaw(type, key, value),
    cleanup: () => bus.close(),
  });
}, 45_000);

// Kafka-only: what crosses the wire, and a restart by a different process-level client.
describe('KafkaEventBus (adapter-specific)', () => {
  it('keys messages by unit code and carries CloudEvents headers', async () => {
    const prefix = `h${randomUUID().slice(0, 8)}.`;
    const bus = makeBus(prefix);
    const event = failedEvent(9, '79');
    await bus.publish(event);
    const { Kafka } = await import('kafkajs');
    const consumer = new Kafka({ brokers: [broker.bootstrap], logLevel: 0 }).consumer({ groupId: `raw-${randomUUID()}` });
    const seen: { key: string | undefined; headers: Record<string, string> }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}report.failed`, fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        seen.push({ key: message.key?.toString(), headers });
        return Promise.resolve();
      },
    });
    await waitFor('raw message', () => seen.length >= 1, 30_000);
    await consumer.disconnect();
    await bus.close();
    expect(seen[0]).toMatchObject({ key: '79', headers: { ce_type: 'report.failed', ce_id: event.id, ce_subject: '79', ce_specversion: '1.0' } });
  });

  it('a new client in the same group resumes from the committed offset', async () => {
    const prefix = `r${randomUUID().slice(0, 8)}.`;
    const group = `g-${randomUUID().slice(0, 8)}`;
    const first = makeBus(prefix);
    const seen1: string[] = [];
    await first.subscribe(group, { 'report.failed': (e) => { seen1.push(e.id); return Promise.resolve(); } });
    const events = [1, 2, 3, 4].map((n) => failedEvent(n));
    for (const e of events.slice(0, 2)) await first.publish(e);
    await waitFor('first two', () => seen1.length >= 2, 30_000);
    await first.close();

    const second = makeBus(prefix);
    for (const e of events.slice(2)) await second.publish(e);
    const seen2: string[] = [];
    await second.subscribe(group, { 'report.failed': (e) => { seen2.push(e.id); return Promise.resolve(); } });
    await waitFor('last two', () => seen2.length >= 2, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    await second.close();
    expect(seen1).toEqual(events.slice(0, 2).map((e) => e.id));
    expect(seen2).toEqual(events.slice(2).map((e) => e.id));
  });
});
