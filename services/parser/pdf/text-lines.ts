import { unionBox } from './box-union.ts';
import type { BboxBlock, BboxWord, Box } from './bbox-page.ts';

/**
 * Rebuilds the physical text lines of a page: all words that sit on one baseline,
 * whichever poppler block or line they were put in.
 *
 * Poppler groups words into blocks and lines by its own reading of the page, and inside
 * a table it gets that wrong both ways: one label is cut into several blocks, and one
 * of its "lines" can run from a label across into the number cells. Its lines are still
 * good atoms, though: the words of one poppler line share a baseline (a footnote marker
 * rides along with its line). So poppler lines are merged when their baselines agree
 * within 20 % of the body height (the lines of two cells side by side that are
 * vertically centred differently are half a line apart, far more than that), and their
 * heights agree within a factor 1.4 (a heading and a footnote on one baseline are not
 * one line).
 *
 * `baseline` is the bottom of the line's body words (words at least 80 % of the tallest,
 * so a superscript does not count), `height` the tallest word's height.
 */
export interface TextLine extends Box {
  /** Left to right. */
  words: BboxWord[];
  baseline: number;
  height: number;
  /** The poppler lines it was made of. */
  sources: LineRef[];
}

export interface LineRef {
  block: number;
  line: number;
}

const SAME_BASELINE = 0.2;
const SAME_HEIGHT = 1.4;

interface Piece {
  ref: LineRef;
  words: BboxWord[];
  baseline: number;
  height: number;
}

/** Physical lines of the given blocks (`skip(blockIndex)` leaves a block out), top to bottom. */
export function buildTextLines(blocks: BboxBlock[], skip: (block: number) => boolean = () => false): TextLine[] {
  const pieces: Piece[] = [];
  blocks.forEach((block, b) => {
    if (skip(b)) return;
    block.lines.forEach((line, l) => {
      if (line.words.length === 0) return;
      let height = 0;
      for (const w of line.words) height = Math.max(height, w.yMax - w.yMin);
      let baseline = -Infinity;
      for (const w of line.words) if (w.yMax - w.yMin >= height * 0.8) baseline = Math.max(baseline, w.yMax);
      pieces.push({ ref: { block: b, line: l }, words: line.words, baseline, height });
    });
  });
  pieces.sort((a, b) => a.baseline - b.baseline);
  const lines: TextLine[] = [];
  let group: Piece[] = [];
  const flush = () => {
    if (group.length > 0) lines.push(toLine(group));
    group = [];
  };
  for (const piece of pieces) {
    const first = group[0];
    if (first && !sameLine(first, piece)) flush();
    group.push(piece);
  }
  flush();
  return lines;
}

function sameLine(a: Piece, b: Piece): boolean {
  const low = Math.min(a.height, b.height);
  const high = Math.max(a.height, b.height);
  return Math.abs(a.baseline - b.baseline) <= SAME_BASELINE * low && high <= SAME_HEIGHT * low;
}

function toLine(group: Piece[]): TextLine {
  const words = group.length === 1 ? [...group[0]!.words] : group.flatMap((p) => p.words);
  words.sort((a, b) => a.xMin - b.xMin);
  const { xMin, yMin, xMax, yMax } = unionBox(words);
  return {
    xMin, yMin, xMax, yMax, words,
    baseline: Math.max(...group.map((p) => p.baseline)),
    height: Math.max(...group.map((p) => p.height)),
    sources: group.map((p) => p.ref),
  };
}
