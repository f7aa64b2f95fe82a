import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../pipelines/config.ts';
import { EVENT_TYPES } from '../../../schemas/events.ts';
import { runWithStub } from './init-script-runner.ts';

/**
 * infra/docker/kafka-init.sh, run with a stub kafka-topics: it must create exactly one
 * topic per event type in schemas/events.ts, named as the Kafka adapter names them, so
 * adding an event type without a topic fails here rather than in production (where the
 * broker would auto-create it with the wrong partition count).
 */
const SCRIPT = fileURLToPath(new URL('../../../infra/docker/kafka-init.sh', import.meta.url));

interface Created { topic: string; partitions: number; replication: number; args: string[] }

function creates(calls: string[][]): Created[] {
  return calls.filter((args) => args.includes('--create')).map((args) => {
    const after = (flag: string) => args[args.indexOf(flag) + 1] ?? '';
    return { topic: after('--topic'), partitions: Number(after('--partitions')), replication: Number(after('--replication-factor')), args };
  });
}

describe('infra/docker/kafka-init.sh', () => {
  it('creates one topic per event type, with the workers\' default prefix', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'KAFKA_TOPICS_BIN' });
    expect(run.status, run.stderr).toBe(0);
    const prefix = loadConfig({ KAFKA_BROKERS: 'x:1' }).kafka!.topicPrefix;
    expect(prefix).toBe('tonghop.');
    expect(creates(run.calls).map((c) => c.topic).sort()).toEqual(EVENT_TYPES.map((t) => `${prefix}${t}`).sort());
  });

  it('is idempotent and talks to the bootstrap server it is given', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'KAFKA_TOPICS_BIN', env: { KAFKA_BOOTSTRAP_SERVERS: 'broker-1:19092' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.calls.length).toBeGreaterThan(EVENT_TYPES.length); // the readiness probe, then the topics
    for (const args of run.calls) expect(args[args.indexOf('--bootstrap-server') + 1]).toBe('broker-1:19092');
    for (const c of creates(run.calls)) expect(c.args, c.topic).toContain('--if-not-exists');
  });

  it('gives the parsers\' topic room to scale out and keeps one copy on the single dev broker', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'KAFKA_TOPICS_BIN' });
    const byTopic = new Map(creates(run.calls).map((c) => [c.topic, c]));
    expect(byTopic.get('tonghop.report.submitted')!.partitions).toBeGreaterThanOrEqual(6);
    for (const c of byTopic.values()) {
      expect(Number.isInteger(c.partitions) && c.partitions >= 1, c.topic).toBe(true);
      expect(c.replication, c.topic).toBe(1);
    }
  });

  it('follows KAFKA_TOPIC_PREFIX and KAFKA_REPLICATION_FACTOR', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'KAFKA_TOPICS_BIN', env: { KAFKA_TOPIC_PREFIX: 'staging.th.', KAFKA_REPLICATION_FACTOR: '3' } });
    expect(run.status, run.stderr).toBe(0);
    const made = creates(run.calls);
    expect(made.map((c) => c.topic).sort()).toEqual(EVENT_TYPES.map((t) => `staging.th.${t}`).sort());
    expect(new Set(made.map((c) => c.replication))).toEqual(new Set([3]));
  });

  it('fails, creating nothing, when no broker answers in time', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'KAFKA_TOPICS_BIN', failOn: '--list', env: { KAFKA_INIT_WAIT_SECONDS: '0' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/no broker answered/);
    expect(creates(run.calls)).toEqual([]);
  });
});
