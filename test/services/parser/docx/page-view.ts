import { expect } from 'vitest';
import { spanText, type DocumentPage } from '../../../../services/parser/document-model.ts';

/**
 * Test helpers for a laid-out page: `viewPage` reads every block and cell back through its span
 * (so an expectation on the view is an expectation on `text.slice(start, end)`), and
 * `expectWellFormedPage` checks the layout contract of document-model.ts character by character.
 */
export type CellView = string | { text: string; colSpan?: number; rowSpan?: number };
export type BlockView = { p: string; heading?: true } | { table: CellView[][] };

export function viewPage(page: DocumentPage): BlockView[] {
  return page.blocks.map((block): BlockView => {
    if (block.kind === 'paragraph') return block.heading ? { p: spanText(page, block), heading: true } : { p: spanText(page, block) };
    return {
      table: block.rows.map((row) => row.cells.map((cell): CellView => {
        const text = spanText(page, cell);
        if (cell.colSpan === undefined && cell.rowSpan === undefined) return text;
        return { text, ...(cell.colSpan ? { colSpan: cell.colSpan } : {}), ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}) };
      })),
    };
  });
}

/**
 * The page text is exactly its blocks laid out one after another: a paragraph is one line, a
 * table is one line per row with cells separated by "\t", every line ends with "\n", and the
 * spans cover those lines with nothing left over. Indices count up from `firstIndex`.
 */
export function expectWellFormedPage(page: DocumentPage, firstIndex = 0): void {
  const { text } = page;
  expect(text).toBe(text.normalize('NFC'));
  let pos = 0;
  const singleLine = (s: string, where: string) => {
    expect(s, where).not.toMatch(/[\t\n\r]/);
    expect(s, where).toBe(s.trim());
    expect(s, where).not.toMatch(/\s{2}/);
  };
  page.blocks.forEach((block, i) => {
    const where = `block ${i}`;
    expect(block.index, where).toBe(firstIndex + i);
    expect(block.start, where).toBe(pos);
    if (block.kind === 'paragraph') {
      const line = spanText(page, block);
      expect(line.length, `${where} is empty`).toBeGreaterThan(0);
      singleLine(line, where);
      expect(text[block.end], `${where} ends its line`).toBe('\n');
      pos = block.end + 1;
      return;
    }
    expect(block.rows.length, `${where} has rows`).toBeGreaterThan(0);
    block.rows.forEach((row, r) => {
      let cellPos = pos;
      row.cells.forEach((cell, c) => {
        const at = `${where} row ${r} cell ${c}`;
        expect(cell.start, at).toBe(cellPos);
        expect(cell.end, at).toBeGreaterThanOrEqual(cell.start);
        singleLine(spanText(page, cell), at);
        if (cell.colSpan !== undefined) expect(cell.colSpan, at).toBeGreaterThan(1);
        if (cell.rowSpan !== undefined) expect(cell.rowSpan, at).toBeGreaterThan(1);
        cellPos = cell.end;
        if (c < row.cells.length - 1) {
          expect(text[cellPos], `${at} is followed by a tab`).toBe('\t');
          cellPos += 1;
        }
      });
      expect(text[cellPos], `${where} row ${r} ends its line`).toBe('\n');
      if (r === block.rows.length - 1) expect(block.end, `${where} ends with its last row`).toBe(cellPos);
      pos = cellPos + 1;
    });
  });
  expect(pos, 'nothing follows the last block').toBe(text.length);
}
