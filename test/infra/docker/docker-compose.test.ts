import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../pipelines/config.ts';
import { WORKER_NAMES } from '../../../pipelines/worker.ts';
import { at, parseComposeConfig, runDockerCompose, type ComposeValue } from './compose-config.ts';

/**
 * docker-compose.yml as docker-compose itself reads it: valid for Debian's
 * docker-compose 1.29 (the oldest we support), the expected services, and workers wired
 * to Kafka and MinIO with settings that pipelines/config.ts actually accepts. Nothing is
 * started. Skipped, with the reason printed, where no `docker-compose` binary is
 * installed (CI installs Debian's).
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXPECTED_SERVICES = ['kafka', 'kafka-init', 'minio', 'minio-init', ...WORKER_NAMES];

const probe = runDockerCompose(['version'], ROOT);
if (probe.missing) console.warn('[docker-compose.yml] skipped: no docker-compose binary on PATH (apt-get install docker-compose)');

/** Environment variable names pipelines/config.ts reads (the keys of its zod EnvSchema). */
function configVariables(): Set<string> {
  const source = readFileSync(new URL('../../../pipelines/config.ts', import.meta.url), 'utf8');
  const schema = source.slice(source.indexOf('const EnvSchema'), source.indexOf('});', source.indexOf('const EnvSchema')));
  return new Set([...schema.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!));
}

