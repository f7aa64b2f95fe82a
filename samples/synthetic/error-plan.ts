import type { AdminUnit, UnitLevel } from '../../schemas/registry/admin-unit.ts';
import type { Prng } from './prng.ts';
import type { FigureTable, ProvinceTree } from './province-figures.ts';
import { ALLOWED_INDICATORS, ALLOWED_LEVELS, DEFAULT_INDICATOR, DEFAULT_LEVEL, type ErrorKind, type ErrorRequest } from './injected-error.ts';
import { COUNT_CODES, RATE_CODES, RATE_PARTS, TTHC_PARTS, withRates, type CountCode, type Counts, type FigureCode, type OfficeCode, type OfficeCounts, type RateCode } from './synthetic-indicators.ts';
import { rateHundredths } from './vietnamese-format.ts';

/**
 * Where each requested error goes and what it prints, decided on the clean figures.
 *
 * Placement keeps errors apart, so each raises its own family only:
 *   - a unit carries at most one error;
 *   - one error per district and period: an error in a commune or a district takes the
 *     slot (district, period); one in the province takes the whole period;
 *   - an error that changes an additive figure (bounds, outlier, hierarchy) claims that
 *     indicator for its unit and every ancestor in all periods, so no second error bends
 *     the same series.
 * Within those rules the seed picks, except for an outlier: the commune and inner period
 * (neither the first nor the last) whose tenfold figure moves its district's total least
 * (its district must not look like an outlier too). Requests naming a unit or period are honoured or refused with the reason.
 *
 * Values (see injected-error.ts for the kinds):
 *   rate_mismatch  the true rate minus 3.5–9 points, redrawn while it is 100 minus the other
 *                  rate, or n over any other count the report prints
 *   sum_mismatch   one part ± 12–40, redrawn while |Δ| equals a part (the rules would call
 *                  the part "a figure of its own")
 *   bounds         staff present = assigned + 1 or 2, only where every ancestor stays within
 *                  its own quota once the figure is carried up
 *   hierarchy      + max(5, 6–10 %) of the statement it goes in: a district's of its communes,
 *                  the province's of its district offices (`cấp huyện`)
 *   conflict       a count ± max(2, 15–30 %) (never below 1); a rate with its last two digits
 *                  swapped (± 0,5 when they are equal)
 *   outlier        × 10
 */
export interface PlannedError {
  id: string;
  kind: ErrorKind;
  unit: AdminUnit;
  period: string;
  indicator?: FigureCode;
  /** A commune's figure as its report prints it and its parents sum it (bounds, outlier). */
  communeFigure?: { code: CountCode; value: number };
  /** Added to a parent's summed figure before its own parent sums it (hierarchy). */
  parentDelta?: { code: CountCode; delta: number };
  /** Printed instead of the true figure (rate_mismatch, sum_mismatch: text and table; conflict: table). */
  printed?: { text: Partial<Record<FigureCode, number>>; table: Partial<Record<FigureCode, number>> };
  details: Record<string, number | string>;
}

interface PlanContext {
  tree: ProvinceTree;
  periods: readonly string[];
  /** Clean figures of every unit (communes and their sums). */
  clean: FigureTable;
  /** The districts' own offices together, per period: the province's `cấp huyện` statement. */
  districtOffices: ReadonlyMap<string, OfficeCounts>;
  prng: Prng;
}

const LEVEL_RANK: Readonly<Record<UnitLevel, number>> = { province: 0, district: 1, commune: 2 };

