import type { DocumentPage } from '../document-model.ts';

/**
 * How sure the OCR reading of the numbers in [start, end) of a page is: the lowest
 * confidence of the numbers read there (`ocr-number-spans.ts`), or the page's mean when
 * no number was found there again. Undefined for a page with a text layer.
 */
export function spanConfidence(page: DocumentPage | undefined, start: number, end: number): number | undefined {
  const ocr = page?.ocr;
  if (!ocr) return undefined;
  let lowest: number | undefined;
  for (const n of ocr.numbers) {
    if (n.end <= start) continue;
    if (n.start >= end) break;
    lowest = Math.min(lowest ?? 100, n.confidence);
  }
  return lowest ?? ocr.confidence;
}
