/**
 * The consolidated figures, as SQL over the consolidator's tables (consolidation-schema.ts).
 *
 *   report_versions        every parsed, consolidated report with a known unit and period,
 *                          numbered per (unit, period) in submission order; the latest is
 *                          `current` (a resubmission supersedes)
 *   observations of record one value per (unit, period, indicator, scope): from current reports, not
 *                          ambiguous; where two current reports give it (a 2011–2020 report's
 *                          per-year figure and that year's own report) the report for exactly
 *                          that period wins, then the later submission. Kept as a table
 *                          (`observations_of_record`), refreshed per report for the unit and
 *                          periods it touches and rebuilt whole by a full rebuild, so that every
 *                          rule reads plain rows instead of re-ranking versions each time
 *   consolidated figures   per (unit, period, indicator, scope): `reported` beside `derived` —
 *                          the sum of the children's reported counts and money, or for a
 *                          percentage with a catalog ratio, 100 × Σ numerators / Σ denominators
 *                          over the children that report both — with children reported and
 *                          expected (the register's children in force on the period's date).
 *                          Like is added to like (scopes in schemas/records/observation.ts):
 *                            a child's own figure        → its parent's figure for the child's
 *                                                          level (a commune's own → its
 *                                                          district's `cấp xã trên địa bàn`)
 *                            a child's figure for a level → its parent's figure for that level
 *                                                          (a district's `cấp xã` → its
 *                                                          province's `cấp xã`)
 *                          so `derived` exists only for level scopes; a parent's own, unstated
 *                          or all-level figure is reported and compared with nothing
 *
 * Each is a function of a filter so that one report's update reads only its own
 * neighbourhood; with no filter they are the views analysts query.
 */
import type { SqlExecutor } from '../../infra/db/sql-database.ts';
import { periodList, periodLiteral, reportList, unitList, unitLiteral } from './sql-literal.ts';

/** The scopes that are a level of units within the unit's area: what children add up to. */
const LEVEL_SCOPES = `('commune', 'district')`;

export interface ObservationFilter {
  /** SQL condition on `o` (an observations row), e.g. `o.period = '2022'`; default everything. */
  where?: string;
  /**
   * The reports whose observations can compete (a refresh after one report): their rows are
   * read once into a materialized CTE, instead of each of the query's three uses filtering the
   * whole observations table again.
   */
  reports?: readonly string[];
}

export function reportVersionsSql(): string {
  return `SELECT r.report_id, r.unit_code AS unit, r.period, r.as_of, r.submitted_at, r.file_name,
      row_number() OVER (PARTITION BY r.unit_code, r.period ORDER BY r.submitted_at NULLS FIRST, r.updated_at, r.report_id) AS version,
      row_number() OVER (PARTITION BY r.unit_code, r.period ORDER BY r.submitted_at DESC NULLS LAST, r.updated_at DESC, r.report_id DESC) = 1 AS current
    FROM reports r
    WHERE r.status = 'parsed' AND r.consolidated_at IS NOT NULL AND r.unit_code <> 'unknown' AND r.period <> 'unknown'`;
}

/**
 * Nearly every observation is its report's own figure for the report's own period, and those
 * are unique per (unit, period, indicator): one current report per unit and period. Only the
 * figures a report gives for other periods (a five-year report's per-year rows) can compete,
 * so only they are ranked, and only against the own-period figures of the same units and
 * periods — ranking or anti-joining everything would sort or hash the whole table for a
 * handful of rows.
 */
