import { countNounAfter, H, LETTER_CLASS, NOT_LETTER, ORDINAL_CUE_BEHIND, TIME_UNIT_AHEAD, WEAK_ORDINAL_CUE } from './numeral-lexicon.ts';
import { ahead, behind, makeToken, type Recognizer } from './scan-anchor.ts';
import type { NumericToken } from './numeric-token.ts';

/**
 * Numbers that name a position, not an amount.
 *
 *   ordinal := cue index
 *   cue     := 'thứ' | 'lần thứ' | 'Phụ lục' | 'Điều' | 'Khoản' | 'Chương' | 'Mục' | 'Tiểu mục'
 *            | 'Phần' [ 'thứ' ] | 'trang' | 'giai đoạn' | 'loại' | 'hạng' | 'bước' | 'nhóm'
 *            | 'kỳ' | 'đợt' | 'khóa' | 'lần'
 *            | 'phường' | 'quận'                -- numbered wards and districts: `Phường 3`, `Quận 1`
 *   index   := d+ ( '.' d+ )* [ a-z ]       -- or a roman numeral, see below
 *
 *   `xếp hạng thứ 27`, `kỳ họp thứ 10`, `lần thứ 3`, `(chi tiết theo Phụ lục 1 đính kèm)`,
 *   `Điều 4`, `khoản 2 Điều 5`, `giai đoạn 02 là 11 xã`, `xã loại 1`
 *
 * The span starts at the cue. Cues that are everyday words as well (`trang`, `đợt`, `lần`,
 * `kỳ`, `loại`, `nhóm`, …) give way when a count noun or a time unit follows the number:
 * `trang 25 tin bài`, `định kỳ 6 tháng` are amounts. `danh mục 12 thủ tục` is no `mục` cue.
 * Year numbers after `giai đoạn`/`nhiệm kỳ` were taken as years before this runs.
 *
 * Roman ordinals hold no digit and are found in one pass over the text:
 *   `Phần thứ I`, `Chương II`, `Phụ lục IV`, `Mục III`, `Điều V`, `khóa XIV`, and `quý II`
 *   (a period) when no year follows it (`quý III/2021` is read at its digits).
 */
const INDEX = /\d+(?:\.\d+)*[a-z]?(?![\d])/y;

export const recognizeOrdinal: Recognizer = (anchor) => {
  const { text, at } = anchor;
  const cue = behind(anchor, ORDINAL_CUE_BEHIND);
  if (!cue) return undefined;
  const m = ahead(text, INDEX, at);
  if (!m) return undefined;
  const end = at + m[0].length;
  const word = cue.groups[0] ?? '';
  if (WEAK_ORDINAL_CUE.test(word) && (countNounAfter(text, end) || ahead(text, TIME_UNIT_AHEAD, end))) return undefined;
  return makeToken(text, 'ordinal', cue.groupStarts[0] ?? cue.start, end, { value: Number.parseInt(m[0], 10) });
};

const ROMAN_ORDINAL = new RegExp(
  `${NOT_LETTER}([Pp]hần${H}+thứ|PHẦN${H}+THỨ|[Cc]hương|CHƯƠNG|[Pp]hần|PHẦN|[Pp]hụ${H}+lục|PHỤ${H}+LỤC|[Mm]ục|MỤC|[Đđ]iều|ĐIỀU|[Kk]hó?a|[Kk]hoá|KHÓA|[Qq]uý|QUÝ)${H}+([IVXLC]+)(?![${LETTER_CLASS}\\d])`,
  'g',
);
const ROMAN = /^(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

export function romanValue(numeral: string): number | undefined {
  if (numeral === '' || !ROMAN.test(numeral)) return undefined;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let k = 0; k < numeral.length; k++) {
    const v = values[numeral.charAt(k)] ?? 0;
    const next = values[numeral.charAt(k + 1)] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Roman-numeral ordinals and quarters (no digits), in text order. */
export function romanOrdinals(text: string): NumericToken[] {
  const out: NumericToken[] = [];
  for (const m of text.matchAll(ROMAN_ORDINAL)) {
    const cue = m[1] ?? '';
    const value = romanValue(m[2] ?? '');
    if (value === undefined) continue;
    const quarter = /^quý$/iu.test(cue);
    if (quarter && value > 4) continue;
    const end = m.index + m[0].length;
    out.push(quarter ? makeToken(text, 'period', m.index, end) : makeToken(text, 'ordinal', m.index, end, { value }));
  }
  return out;
}
