/**
 * Positioned words of a PDF page, the one input of the layout (`pdf-layout.ts`), whichever
 * box source made them: poppler's `pdftotext -tsv` (`poppler-bbox.ts`) or pdf.js
 * (`pdfjs-boxes.ts`).
 *
 *   page  → blocks → lines → words
 *
 * A block is a run of lines that belong together (a paragraph, a cell, a page number);
 * a line is a left-to-right chain of words on one baseline; a word is text without a
 * space, with the box of its glyphs: from its first glyph's start to its last glyph's
 * advance, and from the font's ascent above the baseline to its descent below it (0.95
 * and 0.35 font size where the font does not state them, as LibreOffice's do not).
 * Coordinates are PDF points from the page's top-left corner; word boxes are given to
 * 0.01 pt, as pdftotext prints them. A third source, OCR of a scanned page
 * (`ocr/tesseract-tsv.ts`), gives the same shape, its words carrying their confidence.
 */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface BboxWord extends Box {
  text: string;
  /** Read by OCR: tesseract's confidence in the word, 0–100. Absent for a text layer's words. */
  confidence?: number;
}
export interface BboxLine extends Box { words: BboxWord[] }
export interface BboxBlock extends Box { lines: BboxLine[] }
export interface BboxPage {
  width: number;
  height: number;
  blocks: BboxBlock[];
}
