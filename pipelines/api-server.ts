import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Logger } from '../infra/log/logger.ts';
import type { SqlDatabase } from '../infra/db/sql-database.ts';
import type { ObjectStore } from '../infra/store/object-store.ts';
import type { TokenStore } from '../infra/auth/token-store.ts';
import type { ContactStore } from '../infra/contacts/contact-store.ts';
import { createMemoryTokenStore } from '../infra/auth/token-store.memory.ts';
import { openFileTokenStore } from '../infra/auth/token-store.local.ts';
import { TokenRecord } from '../schemas/api/access-token.ts';
import { buildApiServer } from '../services/api/api-server.ts';
import type { IntakePort } from '../services/api/intake-port.ts';
import { generateTokenSecret, tokenSha256 } from '../services/api/access/token-secret.ts';
import { loadUnitRegistry } from '../services/registry/unit-registry.ts';

/**
 * Serves the analyst API over a running pipeline (the embedded one: its database, object
 * store and ingest service), on TONGHOP_API_HOST:TONGHOP_API_PORT (default 127.0.0.1:8080).
 *
 * Tokens come from TONGHOP_TOKENS_FILE. Without one (the local default), two tokens are
 * generated for this run only — an admin and a national analyst — kept in memory and printed
 * to `out` (stderr), so `npm start` can be tried at once and nothing is ever open without a
 * token. Tokens an admin creates then last until the process stops.
 *
 *   const pipeline = await startEmbedded(config, log);
 *   const api = await startApiServer({ config, log, pipeline });   // … await api.close()
 */
export interface ApiPipeline {
  db: SqlDatabase;
  store: ObjectStore;
  ingest: IntakePort;
  /** The notifier's contact store, so that admins' changes reach it. */
  contacts: ContactStore;
}

export interface RunningApi {
  app: FastifyInstance;
  /** `http://127.0.0.1:8080` */
  url: string;
  /** The generated secrets when no tokens file is configured. */
  generated?: { admin: string; analyst: string };
  close(): Promise<void>;
}

export async function startApiServer(opts: { config: Readonly<Config>; log: Logger; pipeline: ApiPipeline; out?: NodeJS.WritableStream }): Promise<RunningApi> {
  const { config, log, pipeline } = opts;
  const out = opts.out ?? process.stderr;
  let tokens: TokenStore;
  let generated: RunningApi['generated'];
  if (config.api.tokensFile) {
    tokens = await openFileTokenStore(config.api.tokensFile);
  } else {
    generated = { admin: generateTokenSecret(), analyst: generateTokenSecret() };
    const createdAt = new Date().toISOString();
    tokens = createMemoryTokenStore([
      TokenRecord.parse({ id: 'local-admin', name: 'Quản trị (cục bộ) / local admin', role: 'admin', sha256: tokenSha256(generated.admin), createdAt }),
      TokenRecord.parse({ id: 'local-analyst', name: 'Chuyên viên toàn quốc (cục bộ) / local national analyst', role: 'analyst', national: true, sha256: tokenSha256(generated.analyst), createdAt }),
    ]);
  }
  const app = await buildApiServer({
    db: pipeline.db, store: pipeline.store, intake: pipeline.ingest, registry: loadUnitRegistry(), tokens, contacts: pipeline.contacts,
    log: log.child({ service: 'api' }),
    options: {
      maxUploadBytes: config.maxUploadBytes, queryMaxRows: config.api.queryMaxRows, queryTimeoutMs: config.api.queryTimeoutMs,
      exportMaxRows: config.api.exportMaxRows, ...(config.completeness.dueDays === undefined ? {} : { dueDays: config.completeness.dueDays }),
    },
  });
  await app.listen({ host: config.api.host, port: config.api.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.api.port;
  const host = config.api.host.includes(':') ? `[${config.api.host}]` : config.api.host;
  const url = `http://${host}:${port}`;
  out.write(`API cho chuyên viên / analyst API: ${url}/v1 — tài liệu / docs: ${url}/docs\n`);
  if (generated) {
    out.write('  Chưa cấu hình TONGHOP_TOKENS_FILE: mã truy cập tạm cho lần chạy này / no TONGHOP_TOKENS_FILE: tokens for this run only\n'
      + `    quản trị / admin:                   ${generated.admin}\n`
      + `    chuyên viên toàn quốc / analyst:    ${generated.analyst}\n`
      + `    curl -H "Authorization: Bearer ${generated.analyst}" ${url}/v1/flags\n`);
  }
  return { app, url, ...(generated ? { generated } : {}), close: () => app.close() };
}

/** The lines a person needs to open the dashboard: its address, with the token when one was generated. */
export function dashboardBanner(api: Pick<RunningApi, 'url' | 'generated'>): string {
  const open = api.generated ? `${api.url}/#token=${api.generated.analyst}` : `${api.url}/`;
  return `  Bảng điều khiển / dashboard: ${open}\n`;
}
