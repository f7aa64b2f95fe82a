import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryTokenStore } from '../infra/auth/token-store.memory.ts';
import { createMemoryContactStore } from '../infra/contacts/contact-store.memory.ts';
import { openDuckDb } from '../infra/db/sql-database.duckdb.ts';
import { createLogger } from '../infra/log/logger.ts';
import { createLocalObjectStore } from '../infra/store/object-store.local.ts';
import { TokenRecord } from '../schemas/api/access-token.ts';
import { tokenSha256 } from '../services/api/access/token-secret.ts';
import { buildApiServer } from '../services/api/api-server.ts';
import { createConsolidatorService } from '../services/consolidator/consolidator-service.ts';
import { loadUnitRegistry } from '../services/registry/unit-registry.ts';
import { catalog, setupSql, YEARS, yearSql } from './consolidation-data.ts';
import { option } from './bench-options.ts';

/**
 * `npm run bench:api`: the analyst API's drill-down and flag list at national scale, over
 * HTTP on 127.0.0.1.
 *
 * Data: the national synthetic dataset of `bench:consolidation` (bench/consolidation-data.ts:
 * 63 provinces, 705 districts, 10 599 communes, 150 indicators, 8 years, 13.6 M observations),
 * either generated here and rebuilt through the consolidator (≈ 5 min; `--scale` as in
 * bench:consolidation), or read from `--db PATH` (a file kept by `bench:consolidation --keep`,
 * migrated in place; generated there and kept when it does not exist yet).
 *
 * Loop (bounded: `--rounds` rounds, default 40, and at most `--seconds`, default 120), each
 * round for the next province in turn and a period of the dataset, the calls the dashboard
 * makes (services/api/dashboard/drill-down.js):
 *   top-ind    GET /v1/figures/indicators?level=province&period=  the national top: which indicators
 *   top        GET /v1/figures?level=province&period=&indicator=  the 63 provinces, one indicator
 *   units      GET /v1/units?parent=<province>&period=           the province's districts
 *   own-p      GET /v1/figures?unit=<province>&period=           the province's own figures
 *   drill-p    GET /v1/figures?unit=<province>&children=true&period=&indicator=   its districts', one indicator
 *   own-d      GET /v1/figures?unit=<district>&period=
 *   drill-d    GET /v1/figures?unit=<district>&children=true&period=&indicator=   its communes', one indicator
 *   flags-p    GET /v1/flags?unit=<province>&period=             every raised flag under it
 *   flags-d    GET /v1/flags?unit=<district>&period=
 *   series     GET /v1/figures/series?unit=<district>&indicator=hoso.received
 * and, as the size the drill-down had before it asked one indicator at a time, `all-d`:
 * GET /v1/figures?unit=<district>&children=true&period= (every indicator of every commune; not
 * a dashboard call any more, left out of the totals). Sequential requests (one client), timed from send
 * to the last byte; p50/p95/max per kind. Target: p95 < 50 ms. Writes bench/results/api-latency.json.
 */
