import { LETTER_CLASS } from './numeral-lexicon.ts';
import { isLetterCode, makeToken, type Recognizer } from './scan-anchor.ts';

/**
 * Digits glued to letters, which make a name or code rather than a number.
 *
 *   code := letters digits ( letters | digits )*     ipv6   H1N1   F0   QH13 (alone)
 *         | letters '-' digits                        Covid-19
 *         | digits ascii-letters{1,3}                 4G   3D   (see `measure.ts`)
 *
 * Exceptions, read as numbers with their cue:
 *   - a cue word glued by a typing slip: `năm2020`, `ngày20/11/2014`, `tháng01/2021`, `số23`,
 *     `quý1`, `mức độ3` (the recognizers' cues allow zero spaces, so they still apply);
 *   - any other Vietnamese word (one with a diacritic) glued by a slip: `có12 xã` → 12;
 *   - a standard body: `ISO9001`.
 * The span starts at the word's first letter; letters are not digits, so no earlier token
 * can own them.
 */
// Run only after the fast check, on at most 32 characters.
const WORD_BEFORE = new RegExp(`(?<![${LETTER_CLASS}\\d])[${LETTER_CLASS}][${LETTER_CLASS}\\d]*$`);
const HYPHEN_WORD_BEFORE = new RegExp(`(?<![${LETTER_CLASS}\\d])[${LETTER_CLASS}][${LETTER_CLASS}\\d]*-$`);
const WORD_REST = new RegExp(`[${LETTER_CLASS}\\d]*(?:-\\d[${LETTER_CLASS}\\d]*)?`, 'y');
const GLUED_CUE = /(?:năm|ngày|tháng|quý|số|độ|thứ|lục|điều|khoản|chương|mục|kỳ|đoạn|đợt|lần|ISO|TCVN|IEC)$/iu;

export const recognizeGluedCode: Recognizer = ({ text, at, floor, lineStart }) => {
  // Fast exit for the usual case: a digit after a space or punctuation.
  const hyphen = text.charCodeAt(at - 1) === 45;
  if (at - 1 < floor || !isLetterCode(text.charCodeAt(hyphen ? at - 2 : at - 1))) return undefined;
  const from = Math.max(floor, lineStart, at - 32);
  const before = text.slice(from, at);
  const word = (hyphen ? HYPHEN_WORD_BEFORE : WORD_BEFORE).exec(before);
  if (!word) return undefined;
  const prefix = word[0].replace(/-$/, '');
  const slip = !hyphen && !/\d/.test(prefix) && (GLUED_CUE.test(prefix) || /[^A-Za-z]/.test(prefix));
  if (slip) return undefined;
  WORD_REST.lastIndex = at;
  const rest = WORD_REST.exec(text)?.[0] ?? '';
  return makeToken(text, 'code', from + word.index, at + Math.max(rest.length, 1));
};
