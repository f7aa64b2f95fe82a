import { z } from 'zod';
import { Evidence } from '../evidence.ts';
import { Period, ReportId } from '../identifiers.ts';
import { UnitLevel } from '../report-parsed/v1.ts';

/**
 * A fact is one number with meaning and provenance (ARCHITECTURE.md, "Events").
 * Which numeric fields are present depends on `kind`:
 *   count, money, table-cell → value        ratio, coverage → numerator, denominator, rate?
 *   rate                     → rate (+ numerator/denominator when stated nearby)
 *   breakdown                → total, parts   change → value (the printed change)
 *   share                    → rate, total? (the stated base the percentage is of)
 *   enumeration              → value (the stated count), names (what was listed)
 *   table-cell               → value, table (where the cell sits)
 * Statements that are not a count over a base (never checked as one):
 *   threshold-count → numerator, denominator: units meeting a threshold (`5/9 huyện đạt tỷ lệ … dưới 3%`)
 *   rank            → value (the place), denominator (out of how many) when printed: `xếp thứ 12/63`, `đứng thứ 4 cả nước`
 *   score           → value: an index score or satisfaction index (`PAR INDEX đạt 85,67 điểm`, `SIPAS 82,5%`)
 *   change          → value: a change, in percentage points when beside a rate or score
 */
export const FactKind = z.enum([
  'count', 'ratio', 'rate', 'money', 'breakdown', 'coverage', 'share', 'enumeration', 'table-cell', 'change',
  'threshold-count', 'rank', 'score',
]);
export type FactKind = z.infer<typeof FactKind>;

/** How a qualifier word bounds the printed number: trên/hơn → above, tối thiểu → at-least, gần/khoảng → approx. */
export const Qualifier = z.enum(['above', 'at-least', 'below', 'at-most', 'approx']);
export type Qualifier = z.infer<typeof Qualifier>;


/**
 * Whose figure it is (ARCHITECTURE.md, "Events"), relative to the reporting unit:
 *   own       its own office or level (`tại Bộ phận Một cửa UBND huyện`, `cấp tỉnh` in a province report)
 *   levels    the units of `levels` within its area, each its own office (`cấp xã trên địa bàn huyện`
 *             → [commune]; `cấp huyện, cấp xã` → [district, commune]); the unit's own level may be among them
 *   area      the whole area, every level (`toàn huyện`, `toàn tỉnh`, `trên địa bàn tỉnh` without a level)
 *   named     a named unit or agency (`huyện Lập Thạch`, `Sở Tư pháp`): `name`
 *   unstated  nothing in the sentence, paragraph or heading says
 * `from` says where it was read: the sentence itself, the paragraph before it, or a heading.
 */
export const FactScope = z.object({
  reach: z.enum(['own', 'levels', 'area', 'named', 'unstated']),
  levels: z.array(UnitLevel).optional(),
  name: z.string().optional(),
  from: z.enum(['sentence', 'paragraph', 'heading']).optional(),
  /** The words that gave the scope, as printed. */
  cue: z.string().optional(),
});
export type FactScope = z.infer<typeof FactScope>;

/**
 * A figure's place in the flow of files (hồ sơ) through a one-stop office. Identities
 * (schemas/indicators/catalog.json, `roles`):
 *   in-hand = new + carried-over = resolved + in-progress (+ returned)
 *   resolved = early + on-time + late;  early-or-on-time = early + on-time
 *   in-progress = in-progress-on-time + in-progress-late
 * `received` (tiếp nhận) does not say whether carried-over files are in it; `due` (đến hạn)
 * counts the files whose deadline fell in the period.
 */
export const FileRole = z.enum([
  'new', 'carried-over', 'in-hand', 'received', 'due', 'resolved', 'early', 'on-time', 'early-or-on-time', 'late',
  'in-progress', 'in-progress-on-time', 'in-progress-late', 'returned',
]);
export type FileRole = z.infer<typeof FileRole>;

/** exact: printed as counted. approximate: a bound word (hơn, gần, trên, khoảng) or a rounded scale (`16 nghìn`). */
export const Certainty = z.enum(['exact', 'approximate']);
export type Certainty = z.infer<typeof Certainty>;

export const FactPart = z.object({ label: z.string(), value: z.number(), role: FileRole.optional() });

/** Where a table cell sits: row label, column header, and the numbered row a `-` sub-row belongs to. */
export const TableCellRef = z.object({
  index: z.number().int().min(0),
  row: z.number().int().min(0),
  column: z.number().int().min(0),
  rowLabel: z.string(),
  columnHeader: z.string(),
  parentRowLabel: z.string().optional(),
});

export const FactV1 = z.object({
  id: z.string().min(1),
  reportId: ReportId,
  kind: FactKind,
  label: z.string(),
  indicator: z.string().optional(),
  value: z.number().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  rate: z.number().optional(),
  total: z.number().optional(),
  parts: z.array(FactPart).optional(),
  names: z.array(z.string()).optional(),
  /** breakdown: the words that introduced the parts (`trong đó`, `gồm`, `cụ thể`, `(`); `trong đó` parts may not cover the total. */
  cue: z.string().optional(),
  table: TableCellRef.optional(),
  unit: z.string(),
  qualifier: Qualifier.optional(),
  scope: FactScope.optional(),
  role: FileRole.optional(),
  /** The role came from the clause a list hangs from, not from the figure's own words: less certain. */
  roleInferred: z.literal(true).optional(),
  /** Absent means exact (facts recorded before certainty existed). */
  certainty: Certainty.optional(),
  period: Period.optional(),
  /** The block index of the paragraph or table the figure was read from: figures of one paragraph are stated together. */
  block: z.number().int().min(0).optional(),
  evidence: Evidence,
});
export type Fact = z.infer<typeof FactV1>;
