import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Kafka, logLevel } from 'kafkajs';
import { Wait } from 'testcontainers';
import type { StartedTestContainer } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KafkaEventBus } from '../../../infra/bus/event-bus.kafka.ts';
import { detectDocker } from '../../support/docker-available.ts';
import { LoopbackContainer } from '../../support/loopback-container.ts';
import { capturingLogger } from '../../support/silent-logger.ts';
import { waitFor } from '../../support/wait-for.ts';
import { describeEventBusContract, failedEvent, TEST_RETRY_POLICY } from './event-bus.contract.ts';

/**
 * The EventBus contract against real Apache Kafka: one KRaft node (broker and
 * controller, no ZooKeeper) in a container (testcontainers), the image docker-compose.yml
 * runs. It covers what kcat's mock cluster cannot vouch for: a real broker's group
 * coordinator, rebalances and automatic topic creation, which the adapter relies on.
 * Runs only when a Docker engine answers; otherwise every test is skipped and the reason
 * printed. Override the image with TONGHOP_KAFKA_IMAGE.
 */

/** Pinned so a Kafka release cannot change the test under us; same tag as docker-compose.yml. */
const KAFKA_IMAGE = process.env.TONGHOP_KAFKA_IMAGE ?? 'apache/kafka:3.8.0';
/** Clients (this process) connect here, through the port Docker maps on the host. */
const CLIENT_PORT = 9092;
/** The broker's own listener to itself, inside the container. */
const BROKER_PORT = 9093;
const CONTROLLER_PORT = 9094;
const STARTER_SCRIPT = '/tmp/tonghop-kafka-start.sh';
const WAITING_FOR_SCRIPT = 'tonghop: waiting for the start script';
/** Any 22-character base64url id will do; fixed so logs are comparable between runs. */
const CLUSTER_ID = 'cOmfTZ6_R-2-cqJX8qPbXw';

/**
 * Apache Kafka in KRaft mode whose advertised listener is the host-mapped port.
 *
 * Kafka hands clients the address to reconnect to (advertised.listeners), and the
 * host port Docker picks is known only once the container has started. So the
 * container starts with a shell that waits for a start script; once the port is
 * mapped, containerStarted() writes the script, which exports KAFKA_ADVERTISED_LISTENERS
 * and execs the image's own launcher. (The same trick as Testcontainers' Java and Go
 * Kafka modules; a fixed host port would collide between parallel runs.)
 */
class KraftKafkaContainer extends LoopbackContainer {
  private readonly logTail: string[] = [];

  constructor(image: string, loopbackOnly: boolean) {
    super(image, loopbackOnly);
    this.withExposedPorts(CLIENT_PORT)
      .withEnvironment({
        CLUSTER_ID,
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_CONTROLLER_QUORUM_VOTERS: `1@localhost:${CONTROLLER_PORT}`,
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_LISTENERS: `PLAINTEXT://0.0.0.0:${CLIENT_PORT},BROKER://0.0.0.0:${BROKER_PORT},CONTROLLER://0.0.0.0:${CONTROLLER_PORT}`,
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
        KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '1',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        // Groups join at once instead of waiting 3 s for more members.
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        // Kafka's default, spelled out: the adapter never creates topics itself.
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'true',
      })
      .withEntrypoint(['sh'])
      .withCommand(['-c', `echo '${WAITING_FOR_SCRIPT}'; while [ ! -f ${STARTER_SCRIPT} ]; do sleep 0.1; done; exec bash ${STARTER_SCRIPT}`])
      .withWaitStrategy(Wait.forLogMessage(WAITING_FOR_SCRIPT))
      .withStartupTimeout(120_000)
      .withLogConsumer((stream: Readable) => {
        stream.on('data', (chunk: string | Buffer) => {
          this.logTail.push(...chunk.toString().split('\n').filter((l) => l.trim()));
          this.logTail.splice(0, Math.max(0, this.logTail.length - 40));
        });
      });
  }

  /** The last lines the container printed, for error messages. */
  recentLogs(): string {
    return this.logTail.join('\n');
  }

  /** host:port to give kafkajs; loopback by address so `localhost` cannot resolve to ::1. */
  bootstrapOf(container: StartedTestContainer): string {
    return `${this.loopbackOnly ? '127.0.0.1' : container.getHost()}:${container.getMappedPort(CLIENT_PORT)}`;
  }

  protected override async containerStarted(container: StartedTestContainer): Promise<void> {
    const advertised = `PLAINTEXT://${this.bootstrapOf(container)},BROKER://localhost:${BROKER_PORT}`;
    const script = `#!/bin/bash\nexport KAFKA_ADVERTISED_LISTENERS=${advertised}\nexec /etc/kafka/docker/run\n`;
    await container.copyContentToContainer([{ content: script, target: STARTER_SCRIPT, mode: 0o755 }]);
  }
}

/** Resolves once the broker answers a metadata request (the launcher takes a few seconds). */
async function waitForBroker(bootstrap: string, logs: () => string): Promise<void> {
  const kafka = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 2_000 });
  try {
    await waitFor('Kafka to answer a metadata request', async () => {
      const admin = kafka.admin();
      try {
        await admin.connect();
        return (await admin.describeCluster()).brokers.length > 0;
      } catch {
        return false;
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }, 120_000, 500);
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}; last container output:\n${logs()}`, { cause: err });
  }
}

const docker = await detectDocker();
if (!docker.available) console.warn(`[Kafka (apache/kafka KRaft, testcontainers)] skipped: ${docker.reason}`);

describe.skipIf(!docker.available)('KafkaEventBus on Apache Kafka (testcontainers)', () => {
  let container: StartedTestContainer | undefined;
  let bootstrap = '';

  function makeBus(topicPrefix: string): KafkaEventBus {
    return new KafkaEventBus({
      brokers: [bootstrap], topicPrefix, log: capturingLogger().log, retry: TEST_RETRY_POLICY, sessionTimeoutMs: 6_000, fetchMaxWaitMs: 100,
    });
  }

  beforeAll(async () => {
    const kafka = new KraftKafkaContainer(KAFKA_IMAGE, docker.available && docker.localHost);
    container = await kafka.start();
    bootstrap = kafka.bootstrapOf(container);
    await waitForBroker(bootstrap, () => kafka.recentLogs());
  });

  afterAll(async () => {
    await container?.stop();
  });

  describeEventBusContract('kafka (apache/kafka, KRaft, testcontainers)', () => {
    const bus = makeBus(`t${randomUUID().slice(0, 8)}.`);
    return Promise.resolve({
      bus,
      injectRaw: (type, key, value) => bus.sendRaw(type, key, value),
      cleanup: () => bus.close(),
    });
  }, 60_000);

  // Real-broker facts the contract takes for granted.
  it('advertises the host-mapped address, so clients outside the container can follow it', async () => {
    const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const { brokers } = await admin.describeCluster();
      expect(brokers.map((b) => `${b.host}:${b.port}`)).toEqual([bootstrap]);
    } finally {
      await admin.disconnect();
    }
  });

  it('creates a topic on first publish (the adapter never calls CreateTopics)', async () => {
    const prefix = `a${randomUUID().slice(0, 8)}.`;
    const bus = makeBus(prefix);
    const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).not.toContain(`${prefix}report.failed`);
      await bus.publish(failedEvent(1, '79'));
      expect(await admin.listTopics()).toContain(`${prefix}report.failed`);
      const offsets = await admin.fetchTopicOffsets(`${prefix}report.failed`);
      expect(offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0)).toBe(1);
    } finally {
      await admin.disconnect();
      await bus.close();
    }
  });
});
