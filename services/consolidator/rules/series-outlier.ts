import type { SqlExecutor } from '../../../infra/db/sql-database.ts';
import { FlagV1 } from '../../../schemas/flag/v1.ts';
import type { ScopedFlag } from '../flag-lifecycle.ts';
import { unitList } from '../sql-literal.ts';
import { flagId } from './flag-id.ts';
import { namedHitsSql, sourcedHits } from './record-lookup.ts';
import { en, vi } from './flag-draft.ts';

/**
 * outlier, one unit over time: the modified z-score of each period's figure within the
 * unit's series of that indicator and period kind (years with years, quarters with
 * quarters), z = 0.6745 · |x − median| / MAD, flagged above 3.5 (Iglewicz and Hoaglin), once
 * the series has at least 4 periods.
 *
 * Short series make MAD small by chance (100, 101, 100, 99 gives MAD 0.5), so a jump must
 * also matter: half the median or more and at least 10 for counts and money, 10 percentage
 * points for a percentage. A series whose MAD is 0 (the same figure every period) has no
 * scale and is not judged. A unit record, not a code, makes a series: a code reused after
 * 1 July 2025 starts a new one.
 *
 * A warning: a jump may be real (a new one-stop shop) — the unit is asked to confirm it.
 * Scope `outlier:<unit>`.
 */
export const OUTLIER_SERIES = 'outlier.modified_z';
export const Z_THRESHOLD = 3.5;
export const MIN_PERIODS = 4;

/**
 * The median of a sorted list of `n` numbers, as SQL: a series is a handful of periods, so
 * sorting its list beats DuckDB's holistic median()/mad() aggregates over millions of groups.
 */
function listMedian(sorted: string, n: string): string {
  return `(${sorted}[(${n} + 1) // 2] + ${sorted}[${n} // 2 + 1]) / 2`;
}

export function seriesScope(unit: string): string {
  return `outlier:${unit}`;
}

interface Row {
  unit: string;
  indicator: string;
  scope: string;
  period: string;
  value: number;
  med: number;
  mad: number;
  n: number;
  z: number;
  first_period: string;
  last_period: string;
  name_vi: string;
  name_en: string;
  unit_name: string | null;
  [k: string]: string | number | boolean | null;
}

export async function seriesOutlierFlags(db: SqlExecutor, units?: readonly string[]): Promise<ScopedFlag[]> {
  const where = `o.unit_valid_from IS NOT NULL AND o.period_kind <> 'stage'${units ? ` AND o.unit IN ${unitList(units)}` : ''}`;
  // Narrow: the statistics and the hits read only keys and values; the ids of the few hits are
  // looked up afterwards (record-lookup.ts).
  const rows = await db.all<Row>(`
    WITH series AS (
      SELECT unit, unit_valid_from, indicator, scope, period_kind, list_sort(list(value)) AS xs, min(period) AS first_period, max(period) AS last_period
      FROM observations_of_record o WHERE ${where}
      GROUP BY unit, unit_valid_from, indicator, scope, period_kind HAVING count(*) >= ${MIN_PERIODS}),
    centred AS (SELECT *, len(xs) AS n, ${listMedian('xs', 'len(xs)')} AS med FROM series),
    deviations AS (SELECT *, list_sort(list_transform(xs, lambda x: abs(x - med))) AS ds FROM centred),
    stats AS (
      SELECT unit, unit_valid_from, indicator, scope, period_kind, n, med, first_period, last_period, ${listMedian('ds', 'n')} AS mad
      FROM deviations),
    hits AS (
      SELECT o.unit, o.unit_valid_from, o.indicator, o.scope, o.period, o.value, st.med, st.mad, st.n,
        0.6745 * abs(o.value - st.med) / st.mad AS z, st.first_period, st.last_period
      FROM observations_of_record o
        JOIN stats st ON st.unit = o.unit AND st.unit_valid_from = o.unit_valid_from AND st.indicator = o.indicator AND st.scope = o.scope AND st.period_kind = o.period_kind
        JOIN indicators i ON i.code = o.indicator
      WHERE ${where} AND st.mad > 0 AND 0.6745 * abs(o.value - st.med) / st.mad > ${Z_THRESHOLD}
        AND CASE WHEN i.unit = 'percent' THEN abs(o.value - st.med) >= 10
                 ELSE abs(o.value - st.med) >= greatest(0.5 * abs(st.med), 10) END)
    ${namedHitsSql('h.unit, h.indicator, h.scope, h.period, h.value, h.med, h.mad, h.n, h.z, h.first_period, h.last_period')}`);
  const found = await sourcedHits(db, rows);
  return found.map((r) => {
    const z = Math.round(r.z * 10) / 10;
    const who = r.unit_name ?? r.unit;
    const flag = FlagV1.parse({
      id: flagId(OUTLIER_SERIES, r.unit, r.period, [r.factId]),
      ruleId: OUTLIER_SERIES, family: 'outlier', severity: 'warning', unit: r.unit, period: r.period, indicators: [r.indicator],
      left: r.value, right: r.med, imbalance: r.value - r.med,
      values: { value: r.value, median: r.med, mad: r.mad, z, periods: r.n },
      message: {
        vi: `${who}: "${r.name_vi}" kỳ ${r.period} là ${vi(r.value)}, khác thường so với các kỳ ${r.first_period}–${r.last_period} (trung vị ${vi(r.med)}, z hiệu chỉnh ${vi(z)} > ${vi(Z_THRESHOLD)}). Đề nghị kiểm tra lại.`,
        en: `${who}: "${r.name_en}" for ${r.period} is ${en(r.value)}, unusual against ${r.first_period}–${r.last_period} (median ${en(r.med)}, modified z ${en(z)} > ${en(Z_THRESHOLD)}). Please check.`,
      },
      evidence: r.evidence,
    });
    return { scope: seriesScope(r.unit), flag, reportId: r.reportId };
  });
}
