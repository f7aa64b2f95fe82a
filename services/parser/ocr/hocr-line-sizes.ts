/**
 * Tesseract's measure of each line's type, from the hOCR of a run: a line's `x_size`, the
 * height from its descenders to its ascenders as tesseract's row statistics set it (all
 * of the line's letters count, marks and all, not its tallest one).
 *
 * The TSV's words give a line's type size only where they hold letters of a known height
 * (digits, unmarked capitals, unmarked small letters: `tesseract-tsv.ts`); most Vietnamese
 * words have marks, and a title such as `Phụ lục 1` or `Thống kê các chỉ tiêu …` has no
 * such word. Then this size tells a 13 pt title from the 11 pt table under it, as a text
 * layer's font size does (the layout ends a table at a line set in another size).
 *
 *   <span class='ocr_line' id='line_1_5' title="bbox 1430 592 1963 649; baseline 0.036 -25; x_size 43; …">
 *
 * Lines are keyed as TSV line records place them, `left top width height` in pixels (the
 * same run writes both). Classes `ocr_header`, `ocr_caption`, `ocr_textfloat` are lines too.
 */
export function hocrLineSizes(hocr: string): Map<string, number> {
  const sizes = new Map<string, number>();
  const line = /class='ocr_(?:line|header|caption|textfloat)'[^>]*title="bbox (\d+) (\d+) (\d+) (\d+);[^"]*x_size ([\d.]+)/g;
  for (const m of hocr.matchAll(line)) {
    const [x0, y0, x1, y1, size] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
    sizes.set(`${x0} ${y0} ${x1 - x0} ${y1 - y0}`, size);
  }
  return sizes;
}
