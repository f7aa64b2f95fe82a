import type { Qualifier } from '../../../schemas/fact/v1.ts';
import { H, NOT_LETTER, WORD_END } from './numeral-lexicon.ts';
import { ahead, behind, cue, type Anchor } from './scan-anchor.ts';
import type { NumericKind, NumericToken } from './numeric-token.ts';

/**
 * Words that bound a printed amount. Only quantities, percents, money and ratios take one.
 *
 *   before := qualifier-words number          (nothing but spaces between)
 *   after  := number 'trở lên' | number 'trở xuống'
 *
 *   above     trên, hơn, nhiều hơn                       `trên 15,08 tỷ đồng`, `hơn 200`
 *   at-least  tối thiểu, ít nhất, không dưới, không ít hơn, … trở lên
 *                                                        `tối thiểu 20%`, `từ 20% trở lên`, `20% trở lên`
 *   below     dưới, chưa đến, chưa tới, chưa đầy, ít hơn `dưới 5`, `trẻ em dưới 6 tuổi`
 *   at-most   tối đa, không quá, không vượt quá, … trở xuống
 *   approx    gần, khoảng, xấp xỉ, trên dưới, ước tính, ước `gần 100%`, `khoảng 30`
 *
 * `trên dưới` is approx, never above + below. When two stand in a row the nearer wins:
 * `khoảng trên 720 lượt` → above. `hơn` after a comparative (`cao hơn 5%`, `thấp hơn`,
 * `lớn hơn`, `nhanh hơn`) states a difference, not a bound: no qualifier. With `trở lên`
 * the `qualifierSpan` covers `trở lên` (the `từ` before the number is a plain preposition).
 */
const QUALIFIABLE: ReadonlySet<NumericKind> = new Set(['quantity', 'percent', 'money', 'ratio']);

const WORDS: [string, Qualifier][] = [
  [`trên${H}+dưới`, 'approx'], [`không${H}+vượt${H}+quá`, 'at-most'], [`không${H}+quá`, 'at-most'],
  [`không${H}+dưới`, 'at-least'], [`không${H}+ít${H}+hơn`, 'at-least'], [`tối${H}+thiểu`, 'at-least'],
  [`ít${H}+nhất`, 'at-least'], [`tối${H}+đa`, 'at-most'], [`xấp${H}+xỉ`, 'approx'], [`ước${H}+tính`, 'approx'],
  ['ước', 'approx'], ['khoảng', 'approx'], ['gần', 'approx'], [`chưa${H}+(?:đến|tới|đầy)`, 'below'],
  [`nhiều${H}+hơn`, 'above'], [`ít${H}+hơn`, 'below'], ['trên', 'above'], ['hơn', 'above'], ['dưới', 'below'],
];
const BEFORE = cue(
  new RegExp(`${NOT_LETTER}(?:${WORDS.map(([w]) => `(${w})`).join('|')})${H}*$`, 'iu'),
  ['trên', 'dưới', 'quá', 'hơn', 'thiểu', 'nhất', 'đa', 'xỉ', 'tính', 'ước', 'khoảng', 'gần', 'đến', 'tới', 'đầy'],
);
const COMPARATIVES = ['cao', 'thấp', 'lớn', 'nhỏ', 'nhanh', 'chậm', 'sớm', 'muộn', 'tốt', 'kém'];
const COMPARATIVE_BEFORE = cue(new RegExp(`${NOT_LETTER}(?:${COMPARATIVES.join('|')})${H}+$`, 'iu'), COMPARATIVES);
const AFTER = new RegExp(`(${H}*)(trở${H}+(lên|xuống))${WORD_END}`, 'iuy');

/** Adds `qualifier` and `qualifierSpan` to a token when a bounding word stands next to it. */
export function qualify(token: NumericToken, anchor: Anchor): NumericToken {
  if (!QUALIFIABLE.has(token.kind)) return token;
  const after = ahead(anchor.text, AFTER, token.end);
  if (after) {
    const start = token.end + (after[1] ?? '').length;
    const qualifier: Qualifier = after[3]?.toLowerCase() === 'lên' ? 'at-least' : 'at-most';
    return { ...token, qualifier, qualifierSpan: { start, end: start + (after[2] ?? '').length } };
  }
  const m = behind(anchor, BEFORE, token.start);
  if (!m) return token;
  const index = m.groups.findIndex((g) => g !== undefined);
  const entry = WORDS[index];
  const start = m.groupStarts[index];
  const word = m.groups[index];
  if (entry === undefined || start === undefined || word === undefined) return token;
  if (entry[1] === 'above' && /^hơn$/iu.test(word) && behind(anchor, COMPARATIVE_BEFORE, start)) return token;
  return { ...token, qualifier: entry[1], qualifierSpan: { start, end: start + word.length } };
}
