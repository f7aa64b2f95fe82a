import {
  countNounAfter, H, STRONG_DATE_CUE_BEHIND, SUPERSCRIPT_CLASS, WEAK_DATE_CUE_BEHIND,
} from './numeral-lexicon.ts';
import { ahead, behind, isDayMonth, isYear, makeToken, type Anchor, type Recognizer } from './scan-anchor.ts';
import { parseVietnameseNumber } from './vietnamese-number.ts';

/**
 * `a/b` pairs: a part of a whole, or a date without its year? Both sides are Vietnamese
 * integers (`845.938/846.314`); document numbers and full dates were taken before this runs.
 *
 *   pair       := side '/' side       side := d{1,3} ( '.' d{3} )+ | d+
 *   month-year := m '/' yyyy          `11/2016` → date (month 11 of 2016), unless a count noun follows
 *   spoken     := side 'trên' side    `13 trên 29 đơn vị` → ratio 13/29 (a ≤ b)
 *
 * The `d/m` decision, in this order (first rule that applies wins):
 *   1. not a valid day (1–31) and month (1–12), or a side has a thousands dot → ratio
 *      `32/38`, `845.938/846.314`, `13/29⁵`
 *   2. `ngày` (or hôm, sáng, chiều, tối, đêm) just before → date        `ngày 31/3`, `ngày 12/12`
 *   3. a count noun after it (footnote markers skipped) → ratio         `18/18 xã`, `12/12⁴ đơn vị`,
 *                                                                       `44/44 ý kiến`, `3/4 tiêu chí`
 *   4. a preposition of time just before (đến, tới, trước, sau, từ, vào, hết, hạn, kể từ) → date
 *                                                                       `Tính đến 31/3`, `trước 30/12`
 *   5. a year after it (`năm 2020`, `hàng năm`, `của năm`) → date        `30/6 năm 2020` (one token)
 *   6. the first side larger than the second → date (a part never exceeds its whole): `31/3`
 *   7. otherwise → ratio                                                `25/25 đạt tỷ lệ 100%`
 * `ratio` tokens carry `numerator`/`denominator`; `date` tokens carry `date`.
 */
const SIDE = '\\d{1,3}(?:\\.\\d{3})+|\\d+';
const PAIR = new RegExp(`(${SIDE})\\/(${SIDE})(?![\\d]|[.,]\\d|\\/\\d)`, 'y');
const SPOKEN = new RegExp(`(${SIDE})${H}+trên${H}+(${SIDE})(?![\\d]|[.,]\\d|${H}*%)`, 'uy');
const YEAR_AFTER = new RegExp(`${SUPERSCRIPT_CLASS}*${H}*,?${H}*năm${H}*(\\d{4})(?![\\d])`, 'iuy');
const YEARLY_AFTER = new RegExp(`${SUPERSCRIPT_CLASS}*${H}*(?:hàng${H}+năm|của${H}+năm|năm${H}+(?:nay|sau|trước))`, 'iuy');

export const recognizeRatioOrDate: Recognizer = (anchor) => {
  const { text, at } = anchor;
  const m = ahead(text, PAIR, at);
  if (!m) return undefined;
  const left = m[1] ?? '';
  const right = m[2] ?? '';
  const end = at + m[0].length;
  const numerator = parseVietnameseNumber(left)?.value ?? Number.NaN;
  const denominator = parseVietnameseNumber(right)?.value ?? Number.NaN;
  const ratio = () => makeToken(text, 'ratio', at, end, { numerator, denominator });
  const plain = !left.includes('.') && !right.includes('.');
  const countFollows = countNounAfter(text, end);

  if (plain && right.length === 4 && isYear(denominator) && numerator >= 1 && numerator <= 12 && left.length <= 2) {
    return countFollows ? ratio() : makeToken(text, 'date', at, end, { date: { month: numerator, year: denominator } });
  }
  if (!plain || left.length > 2 || right.length > 2 || !isDayMonth(numerator, denominator)) return ratio();
  if (behind(anchor, STRONG_DATE_CUE_BEHIND)) return dayMonth(anchor, end, numerator, denominator);
  if (countFollows) return ratio();
  if (behind(anchor, WEAK_DATE_CUE_BEHIND)) return dayMonth(anchor, end, numerator, denominator);
  if (ahead(text, YEAR_AFTER, end) || ahead(text, YEARLY_AFTER, end)) return dayMonth(anchor, end, numerator, denominator);
  if (numerator > denominator) return dayMonth(anchor, end, numerator, denominator);
  return ratio();
};

/** A `d/m` date, taking a following `năm yyyy` into the token (`30/6 năm 2020`). */
function dayMonth({ text, at }: Anchor, end: number, day: number, month: number) {
  const year = ahead(text, YEAR_AFTER, end);
  if (year && isYear(Number(year[1])) && !text.slice(end, end + year[0].length).match(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]/)) {
    return makeToken(text, 'date', at, end + year[0].length, { date: { day, month, year: Number(year[1]) } });
  }
  return makeToken(text, 'date', at, end, { date: { day, month } });
}

export const recognizeSpokenRatio: Recognizer = ({ text, at }) => {
  const m = ahead(text, SPOKEN, at);
  if (!m) return undefined;
  const numerator = parseVietnameseNumber(m[1] ?? '')?.value;
  const denominator = parseVietnameseNumber(m[2] ?? '')?.value;
  if (numerator === undefined || denominator === undefined || denominator < 1 || numerator > denominator) return undefined;
  return makeToken(text, 'ratio', at, at + m[0].length, { numerator, denominator });
};