const root = join(import.meta.dirname, '..');
const dbOption = option('--db');
const existing = dbOption !== undefined && existsSync(dbOption) ? dbOption : undefined;
const scale = Number(option('--scale') ?? 1);
const rounds = Math.max(1, Math.trunc(Number(option('--rounds') ?? 40)));
const maxSeconds = Number(option('--seconds') ?? 120);
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], got ${option('--scale')}`);

const TOKEN = 'bench-national-analyst-token-0123456789';
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const log = (line: string) => console.log(line);

const dir = await mkdtemp(join(tmpdir(), 'tonghop-bench-api-'));
const dbPath = dbOption ?? join(dir, 'national.duckdb');
const db = await openDuckDb({ path: dbPath });
const registry = loadUnitRegistry();
const silent = createLogger({ level: 'silent' });
try {
  const consolidator = createConsolidatorService({ db, log: silent, bus: { publish: () => Promise.resolve() }, registry, catalog });
  await consolidator.init();
  if (!existing) {
    const [{ n: provinces } = { n: 0 }] = await db.all<{ n: number }>(
      `SELECT count(*) AS n FROM units WHERE level = 'province' AND valid_from <= DATE '2017-12-31' AND (valid_to IS NULL OR valid_to >= DATE '2024-12-31')`);
    const provinceCount = Math.max(1, Math.round(provinces * scale));
    log(`generating the national dataset at scale ${scale} (${provinceCount} provinces) in ${dbPath} …`);
    const t = performance.now();
    for (const statement of setupSql(provinceCount)) await db.run(statement);
    for (const y of YEARS) for (const statement of yearSql(y, [])) await db.run(statement);
    await consolidator.rebuild();
    await db.run('CHECKPOINT');
    log(`  generated and rebuilt in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const [counts = { observations: 0, flags: 0 }] = await db.all<{ observations: number; flags: number }>(
    `SELECT (SELECT count(*) FROM observations_of_record) AS observations, (SELECT count(*) FROM flags WHERE status = 'raised') AS flags`);
  const period = String(YEARS.at(-2));
  const date = registry.dateFor(period)!;
  const provinces = (await db.all<{ code: string }>(`SELECT DISTINCT province AS code FROM observations_of_record WHERE period = $1 AND province IS NOT NULL ORDER BY 1`, [period]))
    .map((r) => r.code);
  log(`${counts.observations.toLocaleString('en-US')} observations of record, ${counts.flags} raised flags, ${provinces.length} provinces with ${period} figures`);

  const tokens = createMemoryTokenStore([TokenRecord.parse({
    id: 'bench', name: 'bench analyst', role: 'analyst', national: true, sha256: tokenSha256(TOKEN), createdAt: new Date().toISOString(),
  })]);
  const app = await buildApiServer({
    db, store: createLocalObjectStore({ root: join(dir, 'objects') }), registry, tokens, contacts: createMemoryContactStore(),
    intake: { submit: () => Promise.reject(new Error('no intake in the benchmark')) },
  });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const timings: Record<string, number[]> = {};
  async function get(kind: string, path: string): Promise<unknown> {
    const t = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = await response.text();
    const ms = performance.now() - t;
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body.slice(0, 200)}`);
    (timings[kind] ??= []).push(ms);
    return JSON.parse(body) as unknown;
  }

  // One untimed round first: DuckDB's buffer pool and fastify's compiled serializers warm up.
  const warm = performance.now();
  const started = performance.now();
  let done = 0;
  for (let i = 0; i < rounds && performance.now() - started < maxSeconds * 1000; i++) {
    const province = provinces[i % provinces.length]!;
    const districts = registry.children(province, date).map((u) => u.code);
    const district = districts[Math.floor(i / provinces.length) % Math.max(1, districts.length)] ?? province;
    await get('top-ind', `/v1/figures/indicators?level=province&period=${period}`);
    await get('top', `/v1/figures?level=province&period=${period}&indicator=hoso.received`);
    await get('units', `/v1/units?parent=${province}&period=${period}`);
    await get('own-p', `/v1/figures?unit=${province}&period=${period}`);
    await get('drill-p', `/v1/figures?unit=${province}&children=true&period=${period}&indicator=hoso.received`);
    await get('own-d', `/v1/figures?unit=${district}&period=${period}`);
    await get('drill-d', `/v1/figures?unit=${district}&children=true&period=${period}&indicator=hoso.received`);
    await get('flags-p', `/v1/flags?unit=${province}&period=${period}`);
    await get('flags-d', `/v1/flags?unit=${district}&period=${period}`);
    await get('series', `/v1/figures/series?unit=${district}&indicator=hoso.received`);
    await get('all-d', `/v1/figures?unit=${district}&children=true&period=${period}`);
    if (i === 0) {
      log(`  warm-up round: ${((performance.now() - warm) / 1000).toFixed(2)} s (not counted)`);
      for (const k of Object.keys(timings)) timings[k] = [];
    } else {
      done++;
    }
  }
  await app.close();
  const all = Object.entries(timings).filter(([k]) => k !== 'all-d').flatMap(([, xs]) => xs);
  const belowTop = Object.entries(timings).filter(([k]) => k !== 'all-d' && !k.startsWith('top')).flatMap(([, xs]) => xs);
  const summary = Object.fromEntries(Object.entries(timings).map(([k, xs]) => [k, {
    requests: xs.length, p50: Math.round(quantile(xs, 0.5) * 10) / 10, p95: Math.round(quantile(xs, 0.95) * 10) / 10, max: Math.round(Math.max(...xs) * 10) / 10,
  }]));
  log(`${done} rounds, ${all.length} requests over 127.0.0.1 (sequential):`);
  for (const [k, s] of Object.entries(summary)) log(`  ${k.padEnd(8)} p50 ${String(s.p50).padStart(6)} ms   p95 ${String(s.p95).padStart(6)} ms   max ${String(s.max).padStart(6)} ms`);
  const p95 = quantile(all, 0.95);
  log(`  dashboard calls   p50 ${quantile(all, 0.5).toFixed(1)} ms   p95 ${p95.toFixed(1)} ms (target < 50 ms: ${p95 < 50 ? 'met' : 'MISSED'})`);
  log(`  below the top     p50 ${quantile(belowTop, 0.5).toFixed(1)} ms   p95 ${quantile(belowTop, 0.95).toFixed(1)} ms`);
  const result = {
    bench: 'api-latency', at: new Date().toISOString(), scale: existing ? null : scale, database: existing ?? null,
    environment: { node: process.version, cpus: cpus().length, loadAverage: loadavg().map((x) => Math.round(x * 100) / 100) },
    observationsOfRecord: counts.observations, raisedFlags: counts.flags, period, rounds: done, byKind: summary,
    all: { requests: all.length, p50: quantile(all, 0.5), p95, targetMs: 50, met: p95 < 50 },
    belowTop: { requests: belowTop.length, p50: quantile(belowTop, 0.5), p95: quantile(belowTop, 0.95) },
  };
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(join(root, 'bench', 'results', 'api-latency.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await db.close();
  await rm(dir, { recursive: true, force: true });
}
