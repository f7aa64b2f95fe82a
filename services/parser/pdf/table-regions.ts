import type { Segment } from './line-segments.ts';
import type { TextLine } from './text-lines.ts';

/**
 * Finds where a page's tables are: runs of physical lines that belong to one table.
 *
 * 1. Seeds. A line cut into two or more segments is a seed when at least two of its
 *    segments line up with a segment of another such line nearby (within 15 line
 *    heights): same left edge, same right edge or same centre, within 1.5 pt. Left edges
 *    catch text columns, right edges right-aligned numbers, centres centred ones. The
 *    line's outer edges (left of its first segment, right of its last) count only next
 *    to an alignment inside the line: every line of a justified paragraph starts and ends
 *    at the margins, so two prose lines that a wide gap cut in two (`Công văn số 120
 *    ngày 19/01/2022`) would otherwise line up twice; a label | number table still
 *    seeds on its labels' left edges and its numbers' centres.
 * 2. Growth. From a seed the region grows line by line, up and down, while the next line
 *    - is close: its baseline at most 2.5 line heights from the region's nearest line
 *      (rows follow each other without blank lines);
 *    - is set in the table's type size (height within 12 % of the seeds': a 13 pt caption
 *      above an 11 pt table stops it);
 *    - and fits: none of its segments lies across two of the columns seen so far (x-ranges
 *      of the region's segments, merged where they overlap). Text in a cell cannot cross
 *      into the next cell; a prose line, a caption or an appendix title below the table
 *      does. A seed line is taken whether it fits or not.
 *    Two kinds of crossing lines are kept all the same: a single line squeezed between
 *    table lines (a section row spanning the table), and, above the table, a line that
 *    keeps clear of the first column (a merged header such as `Các đơn vị, địa phương
 *    thuộc huyện` over the year columns).
 * A region needs two or more multi-segment lines.
 *
 * A document header set as two columns (issuer on the left, national motto on the right)
 * has lines whose two segments share centres, so it becomes a small two-column table;
 * that keeps issuer and motto apart instead of gluing them into one paragraph.
 */
export const REGION_LIMITS = {
  /** Points: edges and centres this close line up. */
  alignTolerance: 1.5,
  /** Line heights: how far apart two lines may be and still support each other. */
  supportWindow: 15,
  /** Line heights: largest baseline step inside a table. */
  maxStep: 2.5,
  /** Share of the seeds' height a line may differ by. */
  heightTolerance: 0.12,
  /** Points: an overlap smaller than this does not count as lying across. */
  overlapSlack: 1,
} as const;

/** Indices (into `lines`) of each table region's lines, top to bottom. */
export function findTableRegions(lines: TextLine[], segments: Segment[][]): number[][] {
  const seeds = findSeeds(lines, segments);
  const claimed = new Uint8Array(lines.length);
  const regions: number[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!seeds[i] || claimed[i]) continue;
    const region = growRegion(i, lines, segments, seeds, claimed);
    if (region.filter((k) => segments[k]!.length >= 2).length >= 2) {
      for (const k of region) claimed[k] = 1;
      regions.push(region);
    }
  }
  return regions;
}

function findSeeds(lines: TextLine[], segments: Segment[][]): boolean[] {
  const multi: number[] = [];
  segments.forEach((segs, i) => { if (segs.length >= 2) multi.push(i); });
  const seeds = new Array<boolean>(lines.length).fill(false);
  multi.forEach((i, m) => {
    const line = lines[i]!;
    const window = REGION_LIMITS.supportWindow * line.height;
    const segs = segments[i]!;
    // Nearest lines first: a table's rows find support in the next row or the one before.
    const supported = (test: (t: Segment) => boolean) => {
      for (let d = 1; ; d++) {
        const up = multi[m - d];
        const down = multi[m + d];
        const upNear = up !== undefined && line.baseline - lines[up]!.baseline <= window;
        const downNear = down !== undefined && lines[down]!.baseline - line.baseline <= window;
        if (!upNear && !downNear) return false;
        if ((upNear && segments[up]!.some(test)) || (downNear && segments[down]!.some(test))) return true;
      }
    };
    let inner = 0;
    let outer = 0;
    for (let n = 0; n < segs.length && inner + outer < 2; n++) {
      const s = segs[n]!;
      const edges = { left: n > 0, right: n < segs.length - 1 };
      if (supported((t) => linesUp(s, t, edges))) inner++;
      else if (supported((t) => linesUp(s, t, { left: true, right: true }))) outer++;
    }
    seeds[i] = inner + outer >= 2 && inner >= 1;
  });
  return seeds;
}

