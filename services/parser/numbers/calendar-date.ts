import { countNounAfter, DAY_CUE_BEHIND, H, MONTH_CUE_BEHIND } from './numeral-lexicon.ts';
import { ahead, behind, expandYear, isDayMonth, isYear, makeToken, type Recognizer } from './scan-anchor.ts';

/**
 * Dates that can be told from their own shape or from the words inside them. The ambiguous
 * `d/m` (`31/3` date or `12/12` ratio?) is decided in `ratio-or-date.ts`.
 *
 *   stamp   := d{1,2} '/' d{1,2} '/' ( d{4} | d{2} )       28/11/2016   25/4/2006   13/12/16
 *            | d{1,2} '.' d{1,2} '.' ( d{4} | d{2} )       13.12.16     25.05.2020
 *            | d{1,2} '-' d{1,2} '-' d{4}                  25-4-2006
 *   spoken  := [ 'ngày' ] d{1,2} 'tháng' d{1,2} [ [','] 'năm' d{4} ]
 *              ngày 29 tháng 4 năm 2020   (one token, `ngày` included)
 *   month   := 'tháng' d{1,2} [ '/' d{4} | [','] 'năm' d{4} ]
 *              tháng 01/2021   tháng 11 năm 2020   cuối tháng 11 hàng năm   (`tháng` included)
 *   day     := 'ngày' d{1,2}                              (ngày 20 và 21/11 → date `20`)
 *
 * Day 1–31 and month 1–12 are required; a slash or dash stamp with a four-digit year but an
 * impossible day or month (`45/12/2020`) is kept whole as a `code`. A spoken date without `ngày` needs its year
 * (`trong 6 tháng 2 đơn vị` is not 6 February). `tháng M` or `ngày D` followed by a count noun
 * is a duration or count, not a date (`sau 3 tháng 6 xã …`).
 */
const STAMP_SLASH = /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/]|[.,]\d)/y;
const STAMP_DOT = /(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d]|[.,]\d)/y;
const STAMP_DASH = /(\d{1,2})-(\d{1,2})-(\d{4})(?![\d]|[.,]\d)/y;
const SPOKEN = new RegExp(`(\\d{1,2})${H}+tháng${H}*(\\d{1,2})(?:${H}*,?${H}*năm${H}*(\\d{4}))?(?![\\d])`, 'iuy');
const MONTH = new RegExp(`(\\d{1,2})(?:${H}*\\/${H}*(\\d{4})|${H}*,?${H}*năm${H}*(\\d{4}))?(?![\\d]|[.,/]\\d)`, 'iuy');
const DAY = /(\d{1,2})(?![\d]|[.,/]\d)/y;

export const recognizeDateStamp: Recognizer = ({ text, at }) => {
  for (const shape of [STAMP_SLASH, STAMP_DOT, STAMP_DASH]) {
    const m = ahead(text, shape, at);
    if (!m) continue;
    const day = Number(m[1]);
    const month = Number(m[2]);
    const year = expandYear(m[3] ?? '');
    if (isDayMonth(day, month) && (m[3]?.length === 2 || isYear(year))) {
      return makeToken(text, 'date', at, at + m[0].length, { date: { day, month, year } });
    }
    // `45/12/2020` has a date's shape but no date's values: a garbled stamp, not three numbers.
    if (shape !== STAMP_DOT && m[3]?.length === 4) return makeToken(text, 'code', at, at + m[0].length);
  }
  return undefined;
};

export const recognizeSpokenDate: Recognizer = (anchor) => {
  const { text, at } = anchor;
  const m = ahead(text, SPOKEN, at);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3] === undefined ? undefined : Number(m[3]);
  if (!isDayMonth(day, month) || (year !== undefined && !isYear(year))) return undefined;
  const cue = behind(anchor, DAY_CUE_BEHIND);
  if (!cue && year === undefined) return undefined;
  const start = cue?.groupStarts[0] ?? at;
  return makeToken(text, 'date', start, at + m[0].length, { date: year === undefined ? { day, month } : { day, month, year } });
};

export const recognizeMonth: Recognizer = (anchor) => {
  const { text, at } = anchor;
  const cue = behind(anchor, MONTH_CUE_BEHIND);
  if (!cue) return undefined;
  const m = ahead(text, MONTH, at);
  if (!m) return undefined;
  const month = Number(m[1]);
  const yearDigits = m[2] ?? m[3];
  const year = yearDigits === undefined ? undefined : Number(yearDigits);
  if (month < 1 || month > 12 || (year !== undefined && !isYear(year))) return undefined;
  const end = at + m[0].length;
  if (year === undefined && countNounAfter(text, end)) return undefined;
  return makeToken(text, 'date', cue.groupStarts[0] ?? cue.start, end, { date: year === undefined ? { month } : { month, year } });
};

export const recognizeDay: Recognizer = (anchor) => {
  const { text, at } = anchor;
  if (!behind(anchor, DAY_CUE_BEHIND)) return undefined;
  const m = ahead(text, DAY, at);
  if (!m) return undefined;
  const day = Number(m[1]);
  const end = at + m[0].length;
  if (day < 1 || day > 31 || countNounAfter(text, end)) return undefined;
  return makeToken(text, 'date', at, end, { date: { day } });
};
