import { spanText, type DocumentPage, type TableBlock, type TableCell } from '../document-model.ts';

/**
 * Places a table's cells on a grid, honouring colSpan and rowSpan as HTML does: a cell
 * fills every slot it spans, and a row's next cell goes to the first free slot. Every
 * slot then knows its cell (and whether it is the cell's top-left origin).
 */
export interface MatrixSlot {
  cell: TableCell;
  text: string;
  origin: boolean;
}

export function tableMatrix(page: DocumentPage, table: TableBlock): (MatrixSlot | undefined)[][] {
  const grid: (MatrixSlot | undefined)[][] = table.rows.map(() => []);
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c]) c++;
      const text = spanText(page, cell).trim();
      for (let dr = 0; dr < (cell.rowSpan ?? 1) && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) grid[r + dr]![c + dc] = { cell, text, origin: dr === 0 && dc === 0 };
      }
      c += cell.colSpan ?? 1;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  for (const row of grid) for (let c = 0; c < width; c++) row[c] ??= undefined;
  return grid;
}
