import { resolve } from 'node:path';
import { z } from 'zod';
import { tonghopError } from '../infra/errors/error-catalog.ts';

/**
 * Runtime configuration, read from the environment once at start-up, validated and
 * frozen. A bad value stops the process with every problem listed.
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | TONGHOP_DATA_DIR | folder for the local object store and the DuckDB file | ./data |
 * | TONGHOP_DUCKDB_PATH | DuckDB database file | <data>/tonghop.duckdb |
 * | TONGHOP_MAX_UPLOAD_BYTES | largest accepted report, bytes | 52428800 (50 MiB) |
 * | TONGHOP_INBOX_DIR | drop folder watched by `serve` and `worker ingest` | <data>/inbox |
 * | TONGHOP_INBOX_POLL_MS | how often the drop folder is scanned, ms | 2000 |
 * | KAFKA_BROKERS | comma-separated brokers; set → Kafka bus, unset → in-process bus | (unset) |
 * | KAFKA_CLIENT_ID | Kafka client id | tonghop |
 * | KAFKA_TOPIC_PREFIX | prefix of every topic | tonghop. |
 * | S3_ENDPOINT | S3-compatible endpoint URL; set → S3 store, unset → local folder | (unset) |
 * | S3_BUCKET | bucket for originals and extracted text | tonghop |
 * | S3_REGION | region | us-east-1 |
 * | S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY | credentials (else the SDK's default chain) | (unset) |
 * | S3_FORCE_PATH_STYLE | path-style URLs (MinIO, s3rver) | true |
 * | TONGHOP_DUE_DAYS | days after a period's end a report is due; set → late reports are flagged | (unset) |
 * | TONGHOP_COMPLETENESS_MIN_SHARE | share of a parent's children that must report before the rest count as missing | 0.5 |
 * | LOG_LEVEL | pino level | info |
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  TONGHOP_DATA_DIR: z.string().min(1).default('./data'),
  TONGHOP_DUCKDB_PATH: z.string().min(1).optional(),
  TONGHOP_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  TONGHOP_INBOX_DIR: z.string().min(1).optional(),
  TONGHOP_INBOX_POLL_MS: z.coerce.number().int().min(100).default(2_000),
  KAFKA_BROKERS: z.string().regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'expected host:port[,host:port…]').optional(),
  KAFKA_CLIENT_ID: z.string().min(1).default('tonghop'),
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/).default('tonghop.'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'not a valid bucket name').default('tonghop'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  TONGHOP_DUE_DAYS: z.coerce.number().int().min(0).max(3660).optional(),
  TONGHOP_COMPLETENESS_MIN_SHARE: z.coerce.number().gt(0).max(1).default(0.5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  dataDir: string;
  duckdbPath: string;
  objectsDir: string;
  inboxDir: string;
  inboxPollMs: number;
  maxUploadBytes: number;
  logLevel: string;
  completeness: { minShare: number; dueDays?: number };
  kafka?: { brokers: string[]; clientId: string; topicPrefix: string };
  s3?: { endpoint: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
}

/** Overrides from the command line win over the environment (e.g. `--data`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { dataDir?: string } = {}): Readonly<Config> {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw tonghopError('TH_ERR_CONFIG', [lines]);
  }
  const e = parsed.data;
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    throw tonghopError('TH_ERR_CONFIG', ['  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together']);
  }
  const dataDir = resolve(overrides.dataDir ?? e.TONGHOP_DATA_DIR);
  return Object.freeze({
    dataDir,
    duckdbPath: overrides.dataDir ? resolve(dataDir, 'tonghop.duckdb') : resolve(e.TONGHOP_DUCKDB_PATH ?? resolve(dataDir, 'tonghop.duckdb')),
    objectsDir: resolve(dataDir, 'objects'),
    inboxDir: resolve(e.TONGHOP_INBOX_DIR ?? resolve(dataDir, 'inbox')),
    inboxPollMs: e.TONGHOP_INBOX_POLL_MS,
    maxUploadBytes: e.TONGHOP_MAX_UPLOAD_BYTES,
    logLevel: e.LOG_LEVEL,
    completeness: { minShare: e.TONGHOP_COMPLETENESS_MIN_SHARE, ...(e.TONGHOP_DUE_DAYS === undefined ? {} : { dueDays: e.TONGHOP_DUE_DAYS }) },
    kafka: e.KAFKA_BROKERS ? { brokers: e.KAFKA_BROKERS.split(','), clientId: e.KAFKA_CLIENT_ID, topicPrefix: e.KAFKA_TOPIC_PREFIX } : undefined,
    s3: e.S3_ENDPOINT ? {
      endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, forcePathStyle: e.S3_FORCE_PATH_STYLE,
    } : undefined,
  });
}
