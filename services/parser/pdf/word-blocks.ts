import type { BboxBlock, BboxLine, BboxWord } from './bbox-page.ts';
import { unionBox } from './box-union.ts';
import type { FrameWord } from './glyph-words.ts';
import { BaselinePool, bandOf } from './baseline-pool.ts';
import { toPageBox, type Rotation } from './reading-frame.ts';

/**
 * Groups a page's words into blocks of lines by the rules pdftotext follows, so that the
 * layout gets the same blocks from pdf.js as from poppler: its paragraphs are runs of a
 * block's lines, and its page furniture is found on blocks.
 *
 * Words wait in a pool, in baseline bands 4 pt deep (`baseline-pool.ts`). Per
 * rotation, until the pool is empty, a block is grown from a seed: the leftmost word of
 * the topmost band and the three under it (so a superscript does not start a block).
 * With f the seed's font size, the block then takes, round after round:
 *
 *   1. lines above and below: words whose baseline is within 1.5 f of the block's top or
 *      bottom baseline, that overlap the block horizontally, in the seed's size (± 5 %);
 *      the block's top or bottom baseline moves to them. A paragraph's lines are about
 *      1.3 f apart; the space between paragraphs takes the next one past 1.5 f;
 *   2. words on its lines: baseline within 0.5 f of the block's baselines, within 0.7 f of
 *      it horizontally, size within 60 % (superscripts, the rest of a line);
 *   3. only when 1 and 2 found nothing: words just left or right of it (within f), on
 *      its lines, size within 20 %, taken one per band if there are one to three such
 *      bands (a list marker beside its text, not a neighbouring column).
 *
 * The block's box grows with every word it takes, and later tests use the grown box.
 * Inside a block, duplicated words (the same text drawn twice in place: fake bold) are
 * dropped, and lines are chained: from the leftmost word of the topmost bands, the
 * next word is the leftmost one within 0.5 f (of the line's first word) of its
 * baseline that starts less than 1.5 f after the last (a wider gap ends the line: cells of
 * a table row are lines of their own); a word starting more than 0.5 f back over the
 * last ends the line too. Lines are ordered by baseline, then left to right; blocks by
 * their top, then left edge.
 */
export const BLOCK_RULES = {
  lineSpacing: 1.5,
  lineSize: 0.05,
  sameLine: 0.5,
  sameLineReach: 0.7,
  sameLineSize: 0.6,
  outlierReach: 1,
  outlierSize: 0.2,
  outlierBands: 3,
  wordSpacing: 1.5,
  wordOverlap: 0.5,
  duplicateAlong: 0.1,
  duplicateAcross: 0.2,
} as const;

interface FrameBox {
  p0: number;
  p1: number;
  s0: number;
  s1: number;
}

export function wordBlocks(words: FrameWord[]): BboxBlock[] {
  const blocks: BboxBlock[] = [];
  for (const rot of [0, 1, 2, 3] as const) {
    const pool = new BaselinePool();
    for (const w of words) if (w.rot === rot) pool.add(w);
    while (pool.size > 0) {
      const members = growBlock(pool);
      blocks.push(toBlock(rot, blockLines(withoutDuplicates(members))));
    }
  }
  return blocks.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
}

function growBlock(pool: BaselinePool): FrameWord[] {
  const seed = pool.seed()!;
  pool.take(seed.band, seed.word);
  const members = [seed.word];
  const box: FrameBox = { p0: seed.word.p0, p1: seed.word.p1, s0: seed.word.s0, s1: seed.word.s1 };
  const add = (w: FrameWord) => {
    members[members.length] = w;
    box.p0 = Math.min(box.p0, w.p0);
    box.p1 = Math.max(box.p1, w.p1);
    box.s0 = Math.min(box.s0, w.s0);
    box.s1 = Math.max(box.s1, w.s1);
  };
  const f = seed.word.fontSize;
  const lineSpace = BLOCK_RULES.lineSpacing * f;
  const near = BLOCK_RULES.sameLine * f;
  const reach = BLOCK_RULES.sameLineReach * f;
  const outReach = BLOCK_RULES.outlierReach * f;
  const sizeWithin = (w: FrameWord, share: number) => Math.abs(w.fontSize - f) < share * f;
  const overlaps = (w: FrameWord) => w.p0 < box.p1 && w.p1 > box.p0;
  let top = seed.word.base;
  let bottom = seed.word.base;
  for (let found = true; found;) {
    found = false;
    // 1. Lines above, then below.
    let newTop = top;
    const above = (w: FrameWord) => w.base < top && w.base >= top - lineSpace && overlaps(w) && sizeWithin(w, BLOCK_RULES.lineSize);
    for (let b = bandOf(top); b >= bandOf(top - lineSpace); b--) {
      pool.takeAll(b, above, (w) => { add(w); found = true; newTop = w.base; });
    }
    top = newTop;
    let newBottom = bottom;
    const below = (w: FrameWord) => w.base > bottom && w.base <= bottom + lineSpace && overlaps(w) && sizeWithin(w, BLOCK_RULES.lineSize);
    for (let b = bandOf(bottom); b <= bandOf(bottom + lineSpace); b++) {
      pool.takeAll(b, below, (w) => { add(w); found = true; newBottom = w.base; });
    }
    bottom = newBottom;
    // 2. The rest of its lines.
    const onLines = (w: FrameWord) => w.base >= top - near && w.base <= bottom + near
      && w.p0 < box.p1 + reach && w.p1 > box.p0 - reach && sizeWithin(w, BLOCK_RULES.sameLineSize);
    for (let b = bandOf(top - near); b <= bandOf(bottom + near); b++) {
      pool.takeAll(b, onLines, (w) => { add(w); found = true; });
    }
    if (found) continue;
    // 3. A few words just outside, left then right.
    const sides = [
      (w: FrameWord) => w.p1 <= box.p0 && w.p1 > box.p0 - outReach,
      (w: FrameWord) => w.p0 >= box.p1 && w.p0 < box.p1 + outReach,
    ];
    for (const beside of sides) {
      const fits = (w: FrameWord) => w.base >= top - near && w.base <= bottom + near && beside(w) && sizeWithin(w, BLOCK_RULES.outlierSize);
      let bands = 0;
      for (let b = bandOf(top - near); b <= bandOf(bottom + near); b++) if (pool.words(b).some(fits)) bands++;
      if (bands === 0 || bands > BLOCK_RULES.outlierBands) continue;
      // The range is read again after each word taken: a word may move the block's baselines.
      for (let b = bandOf(top - near); b <= bandOf(bottom + near); b++) {
        const w = pool.words(b).find(fits);
        if (!w) continue;
        pool.take(b, w);
        add(w);
        if (w.base < top) top = w.base;
        else if (w.base > bottom) bottom = w.base;
        found = true;
      }
    }
  }
  return members;
}

