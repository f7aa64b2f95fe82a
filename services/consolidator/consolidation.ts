import type { SqlDatabase, SqlExecutor } from '../../infra/db/sql-database.ts';
import { FactV1, type Fact } from '../../schemas/fact/v1.ts';
import type { Period, UnitCode } from '../../schemas/identifiers.ts';
import { Period as PeriodSchema, UnitCode as UnitCodeSchema } from '../../schemas/identifiers.ts';
import type { IndicatorCatalog } from '../../schemas/indicators/catalog.ts';
import { ObservationRecordV1, type ObservationRecord } from '../../schemas/records/observation.ts';
import type { UnitRegistry } from '../registry/unit-registry.ts';
import { insertRows } from './bulk-insert.ts';
import { reconcileFlags, type FlagChange, type ScopedFlag } from './flag-lifecycle.ts';
import { enqueueFlagEvents } from './flag-outbox.ts';
import { buildObservations } from './observation-builder.ts';
import { deleteObservationsOfRecord, rebuildObservationsOfRecord, rebuildParentFigures, refreshObservationsOfRecord, refreshParentFigures } from './rollup-sql.ts';
import { nextPeriod } from './period-series.ts';
import { completenessFlags, completenessScope, type CompletenessOptions } from './rules/completeness.ts';
import { checkDocument, DOCUMENT_CHECKS } from './rules/document-rules.ts';
import { hierarchyFlags, hierarchyScope } from './rules/hierarchy.ts';
import { peerChangeFlags, peersScope } from './rules/peer-change.ts';
import { resubmissionFlags, revisionScope } from './rules/resubmission.ts';
import { seriesOutlierFlags, seriesScope } from './rules/series-outlier.ts';

/**
 * Consolidation: a parsed report's facts become observations of its unit and period, and
 * every rule whose answer they can change is asked again — only for what they touch.
 *
 *   1. unit and period of record: claimed at submission when given, else detected (the
 *      register's code for the detected name; the stated period)
 *   2. observations (observation-builder.ts), replacing any earlier ones of the same report;
 *      the unit's observations of record and the stored consolidated figures of the unit and
 *      its parent (rollup-sql.ts) for the periods it touches
 *   3. document flags: the single-document families and text-vs-table conflicts, raised for
 *      the current version of (unit, period) and resolved for the versions it supersedes
 *   4. hierarchy for the unit and its ancestors, the resubmission check, the unit's series,
 *      its peers in the province (this period and the next), and completeness, for each
 *      period the report gives figures for
 *
 * All of it in one transaction, which also writes the changes' `dq.flag` events to the
 * outbox (flag-outbox.ts) for the service to publish. Running it again on the same data
 * returns no changes (flag-lifecycle.ts).
 * `rebuildAll` recomputes the observations of record and the stored figures, and re-evaluates
 * every cross-report rule, over the whole database at once.
 */
export interface ConsolidationContext {
  db: SqlDatabase;
  registry: UnitRegistry;
  catalog: Readonly<IndicatorCatalog>;
  completeness?: CompletenessOptions;
}

export interface ConsolidationResult {
  unit: UnitCode;
  period: Period;
  observations: number;
  changes: FlagChange[];
}

interface ReportRow {
  status: string;
  claimed_unit: string;
  claimed_period: string;
  detected_code: string | null;
  detected_period: string | null;
  expected_facts: number | null;
  fact_count: number;
  consolidated_at: string | null;
  submitted_at: string | null;
  [k: string]: string | number | boolean | null;
}

const OBSERVATION_COLUMNS = [
  'report_id', 'unit', 'period', 'indicator', 'scope', 'value', 'tolerance', 'decimals', 'fact_id', 'source', 'ambiguous',
  'as_of', 'unit_valid_from', 'parent', 'province', 'level', 'period_kind', 'period_index',
] as const;

