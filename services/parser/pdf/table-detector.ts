import { unionBox } from './box-union.ts';
import type { Box } from './bbox-page.ts';
import { segmentLine, type Segment } from './line-segments.ts';
import type { TextLine } from './text-lines.ts';
import { REGION_LIMITS, findTableRegions } from './table-regions.ts';
import { buildRows } from './table-rows.ts';
import { isListMarker, isValueText } from './value-text.ts';
import { findColumns, splitAtColumns, type Column } from './column-finder.ts';
import { buildGrid, type GridCell } from './table-grid.ts';

/**
 * Rebuilds a page's tables from word geometry, without ruling lines (pdftotext does not
 * report them) and without trusting poppler's blocks, which cut across cells:
 *
 *   physical lines ─ segmentLine ─▶ segments ─ findTableRegions ─▶ regions
 *   region ─ buildRows ─▶ rows ─ (a repeated header row starts a new table)
 *   table ─ findColumns / splitAtColumns ─▶ columns ─ buildGrid ─▶ rows of cells
 *
 * A table cut by a page break is one table per page. Two tables stacked with no gap
 * between them (a new appendix table right under the last one) make one region; the
 * second one's header row, repeating a header row seen before in the document (pass
 * one `TableContext` for all pages), splits them.
 * A region that ends up with fewer than two columns or two rows, or with fewer than two
 * columns holding more than list markers (a hanging-indent list), is not a table, unless
 * it continues the previous page's table (`TableContext.carried`).
 */
export interface DetectedTable extends Box {
  rows: GridCell[][];
  columns: Column[];
  /** The physical lines the table is made of. */
  lines: TextLine[];
}

/**
 * What one page's tables tell the next page's: header rows seen so far, and the columns
 * of the last table, which a continuation at the top of the next page may reuse.
 */
export interface TableContext {
  /** Header rows seen so far in the document (`headerSignature`). */
  headers: Set<string>;
  /**
   * Set by the caller when the previous page ended with a table: its columns and type
   * size. Lines at the top of this page that fit those columns are its continuation,
   * even a lone label tail (`phạm pháp luật`), and take its columns, so that a value
   * keeps its column when the continuation has no cell in some of them.
   */
  carried?: { columns: Column[]; height: number };
}

export function newTableContext(): TableContext {
  return { headers: new Set() };
}

export function detectTables(lines: TextLine[], context: TableContext = newTableContext()): DetectedTable[] {
  const segments = lines.map(segmentLine);
  const regions = mergeTouching(findTableRegions(lines, segments));
  const carried = context.carried;
  const top = carried ? continuation(lines, segments, carried) : 0;
  if (top > 0) {
    // The continuation, joined to a region that starts inside it or right after it.
    const first = regions[0];
    if (first && first[0]! <= top) first.unshift(...Array.from({ length: first[0]! }, (_, k) => k));
    else regions.unshift(Array.from({ length: top }, (_, k) => k));
  }
  const tables: DetectedTable[] = [];
  for (const region of regions) {
    const rows = buildRows(region.flatMap((k) => segments[k]!)).map((r) => r.segments);
    splitAtHeaders(rows, context.headers).forEach((part, i) => {
      const inherited = region[0] === 0 && i === 0 ? carried?.columns : undefined;
      const table = toTable(part, inherited);
      if (table) tables.push(table);
    });
  }
  return tables;
}

/**
 * How many lines at the top of the page continue the carried table: each set in its
 * type size, close to the one above, and with every segment inside one of its columns.
 */
function continuation(lines: TextLine[], segments: Segment[][], carried: { columns: Column[]; height: number }): number {
  const { columns, height } = carried;
  let k = 0;
  for (; k < lines.length; k++) {
    const line = lines[k]!;
    if (Math.abs(line.height - height) > REGION_LIMITS.heightTolerance * height) break;
    if (k > 0 && line.baseline - lines[k - 1]!.baseline > REGION_LIMITS.maxStep * height) break;
    const inside = segments[k]!.every((s) => columns.filter((c) => Math.min(s.xMax, c.xMax) - Math.max(s.xMin, c.xMin) > REGION_LIMITS.overlapSlack).length === 1);
    if (!inside) break;
  }
  return k;
}

function mergeTouching(regions: number[][]): number[][] {
  const out: number[][] = [];
  for (const r of [...regions].sort((a, b) => a[0]! - b[0]!)) {
    const prev = out[out.length - 1];
    if (prev && prev[prev.length - 1]! + 1 === r[0]!) prev.push(...r);
    else out.push([...r]);
  }
  return out;
}

/**
 * Splits before a row that repeats a header row: one of the first three rows, before any
 * value, of this region's tables or of the document's earlier tables (`known`, which
 * this extends).
 */
function splitAtHeaders(rows: Segment[][], known: Set<string>): Segment[][][] {
  const parts: Segment[][][] = [];
  let current: Segment[][] = [];
  let body = false;
  for (const row of rows) {
    const sig = headerSignature(row);
    const repeated = sig !== undefined && known.has(sig);
    if (repeated && body) {
      parts.push(current);
      current = [];
      body = false;
    }
    if (!body && current.length < 3 && sig !== undefined) known.add(sig);
    // A table's body has begun once a row holds a value; header rows before it may repeat.
    body ||= !repeated && row.some((s) => isValueText(s.text));
    current.push(row);
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** A row of two or more texts that are not all values, as one string. */
function headerSignature(row: Segment[]): string | undefined {
  if (row.length < 2 || row.every((s) => isValueText(s.text))) return undefined;
  return row.map((s) => s.text).sort().join('\u0001');
}

function toTable(rows: Segment[][], inherited: Column[] | undefined): DetectedTable | undefined {
  let columns = findColumns(rows.flat());
  const split = rows.map((row) => row.flatMap((s) => splitAtColumns(s, columns)));
  if (split.some((row, i) => row.length !== rows[i]!.length)) columns = findColumns(split.flat());
  const continued = inherited !== undefined && fitsInto(columns, inherited);
  if (continued) columns = inherited;
  else if (columns.length < 2 || split.length < 2) return undefined;
  const grid = buildGrid(split, columns);
  // A list whose items hang after a tab (`a)⇥text`) lines up like a marker column and a
  // text column; a table has two columns with more than markers in them.
  const filled = new Set(grid.flatMap((row) => row.filter((c) => c.text !== '' && !isListMarker(c.text)).map((c) => c.column)));
  if (!continued && filled.size < 2) return undefined;
  const lines = [...new Set(split.flat().map((s) => s.line))];
  const { xMin, yMin, xMax, yMax } = unionBox(lines);
  return { xMin, yMin, xMax, yMax, rows: grid, columns, lines };
}

/**
 * Whether a table's columns are among `wider`'s: each overlaps exactly one of them, and
 * no two the same one. A continuation on the next page has no cells in columns that
 * are empty in its rows, so it may find fewer columns than the table it continues.
 */
function fitsInto(columns: Column[], wider: Column[]): boolean {
  if (columns.length > wider.length) return false;
  const taken = new Set<number>();
  for (const c of columns) {
    const hits = wider.flatMap((w, i) => (Math.min(c.xMax, w.xMax) - Math.max(c.xMin, w.xMin) > 0 ? [i] : []));
    if (hits.length !== 1 || taken.has(hits[0]!)) return false;
    taken.add(hits[0]!);
  }
  return true;
}
