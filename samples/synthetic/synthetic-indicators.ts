import { INDICATOR_CATALOG } from '../../schemas/indicators/catalog.ts';
import { ratePercent } from './vietnamese-format.ts';

/**
 * The catalog indicators a synthetic report states (schemas/indicators/catalog.json), and
 * what the generator must know of each:
 *
 *   additive   children's figures add up to the parent's (the catalog's own flag)
 *   flow       counted over the period, so a half year holds about half a year's worth;
 *              a stock (staff quota, staff present, procedures in force) is a level at the
 *              end of the period
 *   standalone stated in no breakdown, rate or bound of the report: an error injected
 *              into it (hierarchy, conflict, outlier) cannot show up in another family
 *
 *   procedures in force   tthc.total = tthc.level.province + .district + .commune
 *                         (not additive: the province's set, the same in every unit)
 *   files                 hoso.received = hoso.resolved + hoso.in_progress
 *                         hoso.resolved = hoso.on_time + hoso.late
 *                         hoso.rate_resolved = resolved / received, hoso.rate_on_time = on_time / resolved
 *                         hoso.online ≤ hoso.received (standalone)
 *   feedback              feedback.resolved ≤ feedback.received
 *   legal documents       vbqppl.issued, vbqppl.reviewed (standalone)
 *   staff                 staff.present ≤ staff.assigned (stocks); staff.trained (standalone)
 */
export const COUNT_CODES = [
  'tthc.total', 'tthc.level.province', 'tthc.level.district', 'tthc.level.commune',
  'hoso.received', 'hoso.resolved', 'hoso.in_progress', 'hoso.on_time', 'hoso.late', 'hoso.online',
  'feedback.received', 'feedback.resolved',
  'vbqppl.issued', 'vbqppl.reviewed',
  'staff.assigned', 'staff.present', 'staff.trained',
] as const;
export type CountCode = (typeof COUNT_CODES)[number];

export const RATE_CODES = ['hoso.rate_resolved', 'hoso.rate_on_time'] as const;
export type RateCode = (typeof RATE_CODES)[number];

export type FigureCode = CountCode | RateCode;
export const FIGURE_CODES: readonly FigureCode[] = [...COUNT_CODES, ...RATE_CODES];

/** Whole counts of one unit and period, before any rate is derived. */
export type Counts = Record<CountCode, number>;

/** What a report prints: counts as whole numbers, rates as percentages with two decimals (95.83). */
export type Figures = Record<FigureCode, number>;

/** Each rate's numerator and denominator, as the catalog defines them. */
export const RATE_PARTS: Readonly<Record<RateCode, { numerator: CountCode; denominator: CountCode }>> = {
  'hoso.rate_resolved': { numerator: 'hoso.resolved', denominator: 'hoso.received' },
  'hoso.rate_on_time': { numerator: 'hoso.on_time', denominator: 'hoso.resolved' },
};

export const STOCKS: ReadonlySet<CountCode> = new Set(['tthc.total', 'tthc.level.province', 'tthc.level.district', 'tthc.level.commune', 'staff.assigned', 'staff.present']);

/** The procedures a province has in force: one set for every unit of the province. */
export const PROVINCE_WIDE: ReadonlySet<CountCode> = new Set(['tthc.total', 'tthc.level.province', 'tthc.level.district', 'tthc.level.commune']);

/** Figures in no breakdown, rate or bound of the report. */
export const STANDALONE: readonly CountCode[] = ['hoso.online', 'feedback.received', 'vbqppl.issued', 'vbqppl.reviewed', 'staff.trained'];

/** The parts of the procedures-in-force breakdown (tthc.total). */
export const TTHC_PARTS: readonly CountCode[] = ['tthc.level.province', 'tthc.level.district', 'tthc.level.commune'];

const catalogByCode = new Map(INDICATOR_CATALOG.indicators.map((d) => [d.code, d]));

export function isAdditive(code: FigureCode): boolean {
  return catalogByCode.get(code)?.additive ?? false;
}

/** The additive counts: what rolls up from communes to districts to the province. */
export const ADDITIVE_CODES: readonly CountCode[] = COUNT_CODES.filter((c) => isAdditive(c));

// Fail at import, not in the middle of a run, if the catalog and this list drift apart.
for (const code of FIGURE_CODES) {
  const definition = catalogByCode.get(code);
  if (!definition) throw new Error(`synthetic indicator ${code} is not in the catalog`);
  const isRate = (RATE_CODES as readonly string[]).includes(code);
  if (isRate !== (definition.unit === 'percent')) throw new Error(`synthetic indicator ${code}: catalog unit ${definition.unit} does not fit`);
  if (isRate) {
    const parts = RATE_PARTS[code as RateCode];
    if (definition.ratio?.numerator !== parts.numerator || definition.ratio.denominator !== parts.denominator) {
      throw new Error(`synthetic indicator ${code}: ratio differs from the catalog's`);
    }
  }
  if (PROVINCE_WIDE.has(code as CountCode) && definition.additive) throw new Error(`${code} must not be additive`);
}

/**
 * What a district's or the province's own one-stop office takes in (`Bộ phận Một cửa UBND
 * huyện`, `Trung tâm Phục vụ hành chính công tỉnh`), stated beside its communes' figures; the
 * province also states its districts' offices together (`cấp huyện trên địa bàn tỉnh`).
 */
export const OFFICE_CODES = ['hoso.received', 'hoso.online'] as const;
export type OfficeCode = (typeof OFFICE_CODES)[number];
export type OfficeCounts = Record<OfficeCode, number>;

/** A unit's counts with the two rates the report prints, each computed from the counts. */
export function withRates(counts: Readonly<Counts>): Figures {
  const out = { ...counts } as Figures;
  for (const rate of RATE_CODES) {
    const { numerator, denominator } = RATE_PARTS[rate];
    out[rate] = ratePercent(counts[numerator], counts[denominator]);
  }
  return out;
}
