import { toScriptDigits } from '../numbers/script-digits.ts';
import type { BboxLine, BboxWord } from './bbox-page.ts';

/**
 * Turns one line's positioned words into text.
 *
 * Spacing: poppler splits a word wherever the font changes, so a Vietnamese letter drawn
 * from a substitute font arrives as its own "word" touching its neighbours
 * (`S` `Ở` → `SỞ`). Two words are joined without a space when the gap between them is
 * below 12 % of the line height (a space in a 13 pt Times face is ≈ 3.2 pt, 25 %), with a
 * space otherwise. Words read by OCR (they carry a confidence) always get a space: tesseract
 * has already decided where words end, and its boxes hug the ink, not the advance.
 *
 * Superscripts: a word clearly smaller than the line's body text (height < 80 %) whose
 * bottom sits clearly above the body's baseline is a footnote marker. Digits become
 * Unicode superscripts (`13/29` `5` → `13/29⁵`), so the marker can never be read as part
 * of the number; other superscript text is kept, attached without a space.
 */
const JOIN_GAP = 0.12;

export function lineText(line: BboxLine): string {
  const words = [...line.words].sort((a, b) => a.xMin - b.xMin);
  if (words.length === 0) return '';
  const heights = words.map((w) => w.yMax - w.yMin).sort((a, b) => a - b);
  const body = heights[heights.length - 1]!;
  const baseline = Math.max(...words.filter((w) => w.yMax - w.yMin >= body * 0.8).map((w) => w.yMax));
  let text = '';
  let prev: BboxWord | undefined;
  for (const w of words) {
    const h = w.yMax - w.yMin;
    const superscript = h < body * 0.8 && w.yMax < baseline - body * 0.15;
    const piece = superscript && /^\d+$/.test(w.text) ? toScriptDigits(w.text, 'sup') : w.text;
    // OCR's words are its own segmentation, each a word: they are never glued.
    if (prev && !superscript && (w.confidence !== undefined || w.xMin - prev.xMax > body * JOIN_GAP)) text += ' ';
    text += piece;
    prev = w;
  }
  return text;
}
