import type { TextBlock, TextCell, TextParagraph } from '../docx/html-blocks.ts';
import type { GridSlot, SheetGrid } from './sheet-grid.ts';

/**
 * A sheet's grid (sheet-grid.ts) → its paragraphs and tables, top to bottom, as a Word report
 * would hold them: the letterhead, `PHỤ LỤC I`, the title and `Ghi chú: …` as paragraphs, the
 * appendix as a table. Each row is first sorted:
 *
 *   empty    no text, no border, no merged cell running through it from another row
 *   single   exactly one cell with text, and no merged cell running into another row
 *   multi    anything else: two or more cells with text, or part of a vertical merge
 *
 * Empty rows cut the sheet into runs. A run's bordered rows (some cell ruled on some side),
 * taken in contiguous stretches, are tables: a printed appendix is ruled and its titles are not,
 * so `PHỤ LỤC I` typed right above the ruled header still comes out as a title. What is not
 * ruled is read by shape: its single rows before the first multi row and after the last one are
 * paragraphs (one cell merged across the page is a single row too), and the rows from the first
 * multi row to the last are a table (a two-cell letterhead, `UBND HUYỆN … | CỘNG HÒA …`, is one,
 * as in a Word report). A single row between multi rows stays in its table: a section row
 * (`A. CẤP HUYỆN`) or the end of a label that overflowed into the next row.
 *
 * A table keeps the columns from its first to its last occupied slot, its merged cells as
 * colSpan/rowSpan (cut at the table's edges), and its empty cells as empty text; blank ruled rows
 * at its top and bottom are dropped. A paragraph is a heading when it is bold or written in
 * capitals (four letters or more), and at most 160 characters, as the PDF reader decides.
 */
type RowKind = 'empty' | 'single' | 'multi';

const HEADING_MAX = 160;

export function sheetRegions(grid: SheetGrid): TextBlock[] {
  const kinds = grid.slots.map((_, r) => rowKind(grid, r));
  const ruled = grid.slots.map((_, r) => grid.bordered[r]!.some(Boolean));
  const blocks: TextBlock[] = [];
  let start = 0;
  while (start < kinds.length) {
    if (kinds[start] === 'empty') { start++; continue; }
    let end = start;
    while (end + 1 < kinds.length && kinds[end + 1] !== 'empty') end++;
    // Stretches of ruled and unruled rows within the run.
    for (let from = start; from <= end;) {
      let to = from;
      while (to + 1 <= end && ruled[to + 1] === ruled[from]) to++;
      if (ruled[from]) pushTable(grid, from, to, blocks);
      else readByShape(grid, kinds, from, to, blocks);
      from = to + 1;
    }
    start = end + 1;
  }
  return blocks;
}

function rowKind(grid: SheetGrid, r: number): RowKind {
  const row = grid.slots[r]!;
  const vertical = row.some((slot) => (slot?.kind === 'cell' && slot.cell.rowSpan > 1) || (slot?.kind === 'covered' && slot.row !== r));
  const filled = row.filter((slot) => slot?.kind === 'cell' && slot.cell.text !== '').length;
  if (vertical || filled >= 2) return 'multi';
  if (filled === 1) return 'single';
  return grid.bordered[r]!.some(Boolean) ? 'multi' : 'empty';
}

function readByShape(grid: SheetGrid, kinds: readonly RowKind[], from: number, to: number, out: TextBlock[]): void {
  let first = -1;
  let last = -1;
  for (let r = from; r <= to; r++) {
    if (kinds[r] !== 'multi') continue;
    if (first < 0) first = r;
    last = r;
  }
  for (let r = from; r <= to; r++) {
    if (first >= 0 && r === first) {
      pushTable(grid, first, last, out);
      r = last;
      continue;
    }
    const paragraph = singleParagraph(grid.slots[r]!);
    if (paragraph) out.push(paragraph);
  }
}

function singleParagraph(row: readonly GridSlot[]): TextParagraph | undefined {
  const slot = row.find((s) => s?.kind === 'cell' && s.cell.text !== '');
  if (slot?.kind !== 'cell') return undefined;
  const { text, bold } = slot.cell;
  const letters = text.replace(/[^\p{L}]/gu, '');
  const capitals = letters.length >= 4 && letters === letters.toLocaleUpperCase('vi-VN');
  return { kind: 'paragraph', text, heading: text.length <= HEADING_MAX && (bold || capitals) };
}

function pushTable(grid: SheetGrid, top: number, bottom: number, out: TextBlock[]): void {
  const hasText = (r: number) => grid.slots[r]!.some((s) => s?.kind === 'cell' && s.cell.text !== '');
  const hasVertical = (r: number) => grid.slots[r]!.some((s) => s?.kind === 'covered' && s.row !== r);
  while (top <= bottom && !hasText(top) && !hasVertical(top)) top++;
  while (bottom >= top && !hasText(bottom) && !hasVertical(bottom)) bottom--;
  if (top > bottom) return;
  let left = grid.width;
  let right = -1;
  for (let r = top; r <= bottom; r++) {
    grid.slots[r]!.forEach((slot, c) => {
      if (slot === undefined) return;
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  }
  const rows: TextCell[][] = [];
  for (let r = top; r <= bottom; r++) {
    const cells: TextCell[] = [];
    for (let c = left; c <= right; c++) {
      const slot = grid.slots[r]![c];
      if (slot?.kind === 'cell') {
        cells.push({ text: slot.cell.text, rowSpan: Math.min(slot.cell.rowSpan, bottom - r + 1), colSpan: Math.min(slot.cell.colSpan, right - c + 1) });
      } else if (slot?.kind === 'covered' && (slot.row < top || slot.column < left)) {
        // Its merged cell begins outside this table: the slot reads as an empty cell.
        cells.push({ text: '', rowSpan: 1, colSpan: 1 });
      } else if (slot === undefined) {
        cells.push({ text: '', rowSpan: 1, colSpan: 1 });
      }
    }
    rows.push(cells);
  }
  out.push({ kind: 'table', rows });
}
