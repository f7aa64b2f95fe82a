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
 *
 * Alerts to reporting units (services/notifier/, README "Cảnh báo cho đơn vị / Alerts"):
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | TONGHOP_CONTACTS_FILE | contacts per unit (JSON, schemas/records/unit-contact.ts), also written by admins through the API; missing file = none; unset → in memory only | (unset) |
 * | TONGHOP_NOTIFIER_DB | the notifier's DuckDB file (delivery log) | <data>/notifier.duckdb |
 * | TONGHOP_SMTP_URL | SMTP server, `smtp://user:pass@host:587` or `smtps://…:465`; needed when a contact has e-mail | (unset) |
 * | TONGHOP_ALERT_FROM | From header of alert e-mails | "Tổng hợp số liệu" <tonghop@localhost> |
 * | TONGHOP_ALERT_NOTIFY_PARENT | also send a unit's alerts to its parent unless its contact says otherwise | false |
 * | TONGHOP_DIGEST_TIME | when daily digests go out, HH:MM Vietnam time (UTC+7) | 07:00 |
 * | TONGHOP_ALERT_MAX_ATTEMPTS | attempts per delivery before giving up | 8 |
 * | TONGHOP_ALERT_RETRY_MS | delay before the 2nd attempt, ms; ×3 each time, capped at 1 h, ±20 % jitter | 10000 |
 * | TONGHOP_WEBHOOK_TIMEOUT_MS | per-request webhook timeout, ms | 10000 |
 *
 * Analyst API (services/api/, README "API cho chuyên viên / Analyst API"):
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | TONGHOP_API_HOST | address the API listens on | 127.0.0.1 |
 * | TONGHOP_API_PORT | port | 8080 |
 * | TONGHOP_TOKENS_FILE | access tokens (JSON, schemas/api/access-token.ts, sha256 only); unset → an admin and a national analyst token are generated at start and printed | (unset) |
 * | TONGHOP_API_QUERY_MAX_ROWS | most rows POST /v1/query returns | 10000 |
 * | TONGHOP_API_QUERY_TIMEOUT_MS | an analyst's query is interrupted after this, ms | 10000 |
 * | TONGHOP_API_EXPORT_MAX_ROWS | most rows of one export (CSV, XLSX, Parquet) | 1000000 |
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
  TONGHOP_CONTACTS_FILE: z.string().min(1).optional(),
  TONGHOP_NOTIFIER_DB: z.string().min(1).optional(),
  TONGHOP_SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s/]+/, 'expected smtp://[user:pass@]host[:port] or smtps://…').optional(),
  TONGHOP_ALERT_FROM: z.string().min(3).default('"Tổng hợp số liệu" <tonghop@localhost>'),
  TONGHOP_ALERT_NOTIFY_PARENT: bool.default(false),
  TONGHOP_DIGEST_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour, Vietnam time)').default('07:00'),
  TONGHOP_ALERT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  TONGHOP_ALERT_RETRY_MS: z.coerce.number().int().min(1).default(10_000),
  TONGHOP_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  TONGHOP_API_HOST: z.string().min(1).default('127.0.0.1'),
  TONGHOP_API_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  TONGHOP_TOKENS_FILE: z.string().min(1).optional(),
  TONGHOP_API_QUERY_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  TONGHOP_API_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  TONGHOP_API_EXPORT_MAX_ROWS: z.coerce.number().int().min(1).default(1_000_000),
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
  alerts: AlertConfig;
  api: ApiConfig;
  kafka?: { brokers: string[]; clientId: string; topicPrefix: string };
  s3?: { endpoint: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
}

/** The analyst API's settings (see the table above). */
export interface ApiConfig {
  host: string;
  port: number;
  tokensFile?: string;
  queryMaxRows: number;
  queryTimeoutMs: number;
  exportMaxRows: number;
}

/** The notifier's settings (see the table above). */
export interface AlertConfig {
  contactsFile?: string;
  dbPath: string;
  smtpUrl?: string;
  from: string;
  notifyParent: boolean;
  /** HH:MM, Vietnam time (UTC+7, no daylight saving). */
  digestTime: string;
  retry: { maxAttempts: number; initialDelayMs: number; factor: number; maxDelayMs: number };
  webhookTimeoutMs: number;
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
    alerts: {
      ...(e.TONGHOP_CONTACTS_FILE ? { contactsFile: resolve(e.TONGHOP_CONTACTS_FILE) } : {}),
      dbPath: overrides.dataDir ? resolve(dataDir, 'notifier.duckdb') : resolve(e.TONGHOP_NOTIFIER_DB ?? resolve(dataDir, 'notifier.duckdb')),
      ...(e.TONGHOP_SMTP_URL ? { smtpUrl: e.TONGHOP_SMTP_URL } : {}),
      from: e.TONGHOP_ALERT_FROM,
      notifyParent: e.TONGHOP_ALERT_NOTIFY_PARENT,
      digestTime: e.TONGHOP_DIGEST_TIME,
      retry: { maxAttempts: e.TONGHOP_ALERT_MAX_ATTEMPTS, initialDelayMs: e.TONGHOP_ALERT_RETRY_MS, factor: 3, maxDelayMs: 3_600_000 },
      webhookTimeoutMs: e.TONGHOP_WEBHOOK_TIMEOUT_MS,
    },
    api: {
      host: e.TONGHOP_API_HOST,
      port: e.TONGHOP_API_PORT,
      ...(e.TONGHOP_TOKENS_FILE ? { tokensFile: resolve(e.TONGHOP_TOKENS_FILE) } : {}),
      queryMaxRows: e.TONGHOP_API_QUERY_MAX_ROWS,
      queryTimeoutMs: e.TONGHOP_API_QUERY_TIMEOUT_MS,
      exportMaxRows: e.TONGHOP_API_EXPORT_MAX_ROWS,
    },
    completeness: { minShare: e.TONGHOP_COMPLETENESS_MIN_SHARE, ...(e.TONGHOP_DUE_DAYS === undefined ? {} : { dueDays: e.TONGHOP_DUE_DAYS }) },
    kafka: e.KAFKA_BROKERS ? { brokers: e.KAFKA_BROKERS.split(','), clientId: e.KAFKA_CLIENT_ID, topicPrefix: e.KAFKA_TOPIC_PREFIX } : undefined,
    s3: e.S3_ENDPOINT ? {
      endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, forcePathStyle: e.S3_FORCE_PATH_STYLE,
    } : undefined,
  });
}
