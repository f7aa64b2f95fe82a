/**
 * How much of a workbook the XLSX reader agrees to open. An XLSX is a ZIP of XML parts, so a
 * few KiB can inflate to gigabytes (the zip bomb), and one `<mergeCell ref="A1:XFD1048576"/>`
 * makes exceljs create seventeen billion cells. Both are refused before exceljs sees the file.
 * A report appendix is a few hundred cells; the defaults leave room for a thousand times that.
 */
export interface XlsxLimits {
  /** Largest total size of the package's parts once inflated, in bytes; default 50 MiB. */
  maxUncompressedBytes: number;
  /**
   * Most cells in one sheet; default 200 000. Counted three times: the `<c>` elements of its XML
   * plus the slots its merged ranges cover (what exceljs would build), and the rectangle from the
   * first to the last filled cell (what the reader lays out as a grid).
   */
  maxCellsPerSheet: number;
  /**
   * Most merged ranges in one sheet; default 5 000. exceljs checks each merge it loads against all
   * the others, so loading takes time in the square of their number: 5 000 take about a second, 50 000
   * would take minutes. An appendix merges a few hundred at most.
   */
  maxMergesPerSheet: number;
  /** Most parts (files) in the package; default 10 000. */
  maxEntries: number;
}

export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxCellsPerSheet: 200_000,
  maxMergesPerSheet: 5_000,
  maxEntries: 10_000,
});