/**
 * Consolidates one report once it is parsed and all its facts are stored; undefined until then.
 * `known` is the report's facts when the caller already holds all of them (the service keeps
 * those it stored), sparing a read of the facts table.
 */
export async function consolidateReport(ctx: ConsolidationContext, reportId: string, known?: readonly Fact[]): Promise<ConsolidationResult | undefined> {
  return ctx.db.transaction(async (tx) => {
    const [report] = await tx.all<ReportRow>(
      `SELECT status, claimed_unit, claimed_period, detected_code, detected_period, expected_facts, fact_count, consolidated_at, submitted_at
       FROM reports WHERE report_id = $1`, [reportId]);
    if (!report || report.status !== 'parsed' || report.expected_facts === null || report.fact_count < report.expected_facts) return undefined;
    const facts = known?.length === report.fact_count ? [...known].sort(documentOrder) : await storedFacts(tx, reportId);
    const unit = pick(report.claimed_unit, report.detected_code, UnitCodeSchema.safeParse.bind(UnitCodeSchema));
    const period = pick(report.claimed_period, report.detected_period, PeriodSchema.safeParse.bind(PeriodSchema));
    const { observations, conflicts } = buildObservations(facts, { reportId, unit, period, registry: ctx.registry, catalog: ctx.catalog });

    // A first consolidation has nothing to replace (all of it commits at once or not at all).
    if (report.consolidated_at !== null) await tx.run(`DELETE FROM observations WHERE report_id = $1`, [reportId]);
    const rows = observations.map((o) => ObservationRecordV1.parse(o));
    await insertRows(tx, 'observations', OBSERVATION_COLUMNS, rows.map((row) => OBSERVATION_COLUMNS.map((c) => row[c])));
    const observed = [...new Set(rows.map((o) => o.period))].sort();
    await tx.run(`UPDATE reports SET unit_code = $2, period = $3, as_of = $4, observed_periods = $5, consolidated_at = coalesce(consolidated_at, now()) WHERE report_id = $1`,
      [reportId, unit, period, ctx.registry.dateFor(period) ?? null, observed.join(',')]);

    if (unit !== 'unknown' && period !== 'unknown') {
      const periods = await refreshRecordsOfUnit(tx, { reportId, unit, period, submittedAt: report.submitted_at, observations: rows, observed });
      // The unit's own stored figures and its parent's sums, on each period's map.
      const parents = periods.map((p) => ctx.registry.dateFor(p)).flatMap((d) => (d ? [ctx.registry.get(unit, d)?.parent] : []));
      await refreshParentFigures(tx, [...new Set([unit, ...parents.filter((p): p is string => p !== undefined)])], periods);
    }
    const changes: FlagChange[] = [];
    changes.push(...await documentFlags(tx, reportId, unit, period, facts, conflicts));
    if (unit !== 'unknown' && period !== 'unknown') changes.push(...await neighbourhood(tx, ctx, unit, period, observations));
    await enqueueFlagEvents(tx, changes);
    return { unit, period, observations: observations.length, changes };
  });
}

async function storedFacts(tx: SqlExecutor, reportId: string): Promise<Fact[]> {
  return (await tx.all<{ record: string }>(`SELECT record FROM facts WHERE report_id = $1 ORDER BY page, span_start, fact_id`, [reportId]))
    .map((r) => FactV1.parse(JSON.parse(r.record)));
}