export function observationsOfRecordSql(filter: ObservationFilter = {}): string {
  const where = `NOT o.ambiguous AND (${filter.where ?? 'TRUE'})`;
  const source = filter.reports ? 'src' : 'observations';
  return `WITH ${filter.reports ? `src AS MATERIALIZED (SELECT * FROM observations o WHERE o.report_id IN ${reportList(filter.reports)} AND ${where}),` : ''}
    v AS MATERIALIZED (SELECT report_id, period, submitted_at FROM (${reportVersionsSql()}) WHERE current),
    others AS MATERIALIZED (
      SELECT o.*, v.period AS report_period, v.submitted_at
      FROM ${source} o JOIN v ON v.report_id = o.report_id AND v.period <> o.period
      WHERE ${where}),
    contested AS (
      SELECT o.unit, o.period, o.indicator, o.scope
      FROM ${source} o JOIN v ON v.report_id = o.report_id AND v.period = o.period
        SEMI JOIN (SELECT DISTINCT unit, period FROM others) k ON k.unit = o.unit AND k.period = o.period
      WHERE ${where}),
    borrowed AS (
      SELECT c.* FROM others c ANTI JOIN contested t ON t.unit = c.unit AND t.period = c.period AND t.indicator = c.indicator AND t.scope = c.scope
      QUALIFY row_number() OVER (PARTITION BY c.unit, c.period, c.indicator, c.scope ORDER BY c.submitted_at DESC NULLS LAST, c.report_id DESC) = 1)
    SELECT o.*, v.period AS report_period, v.submitted_at
    FROM ${source} o JOIN v ON v.report_id = o.report_id AND v.period = o.period
    WHERE ${where}
    UNION ALL
    SELECT * FROM borrowed`;
}

/**
 * @param scope condition on `o` selecting the reported rows; children are those whose
 *   `parent` satisfies the same condition with `o.unit` read as `o.parent`. Pass a builder.
 *
 * `bothSides`: only figures both reported and derived (what the hierarchy rule compares) —
 * an inner join, and the communes' millions of figures (a commune has no children on either
 * map) are left out before the join instead of going through it. `parentsOnly`: the
 * communes' figures left out the same way, but every reported or derived figure of the other
 * levels kept (what `parent_figures` stores).
 *
 * Reads only the columns it needs (the table is wide and national-scale). A percentage's
 * derived value takes, per child, its numerator and denominator in one grouped pass (a
 * child counts only when it reports both), instead of joining the children to themselves.
 */
