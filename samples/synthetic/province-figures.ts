import type { AdminUnit } from '../../schemas/registry/admin-unit.ts';
import type { Hierarchy } from '../../services/registry/hierarchy.ts';
import type { Prng } from './prng.ts';
import { ADDITIVE_CODES, COUNT_CODES, PROVINCE_WIDE, RATE_PARTS, RATE_CODES, type Counts, type OfficeCounts, type RateCode } from './synthetic-indicators.ts';
import { isRoundingTie, periodFraction, periodYear } from './vietnamese-format.ts';

/**
 * The true figures of a province: every commune's counts per period, drawn at random but
 * plausible, and each district's and the province's as the sums of their children — what a
 * district states for its communes (`cấp xã trên địa bàn huyện`) and the province for all
 * communes (`cấp xã trên địa bàn tỉnh`, the sum of its districts' statements). Their own
 * offices' figures are drawn apart (generateOfficeCounts).
 *
 * Per commune c, indicator and period p (a year y, or part of one):
 *
 *   value = base(c) × growth^(y − first year) × shock(district of c, p) × noise(c, p) × share of year
 *
 *   base     from the commune's size, log-normal (σ 0.55): a busy ward takes several times
 *            the files of a mountain commune
 *   shock    one factor per district and period in [0.92, 1.08]: districts move a little
 *            apart from year to year, so a small bump in one of them is ordinary
 *   noise    per commune, indicator and period in [0.88, 1.12]: values stable to ±10–20 %
 *   share    1 for a year, ½ for a half year, ¼ for a quarter, ¾ for nine months (flows only)
 *
 * Consistency within a unit: received = resolved + in progress, resolved = on time + late,
 * online ≤ received, feedback resolved ≤ received, reviewed ≥ issued, present ≤ assigned,
 * every count ≥ 1. The procedures in force (tthc.*) are one province-wide set per period.
 * No rate of any unit, at any level, falls exactly on a rounding tie (…,xx5): a commune's
 * on-time count moves by one file until none does.
 */
export type FigureTable = Map<string, Map<string, Counts>>;

export interface ProvinceTree {
  province: AdminUnit;
  /** Districts that have communes (a district without any, such as an island district, files no report); none on the two-level map. */
  districts: AdminUnit[];
  /** The units whose children are the communes: the districts, or on the two-level map (from 1 July 2025) the province. */
  groups: AdminUnit[];
  communesOf: ReadonlyMap<string, readonly AdminUnit[]>;
  communes: AdminUnit[];
  /** Units left out because nothing reports below them. */
  skipped: AdminUnit[];
}

export function provinceTree(hierarchy: Hierarchy, provinceCode: string): ProvinceTree {
  const province = hierarchy.get(provinceCode);
  if (!province || province.level !== 'province') throw new RangeError(`${provinceCode} is not a province code on the map of the periods asked for`);
  const children = hierarchy.children(provinceCode);
  if (children.length > 0 && children.every((u) => u.level === 'commune')) {
    // The two-level map: the province's children are its communes.
    return { province, districts: [], groups: [province], communesOf: new Map([[province.code, [...children]]]), communes: [...children], skipped: [] };
  }
  const communesOf = new Map<string, AdminUnit[]>();
  const districts: AdminUnit[] = [];
  const skipped: AdminUnit[] = [];
  for (const district of hierarchy.children(provinceCode)) {
    const communes = hierarchy.children(district.code).filter((u) => u.level === 'commune');
    if (communes.length === 0) {
      skipped.push(district);
      continue;
    }
    districts.push(district);
    communesOf.set(district.code, [...communes]);
  }
  if (districts.length === 0) throw new RangeError(`${province.name} has no communes on the three-level map`);
  return { province, districts, groups: districts, communesOf, communes: districts.flatMap((d) => communesOf.get(d.code) ?? []), skipped };
}

/** One commune's lasting traits: its size and habits. */
interface CommuneProfile {
  size: number;
  onlineShare: number;
  feedback: number;
  issued: number;
  reviewed: number;
  trained: number;
  quota: number;
}