export function planErrors(context: PlanContext, requests: readonly ErrorRequest[]): PlannedError[] {
  const { tree, periods } = context;
  const units = new Map<string, AdminUnit>([tree.province, ...tree.districts, ...tree.communes].map((u) => [u.code, u]));
  const usedUnits = new Set<string>();
  const busySlots = new Set<string>();
  const busyPeriods = new Set<string>();
  const claimed = new Set<string>();
  const districtOf = (unit: AdminUnit) => (unit.level === 'commune' ? unit.parent! : unit.code);
  const lineage = (unit: AdminUnit): string[] => [...new Set(unit.level === 'province' ? [unit.code] : unit.level === 'district' ? [unit.code, tree.province.code] : [unit.code, unit.parent!, tree.province.code])];
  const twoLevel = tree.districts.length === 0;
  // The series an error bends: its unit's and every ancestor's; the province's hierarchy error
  // on the three-level map bends only its statement of its district offices, which no other error touches.
  const claims = (kind: ErrorKind, unit: AdminUnit, indicator: FigureCode): string[] => (kind === 'hierarchy' && unit.level === 'province' && !twoLevel
    ? [`${unit.code}|${indicator}|district-offices`] : lineage(unit).map((code) => `${code}|${indicator}`));

  const resolved = requests.map((request, index) => {
    const unit = request.unit === undefined ? undefined : units.get(request.unit);
    if (request.unit !== undefined && !unit) throw new RangeError(`error ${request.kind}: unit ${request.unit} is not a reporting unit of ${tree.province.name}`);
    // On the two-level map a district's default error goes to the province, which stands where the districts stood.
    const fallback = DEFAULT_LEVEL[request.kind] === 'district' && twoLevel ? 'province' : DEFAULT_LEVEL[request.kind];
    const level = unit?.level ?? request.level ?? fallback;
    if (level === 'district' && twoLevel) throw new RangeError(`error ${request.kind}: ${tree.province.name} has no districts on the two-level map`);
    if (!ALLOWED_LEVELS[request.kind].includes(level)) throw new RangeError(`error ${request.kind}: not at ${level} level (allowed: ${ALLOWED_LEVELS[request.kind].join(', ')})`);
    if (request.period !== undefined && !periods.includes(request.period)) throw new RangeError(`error ${request.kind}: period ${request.period} is not generated`);
    const indicator = request.indicator ?? DEFAULT_INDICATOR[request.kind];
    if (indicator !== undefined && !ALLOWED_INDICATORS[request.kind].includes(indicator)) {
      throw new RangeError(`error ${request.kind}: indicator ${indicator} not allowed (allowed: ${ALLOWED_INDICATORS[request.kind].join(', ')})`);
    }
    return { request, index, level, unit, indicator };
  });

  const planned: PlannedError[] = [];
  // The province's errors first: each needs a whole period to itself.
  for (const item of [...resolved].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.index - b.index)) {
    const { request, level, indicator } = item;
    const draw = context.prng.fork(`error:${item.index}`);
    const pool = item.unit ? [item.unit] : level === 'province' ? [tree.province] : level === 'district' ? tree.districts : tree.communes;
    const candidates: { unit: AdminUnit; period: string }[] = [];
    for (const unit of pool) {
      for (const period of request.period ? [request.period] : candidatePeriods(request.kind, periods)) {
        if (usedUnits.has(unit.code) || busyPeriods.has(period)) continue;
        if (level === 'province' ? [...busySlots].some((s) => s.endsWith(`|${period}`)) : busySlots.has(`${districtOf(unit)}|${period}`)) continue;
        if (changesAdditive(request.kind) && indicator && claims(request.kind, unit, indicator).some((key) => claimed.has(key))) continue;
        candidates.push({ unit, period });
      }
    }
    const ordered = draw.shuffle(candidates);
    if (request.kind === 'outlier') ordered.sort((a, b) => outlierImpact(context, a.unit, a.period, indicator as CountCode) - outlierImpact(context, b.unit, b.period, indicator as CountCode));
    let plan: PlannedError | undefined;
    for (const { unit, period } of ordered) {
      plan = valuesFor(context, `E${item.index + 1}`, request.kind, unit, period, indicator, draw);
      if (plan) break;
    }
    if (!plan) throw new RangeError(`error ${request.kind}: no ${level} and period left where it fits without touching another error`);
    planned.push(plan);
    usedUnits.add(plan.unit.code);
    if (level === 'province') busyPeriods.add(plan.period);
    else busySlots.add(`${districtOf(plan.unit)}|${plan.period}`);
    if (changesAdditive(request.kind) && indicator) for (const key of claims(request.kind, plan.unit, indicator)) claimed.add(key);
  }
  return planned.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}

/**
 * An outlier goes in an inner period when there are three or more: with a period on
 * either side, a level-based test and a ratio-to-previous test both see it where it is.
 */
function candidatePeriods(kind: ErrorKind, periods: readonly string[]): readonly string[] {
  if (kind !== 'outlier' || periods.length < 3) return periods;
  const sorted = [...periods].sort();
  return sorted.slice(1, -1);
}

function changesAdditive(kind: ErrorKind): boolean {
  return kind === 'bounds' || kind === 'outlier' || kind === 'hierarchy';
}

function countsOf(context: PlanContext, unit: AdminUnit, period: string): Counts {
  const counts = context.clean.get(unit.code)?.get(period);
  if (!counts) throw new Error(`no figures for ${unit.code} ${period}`);
  return counts;
}

/** How much ten times the commune's figure moves its district's total, as a share of it. */
function outlierImpact(context: PlanContext, commune: AdminUnit, period: string, code: CountCode): number {
  const own = countsOf(context, commune, period)[code];
  const district = context.clean.get(commune.parent!)!.get(period)![code];
  return (9 * own) / district;
}