/** The facts table's order: page, start of the span, id. */
function documentOrder(a: Fact, b: Fact): number {
  return a.evidence.page - b.evidence.page || a.evidence.start - b.evidence.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface UnitRefresh {
  reportId: string;
  unit: UnitCode;
  period: Period;
  submittedAt: string | null;
  observations: readonly ObservationRecord[];
  /** The periods this report gives figures for. */
  observed: readonly string[];
}

/**
 * The observations of record of the report's unit for every period this report — or another
 * version of it (same unit and period) — gives figures for.
 *
 * Which reports can give the unit figures for those periods is read from `reports`
 * (`observed_periods`, kept per report), not from `observations`: filtering 13.6 M
 * observations by unit reads the whole table, three times over in the ranking query
 * (≈ 110–220 ms at national scale). When this report is the only one, its own observations
 * are the records (the ranking has nothing to choose between), inserted as they are; when
 * others compete, the ranking query runs over theirs and this one's (observationsOfRecordSql).
 * A report without `observed_periods` (the migration fills it for every consolidated report,
 * so only a row written by other means) counts as competing everywhere.
 */
async function refreshRecordsOfUnit(tx: SqlExecutor, r: UnitRefresh): Promise<string[]> {
  const others = await tx.all<{ report_id: string; period: string; observed_periods: string | null }>(
    `SELECT report_id, period, observed_periods FROM reports
     WHERE unit_code = $1 AND report_id <> $2 AND status = 'parsed' AND consolidated_at IS NOT NULL`, [r.unit, r.reportId]);
  const versions = others.filter((o) => o.period === r.period);
  const touched = new Set([r.period, ...r.observed]);
  for (const v of versions) {
    for (const p of periodsOf(v.observed_periods) ?? await observedPeriods(tx, v.report_id)) touched.add(p);
  }
  const competing = others.filter((o) => periodsOf(o.observed_periods)?.some((p) => touched.has(p)) ?? true);
  const periods = [...touched];
  if (competing.length > 0) {
    await refreshObservationsOfRecord(tx, r.unit, periods, [r.reportId, ...competing.map((o) => o.report_id)]);
    return periods;
  }
  await deleteObservationsOfRecord(tx, r.unit, periods);
  const records = r.observations.filter((o) => !o.ambiguous);
  await insertRows(tx, 'observations_of_record', [...OBSERVATION_COLUMNS, 'report_period', 'submitted_at'],
    records.map((o) => [...OBSERVATION_COLUMNS.map((c) => o[c]), r.period, r.submittedAt]));
  return periods;
}

/** `reports.observed_periods` as a list ('' is none); null when the row has none recorded. */
function periodsOf(observed: string | null): string[] | null {
  return observed === null ? null : observed.split(',').filter(Boolean);
}

async function observedPeriods(tx: SqlExecutor, reportId: string): Promise<string[]> {
  return (await tx.all<{ period: string }>(`SELECT DISTINCT period FROM observations WHERE report_id = $1`, [reportId])).map((p) => p.period);
}

/** Claimed wins when it is a real value; else the detected one; else `unknown`. */
function pick(claimed: string, detected: string | null, check: (v: string) => { success: boolean }): string {
  if (claimed !== 'unknown' && check(claimed).success) return claimed;
  if (detected !== null && check(detected).success) return detected;
  return 'unknown';
}

async function documentFlags(
  tx: SqlExecutor, reportId: string, unit: UnitCode, period: Period, facts: readonly Fact[], conflicts: ReturnType<typeof buildObservations>['conflicts'],
): Promise<FlagChange[]> {
  const versions = unit === 'unknown' || period === 'unknown'
    ? [{ report_id: reportId, current: true }]
    : await tx.all<{ report_id: string; current: boolean }>(
      `SELECT report_id, current FROM report_versions WHERE unit = $1 AND period = $2`, [unit, period]);
  const changes: FlagChange[] = [];
  for (const v of versions) {
    const scope = `document:${v.report_id}`;
    if (v.report_id === reportId && v.current) {
      const flags = checkDocument({ unit, period, facts }, [...DOCUMENT_CHECKS, () => conflicts]);
      changes.push(...await reconcileFlags(tx, { scopes: [scope] }, flags.map((flag) => ({ scope, flag, reportId }))));
    } else if (!v.current) {
      changes.push(...await reconcileFlags(tx, { scopes: [scope] }, []));
    }
  }
  return changes;
}

async function neighbourhood(tx: SqlExecutor, ctx: ConsolidationContext, unit: string, period: string, observations: readonly ObservationRecord[]): Promise<FlagChange[]> {
  const periods = [...new Set([period, ...observations.map((o) => o.period)])];
  const date = ctx.registry.dateFor(period);
  const record = date ? ctx.registry.get(unit, date) : undefined;
  const lineage = [unit, ...(date ? ctx.registry.ancestors(unit, date).map((u) => u.code) : [])];
  const province = lineage.at(-1)!;
  const changes: FlagChange[] = [];
  const scopes = lineage.flatMap((u) => periods.map((p) => hierarchyScope(u, p)));
  changes.push(...await reconcileFlags(tx, { scopes }, await hierarchyFlags(tx, { units: lineage, periods })));
  changes.push(...await reconcileFlags(tx, { scopes: [revisionScope(unit, period)] }, await resubmissionFlags(tx, { unit, period })));
  changes.push(...await reconcileFlags(tx, { scopes: [seriesScope(unit)] }, await seriesOutlierFlags(tx, [unit])));
  if (record) {
    const peerPeriods = [...new Set(periods.flatMap((p) => [p, nextPeriod(p)]).filter((p): p is string => p !== undefined))];
    const peerFlags = await peerChangeFlags(tx, { province, level: record.level, periods: peerPeriods });
    changes.push(...await reconcileFlags(tx, { scopes: peerPeriods.map((p) => peersScope(province, record.level, p)) }, peerFlags));
  }
  changes.push(...await reconcileFlags(tx, { scopes: [completenessScope(period)] }, await completenessFlags(tx, [period], ctx.completeness)));
  return changes;
}

export interface RebuildResult {
  changes: FlagChange[];
  /** Milliseconds per family, for progress and benchmarks. */
  timings: Record<string, number>;
  raised: number;
}

/** The cross-report families a full rebuild evaluates, in its order: name, scope prefix, evaluation. */
export function rebuildFamilies(ctx: Pick<ConsolidationContext, 'completeness'>): [string, string, (tx: SqlExecutor) => Promise<ScopedFlag[]>][] {
  return [
    ['hierarchy', 'hierarchy:', (tx) => hierarchyFlags(tx)],
    ['conflict', 'revision:', (tx) => resubmissionFlags(tx)],
    ['outlier-series', 'outlier:', (tx) => seriesOutlierFlags(tx)],
    ['outlier-peers', 'peers:', (tx) => peerChangeFlags(tx)],
    ['completeness', 'completeness:', (tx) => completenessFlags(tx, undefined, ctx.completeness)],
  ];
}

/** Re-evaluates every cross-report family over everything stored (document flags stay as ingested). */
export async function rebuildAll(ctx: ConsolidationContext, onStep?: (family: string, ms: number) => void): Promise<RebuildResult> {
  const started = performance.now();
  await ctx.db.transaction((tx) => rebuildObservationsOfRecord(tx));
  const timings: Record<string, number> = { 'observations-of-record': performance.now() - started };
  onStep?.('observations-of-record', timings['observations-of-record']!);
  const figuresStarted = performance.now();
  await ctx.db.transaction((tx) => rebuildParentFigures(tx));
  timings['consolidated-figures'] = performance.now() - figuresStarted;
  onStep?.('consolidated-figures', timings['consolidated-figures']);
  const changes: FlagChange[] = [];
  for (const [family, prefix, evaluate] of rebuildFamilies(ctx)) {
    const started = performance.now();
    await ctx.db.transaction(async (tx) => {
      const changed = await reconcileFlags(tx, { prefix }, await evaluate(tx));
      await enqueueFlagEvents(tx, changed);
      changes.push(...changed);
    });
    timings[family] = performance.now() - started;
    onStep?.(family, timings[family]);
  }
  const [row] = await ctx.db.all<{ n: number }>(`SELECT count(*) AS n FROM flags WHERE status = 'raised'`);
  return { changes, timings, raised: row?.n ?? 0 };
}