export function consolidatedFiguresSql(scope?: (unitColumn: string) => string, opts: { bothSides?: boolean; parentsOnly?: boolean } = {}): string {
  const own = scope ? scope('o.unit') : 'TRUE';
  const kids = scope ? scope('o.parent') : 'TRUE';
  return `WITH
    reported AS (
      SELECT o.unit, o.period, o.indicator, o.scope, o.as_of, o.value, o.tolerance, o.decimals, o.fact_id, o.report_id
      FROM observations_of_record o WHERE o.unit_valid_from IS NOT NULL AND ${own}${opts.bothSides || opts.parentsOnly ? ` AND o.level <> 'commune'` : ''}${opts.bothSides ? ` AND o.scope IN ${LEVEL_SCOPES}` : ''}),
    children AS NOT MATERIALIZED (
      SELECT o.parent, o.unit, o.period, o.indicator, CASE WHEN o.scope = 'own' THEN o.level ELSE o.scope END AS scope, o.value, o.tolerance, o.as_of
      FROM observations_of_record o
      WHERE o.unit_valid_from IS NOT NULL AND o.parent IS NOT NULL AND (o.scope = 'own' OR o.scope IN ${LEVEL_SCOPES}) AND ${kids}),
    sums AS (
      SELECT c.parent AS unit, c.period, c.indicator, c.scope, sum(c.value) AS derived, sum(c.tolerance) AS derived_tolerance,
        count(*) AS children_reported, max(c.as_of) AS as_of
      FROM children c JOIN indicators i ON i.code = c.indicator
      WHERE i.additive AND i.unit <> 'percent'
      GROUP BY c.parent, c.period, c.indicator, c.scope),
    ratio_parts AS (
      SELECT code AS indicator, numerator AS part, true AS is_numerator FROM indicators WHERE unit = 'percent' AND numerator IS NOT NULL AND denominator IS NOT NULL
      UNION ALL
      SELECT code, denominator, false FROM indicators WHERE unit = 'percent' AND numerator IS NOT NULL AND denominator IS NOT NULL),
    per_child AS (
      SELECT c.parent, c.unit, c.period, p.indicator, c.scope, max(c.as_of) AS as_of,
        max(c.value) FILTER (WHERE p.is_numerator) AS num, max(c.value) FILTER (WHERE NOT p.is_numerator) AS den
      FROM children c JOIN ratio_parts p ON p.part = c.indicator
      GROUP BY c.parent, c.unit, c.period, p.indicator, c.scope),
    rates AS (
      SELECT parent AS unit, period, indicator, scope, 100 * sum(num) / nullif(sum(den), 0) AS derived,
        0.0 AS derived_tolerance, count(*) AS children_reported, max(as_of) AS as_of
      FROM per_child WHERE num IS NOT NULL AND den IS NOT NULL
      GROUP BY parent, period, indicator, scope),
    derived AS (SELECT * FROM sums UNION ALL SELECT * FROM rates),
    dates AS (SELECT DISTINCT as_of FROM reported UNION SELECT DISTINCT as_of FROM derived),
    expected AS (
      SELECT u.parent AS unit, d.as_of, count(*) AS children_expected
      FROM units u JOIN dates d ON u.valid_from <= d.as_of AND (u.valid_to IS NULL OR d.as_of <= u.valid_to)
      WHERE u.parent IS NOT NULL
      GROUP BY u.parent, d.as_of)
    SELECT coalesce(r.unit, d.unit) AS unit, coalesce(r.period, d.period) AS period, coalesce(r.indicator, d.indicator) AS indicator,
      coalesce(r.scope, d.scope) AS scope, coalesce(r.as_of, d.as_of) AS as_of,
      r.value AS reported, r.tolerance AS reported_tolerance, r.decimals AS reported_decimals, r.fact_id AS reported_fact, r.report_id AS reported_report,
      d.derived, d.derived_tolerance,
      coalesce(d.children_reported, 0) AS children_reported, coalesce(e.children_expected, 0) AS children_expected,
      CASE WHEN coalesce(e.children_expected, 0) = 0 THEN NULL ELSE coalesce(d.children_reported, 0) / e.children_expected END AS coverage
    FROM reported r
      ${opts.bothSides ? 'JOIN' : 'FULL OUTER JOIN'} derived d ON r.unit = d.unit AND r.period = d.period AND r.indicator = d.indicator AND r.scope = d.scope
      LEFT JOIN expected e ON e.unit = coalesce(r.unit, d.unit) AND e.as_of = coalesce(r.as_of, d.as_of)`;
}

/**
 * `parent_figures`: the consolidated figures of every unit that has children (districts and
 * provinces; provinces only from 1 July 2025), kept as a table — refreshed per report for its
 * unit and its parent, rebuilt whole by a full rebuild — so that a drill-down reads a few
 * hundred stored rows instead of summing the country. A commune has no children: its row is
 * its observation of record, and the view `consolidated_figures` adds those as they are.
 */
export const PARENT_FIGURE_COLUMNS = ['unit', 'period', 'indicator', 'scope', 'as_of', 'reported', 'derived', 'children_reported', 'children_expected', 'coverage'] as const;

/**
 * The builder's rows with the unit's own parent on the period's date (`parent`): a drill-down
 * asks for a unit and the units whose parent it is, and an equality on a stored, clustered
 * column is what lets DuckDB skip the rest of the table. (The validity test has no OR: with one,
 * DuckDB joins every figure to every unit record — 18.7 s instead of 1–2 s at national scale.)
 */
function parentFiguresSelect(scope: ((unitColumn: string) => string) | undefined, where: string): string {
  return `SELECT ${PARENT_FIGURE_COLUMNS.map((c) => `f.${c}`).join(', ')}, u.parent
    FROM (${consolidatedFiguresSql(scope, { parentsOnly: true })}) f
      LEFT JOIN units u ON u.code = f.unit AND u.valid_from <= f.as_of AND coalesce(u.valid_to, DATE '9999-12-31') >= f.as_of
    WHERE ${where}`;
}

