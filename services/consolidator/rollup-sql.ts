/**
 * The consolidated figures, as SQL over the consolidator's tables (consolidation-schema.ts).
 *
 *   report_versions        every parsed, consolidated report with a known unit and period,
 *                          numbered per (unit, period) in submission order; the latest is
 *                          `current` (a resubmission supersedes)
 *   observations of record one value per (unit, period, indicator): from current reports, not
 *                          ambiguous; where two current reports give it (a 2011–2020 report's
 *                          per-year figure and that year's own report) the report for exactly
 *                          that period wins, then the later submission. Kept as a table
 *                          (`observations_of_record`), refreshed per report for the unit and
 *                          periods it touches and rebuilt whole by a full rebuild, so that every
 *                          rule reads plain rows instead of re-ranking versions each time
 *   consolidated figures   per (unit, period, indicator): `reported` beside `derived` — the sum
 *                          of the children's reported counts and money, or for a percentage
 *                          with a catalog ratio, 100 × Σ numerators / Σ denominators over the
 *                          children that report both — with children reported and expected
 *                          (the register's children in force on the period's date)
 *
 * Each is a function of a filter so that one report's update reads only its own
 * neighbourhood; with no filter they are the views analysts query.
 */
import type { SqlExecutor } from '../../infra/db/sql-database.ts';
import { periodList, unitLiteral } from './sql-literal.ts';

export interface ObservationFilter {
  /** SQL condition on `o` (an observations row), e.g. `o.period = '2022'`; default everything. */
  where?: string;
}

export function reportVersionsSql(): string {
  return `SELECT r.report_id, r.unit_code AS unit, r.period, r.as_of, r.submitted_at, r.file_name,
      row_number() OVER (PARTITION BY r.unit_code, r.period ORDER BY r.submitted_at NULLS FIRST, r.updated_at, r.report_id) AS version,
      row_number() OVER (PARTITION BY r.unit_code, r.period ORDER BY r.submitted_at DESC NULLS LAST, r.updated_at DESC, r.report_id DESC) = 1 AS current
    FROM reports r
    WHERE r.status = 'parsed' AND r.consolidated_at IS NOT NULL AND r.unit_code <> 'unknown' AND r.period <> 'unknown'`;
}

export function observationsOfRecordSql(filter: ObservationFilter = {}): string {
  return `SELECT o.*, v.period AS report_period, v.submitted_at
    FROM observations o JOIN (${reportVersionsSql()}) v ON v.report_id = o.report_id AND v.current
    WHERE NOT o.ambiguous AND (${filter.where ?? 'TRUE'})
    QUALIFY row_number() OVER (PARTITION BY o.unit, o.period, o.indicator
      ORDER BY (v.period = o.period) DESC, v.submitted_at DESC NULLS LAST, o.report_id DESC) = 1`;
}

/**
 * @param parents condition on `o` selecting the reported rows; children are those whose
 *   `parent` satisfies the same condition with `o.unit` read as `o.parent`. Pass a builder.
 */
export function consolidatedFiguresSql(scope?: (unitColumn: string) => string): string {
  const own = scope ? scope('o.unit') : 'TRUE';
  const kids = scope ? scope('o.parent') : 'TRUE';
  return `WITH
    reported AS (SELECT * FROM observations_of_record o WHERE o.unit_valid_from IS NOT NULL AND ${own}),
    children AS (SELECT * FROM observations_of_record o WHERE o.unit_valid_from IS NOT NULL AND o.parent IS NOT NULL AND ${kids}),
    sums AS (
      SELECT c.parent AS unit, c.period, c.indicator, sum(c.value) AS derived, sum(c.tolerance) AS derived_tolerance,
        count(*) AS children_reported, max(c.as_of) AS as_of, list(c.fact_id ORDER BY c.unit) AS child_facts
      FROM children c JOIN indicators i ON i.code = c.indicator
      WHERE i.additive AND i.unit <> 'percent'
      GROUP BY c.parent, c.period, c.indicator),
    rates AS (
      SELECT n.parent AS unit, n.period, i.code AS indicator, 100 * sum(n.value) / nullif(sum(d.value), 0) AS derived,
        0.0 AS derived_tolerance, count(*) AS children_reported, max(n.as_of) AS as_of, list(n.fact_id ORDER BY n.unit) AS child_facts
      FROM indicators i
        JOIN children n ON n.indicator = i.numerator
        JOIN children d ON d.indicator = i.denominator AND d.unit = n.unit AND d.period = n.period
      WHERE i.unit = 'percent'
      GROUP BY n.parent, n.period, i.code),
    derived AS (SELECT * FROM sums UNION ALL SELECT * FROM rates),
    dates AS (SELECT DISTINCT as_of FROM reported UNION SELECT DISTINCT as_of FROM derived),
    expected AS (
      SELECT u.parent AS unit, d.as_of, count(*) AS children_expected
      FROM units u JOIN dates d ON u.valid_from <= d.as_of AND (u.valid_to IS NULL OR d.as_of <= u.valid_to)
      WHERE u.parent IS NOT NULL
      GROUP BY u.parent, d.as_of)
    SELECT coalesce(r.unit, d.unit) AS unit, coalesce(r.period, d.period) AS period, coalesce(r.indicator, d.indicator) AS indicator,
      coalesce(r.as_of, d.as_of) AS as_of,
      r.value AS reported, r.tolerance AS reported_tolerance, r.decimals AS reported_decimals, r.fact_id AS reported_fact, r.report_id AS reported_report,
      d.derived, d.derived_tolerance, d.child_facts,
      coalesce(d.children_reported, 0) AS children_reported, coalesce(e.children_expected, 0) AS children_expected,
      CASE WHEN coalesce(e.children_expected, 0) = 0 THEN NULL ELSE coalesce(d.children_reported, 0) / e.children_expected END AS coverage
    FROM reported r
      FULL OUTER JOIN derived d ON r.unit = d.unit AND r.period = d.period AND r.indicator = d.indicator
      LEFT JOIN expected e ON e.unit = coalesce(r.unit, d.unit) AND e.as_of = coalesce(r.as_of, d.as_of)`;
}

/** The analyst-facing views: CREATE OR REPLACE on every start, so they follow the code. */
export const VIEW_DDL = [
  `CREATE OR REPLACE VIEW report_versions AS ${reportVersionsSql()}`,
  `CREATE OR REPLACE VIEW consolidated_figures AS SELECT unit, period, indicator, reported, derived, children_reported, children_expected, coverage FROM (${consolidatedFiguresSql()})`,
];

/** Recomputes the observations of record of one unit for some periods (after one report). */
export async function refreshObservationsOfRecord(tx: SqlExecutor, unit: string, periods: readonly string[]): Promise<void> {
  if (periods.length === 0) return;
  const where = `o.unit = ${unitLiteral(unit)} AND o.period IN ${periodList(periods)}`;
  await tx.run(`DELETE FROM observations_of_record o WHERE ${where}`);
  await tx.run(`INSERT INTO observations_of_record BY NAME ${observationsOfRecordSql({ where })}`);
}

/** Recomputes every observation of record (a full rebuild). */
export async function rebuildObservationsOfRecord(tx: SqlExecutor): Promise<void> {
  await tx.run(`DELETE FROM observations_of_record`);
  await tx.run(`INSERT INTO observations_of_record BY NAME ${observationsOfRecordSql()}`);
}