export function generateCommuneCounts(tree: ProvinceTree, periods: readonly string[], prng: Prng): FigureTable {
  const firstYear = Math.min(...periods.map(periodYear));
  const provinceWide = provinceWideCounts(periods, prng.fork('tthc'));
  const shocks = new Map<string, number>();
  for (const district of tree.groups) {
    const draw = prng.fork(`shock:${district.code}`);
    for (const period of periods) shocks.set(`${district.code}|${period}`, draw.uniform(0.92, 1.08));
  }
  const table: FigureTable = new Map();
  for (const district of tree.groups) {
    for (const commune of tree.communesOf.get(district.code) ?? []) {
      const draw = prng.fork(`commune:${commune.code}`);
      const profile = communeProfile(commune, draw);
      const series = new Map<string, Counts>();
      for (const period of periods) {
        const noise = draw.fork(period);
        const trend = 1.04 ** (periodYear(period) - firstYear);
        const share = periodFraction(period);
        const flow = (base: number, min = 1) => Math.max(min, Math.round(base * trend * shocks.get(`${district.code}|${period}`)! * share * noise.uniform(0.88, 1.12)));
        const received = flow(900 * profile.size, 20);
        const resolved = Math.min(received - 1, Math.max(2, Math.round(received * noise.uniform(0.955, 0.995))));
        const onTime = Math.min(resolved - 1, Math.max(1, Math.round(resolved * noise.uniform(0.93, 0.997))));
        const feedbackReceived = flow(profile.feedback);
        const issued = flow(profile.issued);
        const assigned = profile.quota + noise.int(-1, 1);
        const present = Math.max(1, assigned - noise.int(0, 2));
        series.set(period, {
          ...provinceWide.get(period)!,
          'hoso.received': received,
          'hoso.resolved': resolved,
          'hoso.in_progress': received - resolved,
          'hoso.on_time': onTime,
          'hoso.late': resolved - onTime,
          'hoso.online': Math.min(received, Math.max(1, Math.round(received * profile.onlineShare * 1.08 ** (periodYear(period) - firstYear) * noise.uniform(0.9, 1.1)))),
          'feedback.received': feedbackReceived,
          'feedback.resolved': Math.max(1, feedbackReceived - (noise.next() < 0.3 ? 1 : 0)),
          'vbqppl.issued': issued,
          'vbqppl.reviewed': Math.max(issued, flow(profile.reviewed)),
          'staff.assigned': assigned,
          'staff.present': present,
          'staff.trained': flow(profile.trained),
        });
      }
      table.set(commune.code, series);
    }
  }
  avoidRateTies(tree, periods, table);
  return table;
}

function communeProfile(commune: AdminUnit, draw: Prng): CommuneProfile {
  const urban = commune.type === 'phường' || commune.type === 'thị trấn' ? 1.4 : 1;
  const size = Math.min(4, Math.max(0.2, Math.exp(0.55 * draw.normal()) * urban));
  return {
    size,
    onlineShare: draw.uniform(0.12, 0.35),
    feedback: 2 + 5 * size * draw.uniform(0.6, 1.4),
    issued: draw.uniform(1, 5),
    reviewed: draw.uniform(8, 24),
    // Heavy-tailed on purpose: some communes train a handful of staff a year, so ten times
    // theirs is an outlier for them and a small bump for their district.
    trained: (3 + 28 * size ** 1.6) * draw.uniform(0.7, 1.3),
    quota: 19 + Math.min(4, Math.round(2 * size)),
  };
}

/** The province's procedures in force per period: drifting slowly, the same for every unit. */
function provinceWideCounts(periods: readonly string[], draw: Prng): Map<string, Pick<Counts, 'tthc.total' | 'tthc.level.province' | 'tthc.level.district' | 'tthc.level.commune'>> {
  let province = draw.int(1250, 1500);
  let district = draw.int(240, 300);
  let commune = draw.int(140, 180);
  const out = new Map<string, Pick<Counts, 'tthc.total' | 'tthc.level.province' | 'tthc.level.district' | 'tthc.level.commune'>>();
  for (const period of [...periods].sort()) {
    province += draw.int(-15, 25);
    district += draw.int(-6, 8);
    commune += draw.int(-4, 5);
    out.set(period, { 'tthc.total': province + district + commune, 'tthc.level.province': province, 'tthc.level.district': district, 'tthc.level.commune': commune });
  }
  return out;
}

/**
 * The own one-stop office of every district and of the province, per period: files received
 * and, of them, received online. A district's office is drawn like a large commune (size 1.5–3),
 * the province's centre like ten; the same trend and share of the year as a commune's.
 */
export type OfficeTable = Map<string, Map<string, OfficeCounts>>;

export function generateOfficeCounts(tree: ProvinceTree, periods: readonly string[], prng: Prng): OfficeTable {
  const firstYear = Math.min(...periods.map(periodYear));
  const table: OfficeTable = new Map();
  for (const unit of [...tree.districts, tree.province]) {
    const draw = prng.fork(`office:${unit.code}`);
    const size = unit.level === 'province' ? draw.uniform(8, 12) : draw.uniform(1.5, 3);
    const onlineShare = draw.uniform(0.2, 0.45);
    const series = new Map<string, OfficeCounts>();
    for (const period of periods) {
      const noise = draw.fork(period);
      const received = Math.max(20, Math.round(900 * size * 1.04 ** (periodYear(period) - firstYear) * periodFraction(period) * noise.uniform(0.88, 1.12)));
      series.set(period, { 'hoso.received': received, 'hoso.online': Math.max(1, Math.round(received * onlineShare * noise.uniform(0.9, 1.1))) });
    }
    table.set(unit.code, series);
  }
  return table;
}

