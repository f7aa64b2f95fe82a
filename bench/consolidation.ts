import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openDuckDb } from '../infra/db/sql-database.duckdb.ts';
import type { Row, SqlDatabase, SqlExecutor, SqlValue } from '../infra/db/sql-database.ts';
import { createLogger } from '../infra/log/logger.ts';
import { createEvent, type EventOf, type EventType } from '../schemas/events.ts';
import type { Fact } from '../schemas/fact/v1.ts';
import { rebuildFamilies, type RebuildResult } from '../services/consolidator/consolidation.ts';
import { createConsolidatorService } from '../services/consolidator/consolidator-service.ts';
import { reconcileFlags } from '../services/consolidator/flag-lifecycle.ts';
import { loadUnitRegistry } from '../services/registry/unit-registry.ts';
import { benchIndicators, catalog, NEW_YEAR, q, ratioPercents, realCounts, setupSql, synthetic, YEARS, yearSql } from './consolidation-data.ts';
import { option } from './bench-options.ts';

/**
 * `npm run bench:consolidation`: the consolidator at national scale, in DuckDB.
 *
 * Data, generated inside DuckDB (bench/consolidation-data.ts: SQL cross joins of units and
 * indicators, hash-based pseudo-random values; nothing row by row in JS): the real GSO register (63 provinces,
 * 705 districts, 10 599 communes in force 2008-08-01 … 2025-06-30), 8 yearly periods
 * 2017 … 2024, 150 indicators — the catalog's additive counts, its 4 percentages with a
 * numerator/denominator, and synthetic additive counts `bench.i001` … added to the catalog
 * the service runs with (so a new report's bench facts become observations too). Every
 * commune gives every indicator every year (≈ 12.7 M rows); districts and provinces report
 * the sum of their children's reported figures (rates recomputed from their own counts),
 * ≈ 13.6 M observations in all, each with its report and fact rows.
 *
 * Injected, so the rules raise a realistic number of flags:
 *   - ~0.1 % of district and province figures off by 1–5 % (hierarchy errors; a rate whose
 *     own count is off follows as a warning) and ~0.1 % of their rates off by 1–3 points
 *   - ~1 in 10 000 commune series with a ×10 spike in one year (series and peer outliers,
 *     carried up into the district's own series)
 *   - ~1 in 2 000 commune reports missing (completeness), plus the held-back reports below
 *
 * Measured:
 *   1. load time; full rebuild of every cross-report family (the service's `rebuild()`),
 *      per family; target < 60 s. If it fails (at national scale it can run DuckDB out of
 *      memory), the failure is recorded and the families after the failing one run alone
 *   2. one new commune report (report.submitted → facts.extracted → report.parsed through
 *      the consolidator service) → its dq.flag events, for `--reports` (default 5) communes
 *      whose 2024 report was held back; the third carries a ×10 typo; target < 1 s
 *   3. peak RSS (sampled every 50 ms, and VmHWM), DuckDB's memory, database file size
 *
 * Prints a summary and writes it to bench/results/consolidation.json.
 * Options: --scale <fraction> (default 1: all provinces; 0.05 takes 5 % of the provinces,
 * whole), --reports N, --keep (keep the database file and print its path), --trace (time
 * every load statement, and print every statement of the new-report path), --memory-limit
 * and --threads (DuckDB settings; default DuckDB's own, as the pipeline runs it).
 *
 * The DuckDB file lives in a temporary folder, removed at the end unless --keep. The machine
 * is shared: the load average at start and end is recorded with the figures.
 */
