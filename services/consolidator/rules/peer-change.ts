import type { SqlExecutor } from '../../../infra/db/sql-database.ts';
import { FlagV1 } from '../../../schemas/flag/v1.ts';
import type { ScopedFlag } from '../flag-lifecycle.ts';
import { previousPeriod } from '../period-series.ts';
import { periodList, unitList } from '../sql-literal.ts';
import { flagId } from './flag-id.ts';
import { namedHitsSql, sourcedHits } from './record-lookup.ts';
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
 * Only groups of at least 10 units are judged. In a tight group (ten districts that all
 * grew 4–6 %) the band is narrow enough to catch a district that grew 12 %: true to the
 * test, useless to a reporting unit. So a flagged change must also matter, like the series
 * test's jump: its ratio at least 1.5 times (or at most 1/1.5 of) the group's median ratio,
 * and at least 10 away from what the median change would give. A warning, like the series
 * test.
 * Scope `peers:<province>:<level>:<period>`.
 */
export const OUTLIER_PEERS = 'outlier.hidiroglou_berthelot';
export const HB = { U: 0.5, A: 0.05, C: 7, minGroup: 10, minShift: 1.5, minAmount: 10 } as const;

export interface PeerTarget {
  province: string;
  level: string;
  periods: readonly string[];
}

function levelLiteral(level: string): string {
  return `'${level === 'district' ? 'district' : level === 'province' ? 'province' : 'commune'}'`;
}

export function peersScope(province: string, level: string, period: string): string {
  return `peers:${province}:${level}:${period}`;
}

interface Row {
  unit: string;
  province: string;
  level: string;
  indicator: string;
  scope: string;
  period: string;
  x: number;
  y: number;
  ratio: number;
  rmed: number;
  e: number;
  em: number;
  n: number;
  name_vi: string;
  name_en: string;
  unit_name: string | null;
  [k: string]: string | number | boolean | null;
}

export async function peerChangeFlags(db: SqlExecutor, target?: PeerTarget): Promise<ScopedFlag[]> {
  const base = `o.unit_valid_from IS NOT NULL AND o.period_kind <> 'stage' AND o.province IS NOT NULL AND o.value > 0`;
  // A scoped evaluation reads its periods and the ones before them: the table is stored in
  // period order, so the rest of the series is never read.
  const read = target ? [...target.periods, ...target.periods.map(previousPeriod).filter((p): p is string => p !== undefined)] : [];
  const where = target ? `${base} AND o.period IN ${periodList(read)} AND o.province IN ${unitList([target.province])} AND o.level = ${levelLiteral(target.level)}` : base;
  const periodFilter = target ? `AND period IN ${periodList(target.periods)}` : '';
  // Narrow: keys and values only; the ids of the few hits are looked up afterwards (record-lookup.ts).
  const rows = await db.all<Row>(`
    WITH cur AS (
      SELECT o.unit, o.unit_valid_from, o.province, o.level, o.indicator, o.scope, o.period, o.period_index, o.period_kind, o.value
      FROM observations_of_record o JOIN indicators i ON i.code = o.indicator AND i.unit <> 'percent'
      WHERE ${where}),
    pairs AS (
      SELECT *, x / y AS ratio FROM (
        SELECT unit, unit_valid_from, province, level, indicator, scope, period_kind, period, period_index, value AS x,
          lag(value) OVER w AS y, lag(period_index) OVER w AS prev_index
        FROM cur
        WINDOW w AS (PARTITION BY unit, unit_valid_from, indicator, scope, period_kind ORDER BY period_index))
      WHERE prev_index = period_index - 1 ${periodFilter}),
    med AS (
      SELECT province, level, indicator, scope, period, median(ratio) AS rmed, count(*) AS n
      FROM pairs GROUP BY province, level, indicator, scope, period HAVING count(*) >= ${HB.minGroup}),
    scored AS NOT MATERIALIZED (
      SELECT p.*, m.rmed, m.n,
        (CASE WHEN p.ratio < m.rmed THEN 1 - m.rmed / p.ratio ELSE p.ratio / m.rmed - 1 END) * pow(greatest(p.x, p.y), ${HB.U}) AS e
      FROM pairs p JOIN med m USING (province, level, indicator, scope, period)),
    bounds AS (
      SELECT province, level, indicator, scope, period, quantile_cont(e, [0.25, 0.5, 0.75]) AS q
      FROM scored GROUP BY province, level, indicator, scope, period),
    hits AS (
      SELECT s.*, b.q[2] AS em FROM scored s JOIN bounds b USING (province, level, indicator, scope, period)
      WHERE (s.e < b.q[2] - ${HB.C} * greatest(b.q[2] - b.q[1], abs(${HB.A} * b.q[2]))
          OR s.e > b.q[2] + ${HB.C} * greatest(b.q[3] - b.q[2], abs(${HB.A} * b.q[2])))
        AND greatest(s.ratio / s.rmed, s.rmed / s.ratio) >= ${HB.minShift}
        AND abs(s.x - s.y * s.rmed) >= ${HB.minAmount})
    ${namedHitsSql('h.unit, h.province, h.level, h.indicator, h.scope, h.period, h.x, h.y, h.ratio, h.rmed, h.e, h.em, h.n')}`);
  const found = await sourcedHits(db, rows);
  return found.map((r) => {
    const who = r.unit_name ?? r.unit;
    const before = previousPeriod(r.period) ?? '?'; // the pair's earlier period: the one just before (prev_index = index − 1)
    const change = Math.round((r.ratio - 1) * 1000) / 10;
    const typical = Math.round((r.rmed - 1) * 1000) / 10;
    const flag = FlagV1.parse({
      id: flagId(OUTLIER_PEERS, r.unit, r.period, [r.factId]),
      ruleId: OUTLIER_PEERS, family: 'outlier', severity: 'warning', unit: r.unit, period: r.period, indicators: [r.indicator],
      left: r.x, right: r.y, imbalance: r.x - r.y,
      values: { value: r.x, previous: r.y, ratio: r.ratio, median_ratio: r.rmed, score: r.e, median_score: r.em, peers: r.n },
      message: {
        vi: `${who}: "${r.name_vi}" từ ${vi(r.y)} (kỳ ${before}) thành ${vi(r.x)} (kỳ ${r.period}), thay đổi ${vi(change)}% trong khi các đơn vị cùng cấp trong tỉnh thay đổi khoảng ${vi(typical)}% (kiểm định Hidiroglou–Berthelot, ${r.n} đơn vị). Đề nghị kiểm tra lại.`,
        en: `${who}: "${r.name_en}" went from ${en(r.y)} (${before}) to ${en(r.x)} (${r.period}), a change of ${en(change)}% while units of the same level in the province changed about ${en(typical)}% (Hidiroglou–Berthelot, ${r.n} units). Please check.`,
      },
      evidence: r.evidence,
    });
    return { scope: peersScope(r.province, r.level, r.period), flag, reportId: r.reportId };
  });
}
