import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { cellDisplayText } from './cell-display-text.ts';
import { cellAddress } from './sheet-cell-count.ts';
import type { XlsxLimits } from './xlsx-limits.ts';

/**
 * A worksheet as a dense grid of what it shows, ready to be cut into titles and tables
 * (sheet-regions.ts):
 *
 *   extent      the rectangle from the first to the last filled cell (a cell whose displayed text
 *               is not empty), widened to the merged ranges whose top-left cell is filled; the empty
 *               rows and columns around it are dropped. More than `maxCellsPerSheet` slots →
 *               TH_ERR_XLSX_TOO_LARGE
 *   hidden      hidden rows and columns are left out, as a printed sheet leaves them out; merged
 *               ranges lose the hidden rows and columns they cross
 *   merged      a merged range is one cell at its first visible slot, spanning the visible rows and
 *               columns it covers, showing its top-left cell's text; its other slots are `covered`
 *   slot        `cell` (filled or merged), `covered` by a merged cell, or undefined (empty)
 *   bordered    whether the slot's cell has a border on any side (a covered slot also when its
 *               merged cell has): what a reader sees as the ruled table
 *
 * Worked example: A1:D1 merged holding "PHỤ LỤC I", A3 "STT", B3 "Chỉ tiêu", column C hidden,
 * D3 "2022" → 3 rows × 3 columns: [cell "PHỤ LỤC I" colSpan 3, covered, covered],
 * [empty ×3], [cell "STT", cell "Chỉ tiêu", cell "2022"].
 */
export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Its font is bold (or every run of its rich text is). */
  bold: boolean;
}

export type GridSlot = { kind: 'cell'; cell: GridCell } | { kind: 'covered'; row: number; column: number } | undefined;

export interface SheetGrid {
  /** rows × width slots; no row or column at the edges is all empty. */
  slots: GridSlot[][];
  width: number;
  /** Per slot: its cell, or the merged cell covering it, has a border on some side. */
  bordered: boolean[][];
  /** Addresses (`C3`) of formulas saved without a cached result, shown empty. */
  formulasWithoutResult: string[];
  /** Hidden rows and columns that held text, left out. */
  hiddenRows: number;
  hiddenColumns: number;
}

