import { H, LETTER_CLASS, QUARTER_CUE_BEHIND, ROMAN_QUARTER_BEHIND, YEAR_CUE_BEHIND } from './numeral-lexicon.ts';
import { romanValue } from './ordinal.ts';
import { ahead, behind, isYear, makeToken, type Recognizer } from './scan-anchor.ts';

/**
 * Years, year ranges and periods inside a year. `period` is filled in the `Period` schema's
 * form whenever the year is printed.
 *
 *   year-range := year '-'|'–'|'—' year    spaces allowed; first < second; both 1975–2100
 *                 `2011 - 2020` `2011-2020` `2016–2020` `2021- 2025` `năm học 2016-2017`
 *                 → from 2011, to 2020, period `2011..2020`
 *   year       := cue d{4}                 cue: năm, so với năm, đến năm, giai đoạn, nhiệm kỳ, niên độ
 *                 `năm 2016` → year 2016 (the span is the digits: `năm` only chooses the reading)
 *               | year-list d{4}           `năm 2018 và 2019`, `năm 2015, 2016` (after a year token,
 *                                          joined by `,` `và` `hoặc` `đến` `tới` `-`)
 *   quarter    := 'quý' ( I–IV | 1–4 ) [ '/' d{4} | 'năm' d{4} ]
 *                 `quý III/2021` → 2021-Q3     `quý I năm 2020` → 2020-Q1     `quý 2/2021` → 2021-Q2
 *   months     := d{1,2} 'tháng' [ 'đầu' | 'cuối' ] 'năm' [ d{4} ]    (`đầu`/`cuối` or the year needed)
 *                 `6 tháng đầu năm 2020` → 2020-H1    `6 tháng cuối năm 2020` → 2020-H2
 *                 `9 tháng đầu năm 2020` → 2020-9M    `3 tháng đầu năm` → no year, no period string
 *
 * A bare four-digit number without a cue is decided in `measure.ts` (a year unless a count noun
 * follows or it fills a table cell).
 */
const RANGE = new RegExp(`(\\d{4})${H}*[-–—]${H}*(\\d{4})(?![\\d]|[.,]\\d|\\/[\\dA-ZĐ])`, 'uy');
const FOUR_DIGITS = /\d{4}(?![\d]|[.,/]\d)/y;
const QUARTER = new RegExp(`([1-4])(?:${H}*\\/${H}*(\\d{4})|${H}+năm${H}*(\\d{4}))?(?![\\d]|[.,/]\\d)`, 'iuy');
const MONTHS = new RegExp(`(\\d{1,2})${H}+tháng(?:${H}+(đầu|cuối))?${H}+năm(?:${H}*(\\d{4}))?(?![\\d${LETTER_CLASS}])`, 'iy');
const YEAR_LIST_GAP = new RegExp(`^${H}*(?:,|và|hoặc|đến|tới|-|–)${H}*$`, 'iu');

export const recognizeYearRange: Recognizer = ({ text, at }) => {
  const m = ahead(text, RANGE, at);
  if (!m) return undefined;
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (!isYear(from) || !isYear(to) || to <= from) return undefined;
  return makeToken(text, 'year-range', at, at + m[0].length, { from, to, period: `${from}..${to}` });
};

export const recognizeYear: Recognizer = (anchor) => {
  const { text, at, previous } = anchor;
  const m = ahead(text, FOUR_DIGITS, at);
  if (!m) return undefined;
  const value = Number(m[0]);
  if (!isYear(value)) return undefined;
  const cued = behind(anchor, YEAR_CUE_BEHIND) !== undefined;
  const listed = previous !== undefined && previous.kind === 'year' && YEAR_LIST_GAP.test(text.slice(previous.end, at));
  if (!cued && !listed) return undefined;
  return makeToken(text, 'year', at, at + 4, { value, period: `${value}` });
};

export const recognizeQuarter: Recognizer = (anchor) => {
  const { text, at } = anchor;
  const roman = behind(anchor, ROMAN_QUARTER_BEHIND);
  if (roman) {
    const m = ahead(text, FOUR_DIGITS, at);
    const quarter = romanValue(roman.groups[1] ?? '');
    if (m && quarter !== undefined && isYear(Number(m[0]))) {
      return makeToken(text, 'period', roman.groupStarts[0] ?? roman.start, at + 4, { period: `${m[0]}-Q${quarter}` });
    }
  }
  const cue = behind(anchor, QUARTER_CUE_BEHIND);
  if (!cue) return undefined;
  const m = ahead(text, QUARTER, at);
  if (!m) return undefined;
  const year = m[2] ?? m[3];
  if (year !== undefined && !isYear(Number(year))) return undefined;
  const start = cue.groupStarts[0] ?? cue.start;
  return makeToken(text, 'period', start, at + m[0].length, year === undefined ? {} : { period: `${year}-Q${m[1]}` });
};

export const recognizeMonthsOfYear: Recognizer = ({ text, at }) => {
  const m = ahead(text, MONTHS, at);
  if (!m) return undefined;
  const months = Number(m[1]);
  const part = m[2]?.toLowerCase();
  const year = m[3];
  if (months < 1 || months > 12 || (part === undefined && year === undefined)) return undefined;
  if (year !== undefined && !isYear(Number(year))) return undefined;
  const code = periodCode(months, part);
  const period = year === undefined || code === undefined ? undefined : (`${year}${code}`);
  return makeToken(text, 'period', at, at + m[0].length, period === undefined ? {} : { period });
};

/** The Period suffix of "the first/last N months": 6 đầu → -H1, 6 cuối → -H2, 9 đầu → -9M, 3 → -Q1/-Q4, 12 → the year. */
function periodCode(months: number, part: string | undefined): string | undefined {
  const last = part === 'cuối';
  if (months === 12) return '';
  if (months === 6) return last ? '-H2' : '-H1';
  if (months === 3) return last ? '-Q4' : '-Q1';
  if (months === 9 && !last) return '-9M';
  return undefined;
}
