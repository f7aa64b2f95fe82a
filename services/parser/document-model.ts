import type { LocalizedText } from '../../schemas/localized-text.ts';

/**
 * A document as the statement and table extractors see it, whatever it came from.
 *
 * Each page has one NFC text, `text`, and every block points into it with a half-open
 * span [start, end). Fact evidence uses the same spans, so a quote is always
 * `page.text.slice(start, end)`. Layout of `text`:
 *   paragraph  → its text on one line (line breaks inside a paragraph become spaces), then "\n"
 *   table      → one line per row, cells separated by "\t", then "\n"
 * A DOCX has no pages: it is one page, and blocks keep their document order (`index`).
 * A paragraph cut by a page break is marked `continues` on the page where it starts;
 * its rest is the first paragraph of the next page.
 */
export interface StructuredDocument {
  /** Which engine read it, e.g. `poppler-bbox`, `pdf-parse`, `mammoth-html`. */
  engine: string;
  pages: DocumentPage[];
  warnings: LocalizedText[];
  /** Scanned pages that could not be read because OCR is not installed here (1-based). */
  unreadPages?: number[];
}

export interface DocumentPage {
  /** 1-based page number. */
  page: number;
  text: string;
  blocks: Block[];
  /** The page was read by OCR (a scan): how sure the reading is. */
  ocr?: PageOcrReading;
}

/**
 * How sure an OCR reading of a page is: tesseract's mean word confidence (0–100), and the
 * confidence of every word with a digit in it, as spans of the page's text. A span holds
 * the lowest confidence of any word read with that text on the page.
 */
export interface PageOcrReading {
  confidence: number;
  numbers: { start: number; end: number; confidence: number }[];
}

export type Block = ParagraphBlock | TableBlock;

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Position among the document's blocks (0-based, across pages). */
  index: number;
  start: number;
  end: number;
  /** A heading (bold title line, numbered section title) rather than running text. */
  heading?: boolean;
  /** The paragraph goes on at the top of the next page. */
  continues?: boolean;
}

export interface TableBlock {
  kind: 'table';
  index: number;
  start: number;
  end: number;
  rows: TableRow[];
}

export interface TableRow {
  cells: TableCell[];
}

export interface TableCell {
  start: number;
  end: number;
  /** Columns and rows this cell spans (merged cells); 1 when absent. */
  colSpan?: number;
  rowSpan?: number;
}

/** The text of a block or cell. */
export function spanText(page: DocumentPage, span: { start: number; end: number }): string {
  return page.text.slice(span.start, span.end);
}
