import type { SqlExecutor } from '../../../infra/db/sql-database.ts';
import { FlagV1, type Flag } from '../../../schemas/flag/v1.ts';
import type { ScopedFlag } from '../flag-lifecycle.ts';
import { consolidatedFiguresSql } from '../rollup-sql.ts';
import { periodList, unitList } from '../sql-literal.ts';
import { evidenceList, factEvidence, storedFlagEvidence, type FactEvidence } from './fact-evidence.ts';
import { flagId } from './flag-id.ts';
import { amountFormatters, en, vi } from './flag-draft.ts';
import { printsAs } from './printed-precision.ts';
import { areaBoundSql } from './area-bound-sql.ts';
import { scopePhrase } from './scope-phrase.ts';
import type { ObservationScope } from '../../../schemas/records/observation.ts';

/**
 * hierarchy: a parent's figure for a level of units within its area (`cấp xã trên địa bàn
 * huyện`, `cấp huyện` in a province's report) against what its children's reports give for
 * that level (rollup-sql.ts: a commune's own figures, a district's own or its `cấp xã`)
 * (consolidated_figures: counts and money summed, percentages recomputed from summed
 * numerators and denominators).
 *
 *   all children reported     reported ≠ derived beyond the printed precision → error;
 *                             off by one on a total of 1 000 or more → warning
 *   some children missing     derived > reported → error (the children present already add up
 *                             to more; a count cannot shrink by adding the rest); derived <
 *                             reported says nothing (completeness reports who is missing)
 *   a percentage              only with every child reporting both counts; a recomputed rate that
 *                             prints as the reported one (rounded or truncated) is fine; when the
 *                             parent's own numerator or denominator is already flagged the rate
 *                             flag is a warning (the same slip seen twice)
 *
 * Evidence is the parent's own figure (page and quote); `values` holds reported, derived and
 * both child counts. Scope `hierarchy:<unit>:<period>`.
 */
export const HIERARCHY_SUM = 'hierarchy.children_sum';
export const HIERARCHY_RATE = 'hierarchy.children_rate';
export const HIERARCHY_AREA = 'hierarchy.area_below_parts';

export interface HierarchyTarget {
  units: readonly string[];
  periods: readonly string[];
}

interface Row {
  unit: string;
  period: string;
  indicator: string;
  scope: ObservationScope;
  reported: number;
  reported_tolerance: number;
  reported_decimals: number;
  reported_fact: string;
  reported_report: string;
  derived: number;
  derived_tolerance: number;
  children_reported: number;
  children_expected: number;
  measure: string;
  numerator: string | null;
  denominator: string | null;
  level: string | null;
  name_vi: string;
  name_en: string;
  unit_name: string | null;
  [k: string]: string | number | boolean | null;
}

export function hierarchyScope(unit: string, period: string): string {
  return `hierarchy:${unit}:${period}`;
}

/** Flags for the parents in `target` (all parents when absent). */
export async function hierarchyFlags(db: SqlExecutor, target?: HierarchyTarget): Promise<ScopedFlag[]> {
  const scope = target
    ? (column: string) => `${column} IN ${unitList(target.units)} AND o.period IN ${periodList(target.periods)}`
    : undefined;
  const rows = await db.all<Row>(`
    SELECT f.unit, f.period, f.indicator, f.scope, f.reported, f.reported_tolerance, f.reported_decimals, f.reported_fact, f.reported_report,
      f.derived, f.derived_tolerance, f.children_reported, f.children_expected,
      i.unit AS measure, i.name_vi, i.name_en, i.numerator, i.denominator,
      u.name AS unit_name, u.level
    FROM (${consolidatedFiguresSql(scope, { bothSides: true })}) f
      JOIN indicators i ON i.code = f.indicator
      LEFT JOIN units u ON u.code = f.unit AND u.valid_from <= f.as_of AND (u.valid_to IS NULL OR f.as_of <= u.valid_to)
    WHERE f.reported IS NOT NULL AND f.derived IS NOT NULL AND f.children_reported > 0
      AND abs(f.reported - f.derived) > f.reported_tolerance + f.derived_tolerance + 1e-9
    ORDER BY f.unit, f.period, f.indicator`);
  const counts = rows.filter((r) => r.measure !== 'percent').map(countVerdict).filter((v): v is Verdict => v !== undefined);
  const flaggedCounts = new Set(counts.map((v) => `${v.row.unit}|${v.row.period}|${v.row.indicator}|${v.row.scope}`));
  const rates = rows.filter((r) => r.measure === 'percent')
    .map((r) => rateVerdict(r, [r.numerator, r.denominator].some((c) => c !== null && flaggedCounts.has(`${r.unit}|${r.period}|${c}|${r.scope}`))))
    .filter((v): v is Verdict => v !== undefined);
  const areas = (await db.all<AreaRow>(areaBoundSql(target))).map(areaVerdict);
  // Quotes only for what is flagged: a parent missing some children differs from their sum
  // without being wrong, and those rows are most of what the query returns.
  // A flag raised before with the same id has the same quote.
  const verdicts = [...counts, ...rates, ...areas].map((v) => ({ ...v, id: flagId(v.ruleId, v.row.unit, v.row.period, [v.row.reported_fact, v.row.indicator]) }));
  const stored = await storedFlagEvidence(db, verdicts.map((v) => v.id));
  const evidence = await factEvidence(db, verdicts.filter((v) => !stored.has(v.id)).map((v) => v.row.reported_fact));
  return verdicts.map((v) => {
    const flag = toFlag(v, stored.get(v.id) ?? evidenceList(evidence, v.row.reported_fact));
    return { scope: hierarchyScope(flag.unit, flag.period), flag, reportId: v.row.reported_report };
  });
}

