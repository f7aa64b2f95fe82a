import ExcelJS from 'exceljs';
import type { Borders, CellValue, Worksheet } from 'exceljs';
import { spanText, type DocumentPage, type TableBlock } from '../../../../services/parser/document-model.ts';

/**
 * Writes a DOCX table into a worksheet the way a person keys the same appendix into Excel: the
 * table's own cells in their places, merged cells merged, every slot ruled with a thin border,
 * and each printed number stored as a number with the format that prints it so:
 *
 *   printed      stored          format         printed      stored   format
 *   12.262       12262           #,##0          97,1%        0.971    0.0%
 *   1.234,5      1234.5          #,##0.0        40%          0.4      0%
 *   99,14        99.14           0.00           03           3        00
 *   13           13              (General)      anything else: the text itself
 *
 * Title lines go above the table, each in one cell merged across the table's width.
 */
const THIN: Partial<Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};

export interface StoredCell {
  value: CellValue;
  numFmt?: string;
}

/** A printed table cell → the value (and number format) Excel would hold for it. */
export function storedCell(printed: string): StoredCell {
  if (printed === '') return { value: null };
  const percent = /^(.*?)(\s?)%$/.exec(printed);
  const number = storedNumber(percent ? percent[1]! : printed);
  if (!number) return { value: printed };
  if (!percent) return number.numFmt === 'General' ? { value: number.value } : { value: number.value, numFmt: number.numFmt };
  const numFmt = `${number.numFmt === 'General' ? '0' : number.numFmt}${percent[2]}%`;
  return { value: number.value / 100, numFmt };
}

function storedNumber(text: string): { value: number; numFmt: string } | undefined {
  const m = /^(-?)(\d{1,3}(?:\.\d{3})+|\d{1,11})(?:,(\d+))?$/.exec(text);
  if (!m) return undefined;
  const [, sign, int, frac = ''] = m;
  const grouped = int!.includes('.');
  const digits = int!.replace(/\./g, '');
  const value = Number(`${sign}${digits}${frac === '' ? '' : `.${frac}`}`);
  const decimals = frac === '' ? '' : `.${'0'.repeat(frac.length)}`;
  if (grouped) return { value, numFmt: `#,##0${decimals}` };
  if (digits.length > 1 && digits.startsWith('0')) return { value, numFmt: `${'0'.repeat(digits.length)}${decimals}` };
  return { value, numFmt: decimals === '' ? 'General' : `0${decimals}` };
}

/** The table's slots, placed as HTML places cells (a cell goes to its row's first free slot). */
export function placeCells(page: DocumentPage, table: TableBlock): { row: number; column: number; rowSpan: number; colSpan: number; text: string }[] {
  const taken: boolean[][] = table.rows.map(() => []);
  const placed: { row: number; column: number; rowSpan: number; colSpan: number; text: string }[] = [];
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (taken[r]![c]) c++;
      const rowSpan = Math.min(cell.rowSpan ?? 1, table.rows.length - r);
      const colSpan = cell.colSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken[r + dr]![c + dc] = true;
      placed.push({ row: r, column: c, rowSpan, colSpan, text: spanText(page, cell) });
      c += colSpan;
    }
  });
  return placed;
}

/**
 * Writes titles and the table from `startRow` (1-based) in column `startColumn`; returns the
 * first row after the table.
 */
export function writeTable(
  sheet: Worksheet, page: DocumentPage, table: TableBlock,
  options: { startRow: number; startColumn?: number; titles?: string[]; blankAfterTitles?: boolean },
): number {
  const left = options.startColumn ?? 1;
  const cells = placeCells(page, table);
  const width = Math.max(1, ...cells.map((c) => c.column + c.colSpan));
  let row = options.startRow;
  for (const title of options.titles ?? []) {
    sheet.getCell(row, left).value = title;
    if (width > 1) sheet.mergeCells(row, left, row, left + width - 1);
    row++;
  }
  if ((options.titles?.length ?? 0) > 0 && options.blankAfterTitles) row++;
  const top = row;
  const height = table.rows.length;
  for (let r = 0; r < height; r++) for (let c = 0; c < width; c++) sheet.getCell(top + r, left + c).border = THIN;
  for (const cell of cells) {
    const target = sheet.getCell(top + cell.row, left + cell.column);
    const stored = storedCell(cell.text);
    target.value = stored.value;
    if (stored.numFmt) target.numFmt = stored.numFmt;
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      sheet.mergeCells(top + cell.row, left + cell.column, top + cell.row + cell.rowSpan - 1, left + cell.column + cell.colSpan - 1);
    }
  }
  return top + height;
}

export async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
