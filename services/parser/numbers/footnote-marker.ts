import { isSuperscriptCode, makeToken, type Recognizer } from './scan-anchor.ts';

/**
 * Footnote markers: a run of superscript digits, wherever it stands.
 *
 *   footnote := sup+        sup := ⁰ ¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹
 *
 *   `13/29⁵ đơn vị`  → ratio 13/29, then footnote 5 (the marker is never glued onto 29)
 *   `cấp huyện¹.`    → footnote 1 after a word
 *   `¹ Các Sở …`     → footnote 1 opening the footnote's own text
 *   `⁽¹²⁾`           → not handled: superscript parentheses do not occur in the corpus
 *
 * The PDF engine writes raised footnote references as these characters, so they never
 * mix with ASCII digits.
 */
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscriptDigit(ch: string): number {
  return SUPERSCRIPTS.indexOf(ch);
}

export const recognizeFootnote: Recognizer = ({ text, at }) => {
  if (!isSuperscriptCode(text.charCodeAt(at))) return undefined;
  let end = at;
  let value = 0;
  while (end < text.length && isSuperscriptCode(text.charCodeAt(end))) {
    value = value * 10 + superscriptDigit(text.charAt(end));
    end++;
  }
  return makeToken(text, 'footnote', at, end, { value });
};