interface ShownCell {
  row: number;
  column: number;
  text: string;
  bold: boolean;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function sheetGrid(worksheet: Worksheet, fileName: string, limits: Pick<XlsxLimits, 'maxCellsPerSheet' | 'maxMergesPerSheet'>): SheetGrid {
  const shown = new Map<string, ShownCell>();
  const formulasWithoutResult: string[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const display = cellDisplayText(cell.value, cell.numFmt);
      if (display.formulaWithoutResult) formulasWithoutResult.push(cell.address);
      if (display.text !== '') shown.set(key(r, c), { row: r, column: c, text: display.text, bold: isBold(cell) });
    });
  });
  const rowHidden = memo((r: number) => worksheet.findRow(r)?.hidden ?? false);
  const columnHidden = memo((c: number) => worksheet.getColumn(c).hidden);
  const merges = (worksheet.model.merges ?? []).map(parseRange).filter((m): m is MergeRange => m !== undefined);

  const visible = [...shown.values()].filter((s) => !rowHidden(s.row) && !columnHidden(s.column));
  const extent = boundsOf([
    ...visible.map((s) => ({ top: s.row, left: s.column, bottom: s.row, right: s.column })),
    ...merges.filter((m) => shown.has(key(m.top, m.left))),
  ]);
  const hiddenRows = new Set([...shown.values()].filter((s) => rowHidden(s.row)).map((s) => s.row)).size;
  const hiddenColumns = new Set([...shown.values()].filter((s) => columnHidden(s.column)).map((s) => s.column)).size;
  if (!extent) return { slots: [], width: 0, bordered: [], formulasWithoutResult, hiddenRows, hiddenColumns };

  const area = (extent.bottom - extent.top + 1) * (extent.right - extent.left + 1);
  if (area > limits.maxCellsPerSheet) {
    throw tonghopError('TH_ERR_XLSX_TOO_LARGE', [fileName, `"${worksheet.name}"`, area, merges.length, limits.maxCellsPerSheet, limits.maxMergesPerSheet]);
  }
  const rows = range(extent.top, extent.bottom).filter((r) => !rowHidden(r));
  const columns = range(extent.left, extent.right).filter((c) => !columnHidden(c));
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const slots: GridSlot[][] = rows.map(() => columns.map((): GridSlot => undefined));

  for (const merge of merges) {
    const mergeRows = within(rows, merge.top, merge.bottom);
    const mergeColumns = within(columns, merge.left, merge.right);
    if (mergeRows.length === 0 || mergeColumns.length === 0) continue;
    const r0 = rowIndex.get(mergeRows[0]!)!;
    const c0 = columnIndex.get(mergeColumns[0]!)!;
    const cells = mergeRows.flatMap((r) => mergeColumns.map((c) => [rowIndex.get(r)!, columnIndex.get(c)!] as const));
    if (cells.some(([r, c]) => slots[r]![c] !== undefined)) continue;
    const master = shown.get(key(merge.top, merge.left));
    for (const [r, c] of cells) slots[r]![c] = { kind: 'covered', row: r0, column: c0 };
    slots[r0]![c0] = { kind: 'cell', cell: { text: master?.text ?? '', rowSpan: mergeRows.length, colSpan: mergeColumns.length, bold: master?.bold ?? false } };
  }
  for (const s of visible) {
    const r = rowIndex.get(s.row);
    const c = columnIndex.get(s.column);
    if (r === undefined || c === undefined || slots[r]![c] !== undefined) continue;
    slots[r]![c] = { kind: 'cell', cell: { text: s.text, rowSpan: 1, colSpan: 1, bold: s.bold } };
  }
  const bordered = rows.map((r) => columns.map((c) => hasBorder(worksheet.findCell(r, c))));
  slots.forEach((row, r) => row.forEach((slot, c) => {
    if (slot?.kind === 'covered' && bordered[slot.row]![slot.column]) bordered[r]![c] = true;
  }));
  return { slots, width: columns.length, bordered, formulasWithoutResult, hiddenRows, hiddenColumns };
}

function hasBorder(cell: Cell | undefined): boolean {
  const border = cell?.border;
  if (!border) return false;
  return [border.top, border.left, border.bottom, border.right].some((side) => side?.style !== undefined);
}

function key(row: number, column: number): string {
  return `${row}:${column}`;
}

function isBold(cell: Cell): boolean {
  const value = cell.value;
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
    const runs = value.richText.filter((run) => (run.text ?? '').trim() !== '');
    if (runs.length > 0 && runs.every((run) => run.font?.bold ?? cell.font?.bold ?? false)) return true;
  }
  return cell.font?.bold === true;
}

function parseRange(ref: string): MergeRange | undefined {
  const [from, to = from] = ref.split(':');
  const a = cellAddress(from ?? '');
  const b = cellAddress(to ?? '');
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

function boundsOf(boxes: readonly MergeRange[]): MergeRange | undefined {
  // A loop, not Math.min(...boxes): a sheet may hold 200 000 cells, past the spread argument limit.
  let out: MergeRange | undefined;
  for (const b of boxes) {
    out = out
      ? { top: Math.min(out.top, b.top), left: Math.min(out.left, b.left), bottom: Math.max(out.bottom, b.bottom), right: Math.max(out.right, b.right) }
      : { ...b };
  }
  return out;
}

/** The members of an ascending list between lo and hi, found by bisection: merges × rows would be quadratic. */
function within(sorted: readonly number[], lo: number, hi: number): number[] {
  let a = 0;
  let b = sorted.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid]! < lo) a = mid + 1;
    else b = mid;
  }
  const out: number[] = [];
  for (let i = a; i < sorted.length && sorted[i]! <= hi; i++) out.push(sorted[i]!);
  return out;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function memo<T>(f: (n: number) => T): (n: number) => T {
  const seen = new Map<number, T>();
  return (n) => {
    if (!seen.has(n)) seen.set(n, f(n));
    return seen.get(n)!;
  };
}
