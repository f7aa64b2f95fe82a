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

export function tableMatrix(page: DocumentPage, block: TableBlock): (MatrixSlot | undefined)[][] {
  const table = withHeaderSpans(page, block);
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

/**
 * A two-row header whose merged cells were lost on the way (text copied from a web page, a PDF
 * read without cell borders): `Mức độ | Tổng | Đã xử lý | Trước hạn | Đúng hạn` over `Tổng | % |
 * Tổng | %`, over rows of 7 cells. When neither header row holds a digit or a span, and the body
 * rows are all W wide, the first row's last m cells each spanned s columns and its others both
 * rows, where m·(s − 1) = W − n₀ and m·s = n₁ (n₀, n₁ the header rows' cell counts). Any other
 * shape is left as it is.
 */
function withHeaderSpans(page: DocumentPage, table: TableBlock): TableBlock {
  const [top, sub, ...body] = table.rows;
  if (!top || !sub || body.length === 0) return table;
  if ([...top.cells, ...sub.cells].some((c) => (c.colSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1 || /\d/u.test(spanText(page, c)))) return table;
  const width = body[0]!.cells.length;
  if (body.some((row) => row.cells.length !== width)) return table;
  const n0 = top.cells.length;
  const n1 = sub.cells.length;
  const m = n1 - (width - n0);
  if (width <= n0 || m < 1 || m > n0 || n1 % m !== 0 || n1 / m < 2) return table;
  const span = n1 / m;
  const cells = top.cells.map((cell, i): TableCell => (i < n0 - m ? { ...cell, rowSpan: 2 } : { ...cell, colSpan: span }));
  return { ...table, rows: [{ cells }, sub, ...body] };
}