/** The analyst-facing views: CREATE OR REPLACE on every start, so they follow the code. */
export const VIEW_DDL = [
  `CREATE OR REPLACE VIEW report_versions AS ${reportVersionsSql()}`,
  `CREATE OR REPLACE VIEW consolidated_figures AS
     SELECT unit, period, indicator, scope, reported, derived, children_reported, children_expected, coverage, parent FROM parent_figures
     UNION ALL
     SELECT o.unit, o.period, o.indicator, o.scope, o.value AS reported, CAST(NULL AS DOUBLE) AS derived,
       0 AS children_reported, 0 AS children_expected, CAST(NULL AS DOUBLE) AS coverage, o.parent
     FROM observations_of_record o WHERE o.unit_valid_from IS NOT NULL AND o.level = 'commune'`,
];

/** Recomputes the stored figures of some units for some periods (a report's unit and its parent). */
export async function refreshParentFigures(tx: SqlExecutor, units: readonly string[], periods: readonly string[]): Promise<void> {
  if (units.length === 0 || periods.length === 0) return;
  const inScope = `unit IN ${unitList(units)} AND period IN ${periodList(periods)}`;
  await tx.run(`DELETE FROM parent_figures WHERE ${inScope}`);
  const scope = (column: string) => `${column} IN ${unitList(units)} AND o.period IN ${periodList(periods)}`;
  await tx.run(`INSERT INTO parent_figures BY NAME ${parentFiguresSelect(scope, `f.unit IN ${unitList(units)} AND f.period IN ${periodList(periods)}`)}`);
}

/** Recomputes every stored figure (a full rebuild), in period → parent → unit order so scoped reads skip blocks. */
export async function rebuildParentFigures(tx: SqlExecutor): Promise<void> {
  await tx.run(`DELETE FROM parent_figures`);
  await tx.run(`INSERT INTO parent_figures BY NAME ${parentFiguresSelect(undefined, 'TRUE')} ORDER BY f.period, u.parent, f.unit, f.indicator`);
}

/**
 * Recomputes the observations of record of one unit for some periods (after one report), from
 * the observations of `reports` (every report of the unit that gives figures for them).
 */
export async function refreshObservationsOfRecord(tx: SqlExecutor, unit: string, periods: readonly string[], reports: readonly string[]): Promise<void> {
  if (periods.length === 0) return;
  await deleteObservationsOfRecord(tx, unit, periods);
  await tx.run(`INSERT INTO observations_of_record BY NAME ${observationsOfRecordSql({ where: recordsOf(unit, periods), reports })}`);
}

/** Removes one unit's observations of record for some periods, before they are written again. */
export async function deleteObservationsOfRecord(tx: SqlExecutor, unit: string, periods: readonly string[]): Promise<void> {
  if (periods.length === 0) return;
  await tx.run(`DELETE FROM observations_of_record o WHERE ${recordsOf(unit, periods)}`);
}

function recordsOf(unit: string, periods: readonly string[]): string {
  return `o.unit = ${unitLiteral(unit)} AND o.period IN ${periodList(periods)}`;
}

/**
 * Recomputes every observation of record (a full rebuild), one period at a time, each sorted
 * by level and then place (province, district, unit, indicator): the table ends up clustered
 * by period, level and place whatever order reports arrived in, so DuckDB's per-block min/max
 * lets a scoped query (one district's communes for one year, one commune's series) skip almost
 * every block. Level comes first because a province's district codes (3 digits) sort far from
 * its commune codes (5 digits): mixed in one block they make its range of unit codes span
 * nearly everything (one commune's figures for one year: 12 ms, reading most of the period).
 * Measured at national scale (13.6 M rows): sorting the whole table at once took 25 s and
 * 15 GB; period by period 23 s and 1.6 GB; unsorted 12 s, but then each new report's queries
 * read far more.
 */
export async function rebuildObservationsOfRecord(tx: SqlExecutor): Promise<void> {
  await tx.run(`DELETE FROM observations_of_record`);
  const periods = await tx.all<{ period: string }>(`SELECT DISTINCT period FROM observations ORDER BY period`);
  for (const { period } of periods) {
    await tx.run(`INSERT INTO observations_of_record BY NAME
      SELECT * FROM (${observationsOfRecordSql({ where: `o.period = ${periodLiteral(period)}` })}) ORDER BY level, parent, unit, indicator`);
  }
}
