import { unionBox } from './box-union.ts';
import { normalizeText } from '../page-text.ts';
import type { BboxWord, Box } from './bbox-page.ts';
import { lineText } from './line-text.ts';
import type { TextLine } from './text-lines.ts';
import { isNumberText } from './value-text.ts';

/**
 * Cuts a physical line into segments: runs of words separated by gaps clearly wider
 * than a word space. In a table row each cell's text becomes a segment; a prose line
 * stays one segment.
 *
 * Measured on the samples (gap between neighbouring words ÷ h, the height of the line's
 * tallest word box; pdftotext 22.12 boxes of LibreOffice PDFs in Times/Liberation Serif,
 * 002 and 003 reports, both renderings):
 *   - a word space is 0.19–0.30 h; justified prose stretches it up to 0.45 h, but all
 *     spaces of one justified line stretch alike;
 *   - a gap between table cells is 0.35–1.1 h (twice the cell padding at the least:
 *     a label that fills its cell is 0.35 h from the number in the next cell), and
 *     0.25 h once, where a label overflowed its cell (see `column-finder.ts`, which cuts
 *     such a segment again at the column's edge);
 *   - glyph pieces of a substitute font touch (< 0.12 h, `line-text.ts`).
 *
 * So a gap cuts the line when it is (`SEGMENT_GAPS`)
 *   - at least 0.6 h (`sure`): never a word space in the samples; or
 *   - at least 0.3 h (`min`) and either 1.5 × (`ratio`) the median of the line's other
 *     word spaces (gaps of 0.12–0.6 h) — a justified line's spaces are all alike, a
 *     row's cell gap stands out against its labels' spaces — or between two numbers
 *     (`40%  70%`: prose does not put two numbers side by side); or
 *   - at least 0.4 h (`lone`) on a line with no other space to compare with.
 */
export interface Segment extends Box {
  /** Left to right. */
  readonly words: BboxWord[];
  /** NFC text, words joined as `lineText` joins them. */
  readonly text: string;
  readonly line: TextLine;
}

export const SEGMENT_GAPS = {
  join: 0.12,
  min: 0.3,
  lone: 0.4,
  sure: 0.6,
  ratio: 1.5,
} as const;

export function segmentLine(line: TextLine): Segment[] {
  const { words } = line;
  const h = line.height;
  let widest = 0;
  for (let i = 1; i < words.length; i++) widest = Math.max(widest, words[i]!.xMin - words[i - 1]!.xMax);
  // Most lines are prose with no gap worth a look.
  if (widest < SEGMENT_GAPS.min * h) return [makeSegment(line, words)];
  const spaces: number[] = [];
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.xMin - words[i - 1]!.xMax;
    if (gap > SEGMENT_GAPS.join * h && gap < SEGMENT_GAPS.sure * h) spaces.push(gap);
  }
  const sorted = [...spaces].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i < words.length && !cutsBefore(words, i, h, sorted)) continue;
    segments.push(makeSegment(line, words.slice(start, i)));
    start = i;
  }
  return segments;
}

function cutsBefore(words: BboxWord[], i: number, h: number, sortedSpaces: number[]): boolean {
  const left = words[i - 1]!;
  const right = words[i]!;
  const gap = right.xMin - left.xMax;
  if (gap >= SEGMENT_GAPS.sure * h) return true;
  if (gap < SEGMENT_GAPS.min * h) return false;
  if (isNumberText(left.text) && isNumberText(right.text)) return true;
  const others = withoutOne(sortedSpaces, gap);
  if (others.length === 0) return gap >= SEGMENT_GAPS.lone * h;
  return gap >= SEGMENT_GAPS.ratio * median(others);
}

function withoutOne(sorted: number[], value: number): number[] {
  const i = sorted.indexOf(value);
  return i < 0 ? sorted : [...sorted.slice(0, i), ...sorted.slice(i + 1)];
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function makeSegment(line: TextLine, words: BboxWord[]): Segment {
  return new LineSegment(line, words);
}

/** Text is made on first use: most segments are prose and never need it. */
class LineSegment implements Segment {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  private joined: string | undefined;

  constructor(readonly line: TextLine, readonly words: BboxWord[]) {
    const { xMin, yMin, xMax, yMax } = unionBox(words);
    this.xMin = xMin;
    this.yMin = yMin;
    this.xMax = xMax;
    this.yMax = yMax;
  }

  get text(): string {
    this.joined ??= normalizeText(lineText(this)).replace(/\s+/g, ' ').trim();
    return this.joined;
  }
}