const root = join(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const scale = Number(option('--scale') ?? 1);
const newReports = Math.max(1, Math.trunc(Number(option('--reports') ?? 5)));
const keep = argv.includes('--keep');
const trace = argv.includes('--trace');
const memoryLimit = option('--memory-limit');
const threads = option('--threads') === undefined ? undefined : Number(option('--threads'));
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], got ${option('--scale')}`);

const ERROR_REPORT = 2; // index of the new report that carries a ×10 typo
const ERROR_INDICATOR = 'hoso.received';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const log = (line: string) => console.log(line);

// ── memory sampling ──────────────────────────────────────────────────────────────
let peakRss = 0;
let phasePeak = 0;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  if (rss > peakRss) peakRss = rss;
  if (rss > phasePeak) phasePeak = rss;
}, 50);
sampler.unref();
function takePhasePeak(): number {
  const rss = Math.max(phasePeak, process.memoryUsage().rss);
  phasePeak = 0;
  return rss;
}

async function vmHwm(): Promise<number | undefined> {
  try {
    const status = await readFile('/proc/self/status', 'utf8');
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

interface DuckMemory {
  /** Σ duckdb_memory().memory_usage_bytes, and the biggest tags. */
  totalBytes: number;
  temporaryBytes: number;
  byTag: Record<string, number>;
  databaseSize?: string;
  memoryUsage?: string;
  memoryLimit?: string;
}

async function duckMemory(db: SqlDatabase): Promise<DuckMemory> {
  const tags = await db.all<{ tag: string; memory_usage_bytes: number; temporary_storage_bytes: number }>(
    `SELECT tag, memory_usage_bytes, temporary_storage_bytes FROM duckdb_memory() ORDER BY memory_usage_bytes DESC`);
  const [size] = await db.all<{ database_size: string; memory_usage: string; memory_limit: string }>(
    `SELECT database_size, memory_usage, memory_limit FROM pragma_database_size()`);
  return {
    totalBytes: tags.reduce((s, t) => s + t.memory_usage_bytes, 0),
    temporaryBytes: tags.reduce((s, t) => s + t.temporary_storage_bytes, 0),
    byTag: Object.fromEntries(tags.filter((t) => t.memory_usage_bytes > 0).map((t) => [t.tag, t.memory_usage_bytes])),
    databaseSize: size?.database_size, memoryUsage: size?.memory_usage, memoryLimit: size?.memory_limit,
  };
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

// ── new reports through the service ──────────────────────────────────────────────
interface Published {
  at: number;
  status: 'raised' | 'resolved';
  family: string;
  ruleId: string;
  severity: string;
  unit: string;
}

function newReportEvents(unit: string, values: { indicator: string; measure: string; label: string; value: number }[], withError: boolean) {
  const reportId = createHash('sha256').update(`bench-new|${unit}|${NEW_YEAR}`).digest('hex');
  const facts: Fact[] = values.map((v, idx) => {
    const percent = v.measure === 'percent';
    const value = withError && v.indicator === ERROR_INDICATOR ? v.value * 10 : v.value;
    const quote = `${v.label}: ${percent ? `${String(value).replace('.', ',')}%` : String(value)}`;
    const start = (idx % 30) * 120;
    return {
      id: createHash('sha256').update(`${reportId}|${v.indicator}`).digest('hex').slice(0, 24), reportId,
      kind: percent ? 'rate' : 'count', label: v.label, indicator: v.indicator, unit: percent ? '%' : 'hồ sơ',
      ...(percent ? { rate: value } : { value }),
      evidence: { reportId, page: 1 + Math.floor(idx / 30), start, end: start + quote.length, quote },
    };
  });
  const objectKey = `reports/${unit}/${NEW_YEAR}/${reportId}.pdf`;
  return {
    reportId,
    submitted: createEvent({ type: 'report.submitted', source: 'bench', subject: unit, data: {
      reportId, objectKey, fileName: `${unit}-${NEW_YEAR}.pdf`, mediaType: 'application/pdf', bytes: 250_000,
      submittedBy: 'bench', submittedAt: new Date().toISOString(), claimed: { unit, period: String(NEW_YEAR) } } }),
    facts: createEvent({ type: 'facts.extracted', source: 'bench', subject: unit, data: { reportId, chunk: { index: 0, count: 1 }, facts } }),
    parsed: createEvent({ type: 'report.parsed', source: 'bench', subject: unit, data: {
      reportId, objectKey, textKey: `parsed/${reportId}/document.json`, pages: 1 + Math.floor(facts.length / 30), characters: 2000 * facts.length,
      detected: { period: String(NEW_YEAR) }, factCount: facts.length, warnings: [] } }),
  };
}

/** rebuildAll's families and scope prefixes, in its order: run one by one only after a failed rebuild. */
const FAMILIES = rebuildFamilies({});

// ── statement timings (the new-report path) ───────────────────────────────────────
interface Timed {
  ms: number;
  sql: string;
}

/** The same database, timing every statement while `recording` is on. */
function timed(db: SqlDatabase): { db: SqlDatabase; recorded: Timed[]; recording: { on: boolean } } {
  const recorded: Timed[] = [];
  const recording = { on: false };
  const wrap = (x: SqlExecutor): SqlExecutor => ({
    run: async (sql, params) => {
      const t = performance.now();
      await x.run(sql, params);
      if (recording.on) recorded.push({ ms: performance.now() - t, sql });
    },
    all: async <T extends Row>(sql: string, params?: readonly SqlValue[]) => {
      const t = performance.now();
      const rows = await x.all<T>(sql, params);
      if (recording.on) recorded.push({ ms: performance.now() - t, sql });
      return rows;
    },
  });
  return {
    recorded, recording,
    db: { location: db.location, ...wrap(db), transaction: (work) => db.transaction((tx) => work(wrap(tx))), close: () => db.close() },
  };
}

/** A statement's first words, enough to tell which query of which rule it is. */
function statementName(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  const rule = [
    ['hierarchy', /f\.reported_tolerance, f\.reported_decimals/], ['outlier-peers', /quantile_cont\(e, \[0\.25/],
    ['outlier-series', /0\.6745 \* abs/], ['conflict', /prev AS \(SELECT v\.\* FROM v JOIN cur/], ['completeness', /siblings AS/],
    ['fact evidence', /FROM facts WHERE fact_id IN/], ['observations of record', /^INSERT INTO observations_of_record/],
  ].find(([, re]) => (re as RegExp).test(flat));
  return rule ? `${rule[0] as string} query` : flat.slice(0, 70);
}

function gitState(): { head: string | null; dirty: string[] } {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'services', 'infra', 'schemas'], { cwd: root }).toString().split('\n').filter(Boolean);
    return { head, dirty };
  } catch {
    return { head: null, dirty: [] };
  }
}

// ── run ───────────────────────────────────────────────────────────────────────────
const dir = await mkdtemp(join(tmpdir(), 'tonghop-bench-consolidation-'));
const dbPath = join(dir, 'consolidation.duckdb');
const started = performance.now();
const environment = {
  git: gitState(), node: process.version, cpus: cpus().length, memoryBytes: totalmem(), loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  duckdb: { memoryLimit: memoryLimit ?? 'default', threads: threads ?? 'default' },
};
const published: Published[] = [];
const bus = {
  publish(e: EventOf<EventType>): Promise<void> {
    if (e.type === 'dq.flag') {
      const { status, flag } = e.data;
      published.push({ at: performance.now(), status, family: flag.family, ruleId: flag.ruleId, severity: flag.severity, unit: flag.unit });
    }
    return Promise.resolve();
  },
};

const raw = await openDuckDb({ path: dbPath, ...(memoryLimit ? { memoryLimit } : {}), ...(threads ? { threads } : {}) });
const { db, recorded, recording } = timed(raw);
try {
  const registry = loadUnitRegistry();
  const service = createConsolidatorService({ db, log: createLogger({ level: 'silent' }), bus, registry, catalog });
  await service.init();

  // 1. load ─────────────────────────────────────────────────────────────────────
  const [{ n: provincesInMap } = { n: 0 }] = await db.all<{ n: number }>(
    `SELECT count(*) AS n FROM units WHERE level = 'province' AND valid_from <= DATE '2017-12-31' AND (valid_to IS NULL OR valid_to >= DATE '2024-12-31')`);
  const provinceCount = Math.max(1, Math.round(provincesInMap * scale));
  log(`consolidation bench at ${environment.git.head ?? '?'}${environment.git.dirty.length > 0 ? ` (+${environment.git.dirty.length} uncommitted in services/infra/schemas)` : ''}: `
    + `scale ${scale} (${provinceCount}/${provincesInMap} provinces), ${benchIndicators.length} indicators `
    + `(${realCounts.length} catalog counts, ${ratioPercents.length} catalog rates, ${synthetic.length} synthetic), ${YEARS.length} years; `
    + `${environment.cpus} cpus, load average ${environment.loadAverageAtStart.join(' ')}`);
  log(`  db ${dbPath}`);
  const loadStarted = performance.now();
  for (const statement of setupSql(provinceCount)) await db.run(statement);
  // one checkpoint at the end of the load, not one per insert (each would write the growing PK indexes again)
  await db.run(`SET checkpoint_threshold = '1TB'`);
  const levels = Object.fromEntries((await db.all<{ level: string; n: number }>(`SELECT level, count(*) AS n FROM bench_units GROUP BY level`)).map((r) => [r.level, r.n]));
  // the communes whose 2024 report arrives later: one per district, spread over the provinces first
  const heldBack = (await db.all<{ code: string }>(`
    WITH c AS (SELECT code, row_number() OVER (PARTITION BY province ORDER BY md5(code)) AS k,
        row_number() OVER (PARTITION BY parent ORDER BY md5(code)) AS kd
      FROM bench_units WHERE level = 'commune' AND NOT missing(code, ${NEW_YEAR}))
    SELECT code FROM c WHERE kd = 1 ORDER BY k, md5(code) LIMIT ${newReports}`)).map((r) => r.code);
  log(`  units: ${levels.province ?? 0} provinces, ${levels.district ?? 0} districts, ${levels.commune ?? 0} communes; `
    + `${NEW_YEAR} reports held back for the new-report test: ${heldBack.join(', ')}`);
  const perYear: number[] = [];
  const byTable: Record<string, number> = { generate: 0, reports: 0, facts: 0, observations: 0 };
  for (const y of YEARS) {
    const t = performance.now();
    for (const statement of yearSql(y, heldBack)) {
      const t1 = performance.now();
      await db.run(statement);
      const table = /^\s*INSERT INTO (reports|facts|observations) /.exec(statement)?.[1] ?? 'generate';
      byTable[table] = (byTable[table] ?? 0) + performance.now() - t1;
      if (trace) log(`    ${(performance.now() - t1).toFixed(0).padStart(6)} ms  ${statement.replace(/\s+/g, ' ').slice(0, 100)}`);
    }
    perYear.push(performance.now() - t);
    const [{ n } = { n: 0 }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM observations`);
    log(`  ${y}: ${secs(perYear.at(-1)!)}, ${n.toLocaleString('en-US')} observations so far, rss ${mb(process.memoryUsage().rss)} MB`);
  }
  // the held-back communes' 2024 figures, from the same generator
  const heldValues = await db.all<{ unit: string; indicator: string; measure: string; label: string; value: number }>(`
    SELECT u.code AS unit, i.code AS indicator, i.measure, i.label, commune_value(u.code, i.code, ${NEW_YEAR}) AS value
    FROM bench_units u CROSS JOIN bench_ind i WHERE u.code IN (${heldBack.map(q).join(', ')}) ORDER BY u.code, i.idx`);
  for (const t of ['y_commune', 'y_district', 'y_district_p', 'y_province', 'y_reports', 'y_obs']) await db.run(`DROP TABLE IF EXISTS ${t}`);
  const checkpointStarted = performance.now();
  await db.run('RESET checkpoint_threshold');
  await db.run('CHECKPOINT');
  const checkpointMs = performance.now() - checkpointStarted;
  const loadMs = performance.now() - loadStarted;
  const [rows = { reports: 0, facts: 0, observations: 0 }] = await db.all<{ reports: number; facts: number; observations: number }>(
    `SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM facts) AS facts, (SELECT count(*) FROM observations) AS observations`);
  const loadPeak = takePhasePeak();
  const afterLoad = { memory: await duckMemory(db), fileBytes: await fileSize(dbPath) };
  log(`loaded ${rows.observations.toLocaleString('en-US')} observations, ${rows.facts.toLocaleString('en-US')} facts, ${rows.reports.toLocaleString('en-US')} reports `
    + `in ${secs(loadMs)}; db file ${mb(afterLoad.fileBytes)} MB; peak rss ${mb(loadPeak)} MB`);
  log(`  of which: generating ${secs(byTable.generate!)}, inserting reports ${secs(byTable.reports!)}, facts ${secs(byTable.facts!)}, `
    + `observations ${secs(byTable.observations!)}; final checkpoint ${secs(checkpointMs)}`);

  // 2. full rebuild ─────────────────────────────────────────────────────────────
  log('full rebuild (the service\'s rebuild(): every cross-report family, dq.flag events published):');
  const rebuildStarted = performance.now();
  const timings: Record<string, number> = {};
  let rebuild: RebuildResult | undefined;
  let rebuildError: string | undefined;
  try {
    rebuild = await service.rebuild((family, ms) => {
      timings[family] = ms;
      log(`  ${family.padEnd(24)} ${secs(ms).padStart(8)}`);
    });
  } catch (err) {
    const failed = FAMILIES.find(([family]) => !(family in timings))?.[0] ?? '?';
    rebuildError = `${failed}: ${(err as Error).message.split('\n')[0]}`;
    log(`  ${failed.padEnd(24)} FAILED after ${secs(performance.now() - rebuildStarted - Object.values(timings).reduce((a, b) => a + b, 0))}: ${(err as Error).message.split('\n')[0]}`);
  }
  const rebuildMs = performance.now() - rebuildStarted;
  // After a failure, the families it did not reach, one by one (as rebuildAll runs them), so that
  // their timings are known and the new-report test starts from a database with their flags.
  const fallbackMs: Record<string, number | string> = {};
  if (!rebuild) {
    const failed = FAMILIES.find(([family]) => !(family in timings))?.[0];
    for (const [family, prefix, evaluate] of FAMILIES) {
      if (family in timings || family === failed) continue;
      const t = performance.now();
      try {
        await db.transaction(async (tx) => { await reconcileFlags(tx, { prefix }, await evaluate(tx)); });
        fallbackMs[family] = Math.round(performance.now() - t);
        log(`  ${`${family} (alone)`.padEnd(24)} ${secs(performance.now() - t).padStart(8)}`);
      } catch (err) {
        fallbackMs[family] = `failed after ${Math.round(performance.now() - t)} ms: ${(err as Error).message.split('\n')[0]}`;
        log(`  ${`${family} (alone)`.padEnd(24)} FAILED after ${secs(performance.now() - t)}`);
      }
    }
  }
  const rebuildPeak = takePhasePeak();
  const afterRebuild = { memory: await duckMemory(db) };
  const flagsByRule = await db.all<{ family: string; rule_id: string; severity: string; level: string; n: number }>(`
    SELECT f.family, f.rule_id, f.severity, CASE length(f.unit) WHEN 2 THEN 'province' WHEN 3 THEN 'district' ELSE 'commune' END AS level, count(*) AS n
    FROM flags f WHERE f.status = 'raised' GROUP BY ALL ORDER BY f.family, f.rule_id, f.severity, level`);
  const byFamily: Record<string, number> = {};
  for (const r of flagsByRule) byFamily[r.family] = (byFamily[r.family] ?? 0) + r.n;
  const raised = flagsByRule.reduce((n, r) => n + r.n, 0);
  log(rebuild
    ? `  total ${secs(rebuildMs)} (target < 60 s: ${rebuildMs < 60_000 ? 'met' : 'MISSED'}); ${rebuild.raised} flags raised, ${rebuild.changes.length} dq.flag events; peak rss ${mb(rebuildPeak)} MB`
    : `  rebuild FAILED (target < 60 s: MISSED); ${raised} flags raised by the families that ran; peak rss ${mb(rebuildPeak)} MB`);
  for (const r of flagsByRule) log(`    ${r.family.padEnd(13)} ${r.rule_id.padEnd(30)} ${r.severity.padEnd(8)} ${r.level.padEnd(9)} ${String(r.n).padStart(6)}`);

  // 3. one new report → its flags ───────────────────────────────────────────────
  log(`new commune reports for ${NEW_YEAR} through the consolidator service (report.submitted, facts.extracted, report.parsed):`);
  const runs: {
    unit: string; injectedError: boolean; facts: number; toLastFlagMs: number | null; handlersMs: number;
    events: Record<string, number>; slowest: { statement: string; ms: number }[];
  }[] = [];
  for (const [k, unit] of heldBack.entries()) {
    const withError = k === ERROR_REPORT;
    const e = newReportEvents(unit, heldValues.filter((v) => v.unit === unit), withError);
    const before = published.length;
    recorded.length = 0;
    recording.on = true;
    const t0 = performance.now();
    await service.onSubmitted(e.submitted);
    await service.onFactsExtracted(e.facts);
    await service.onParsed(e.parsed);
    const handlersMs = performance.now() - t0;
    recording.on = false;
    const mine = published.slice(before);
    const last = mine.at(-1);
    const events: Record<string, number> = {};
    for (const p of mine) events[`${p.status} ${p.ruleId}`] = (events[`${p.status} ${p.ruleId}`] ?? 0) + 1;
    const slowest = [...recorded].sort((a, b) => b.ms - a.ms).slice(0, trace ? recorded.length : 5).map((r) => ({ statement: statementName(r.sql), ms: Math.round(r.ms) }));
    runs.push({ unit, injectedError: withError, facts: e.facts.data.facts.length, toLastFlagMs: last ? last.at - t0 : null, handlersMs, events, slowest });
    log(`  ${unit}${withError ? ` (${ERROR_INDICATOR} ×10)` : ''}: last dq.flag at ${last ? `${(last.at - t0).toFixed(0)} ms` : '— (none)'}, `
      + `handlers done at ${handlersMs.toFixed(0)} ms (${recorded.length} statements); ${Object.entries(events).map(([key, n]) => `${n} ${key}`).join(', ') || 'no flag changes'}`);
    log(`    slowest: ${slowest.slice(0, trace ? slowest.length : 4).map((s) => `${s.statement} ${s.ms} ms`).join('; ')}`);
  }
  const latencies = runs.map((r) => r.toLastFlagMs ?? r.handlersMs);
  const newReportPeak = takePhasePeak();
  log(`  latency (first event → last dq.flag published): median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms `
    + `(target < 1 s: ${Math.max(...latencies) < 1000 ? 'met' : 'MISSED'})`);

  // 4. memory and size ──────────────────────────────────────────────────────────
  await db.run('CHECKPOINT');
  const end = { memory: await duckMemory(db), fileBytes: await fileSize(dbPath), walBytes: await fileSize(`${dbPath}.wal`) };
  const hwm = await vmHwm();
  const loadAverageAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  log(`memory: peak rss ${mb(peakRss)} MB (sampled every 50 ms), VmHWM ${hwm === undefined ? 'n/a' : `${mb(hwm)} MB`}; duckdb_memory() `
    + `${mb(afterLoad.memory.totalBytes)} MB after load, ${mb(afterRebuild.memory.totalBytes)} MB after rebuild, ${mb(end.memory.totalBytes)} MB at end `
    + `(limit ${end.memory.memoryLimit ?? '?'}); db file ${mb(end.fileBytes)} MB`);
  log(`total ${secs(performance.now() - started)}; load average at end ${loadAverageAtEnd.join(' ')}`);

  const result = {
    bench: 'consolidation', at: new Date().toISOString(), scale, environment: { ...environment, loadAverageAtEnd },
    units: levels, provinces: provinceCount,
    indicators: { total: benchIndicators.length, catalogCounts: realCounts.length, catalogRates: ratioPercents.length, synthetic: synthetic.length },
    years: YEARS, rows,
    load: {
      ms: Math.round(loadMs), perYearMs: perYear.map(Math.round), byTableMs: Object.fromEntries(Object.entries(byTable).map(([k, v]) => [k, Math.round(v)])),
      checkpointMs: Math.round(checkpointMs), peakRssBytes: loadPeak,
    },
    rebuild: {
      ms: Math.round(rebuildMs), targetMs: 60_000, met: rebuild !== undefined && rebuildMs < 60_000, error: rebuildError ?? null,
      timingsMs: Object.fromEntries(Object.entries(rebuild?.timings ?? timings).map(([k, v]) => [k, Math.round(v)])),
      afterFailureMs: rebuild ? null : fallbackMs,
      raised, events: rebuild?.changes.length ?? null, byFamily,
      byRule: flagsByRule.map((r) => ({ family: r.family, ruleId: r.rule_id, severity: r.severity, level: r.level, count: r.n })), peakRssBytes: rebuildPeak,
    },
    newReport: {
      runs: runs.map((r) => ({ ...r, toLastFlagMs: r.toLastFlagMs === null ? null : Math.round(r.toLastFlagMs), handlersMs: Math.round(r.handlersMs) })),
      medianMs: Math.round(median(latencies)), maxMs: Math.round(Math.max(...latencies)), targetMs: 1000, met: Math.max(...latencies) < 1000, peakRssBytes: newReportPeak,
    },
    memory: { peakRssBytes: peakRss, vmHwmBytes: hwm ?? null, duckdb: { afterLoad: afterLoad.memory, afterRebuild: afterRebuild.memory, end: end.memory } },
    database: { fileBytes: end.fileBytes, walBytes: end.walBytes, kept: keep ? dbPath : null },
    totalMs: Math.round(performance.now() - started),
  };
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  const out = join(root, 'bench', 'results', 'consolidation.json');
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`written ${out}`);
} finally {
  await db.close();
  clearInterval(sampler);
  if (keep) log(`kept ${dbPath}`);
  else await rm(dir, { recursive: true, force: true });
}
