import type { Segment } from './line-segments.ts';
import { columnSpan, type Column } from './column-finder.ts';
import { joinLines } from './line-join.ts';

/**
 * Lays a table's rows of segments onto its columns: one cell per column, so all rows
 * have the same width.
 *
 * Each segment takes the columns `columnSpan` gives it. Segments whose columns meet make
 * one cell (a label's wrapped lines; a header's lines where one is wider than the
 * others), whose span is the union of theirs; its text is its lines top to bottom,
 * joined as paragraph lines are. Columns no cell covers get an empty cell.
 */
export interface GridCell {
  text: string;
  column: number;
  colSpan: number;
}

interface Pending {
  first: number;
  last: number;
  segments: Segment[];
}

export function buildGrid(rows: Segment[][], columns: Column[]): GridCell[][] {
  return rows.map((row) => {
    const cells: Pending[] = [];
    for (const s of row) {
      const span = columnSpan(s, columns);
      const cell = cells.find((c) => c.first <= span.last && span.first <= c.last);
      if (!cell) {
        cells.push({ first: span.first, last: span.last, segments: [s] });
        continue;
      }
      cell.segments.push(s);
      cell.first = Math.min(cell.first, span.first);
      cell.last = Math.max(cell.last, span.last);
      // A widened cell may now meet another one: fold it in.
      for (let i = cells.length - 1; i >= 0; i--) {
        const other = cells[i]!;
        if (other === cell || other.first > cell.last || cell.first > other.last) continue;
        cell.segments.push(...other.segments);
        cell.first = Math.min(cell.first, other.first);
        cell.last = Math.max(cell.last, other.last);
        cells.splice(i, 1);
        i = cells.length;
      }
    }
    cells.sort((a, b) => a.first - b.first);
    const out: GridCell[] = [];
    let next = 0;
    for (const c of cells) {
      for (; next < c.first; next++) out.push({ text: '', column: next, colSpan: 1 });
      const lines = [...c.segments].sort((a, b) => a.line.baseline - b.line.baseline || a.xMin - b.xMin).map((s) => s.text);
      out.push({ text: joinLines(lines), column: c.first, colSpan: c.last - c.first + 1 });
      next = c.last + 1;
    }
    for (; next < columns.length; next++) out.push({ text: '', column: next, colSpan: 1 });
    return out;
  });
}