/** The districts' offices together, per period: what the province states for `cấp huyện`. */
export function sumOffices(tree: ProvinceTree, periods: readonly string[], offices: OfficeTable): Map<string, OfficeCounts> {
  return new Map(periods.map((period) => {
    const list = tree.districts.map((d) => offices.get(d.code)!.get(period)!);
    return [period, { 'hoso.received': list.reduce((s, o) => s + o['hoso.received'], 0), 'hoso.online': list.reduce((s, o) => s + o['hoso.online'], 0) }];
  }));
}

/**
 * Districts and the province as the sums of their children's figures. `adjust` may change
 * a unit's figures once summed (a hierarchy error), before its parent sums them: every
 * parent adds up the figures its children reported, as offices compile reports.
 */
export function rollUp(
  tree: ProvinceTree, periods: readonly string[], communes: FigureTable,
  adjust: (unit: AdminUnit, period: string, counts: Counts) => Counts = (_u, _p, c) => c,
): FigureTable {
  const table: FigureTable = new Map(communes);
  for (const period of periods) {
    const districtCounts = tree.districts.map((district) => {
      const summed = sumCounts((tree.communesOf.get(district.code) ?? []).map((c) => communes.get(c.code)!.get(period)!));
      const counts = adjust(district, period, summed);
      series(table, district.code).set(period, counts);
      return counts;
    });
    // On the two-level map the province sums its communes.
    const below = tree.districts.length > 0 ? districtCounts : tree.communes.map((c) => communes.get(c.code)!.get(period)!);
    series(table, tree.province.code).set(period, adjust(tree.province, period, sumCounts(below)));
  }
  return table;
}

function series(table: FigureTable, code: string): Map<string, Counts> {
  let found = table.get(code);
  if (!found) table.set(code, (found = new Map<string, Counts>()));
  return found;
}

/** Additive counts summed; province-wide ones taken from the first (they are equal). */
export function sumCounts(list: readonly Counts[]): Counts {
  const first = list[0];
  if (!first) throw new RangeError('nothing to sum');
  const out = { ...first };
  for (const code of COUNT_CODES) {
    if (PROVINCE_WIDE.has(code)) continue;
    if (!ADDITIVE_CODES.includes(code)) throw new Error(`${code} is neither additive nor province-wide`);
    out[code] = list.reduce((s, c) => s + c[code], 0);
  }
  return out;
}

/** Moves single on-time files to late in a commune until no rate anywhere sits on a rounding tie. */
function avoidRateTies(tree: ProvinceTree, periods: readonly string[], communes: FigureTable): void {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const all = rollUp(tree, periods, communes);
    const tie = findTie(tree, all, periods);
    if (!tie) return;
    const commune = tie.unit.level === 'commune' ? tie.unit : firstCommune(tree, tie.unit);
    const counts = communes.get(commune.code)!.get(tie.period)!;
    const moved = { ...counts };
    if (tie.rate === 'hoso.rate_on_time') {
      moved['hoso.on_time'] -= 1;
      moved['hoso.late'] += 1;
    } else {
      // One resolved file back to in progress, taken from the larger of on time and late.
      moved['hoso.resolved'] -= 1;
      moved['hoso.in_progress'] += 1;
      if (moved['hoso.late'] >= 2) moved['hoso.late'] -= 1;
      else moved['hoso.on_time'] -= 1;
    }
    if (moved['hoso.on_time'] < 1 || moved['hoso.late'] < 1) throw new Error(`cannot move a rounding tie at ${commune.code} ${tie.period}`);
    communes.get(commune.code)!.set(tie.period, moved);
  }
  throw new Error('rounding ties did not go away');
}

function findTie(tree: ProvinceTree, all: FigureTable, periods: readonly string[]): { unit: AdminUnit; period: string; rate: RateCode } | undefined {
  const units = [tree.province, ...tree.districts, ...tree.communes];
  for (const unit of units) {
    for (const period of periods) {
      const counts = all.get(unit.code)!.get(period)!;
      for (const rate of RATE_CODES) {
        const { numerator, denominator } = RATE_PARTS[rate];
        if (isRoundingTie(counts[numerator], counts[denominator])) return { unit, period, rate };
      }
    }
  }
  return undefined;
}

function firstCommune(tree: ProvinceTree, unit: AdminUnit): AdminUnit {
  const group = tree.groups.includes(unit) ? unit : tree.groups[0]!;
  return (tree.communesOf.get(group.code) ?? [])[0]!;
}
