/**
 * How many cells a worksheet part would make exceljs build, read off its XML without parsing
 * it: one per `<c>` element, plus one per slot of every merged range (`<mergeCell ref="B2:D5"/>`
 * covers 12), since exceljs creates a cell object for each slot it merges; and how many merged
 * ranges it declares. Prefixed elements (`<x:c>`) count too.
 */
export interface SheetSize {
  cells: number;
  merges: number;
}

const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s/>]/g;
const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;

export function sheetSize(xml: string): SheetSize {
  let cells = 0;
  let merges = 0;
  CELL.lastIndex = 0;
  while (CELL.exec(xml)) cells++;
  MERGE.lastIndex = 0;
  for (let m = MERGE.exec(xml); m; m = MERGE.exec(xml)) {
    cells += rangeArea(m[1]!);
    merges++;
  }
  return { cells, merges };
}

/** `B2:D5` → 12, `C3` → 1; a reference that does not parse counts as one cell. */
export function rangeArea(ref: string): number {
  const [from, to = from] = ref.split(':');
  const a = cellAddress(from ?? '');
  const b = cellAddress(to ?? '');
  if (!a || !b) return 1;
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
}

/** `AB12` → { row: 12, column: 28 } (1-based, `$` ignored); undefined when it is no A1 address. */
export function cellAddress(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}
