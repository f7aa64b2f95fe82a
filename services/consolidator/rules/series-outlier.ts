import type { SqlExecutor } from '../../../infra/db/sql-database.ts';
import { FlagV1 } from '../../../schemas/flag/v1.ts';
import type { ScopedFlag } from '../flag-lifecycle.ts';
import { unitList } from '../sql-literal.ts';
import { evidenceOf, type EvidenceColumns } from './evidence-columns.ts';
import { flagId } from './flag-id.ts';
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

export function seriesScope(unit: string): string {
  return `outlier:${unit}`;
}

interface Row extends EvidenceColumns {
  unit: string;
  indicator: string;
  period: string;
  value: number;
  fact_id: string;
  report_id: string;
  med: number;
  mad: number;
  n: number;
  z: number;
  first_period: string;
  last_period: string;
}

export async function seriesOutlierFlags(db: SqlExecutor, units?: readonly string[]): Promise<ScopedFlag[]> {
  const where = `o.unit_valid_from IS NOT NULL AND o.period_kind <> 'stage'${units ? ` AND o.unit IN ${unitList(units)}` : ''}`;
  const rows = await db.all<Row>(`
    WITH s AS (SELECT * FROM observations_of_record o WHERE ${where}),
    stats AS (
      SELECT unit, unit_valid_from, indicator, period_kind, median(value) AS med, mad(value) AS mad, count(*) AS n,
        min(period) AS first_period, max(period) AS last_period
      FROM s GROUP BY unit, unit_valid_from, indicator, period_kind HAVING count(*) >= ${MIN_PERIODS} AND mad(value) > 0)
    SELECT s.unit, s.indicator, s.period, s.value, s.fact_id, s.report_id, st.med, st.mad, st.n,
      0.6745 * abs(s.value - st.med) / st.mad AS z, st.first_period, st.last_period,
      i.name_vi, i.name_en, u.name AS unit_name, fa.page, fa.span_start, fa.span_end, fa.quote
    FROM s
      JOIN stats st ON st.unit = s.unit AND st.unit_valid_from = s.unit_valid_from AND st.indicator = s.indicator AND st.period_kind = s.period_kind
      JOIN indicators i ON i.code = s.indicator
      JOIN facts fa ON fa.fact_id = s.fact_id
      LEFT JOIN units u ON u.code = s.unit AND u.valid_from = s.unit_valid_from
    WHERE 0.6745 * abs(s.value - st.med) / st.mad > ${Z_THRESHOLD}
      AND CASE WHEN i.unit = 'percent' THEN abs(s.value - st.med) >= 10
               ELSE abs(s.value - st.med) >= greatest(0.5 * abs(st.med), 10) END
    ORDER BY s.unit, s.indicator, s.period`);
  return rows.map((r) => {
    const z = Math.round(r.z * 10) / 10;
    const who = r.unit_name ?? r.unit;
    const flag = FlagV1.parse({
      id: flagId(OUTLIER_SERIES, r.unit, r.period, [r.fact_id]),
      ruleId: OUTLIER_SERIES, family: 'outlier', severity: 'warning', unit: r.unit, period: r.period,
      left: r.value, right: r.med, imbalance: r.value - r.med,
      values: { value: r.value, median: r.med, mad: r.mad, z, periods: r.n },
      message: {
        vi: `${who}: "${r.name_vi}" kỳ ${r.period} là ${vi(r.value)}, khác thường so với các kỳ ${r.first_period}–${r.last_period} (trung vị ${vi(r.med)}, z hiệu chỉnh ${vi(z)} > ${vi(Z_THRESHOLD)}). Đề nghị kiểm tra lại.`,
        en: `${who}: "${r.name_en}" for ${r.period} is ${en(r.value)}, unusual against ${r.first_period}–${r.last_period} (median ${en(r.med)}, modified z ${en(z)} > ${en(Z_THRESHOLD)}). Please check.`,
      },
      evidence: [evidenceOf(r.report_id, r)],
    });
    return { scope: seriesScope(r.unit), flag, reportId: r.report_id };
  });
}
