import type { PageOcrReading } from '../document-model.ts';
import type { BboxPage } from '../pdf/bbox-page.ts';

/**
 * Where the numbers an OCR page was read with stand in the page's laid-out text, with the
 * confidence tesseract gave them, so that every figure read from the page can carry the
 * confidence of its digits into its evidence (`fact-extractor.ts`).
 *
 * The layout rebuilds the text from the words (joins, tables, reading order) without a map
 * back to them, so each word with a digit is found again by its text, standing alone (no
 * letter or digit on either side). Where one text was read several times on the page
 * (`12` in two cells), every place gets the lowest confidence among them: a doubt is never
 * lost, at the price of doubting a sure copy.
 */
export function ocrNumberSpans(text: string, page: BboxPage, confidence: number): PageOcrReading {
  const lowest = new Map<string, number>();
  for (const b of page.blocks) {
    for (const l of b.lines) {
      for (const w of l.words) {
        if (!/\d/.test(w.text)) continue;
        const token = w.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
        if (token === '') continue;
        lowest.set(token, Math.min(lowest.get(token) ?? 100, w.confidence ?? 100));
      }
    }
  }
  const numbers: PageOcrReading['numbers'] = [];
  for (const [token, conf] of lowest) {
    for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      const end = at + token.length;
      if (ALNUM.test(text[at - 1] ?? '') || ALNUM.test(text[end] ?? '')) continue;
      numbers.push({ start: at, end, confidence: Math.round(conf) });
    }
  }
  numbers.sort((a, b) => a.start - b.start || a.end - b.end);
  return { confidence: Math.round(confidence), numbers };
}

const ALNUM = /[\p{L}\p{N}]/u;