function stringMap(value: ComposeValue | undefined): Record<string, string> {
  if (value === null || value === undefined || typeof value === 'string' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

describe.skipIf(probe.missing)('docker-compose.yml', () => {
  // Read once, on first use, so a file that does not validate fails the `config -q` test by itself.
  let normalized: ComposeValue | undefined;
  const config = (): ComposeValue => {
    if (normalized === undefined) {
      const run = runDockerCompose(['-f', 'docker-compose.yml', 'config'], ROOT);
      if (run.status !== 0) throw new Error(`docker-compose config failed:\n${run.stderr}`);
      normalized = parseComposeConfig(run.stdout);
    }
    return normalized;
  };

  it('passes `docker-compose config -q`', () => {
    const run = runDockerCompose(['-f', 'docker-compose.yml', 'config', '-q'], ROOT);
    expect(run.stderr).not.toMatch(/error|invalid/i);
    expect(run.status, run.stderr).toBe(0);
  });

  it('defines exactly Kafka, MinIO, their init jobs and one service per worker', () => {
    const run = runDockerCompose(['-f', 'docker-compose.yml', 'config', '--services'], ROOT);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean).sort()).toEqual([...EXPECTED_SERVICES].sort());
  });

  it('runs each worker from the one Dockerfile as `worker <name>`', () => {
    for (const name of WORKER_NAMES) {
      expect(at(config(), 'services', name, 'command'), name).toEqual(['worker', name]);
      expect(at(config(), 'services', name, 'build', 'dockerfile'), name).toBe('infra/docker/Dockerfile');
    }
  });

  it('gives every worker an environment that pipelines/config.ts accepts and that selects Kafka and MinIO', () => {
    const known = configVariables();
    expect(known.has('KAFKA_BROKERS')).toBe(true); // the schema was found
    const defaults = loadConfig({ KAFKA_BROKERS: 'x:1' });
    for (const name of WORKER_NAMES) {
      const env = stringMap(at(config(), 'services', name, 'environment'));
      // A misspelt variable would be ignored silently at run time.
      expect(Object.keys(env).filter((k) => !known.has(k)), `${name}: unknown variables`).toEqual([]);
      const loaded = loadConfig(env);
      expect(loaded.kafka, name).toMatchObject({ brokers: ['kafka:9092'], topicPrefix: defaults.kafka!.topicPrefix });
      expect(loaded.s3, name).toMatchObject({
        endpoint: 'http://minio:9000', bucket: 'tonghop', forcePathStyle: true,
        accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY,
      });
      // The workers log in with the credentials MinIO is started with.
      expect(env.S3_ACCESS_KEY_ID).toBe(stringMap(at(config(), 'services', 'minio', 'environment')).MINIO_ROOT_USER);
      expect(env.S3_SECRET_ACCESS_KEY).toBe(stringMap(at(config(), 'services', 'minio', 'environment')).MINIO_ROOT_PASSWORD);
    }
    expect(stringMap(at(config(), 'services', 'kafka-init', 'environment')).KAFKA_TOPIC_PREFIX).toBe(defaults.kafka!.topicPrefix);
    expect(stringMap(at(config(), 'services', 'minio-init', 'environment')).S3_BUCKET).toBe('tonghop');
  });

  it('starts workers only after the topics and the bucket exist, and the init jobs after healthy servers', () => {
    const condition = (service: string, on: string) => at(config(), 'services', service, 'depends_on', on, 'condition');
    for (const name of WORKER_NAMES) expect(condition(name, 'kafka-init'), name).toBe('service_completed_successfully');
    for (const name of ['ingest', 'parser']) expect(condition(name, 'minio-init'), name).toBe('service_completed_successfully');
    expect(condition('kafka-init', 'kafka')).toBe('service_healthy');
    expect(condition('minio-init', 'minio')).toBe('service_healthy');
    expect(at(config(), 'services', 'kafka', 'healthcheck', 'test')).toBeTruthy();
    expect(at(config(), 'services', 'minio', 'healthcheck', 'test')).toBeTruthy();
  });

  it('runs Kafka in KRaft mode, without ZooKeeper', () => {
    const env = stringMap(at(config(), 'services', 'kafka', 'environment'));
    expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(env.KAFKA_ADVERTISED_LISTENERS).toContain('PLAINTEXT://kafka:9092');
    expect(Object.keys(env).filter((k) => /ZOOKEEPER/.test(k))).toEqual([]);
    expect(EXPECTED_SERVICES.filter((s) => /zookeeper/i.test(s))).toEqual([]);
  });

  it('keeps the DuckDB file on a volume and runs exactly one consolidator (one writer per file)', () => {
    const env = stringMap(at(config(), 'services', 'consolidator', 'environment'));
    const volumes = at(config(), 'services', 'consolidator', 'volumes');
    expect(Array.isArray(volumes)).toBe(true);
    const dbDir = env.TONGHOP_DUCKDB_PATH!.slice(0, env.TONGHOP_DUCKDB_PATH!.lastIndexOf('/'));
    expect(JSON.stringify(volumes)).toContain(dbDir);
    expect(at(config(), 'services', 'consolidator', 'deploy', 'replicas')).toBe('1');
  });

  it('mounts the host drop folder into the ingest worker at its TONGHOP_INBOX_DIR', () => {
    const inbox = stringMap(at(config(), 'services', 'ingest', 'environment')).TONGHOP_INBOX_DIR!;
    expect(JSON.stringify(at(config(), 'services', 'ingest', 'volumes'))).toMatch(new RegExp(`data/inbox"?[:,].*${inbox.replaceAll('/', '\\/')}`));
  });

  it('publishes ports on 127.0.0.1 only', () => {
    const services = at(config(), 'services');
    const published = Object.entries(stringMapOfValues(services)).flatMap(([name, service]) => {
      const ports = at(service, 'ports');
      return Array.isArray(ports) ? ports.map((p) => ({ name, port: p })) : [];
    });
    expect(published.length).toBeGreaterThan(0);
    for (const { name, port } of published) {
      // 1.29 prints "127.0.0.1:9094:9094/tcp"; Compose v2 prints { host_ip: 127.0.0.1, … }.
      const hostIp = typeof port === 'string' ? port.split(':')[0] : at(port, 'host_ip');
      expect(hostIp, `${name}: ${JSON.stringify(port)}`).toBe('127.0.0.1');
    }
  });
});

function stringMapOfValues(value: ComposeValue | undefined): Record<string, ComposeValue> {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
