import type { FrameWord } from './glyph-words.ts';

/**
 * Words waiting to be grouped (`word-blocks.ts`), by baseline: in bands `BAND` pt deep
 * (4, as pdftotext's text pool), left to right inside a band. Growing a block or a line
 * scans the bands a baseline range covers instead of every word of the page; which word
 * of a band comes first decides ties the way pdftotext decides them.
 */
export const BAND = 4;
/** A block or line starts at the leftmost first word of the topmost band and the next three. */
export const SEED_BANDS = 4;

/** The band of a baseline (truncated towards zero, as pdftotext's pool does). */
export function bandOf(base: number): number {
  return Math.trunc(base / BAND);
}

export class BaselinePool {
  private readonly bands = new Map<number, FrameWord[]>();
  private low = Infinity;
  private high = -Infinity;
  /** Words still waiting. */
  size = 0;

  add(word: FrameWord): void {
    const b = bandOf(word.base);
    let list = this.bands.get(b);
    if (!list) this.bands.set(b, (list = []));
    let at = list.length;
    while (at > 0 && list[at - 1]!.p0 > word.p0) at--;
    // Not `push`, which pdf.js's legacy build slows down process-wide (`pdfjs-glyphs.ts`).
    if (at === list.length) list[at] = word;
    else list.splice(at, 0, word);
    this.low = Math.min(this.low, b);
    this.high = Math.max(this.high, b);
    this.size++;
  }

  /** The words of band `b`, left to right (live: `take` removes from it). */
  words(b: number): readonly FrameWord[] {
    return this.bands.get(b) ?? [];
  }

  take(b: number, word: FrameWord): void {
    const list = this.bands.get(b)!;
    list.splice(list.indexOf(word), 1);
    this.size--;
  }

  /** Takes, left to right, every word of band `b` that `fits` when its turn comes; `took` sees each. */
  takeAll(b: number, fits: (w: FrameWord) => boolean, took: (w: FrameWord) => void): void {
    const list = this.bands.get(b);
    if (!list) return;
    for (let i = 0; i < list.length;) {
      const w = list[i]!;
      if (!fits(w)) {
        i++;
        continue;
      }
      list.splice(i, 1);
      this.size--;
      took(w);
    }
  }

  /** The seed: the leftmost first word of the topmost non-empty band and the bands after it. */
  seed(): { band: number; word: FrameWord } | undefined {
    while (this.low <= this.high && this.words(this.low).length === 0) this.low++;
    if (this.low > this.high) return undefined;
    let best = { band: this.low, word: this.words(this.low)[0]! };
    for (let b = this.low + 1; b < this.low + SEED_BANDS && b <= this.high; b++) {
      const first = this.words(b)[0];
      if (first && first.p0 < best.word.p0) best = { band: b, word: first };
    }
    return best;
  }
}
