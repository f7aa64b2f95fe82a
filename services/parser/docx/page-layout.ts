import type { Block, DocumentPage, TableCell, TableRow } from '../document-model.ts';
import type { TextBlock } from './html-blocks.ts';

/**
 * Lays text blocks out as one page of the document model (document-model.ts) and records where
 * each block and cell sits. Worked example, a heading then a 2×2 table whose first cell spans
 * two rows:
 *
 *   blocks  [{ paragraph "BÁO CÁO" }, { table [["STT" rowSpan 2, "Năm 2015"], ["13"]] }]
 *   text    "BÁO CÁO\nSTT\tNăm 2015\n13\n"
 *   spans   paragraph [0,7) · table [8,23) · cells [8,11) [12,20) / [21,23)
 *
 * Block texts must already be single-line (no "\n" or "\t"), trimmed and NFC, as html-blocks.ts
 * makes them; the page text is then NFC as a whole too, because "\t" and "\n" never compose.
 */
export function layOutPage(blocks: readonly TextBlock[], page = 1, firstIndex = 0): DocumentPage {
  const parts: string[] = [];
  let length = 0;
  const append = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const laidOut: Block[] = [];
  for (const block of blocks) {
    const index = firstIndex + laidOut.length;
    const start = length;
    if (block.kind === 'paragraph') {
      append(block.text);
      laidOut.push(block.heading ? { kind: 'paragraph', index, start, end: length, heading: true } : { kind: 'paragraph', index, start, end: length });
      append('\n');
      continue;
    }
    const rows: TableRow[] = [];
    let end = start;
    for (const row of block.rows) {
      const cells: TableCell[] = [];
      row.forEach((cell, column) => {
        if (column > 0) append('\t');
        const cellStart = length;
        append(cell.text);
        const laidCell: TableCell = { start: cellStart, end: length };
        if (cell.colSpan > 1) laidCell.colSpan = cell.colSpan;
        if (cell.rowSpan > 1) laidCell.rowSpan = cell.rowSpan;
        cells.push(laidCell);
      });
      end = length;
      append('\n');
      rows.push({ cells });
    }
    laidOut.push({ kind: 'table', index, start, end, rows });
  }
  return { page, text: parts.join(''), blocks: laidOut };
}