function linesUp(a: Segment, b: Segment, edges: { left: boolean; right: boolean }): boolean {
  const tol = REGION_LIMITS.alignTolerance;
  return (edges.left && Math.abs(a.xMin - b.xMin) <= tol) || (edges.right && Math.abs(a.xMax - b.xMax) <= tol)
    || Math.abs(a.xMin + a.xMax - b.xMin - b.xMax) <= 2 * tol;
}

function growRegion(seed: number, lines: TextLine[], segments: Segment[][], seeds: boolean[], claimed: Uint8Array): number[] {
  const region = [seed];
  const multi = [seed];
  const columns = new ColumnModel();
  columns.add(segments[seed]!);
  const height = lines[seed]!.height;
  const sameSize = (k: number) => Math.abs(lines[k]!.height - height) <= REGION_LIMITS.heightTolerance * height;
  const close = (a: number, b: number) => Math.abs(lines[a]!.baseline - lines[b]!.baseline) <= REGION_LIMITS.maxStep * height;
  const fits = (k: number) => sameSize(k) && columns.fits(segments[k]!);
  const add = (k: number, atTop: boolean) => {
    if (atTop) region.unshift(k); else region.push(k);
    if (segments[k]!.length >= 2) multi.push(k);
    columns.add(segments[k]!);
  };
  // Downwards first, so that the lines above are judged against the whole table.
  for (let k = seed + 1; k < lines.length && !claimed[k] && close(region[region.length - 1]!, k); k++) {
    if (seeds[k] || fits(k)) { add(k, false); continue; }
    const next = k + 1;
    const squeezed = segments[k]!.length === 1 && sameSize(k) && next < lines.length && !claimed[next]
      && close(k, next) && (seeds[next] || fits(next));
    if (!squeezed) break;
    add(k, false);
  }
  const firstColumnEnd = firstColumnRight(multi, segments);
  for (let k = seed - 1; k >= 0 && !claimed[k] && close(k, region[0]!); k--) {
    if (seeds[k] || fits(k)) { add(k, true); continue; }
    const mergedHeader = segments[k]!.length === 1 && sameSize(k) && lines[k]!.xMin > firstColumnEnd;
    if (!mergedHeader) break;
    add(k, true);
  }
  return region;
}

/**
 * The columns seen so far: x-ranges of the region's segments, merged where they overlap.
 * A segment lying across two of them is not added (it is a merged cell, or not table text).
 */
class ColumnModel {
  private readonly ranges: { xMin: number; xMax: number }[] = [];

  fits(segs: Segment[]): boolean {
    return segs.every((s) => this.overlapping(s).length <= 1);
  }

  add(segs: Segment[]): void {
    for (const s of segs) {
      const hit = this.overlapping(s);
      if (hit.length === 1) {
        const r = this.ranges[hit[0]!]!;
        r.xMin = Math.min(r.xMin, s.xMin);
        r.xMax = Math.max(r.xMax, s.xMax);
      } else if (hit.length === 0) {
        this.ranges.push({ xMin: s.xMin, xMax: s.xMax });
      }
    }
  }

  private overlapping(s: Segment): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.ranges.length; i++) {
      const r = this.ranges[i]!;
      if (Math.min(s.xMax, r.xMax) - Math.max(s.xMin, r.xMin) > REGION_LIMITS.overlapSlack) out.push(i);
    }
    return out;
  }
}

/** Right edge of the region's first column: the first segments that start at its left edge. */
function firstColumnRight(multi: number[], segments: Segment[][]): number {
  let left = Infinity;
  for (const m of multi) left = Math.min(left, segments[m]![0]!.xMin);
  let right = left;
  for (const m of multi) {
    const first = segments[m]![0]!;
    if (first.xMin <= left + REGION_LIMITS.alignTolerance) right = Math.max(right, first.xMax);
  }
  return right;
}
