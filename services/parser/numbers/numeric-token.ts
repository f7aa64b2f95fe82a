import type { Qualifier } from '../../../schemas/fact/v1.ts';
import type { Period } from '../../../schemas/identifiers.ts';

/**
 * What the numeral layer hands to the statement extractors: every numeric expression of a
 * line or paragraph, classified, so that an extractor takes real quantities and skips what
 * only looks like a number (dates, document numbers, years, headings, footnote markers).
 *
 * Contract (checked over the five seed reports by the coverage test):
 *   - tokens come in text order and never overlap;
 *   - every ASCII digit and every superscript digit (⁰¹²³⁴⁵⁶⁷⁸⁹) of the input lies in
 *     exactly one token;
 *   - `raw === input.slice(start, end)`.
 * Some tokens hold no digit at all: a heading marker (`a)`, `II.`) or a roman ordinal
 * (`Chương II`, `Phần thứ I`, `khóa XIV`).
 *
 * What a span covers:
 *   - the number with what belongs to its value: `89,39%`, `3,45 %`, `15,08 tỷ đồng`,
 *     `1.200.000đ`, `48,6 nghìn` (the noun after it, `hồ sơ`, is the statement layer's);
 *   - the head words of named forms: `ngày 29 tháng 4 năm 2020`, `tháng 01/2021`,
 *     `quý III/2021`, `6 tháng đầu năm 2020`, `mức độ 3, 4`, `ISO 9001:2008`, `Phụ lục 5`,
 *     `lần thứ 3`;
 *   - not the cue words that only choose a reading: `ngày` before `31/3`, `năm` before a
 *     year, `Số:` or `Kế hoạch số` before a document number, and not a qualifier, whose words
 *     are in `qualifierSpan`.
 */
export type NumericKind =
  /** A count or measure: `853.793`, `02`, `268763`, `1,5`, `48,6 nghìn` (with `scale`). */
  | 'quantity'
  /** `89,39%`, `3,45 %`, `100%`, `5 phần trăm`; `value` is the number as printed (89.39). */
  | 'percent'
  /** `845.938/846.314`, `18/18`, `13/29`, `13 trên 29`: a part of a whole. */
  | 'ratio'
  /** `15,08 tỷ đồng`, `606 triệu đồng`, `1.200.000đ`, `48,6 nghìn đồng`; `value` in VND. */
  | 'money'
  /** A day or a month: `28/11/2016`, `31/3`, `ngày 29 tháng 4 năm 2020`, `tháng 01/2021`, `13.12.16`. */
  | 'date'
  /** A span of time inside a year: `quý III/2021`, `6 tháng đầu năm 2020`. */
  | 'period'
  /** A calendar year used as a year: the `2016` of `năm 2016`, `so với năm 2018, 2019`. */
  | 'year'
  /** `2011 - 2020`, `2011-2020`, `2016–2020`, `2021- 2025`: never a subtraction or two counts. */
  | 'year-range'
  /** `16/2015/NĐ-CP`, `17/BC-UBND`, `30c/NQ-CP`, `02-NQ/TU`, the `23` of `Kế hoạch số 23`. */
  | 'document-number'
  /** `ISO 9001:2008`, `TCVN ISO 9001:2015`, `ISO: 9001-2008`, the bare `9001:2015` of a list. */
  | 'standard'
  /** `mức độ 3, 4` → levels [3, 4]; `mức độ 1,2` → [1, 2] (not 1.2); `mức độ 3 và 4`. */
  | 'level-list'
  /** Heading and list markers: `1.2.`, `2.3`, `1)`, `a)`, `II.` at a line start; `(1)` before a title. */
  | 'section-number'
  /** A superscript marker: the `⁵` of `13/29⁵`, the `¹` opening a footnote line. */
  | 'footnote'
  /** `thứ 2`, `lần thứ 3`, `Phụ lục 5`, `Điều 4`, `Khoản 2`, `Chương II`, `giai đoạn 02`. */
  | 'ordinal'
  /** Digits inside a name or code that is no number: `ipv6`, `4G`, `Covid-19`, `H1N1`. */
  | 'code';

/** Scale words as printed; `ngàn` is read as `nghìn`, `tỉ` as `tỷ`. */
export type NumericScale = 'nghìn' | 'triệu' | 'tỷ' | 'nghìn tỷ';

/** A calendar date as far as it was printed: `31/3` has no year, `tháng 11/2016` no day. */
export interface CalendarDate {
  day?: number;
  month?: number;
  year?: number;
}

export interface NumericToken {
  kind: NumericKind;
  /** Span in the input, half-open [start, end). */
  start: number;
  end: number;
  /** `input.slice(start, end)`. */
  raw: string;
  /**
   * quantity, percent, money: the number (percent as printed, 89.39; money in VND,
   * 15080000000; a scaled quantity multiplied out, `48,6 nghìn` → 48600).
   * year: the year. ordinal and footnote: the index. standard: its number (9001).
   */
  value?: number;
  /** ratio: `845.938/846.314` → 845938 and 846314. */
  numerator?: number;
  denominator?: number;
  /** Decimal places as printed (`89,39` → 2, `55` → 0): the rule engine's tolerance depends on it. */
  decimals?: number;
  /** The scale word as printed, for money and for scaled quantities. */
  scale?: NumericScale;
  currency?: 'VND';
  /** How a word around the number bounds it: `trên 15,08 tỷ` → above, `từ 20% trở lên` → at-least. */
  qualifier?: Qualifier;
  /** Where the qualifier's words are (`trên`, `tối thiểu`, or the `trở lên` after the number). */
  qualifierSpan?: { start: number; end: number };
  /** level-list: the levels in printed order. */
  levels?: number[];
  /** date: the printed parts (a two-digit year `16` is read as 2016). */
  date?: CalendarDate;
  /** year, year-range and period (when its year is printed), in the `Period` schema's form: `2016`, `2011..2020`, `2021-Q3`, `2020-H1`, `2020-9M`. */
  period?: Period;
  /** year-range: first and last year. */
  from?: number;
  to?: number;
}