interface Verdict {
  row: Row;
  ruleId: string;
  severity: 'error' | 'warning';
  message: { vi: string; en: string };
}

function countVerdict(r: Row): Verdict | undefined {
  const complete = r.children_reported >= r.children_expected;
  const gap = r.reported - r.derived;
  const slack = r.reported_tolerance + r.derived_tolerance;
  if (!complete && r.derived <= r.reported + slack) return undefined;
  const offByOne = complete && Math.abs(gap) <= 1 + slack && r.reported >= 1000;
  const [fmt, fmtEn] = amountFormatters(r.measure === 'VND');
  const who = r.unit_name ?? r.unit;
  const whose = scopePhrase(r.scope);
  const coverage = `${r.children_reported}/${r.children_expected}`;
  const vi_ = complete
    ? `${who} kỳ ${r.period}: "${r.name_vi}"${whose.vi} báo cáo ${fmt(r.reported)}, nhưng tổng số liệu của ${coverage} đơn vị trực thuộc là ${fmt(r.derived)} (chênh ${fmt(gap)}).`
    : `${who} kỳ ${r.period}: "${r.name_vi}"${whose.vi} báo cáo ${fmt(r.reported)}, nhưng mới ${coverage} đơn vị trực thuộc đã cộng lại được ${fmt(r.derived)}, lớn hơn số báo cáo.`;
  const en_ = complete
    ? `${who}, ${r.period}: "${r.name_en}"${whose.en} reported as ${fmtEn(r.reported)}, but its ${coverage} units below add up to ${fmtEn(r.derived)} (off by ${fmtEn(gap)}).`
    : `${who}, ${r.period}: "${r.name_en}"${whose.en} reported as ${fmtEn(r.reported)}, but only ${coverage} units below already add up to ${fmtEn(r.derived)}, more than reported.`;
  return { row: r, ruleId: HIERARCHY_SUM, severity: offByOne ? 'warning' : 'error', message: { vi: vi_, en: en_ } };
}

interface AreaRow extends Row {
  /** The parent's own office's figure, counted in `derived`. */
  own_value: number | null;
}

/**
 * A figure for the whole area below what already lies inside it: the unit's own office and the
 * children that reported. A warning: an all-level figure read from `toàn huyện` or `trên địa bàn`
 * may leave out what a report's words do not show.
 */
function areaVerdict(r: AreaRow): Verdict {
  const who = r.unit_name ?? r.unit;
  const coverage = `${r.children_reported}/${r.children_expected}`;
  const [fmt, fmtEn] = amountFormatters(r.measure === 'VND');
  const own = r.own_value;
  return { row: r, ruleId: HIERARCHY_AREA, severity: 'warning', message: {
    vi: `${who} kỳ ${r.period}: "${r.name_vi}" toàn địa bàn báo cáo ${fmt(r.reported)}, nhưng ${own === null ? '' : `Bộ phận Một cửa của đơn vị (${fmt(own)}) cùng `}${coverage} đơn vị trực thuộc đã cộng lại được ${fmt(r.derived)}, lớn hơn số toàn địa bàn.`,
    en: `${who}, ${r.period}: "${r.name_en}" for the whole area reported as ${fmtEn(r.reported)}, but ${own === null ? '' : `its own office (${fmtEn(own)}) and `}${coverage} units below already add up to ${fmtEn(r.derived)}, more than the whole.`,
  } };
}

function rateVerdict(r: Row, countFlagged: boolean): Verdict | undefined {
  if (r.children_reported < r.children_expected) return undefined;
  if (printsAs(r.derived, r.reported, r.reported_decimals)) return undefined;
  const who = r.unit_name ?? r.unit;
  const whose = scopePhrase(r.scope);
  const derived = Math.round(r.derived * 100) / 100;
  return { row: r, ruleId: HIERARCHY_RATE, severity: countFlagged ? 'warning' : 'error', message: {
    vi: `${who} kỳ ${r.period}: "${r.name_vi}"${whose.vi} báo cáo ${vi(r.reported)}%, nhưng tính lại từ số liệu của ${r.children_reported} đơn vị trực thuộc được ${vi(derived)}% (tỷ lệ phải tính từ tổng tử số và mẫu số, không lấy trung bình).`,
    en: `${who}, ${r.period}: "${r.name_en}"${whose.en} reported as ${en(r.reported)}%, but recomputed from its ${r.children_reported} units below it is ${en(derived)}% (a rate is recomputed from summed numerators and denominators, never averaged).`,
  } };
}

function toFlag({ row: r, ruleId, severity, message, id }: Verdict & { id: string }, evidence: FactEvidence[]): Flag {
  return FlagV1.parse({
    id,
    ruleId, family: 'hierarchy', severity, unit: r.unit, period: r.period, indicators: [r.indicator],
    left: r.reported, right: r.derived, imbalance: r.reported - r.derived,
    values: { reported: r.reported, derived: r.derived, children_reported: r.children_reported, children_expected: r.children_expected },
    message,
    evidence,
  });
}