/** Drops a word drawn again over an earlier one with the same text (fake bold, shadows). */
function withoutDuplicates(words: FrameWord[]): FrameWord[] {
  const sorted = [...words].sort((a, b) => a.base - b.base);
  const dropped = new Set<FrameWord>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    if (dropped.has(a)) continue;
    const along = BLOCK_RULES.duplicateAlong * a.fontSize;
    const across = BLOCK_RULES.duplicateAcross * a.fontSize;
    for (let j = i + 1; j < sorted.length && sorted[j]!.base - a.base < across; j++) {
      const b = sorted[j]!;
      if (!dropped.has(b) && b.text === a.text && Math.abs(a.p0 - b.p0) < along && Math.abs(a.p1 - b.p1) < along
        && Math.abs(a.s0 - b.s0) < across && Math.abs(a.s1 - b.s1) < across) dropped.add(b);
    }
  }
  return dropped.size === 0 ? words : words.filter((w) => !dropped.has(w));
}

/** The block's words as lines: left-to-right chains, ordered by baseline and then left edge. */
function blockLines(words: FrameWord[]): FrameWord[][] {
  const pool = new BaselinePool();
  for (const w of words) pool.add(w);
  const lines: FrameWord[][] = [];
  while (pool.size > 0) {
    const seed = pool.seed()!;
    pool.take(seed.band, seed.word);
    const line = [seed.word];
    const f = seed.word.fontSize;
    const lowBase = seed.word.base - BLOCK_RULES.sameLine * f;
    const highBase = seed.word.base + BLOCK_RULES.sameLine * f;
    for (;;) {
      const last = line[line.length - 1]!;
      let next: { band: number; word: FrameWord } | undefined;
      let overlap = false;
      for (let b = bandOf(lowBase); !overlap && b <= bandOf(highBase); b++) {
        // Only the leftmost word of each band on this line's baselines is a candidate.
        const w = firstWithin(pool.words(b), lowBase, highBase);
        if (!w) continue;
        const gap = w.p0 - last.p1;
        if (gap < -BLOCK_RULES.wordOverlap * f) overlap = true;
        else if (gap < BLOCK_RULES.wordSpacing * f && (!next || w.p0 < next.word.p0)) next = { band: b, word: w };
      }
      if (overlap || !next) break;
      pool.take(next.band, next.word);
      line[line.length] = next.word;
    }
    lines.push(line);
  }
  return lines.sort((a, b) => a[0]!.base - b[0]!.base || a[0]!.p0 - b[0]!.p0);
}

function firstWithin(words: readonly FrameWord[], lowBase: number, highBase: number): FrameWord | undefined {
  for (const w of words) if (w.base >= lowBase && w.base <= highBase) return w;
  return undefined;
}

function toBlock(rot: Rotation, lines: FrameWord[][]): BboxBlock {
  const out: BboxLine[] = lines.map((line) => {
    const words = line.map((w) => toWord(rot, w));
    return { ...unionBox(words), words };
  });
  return { ...unionBox(out), lines: out };
}

/** A word in page coordinates, to 0.01 pt as pdftotext prints it (left, top, width, height). */
function toWord(rot: Rotation, w: FrameWord): BboxWord {
  const box = toPageBox(rot, w.p0, w.p1, w.s0, w.s1);
  const left = round2(box.xMin);
  const top = round2(box.yMin);
  return { xMin: left, yMin: top, xMax: left + round2(box.xMax - box.xMin), yMax: top + round2(box.yMax - box.yMin), text: w.text };
}

/**
 * `v` to two decimals as printf's `%.2f` (and `toFixed`) round it: from its exact binary
 * value, so 166.64499999999998 gives 166.64. `Math.round(v * 100)` agrees except near a
 * half, where the product's own rounding can tip it; only those go through `toFixed`,
 * which is slow.
 */
function round2(v: number): number {
  const x = v * 100;
  const frac = x - Math.floor(x);
  return Math.abs(frac - 0.5) > 1e-6 ? Math.round(x) / 100 : Number(v.toFixed(2));
}