function valuesFor(context: PlanContext, id: string, kind: ErrorKind, unit: AdminUnit, period: string, indicator: FigureCode | undefined, draw: Prng): PlannedError | undefined {
  const counts = countsOf(context, unit, period);
  const base = { id, kind, unit, period, ...(indicator ? { indicator } : {}) };
  switch (kind) {
    case 'rate_mismatch': {
      const rate = indicator as RateCode;
      const wrong = wrongRate(counts, rate, draw);
      if (wrong === undefined) return undefined;
      const { numerator, denominator } = RATE_PARTS[rate];
      return { ...base, printed: { text: { [rate]: wrong }, table: { [rate]: wrong } }, details: { numerator: counts[numerator], denominator: counts[denominator], trueRate: withRates(counts)[rate] } };
    }
    case 'sum_mismatch': {
      const part = indicator as CountCode;
      const parts = TTHC_PARTS.map((p) => counts[p]);
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const delta = draw.int(12, 40) * (draw.next() < 0.5 ? -1 : 1);
        const value = counts[part] + delta;
        const printedParts = TTHC_PARTS.map((p) => (p === part ? value : counts[p]));
        if (printedParts.includes(Math.abs(delta))) continue;
        return { ...base, printed: { text: { [part]: value }, table: { [part]: value } }, details: { total: counts['tthc.total'], partsSum: parts.reduce((s, v) => s + v, 0) + delta, gap: -delta } };
      }
      return undefined;
    }
    case 'bounds': {
      const extra = draw.int(1, 2);
      const value = counts['staff.assigned'] + extra;
      const change = value - counts['staff.present'];
      const ancestors = [...new Set([unit.parent!, context.tree.province.code])].map((code) => context.clean.get(code)!.get(period)!);
      if (ancestors.some((a) => a['staff.present'] + change > a['staff.assigned'])) return undefined;
      return { ...base, communeFigure: { code: 'staff.present', value }, details: { assigned: counts['staff.assigned'], excess: extra } };
    }
    case 'hierarchy': {
      // A district's statement of its communes; the province's of its district offices.
      const code = indicator as OfficeCode;
      const stated = unit.level === 'province' && context.tree.districts.length > 0 ? context.districtOffices.get(period)! : counts;
      const delta = Math.max(5, Math.round(stated[code] * draw.uniform(0.06, 0.1)));
      if (code === 'hoso.online' && stated[code] + delta > stated['hoso.received']) return undefined;
      return { ...base, parentDelta: { code, delta }, details: { delta } };
    }
    case 'conflict': {
      const code = indicator as FigureCode;
      const value = (RATE_CODES as readonly string[]).includes(code) ? swappedRate(withRates(counts)[code]) : conflictingCount(counts[code as CountCode], draw);
      return { ...base, printed: { text: {}, table: { [code]: value } }, details: {} };
    }
    case 'completeness':
      return { ...base, details: {} };
    case 'outlier': {
      const code = indicator as CountCode;
      return { ...base, communeFigure: { code, value: counts[code] * 10 }, details: { factor: 10, districtChange: round4(outlierImpact(context, unit, period, code)) } };
    }
  }
}

/**
 * The true rate minus 3.5–9 points, as long as no rule could read it as something else:
 * not 100 minus the report's other rate, not the numerator over another count it prints.
 */
function wrongRate(counts: Counts, rate: RateCode, draw: Prng): number | undefined {
  const { numerator, denominator } = RATE_PARTS[rate];
  const n = counts[numerator];
  const truth = rateHundredths(n, counts[denominator]);
  const others = RATE_CODES.filter((r) => r !== rate).map((r) => rateHundredths(counts[RATE_PARTS[r].numerator], counts[RATE_PARTS[r].denominator]));
  const bases = COUNT_CODES.map((c) => counts[c]).filter((c) => c >= n && c !== counts[denominator]);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const wrong = truth - draw.int(350, 900);
    if (wrong <= 0) continue;
    if (others.some((o) => o + wrong === 10000)) continue;
    if (bases.some((c) => rateHundredths(n, c) === wrong)) continue;
    return wrong / 100;
  }
  return undefined;
}

/** 96,95 → 96,59; 96,99 → 96,49. */
function swappedRate(rate: number): number {
  const hundredths = Math.round(rate * 100);
  const tens = Math.floor(hundredths / 10) % 10;
  const units = hundredths % 10;
  if (tens !== units) return (hundredths - tens * 10 - units + units * 10 + tens) / 100;
  return (hundredths >= 50 ? hundredths - 50 : hundredths + 50) / 100;
}

function conflictingCount(value: number, draw: Prng): number {
  const delta = Math.max(2, Math.round(value * draw.uniform(0.15, 0.3)));
  return draw.next() < 0.5 && value - delta >= 1 ? value - delta : value + delta;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
