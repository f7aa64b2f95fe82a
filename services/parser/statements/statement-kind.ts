import type { NumericToken } from '../numbers/index.ts';

/**
 * Statements that look like a share of a base but are not one (issue #12, class 4), so no
 * rule checks them as a count over a base:
 *
 *   rank             `xếp thứ 12/63`, `đứng thứ 5/63`, `xếp hạng 12/63`, `vị trí thứ 3/9`
 *   threshold-count  `Có 5/9 huyện, thành phố đạt tỷ lệ này dưới 3%`, `4/11 xã có tỷ lệ trên 95%`:
 *                    a count of units meeting a threshold; the percent is the threshold
 *   score            `Chỉ số SIPAS đạt 82,5%`, `PAR INDEX đạt 85,67 điểm`, `mức độ hài lòng 95%`:
 *                    an index or satisfaction score, not a count over a base
 */
export function isRankCue(ordinalRaw: string): boolean {
  return /^(?:thứ|hạng|vị trí(?: thứ)?|xếp hạng)\s/iu.test(ordinalRaw) && !/^lần/iu.test(ordinalRaw);
}

/** The percent after a unit count is a threshold: a bound word on it, or `tỷ lệ này`/`mức` before it. */
export function isThreshold(percent: NumericToken, between: string): boolean {
  if (percent.qualifier && percent.qualifier !== 'approx') return true;
  return /(?:tỷ lệ|tỉ lệ) này|(?:ở|đạt) mức|ngưỡng/iu.test(between);
}

const INDEX_WORDS = /(?:chỉ số|par ?index|sipas|papi|pci|ict ?index|dti|mức độ hài lòng|sự hài lòng|hài lòng|điểm số|số điểm|đạt điểm)/iu;

/** The words before a percent name an index or a satisfaction score, in its clause. */
export function isIndexScore(before: string): boolean {
  const clause = before.split(/[;.]/u).at(-1) ?? '';
  return INDEX_WORDS.test(clause) && !/(?:hồ sơ|thủ tục)[^,]*$/iu.test(clause.split(/chỉ số|sipas|hài lòng/iu).at(-1) ?? '');
}

/** A count of points: `85,67 điểm` is a score, `tăng 1,2 điểm` a change. */
export function isPoints(noun: string | undefined): boolean {
  return noun !== undefined && /^điểm(?:\s|$)/iu.test(noun);
}
