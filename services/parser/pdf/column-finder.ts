import { SEGMENT_GAPS, makeSegment, type Segment } from './line-segments.ts';
import { isValueText } from './value-text.ts';

/**
 * Finds a table's columns from the x-ranges of its segments, and places segments in them.
 *
 * Columns. A segment lies across columns when some other line has two segments that it
 * overlaps (a header over the year columns, with a row of numbers under it). The others'
 * x-ranges are merged where they overlap, like `pdftotext -layout` finds its gutters: a
 * column is a stretch of x that text of one cell covers, a gutter one that no cell's text
 * reaches. A centred header and the short left-aligned lines under it need not overlap
 * one another, but the column's long lines overlap both.
 *
 * Overflow. A label that fills its cell can end closer to the next cell's number than a
 * wide word space (0.25 h once in the samples), so segmenting leaves them in one segment:
 * `Tổng số biên chế cán bộ, công chức 22`. A segment lying across columns is cut again at
 * a word gap where the right part starts at a column's left edge (within 1.5 pt) or is a
 * value (number, list marker) inside that column, and the left part ends before it.
 *
 * Placement (`columnSpan`). A segment covers a column when it overlaps it by more than
 * 15 % of the column's width (and 1 pt): a label running 1 pt into the next column does
 * not span it. A segment covering several columns is a merged cell; since a centred
 * header may not reach its outer columns' text, the span grows by a column on one side
 * or both while that brings the span's centre closer to the text's centre (by more than
 * 1 pt). A segment covering no column goes to the one it overlaps most, else the nearest.
 */
export interface Column {
  xMin: number;
  xMax: number;
}

const SLACK = 1;
const EDGE_TOLERANCE = 1.5;
const COVER_SHARE = 0.15;

export function findColumns(segments: Segment[]): Column[] {
  const spans = spanningTest(segments);
  const ranges = segments.filter((s) => !spans(s)).sort((a, b) => a.xMin - b.xMin);
  const columns: Column[] = [];
  for (const s of ranges) {
    const last = columns[columns.length - 1];
    if (last && s.xMin < last.xMax - SLACK) last.xMax = Math.max(last.xMax, s.xMax);
    else columns.push({ xMin: s.xMin, xMax: s.xMax });
  }
  return columns;
}

/**
 * Whether a segment overlaps two segments of some other line. Overlapping two segments
 * of a line means covering the gap between two neighbours of it, with more than SLACK on
 * either side; a segment never covers a gap of its own line. So every line's gaps are
 * listed as (left segment's end − SLACK, right segment's start + SLACK), sorted by the
 * first, and a segment spans when some gap with a first value above its start has a
 * second value below its end: one binary search in a suffix minimum.
 */
function spanningTest(segments: Segment[]): (s: Segment) => boolean {
  const byLine = new Map<Segment['line'], Segment[]>();
  for (const s of segments) {
    const list = byLine.get(s.line);
    if (list) list.push(s);
    else byLine.set(s.line, [s]);
  }
  const gaps: [number, number][] = [];
  for (const list of byLine.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.xMin - b.xMin);
    for (let k = 0; k + 1 < list.length; k++) gaps.push([list[k]!.xMax - SLACK, list[k + 1]!.xMin + SLACK]);
  }
  gaps.sort((a, b) => a[0] - b[0]);
  const suffixMin = new Array<number>(gaps.length + 1).fill(Infinity);
  for (let k = gaps.length - 1; k >= 0; k--) suffixMin[k] = Math.min(suffixMin[k + 1]!, gaps[k]![1]);
  return (s) => {
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (gaps[mid]![0] > s.xMin) hi = mid;
      else lo = mid + 1;
    }
    return suffixMin[lo]! < s.xMax;
  };
}

/** Cuts a segment that runs from one column into the next (see Overflow above). */
export function splitAtColumns(s: Segment, columns: Column[]): Segment[] {
  if (s.words.length < 2 || columns.filter((c) => overlap(s, c) > SLACK).length < 2) return [s];
  const h = s.line.height;
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i < s.words.length; i++) {
    const left = s.words[i - 1]!;
    const right = s.words[i]!;
    if (right.xMin - left.xMax <= SEGMENT_GAPS.join * h) continue;
    const col = columns.find((c) => left.xMax < c.xMin && right.xMin >= c.xMin - EDGE_TOLERANCE);
    if (!col) continue;
    const rest = makeSegment(s.line, s.words.slice(i));
    const restCols = coveredColumns(rest, columns);
    const inCol = restCols.length <= 1 && rest.xMax <= nextStart(columns, col);
    if (!inCol) continue;
    if (Math.abs(right.xMin - col.xMin) <= EDGE_TOLERANCE || isValueText(rest.text)) {
      out.push(makeSegment(s.line, s.words.slice(start, i)));
      start = i;
    }
  }
  if (start === 0) return [s];
  out.push(makeSegment(s.line, s.words.slice(start)));
  return out;
}

/** First and last column a segment occupies. */
export function columnSpan(s: Segment, columns: Column[]): { first: number; last: number } {
  const covered = coveredColumns(s, columns);
  if (covered.length === 0) {
    let best = 0;
    let bestScore = -Infinity;
    columns.forEach((c, i) => {
      const score = overlap(s, c) > 0 ? overlap(s, c) : -Math.abs((c.xMin + c.xMax) / 2 - (s.xMin + s.xMax) / 2);
      if (score > bestScore) { best = i; bestScore = score; }
    });
    return { first: best, last: best };
  }
  let first = covered[0]!;
  let last = covered[covered.length - 1]!;
  if (first === last) return { first, last };
  const centre = (s.xMin + s.xMax) / 2;
  const miss = (f: number, l: number) => Math.abs((columns[f]!.xMin + columns[l]!.xMax) / 2 - centre);
  for (;;) {
    const tries: [number, number][] = [];
    if (first > 0) tries.push([first - 1, last]);
    if (last < columns.length - 1) tries.push([first, last + 1]);
    if (first > 0 && last < columns.length - 1) tries.push([first - 1, last + 1]);
    const best = tries.sort((a, b) => miss(a[0], a[1]) - miss(b[0], b[1]))[0];
    if (!best || miss(best[0], best[1]) >= miss(first, last) - SLACK) return { first, last };
    [first, last] = best;
  }
}

function coveredColumns(s: Segment, columns: Column[]): number[] {
  const out: number[] = [];
  columns.forEach((c, i) => {
    const o = overlap(s, c);
    if (o > SLACK && o > COVER_SHARE * (c.xMax - c.xMin)) out.push(i);
  });
  return out;
}

function nextStart(columns: Column[], col: Column): number {
  const i = columns.indexOf(col);
  return columns[i + 1]?.xMin ?? Infinity;
}

function overlap(a: Column, b: Column): number {
  return Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
}
