import type { SqlExecutor } from '../../../infra/db/sql-database.ts';
import { FlagV1 } from '../../../schemas/flag/v1.ts';
import type { ScopedFlag } from '../flag-lifecycle.ts';
import { periodList, unitList } from '../sql-literal.ts';
import { evidenceOf, type EvidenceColumns } from './evidence-columns.ts';
import { flagId } from './flag-id.ts';
import { en, vi } from './flag-draft.ts';

/**
 * outlier, one unit against its peers: the Hidiroglou–Berthelot test on the change from the
 * previous period of the same kind, among the units of one level in one province (the
 * communes of a province, its districts), for counts and money (not percentages).
 *
 *   r  = x(t) / x(t−1)                         (both > 0)
 *   s  = 1 − r_med / r   if r < r_med,   r / r_med − 1 otherwise
 *   E  = s · max(x(t), x(t−1))^U               U = 0.5: a big unit's change weighs more
 *   flag E outside [E_med − C·d1, E_med + C·d3], d1 = max(E_med − E_q1, |A·E_med|),
 *        d3 = max(E_q3 − E_med, |A·E_med|),   A = 0.05, C = 7
 *
 * Only groups of at least 10 units are judged. A warning, like the series test.
 * Scope `peers:<province>:<level>:<period>`.
 */
export const OUTLIER_PEERS = 'outlier.hidiroglou_berthelot';
export const HB = { U: 0.5, A: 0.05, C: 7, minGroup: 10 } as const;

export interface PeerTarget {
  province: string;
  level: string;
  periods: readonly string[];
}

export function peersScope(province: string, level: string, period: string): string {
  return `peers:${province}:${level}:${period}`;
}

interface Row extends EvidenceColumns {
  unit: string;
  province: string;
  level: string;
  indicator: string;
  period: string;
  prev_period: string;
  x: number;
  y: number;
  ratio: number;
  rmed: number;
  e: number;
  em: number;
  n: number;
  fact_id: string;
  report_id: string;
}

export async function peerChangeFlags(db: SqlExecutor, target?: PeerTarget): Promise<ScopedFlag[]> {
  const base = `o.unit_valid_from IS NOT NULL AND o.period_kind <> 'stage' AND o.province IS NOT NULL AND o.value > 0`;
  const where = target ? `${base} AND o.province IN ${unitList([target.province])} AND o.level = '${target.level === 'district' ? 'district' : target.level === 'province' ? 'province' : 'commune'}'` : base;
  const periodFilter = target ? `AND period IN ${periodList(target.periods)}` : '';
  const rows = await db.all<Row>(`
    WITH cur AS (SELECT * FROM observations_of_record o WHERE ${where}),
    pairs AS (
      SELECT *, x / y AS ratio FROM (
        SELECT c.unit, c.unit_valid_from, c.province, c.level, c.indicator, c.period, c.period_index, c.value AS x, c.fact_id, c.report_id,
          lag(c.value) OVER w AS y, lag(c.period) OVER w AS prev_period, lag(c.period_index) OVER w AS prev_index
        FROM cur c JOIN indicators i ON i.code = c.indicator AND i.unit <> 'percent'
        WINDOW w AS (PARTITION BY c.unit, c.unit_valid_from, c.indicator, c.period_kind ORDER BY c.period_index))
      WHERE prev_index = period_index - 1 ${periodFilter}),
    med AS (
      SELECT province, level, indicator, period, median(ratio) AS rmed, count(*) AS n
      FROM pairs GROUP BY province, level, indicator, period HAVING count(*) >= ${HB.minGroup}),
    scored AS (
      SELECT p.*, m.rmed, m.n,
        (CASE WHEN p.ratio < m.rmed THEN 1 - m.rmed / p.ratio ELSE p.ratio / m.rmed - 1 END) * pow(greatest(p.x, p.y), ${HB.U}) AS e
      FROM pairs p JOIN med m USING (province, level, indicator, period)),
    bounds AS (
      SELECT province, level, indicator, period, median(e) AS em,
        quantile_cont(e, 0.25) AS q1, quantile_cont(e, 0.75) AS q3
      FROM scored GROUP BY province, level, indicator, period)
    SELECT s.unit, s.province, s.level, s.indicator, s.period, s.prev_period, s.x, s.y, s.ratio, s.rmed, s.e, b.em, s.n,
      s.fact_id, s.report_id, i.name_vi, i.name_en, u.name AS unit_name, fa.page, fa.span_start, fa.span_end, fa.quote
    FROM scored s
      JOIN bounds b USING (province, level, indicator, period)
      JOIN indicators i ON i.code = s.indicator
      JOIN facts fa ON fa.fact_id = s.fact_id
      LEFT JOIN units u ON u.code = s.unit AND u.valid_from = s.unit_valid_from
    WHERE s.e < b.em - ${HB.C} * greatest(b.em - b.q1, abs(${HB.A} * b.em))
       OR s.e > b.em + ${HB.C} * greatest(b.q3 - b.em, abs(${HB.A} * b.em))
    ORDER BY s.unit, s.indicator, s.period`);
  return rows.map((r) => {
    const who = r.unit_name ?? r.unit;
    const change = Math.round((r.ratio - 1) * 1000) / 10;
    const typical = Math.round((r.rmed - 1) * 1000) / 10;
    const flag = FlagV1.parse({
      id: flagId(OUTLIER_PEERS, r.unit, r.period, [r.fact_id]),
      ruleId: OUTLIER_PEERS, family: 'outlier', severity: 'warning', unit: r.unit, period: r.period,
      left: r.x, right: r.y, imbalance: r.x - r.y,
      values: { value: r.x, previous: r.y, ratio: r.ratio, median_ratio: r.rmed, score: r.e, median_score: r.em, peers: r.n },
      message: {
        vi: `${who}: "${r.name_vi}" từ ${vi(r.y)} (kỳ ${r.prev_period}) thành ${vi(r.x)} (kỳ ${r.period}), thay đổi ${vi(change)}% trong khi các đơn vị cùng cấp trong tỉnh thay đổi khoảng ${vi(typical)}% (kiểm định Hidiroglou–Berthelot, ${r.n} đơn vị). Đề nghị kiểm tra lại.`,
        en: `${who}: "${r.name_en}" went from ${en(r.y)} (${r.prev_period}) to ${en(r.x)} (${r.period}), a change of ${en(change)}% while units of the same level in the province changed about ${en(typical)}% (Hidiroglou–Berthelot, ${r.n} units). Please check.`,
      },
      evidence: [evidenceOf(r.report_id, r)],
    });
    return { scope: peersScope(r.province, r.level, r.period), flag, reportId: r.report_id };
  });
}
