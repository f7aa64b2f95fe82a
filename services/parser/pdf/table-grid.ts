import type { Box } from './poppler-bbox.ts';

/**
 * Rebuilds a table's grid from the boxes of its cells, row by row.
 *
 * Columns come from the rows with the most cells (the data rows): column i spans the
 * union of the i-th cells of those rows. Every cell of every row then takes the
 * columns its box overlaps (a merged header cell takes several: colSpan), and columns
 * a row has no cell in get an empty cell, so all rows have the same width.
 */
export interface GridCell<T> {
  item: T | undefined;
  column: number;
  colSpan: number;
}

export function buildGrid<T extends Box>(rows: T[][]): GridCell<T>[][] {
  const widest = Math.max(...rows.map((r) => r.length));
  const model = rows.filter((r) => r.length === widest);
  const columns: { xMin: number; xMax: number }[] = [];
  for (let i = 0; i < widest; i++) {
    columns.push({ xMin: Math.min(...model.map((r) => r[i]!.xMin)), xMax: Math.max(...model.map((r) => r[i]!.xMax)) });
  }
  return rows.map((row) => {
    const out: GridCell<T>[] = [];
    let next = 0;
    for (const item of [...row].sort((a, b) => a.xMin - b.xMin)) {
      let first = columns.findIndex((c, i) => i >= next && overlaps(c, item));
      if (first < 0) first = Math.min(nearestColumn(columns, item), columns.length - 1);
      first = Math.max(first, next);
      let last = first;
      while (last + 1 < columns.length && overlaps(columns[last + 1]!, item) && overlapShare(columns[last + 1]!, item) > 0.5) last++;
      for (; next < first; next++) out.push({ item: undefined, column: next, colSpan: 1 });
      if (first >= columns.length) {
        // More cells than columns (a stray box): append it to the last cell's column.
        out.push({ item, column: columns.length - 1, colSpan: 1 });
        continue;
      }
      out.push({ item, column: first, colSpan: last - first + 1 });
      next = last + 1;
    }
    for (; next < columns.length; next++) out.push({ item: undefined, column: next, colSpan: 1 });
    return out;
  });
}

function overlaps(a: { xMin: number; xMax: number }, b: { xMin: number; xMax: number }): boolean {
  return a.xMin < b.xMax && b.xMin < a.xMax;
}

/** How much of column `c` the item covers. */
function overlapShare(c: { xMin: number; xMax: number }, b: { xMin: number; xMax: number }): number {
  return (Math.min(c.xMax, b.xMax) - Math.max(c.xMin, b.xMin)) / Math.max(1e-6, c.xMax - c.xMin);
}

function nearestColumn(columns: { xMin: number; xMax: number }[], b: { xMin: number; xMax: number }): number {
  const centre = (b.xMin + b.xMax) / 2;
  let best = 0;
  for (let i = 1; i < columns.length; i++) {
    const d = (c: { xMin: number; xMax: number }) => Math.abs((c.xMin + c.xMax) / 2 - centre);
    if (d(columns[i]!) < d(columns[best]!)) best = i;
  }
  return best;
}
