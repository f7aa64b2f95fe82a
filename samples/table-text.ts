// Tabular text in seeds: tab-separated rows (how seed 003's appendices came out of the original
// DOCX) and markdown pipe tables. Both become a rectangular grid of cell strings.

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function isTabRow(line: string): boolean {
  return line.includes('\t');
}

export function isPipeRow(line: string): boolean {
  return PIPE_ROW.test(line);
}

export function isPipeSeparator(line: string): boolean {
  return PIPE_SEPARATOR.test(line);
}

export function splitTabRow(line: string): string[] {
  return line.split('\t').map((cell) => cell.trim());
}

export function splitPipeRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // "\|" is markdown's escaped pipe inside a cell.
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Pads rows to the widest one: HTML tables need every row to cover the same columns. */
export function padRows(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...Array<string>(width - row.length).fill('')]);
}

/**
 * How many leading rows are column headers. Statistical appendices open with "STT" and often a
 * second row of sub-columns (years) under a group header; that second row leaves the first
 * columns empty because the cells above span both rows.
 */
export function detectHeaderRows(rows: readonly (readonly string[])[], firstRowIsHeader: boolean): 0 | 1 | 2 {
  const [first, second] = rows;
  if (!first) return 0;
  const opensWithIndexColumn = /^(STT|TT|Số TT)$/i.test(first[0] ?? '');
  if (!opensWithIndexColumn && !firstRowIsHeader) return 0;
  const firstHasGroupGap = first.some((cell, index) => index > 0 && cell === '');
  const secondIsSubHeader =
    second !== undefined &&
    (second[0] ?? '') === '' &&
    second.some((cell) => cell !== '') &&
    second.every((cell) => !/^\d+\.?$/.test(cell));
  return opensWithIndexColumn && firstHasGroupGap && secondIsSubHeader ? 2 : 1;
}
