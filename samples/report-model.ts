// The document model between a seed's text and its HTML: just enough structure to lay out a
// Vietnamese administrative report (Nghị định 30/2020/NĐ-CP conventions) without touching its words.

/**
 * How a paragraph is laid out. Vietnamese reports use a small, fixed repertoire of layouts, so
 * naming them keeps layout decisions (parser) apart from their CSS (renderer).
 */
export type ParagraphRole =
  /** Justified running text with a first-line indent. */
  | 'body'
  /** A line starting with the literal "-", "+" or "•" that offices type by hand. */
  | 'list-item'
  /** Centred bold line: BÁO CÁO, unit names, part and appendix titles. */
  | 'title'
  /** The trích yếu (subject line) under a title, centred bold. */
  | 'subject'
  /** "Quảng Ngạn, ngày 29 tháng 4 năm 2020": right-aligned italic. */
  | 'place-date'
  /** TM./KT. block and signer name, centred in the right half of the page. */
  | 'signature'
  /** The "Nơi nhận:" label. */
  | 'recipients-head'
  /** One addressee under "Nơi nhận:". */
  | 'recipients'
  /** A footnote that OCR left in the running text ("¹ Các Sở …"). */
  | 'footnote'
  /** A line the seed pushed to the right with a run of spaces (author initials, issuing office). */
  | 'right'
  /** Left-aligned, no indent: document number lines ("Số: 17/BC-UBND"). */
  | 'plain';

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Text fields hold the seed's inline markup verbatim; "\n" marks a markdown hard break. */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: HeadingLevel;
  readonly text: string;
  readonly centred: boolean;
  readonly pageBreakBefore: boolean;
}

export interface ParagraphBlock {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly role: ParagraphRole;
  /** 1 for top-level list items and ordinary paragraphs, 2 for nested list items. */
  readonly indentLevel: 1 | 2;
  readonly pageBreakBefore: boolean;
}

export interface TableBlock {
  readonly kind: 'table';
  /** Every row padded to the same number of cells; cells hold inline markup. */
  readonly rows: readonly (readonly string[])[];
  /** Leading rows that form the column header (0, 1, or 2 when a group header spans sub-columns). */
  readonly headerRows: 0 | 1 | 2;
  /**
   * The seed repeats a table's header after a page break of the scanned original; starting the
   * continuation on a new page keeps the repeated header and split cells where they make sense.
   */
  readonly pageBreakBefore: boolean;
}

export type ReportBlock = HeadingBlock | ParagraphBlock | TableBlock;
