import type { PlacedGlyph } from './pdfjs-glyphs.ts';
import type { Rotation } from './reading-frame.ts';

/**
 * Cuts a page's glyphs, in drawing order, into words the way pdftotext does, so that both
 * box sources give the layout the same words.
 *
 * A glyph joins the word being built when it continues it: it starts at most 0.1 font size
 * after the word's end and at most 0.2 before it (`WORD_GAP`, `WORD_OVERLAP`), on the
 * same baseline (within 0.5 pt), in the same size and rotation. Otherwise it starts a new
 * word. A space ends the word and is not part of any. Consequences worth knowing:
 *
 * - A word is what was drawn in one go. Letters a substitute font draws after the rest of
 *   the line are words of their own (`S` `Ở`), as are the pieces of the line around the
 *   gaps left for them; `line-text.ts` joins pieces that touch.
 * - A glyph drawn again on top of the one before (fake bold, shadows: within 0.1 font
 *   size along, 0.2 across) is a word of its own, and the glyph after it starts another;
 *   blocks drop such duplicates (`word-blocks.ts`).
 * - A combining mark drawn over the letter before it (its middle within 0.3 font size of
 *   the letter's, its baseline within 0.4) is part of that letter: decomposed diacritics
 *   stay in their word.
 *
 * A word's box runs from its first glyph's start to its last glyph's end along the line,
 * and across from its first glyph's font's ascent above the baseline to its descent below
 * (`pdfjs-glyphs.ts`, `fontMetrics`).
 */
export interface FrameWord {
  text: string;
  rot: Rotation;
  p0: number;
  p1: number;
  base: number;
  s0: number;
  s1: number;
  fontSize: number;
}

export const WORD_RULES = {
  gap: 0.1,
  overlap: 0.2,
  baseline: 0.5,
  duplicateAlong: 0.1,
  duplicateAcross: 0.2,
  markAlong: 0.3,
  markAcross: 0.4,
} as const;

const SPACE = /^\s+$/u;
const MARK = /^\p{M}+$/u;

interface Building {
  text: string;
  rot: Rotation;
  p0: number;
  p1: number;
  base: number;
  fontSize: number;
  ascent: number;
  descent: number;
  /** Start and end of the last glyph. */
  lastStart: number;
  lastEnd: number;
}

export function glyphWords(glyphs: PlacedGlyph[]): FrameWord[] {
  const words: FrameWord[] = [];
  let word: Building | undefined;
  let afterDuplicate = false;
  const finish = () => {
    if (word && word.text !== '') {
      const { text, rot, p0, p1, base, fontSize, ascent, descent } = word;
      // Not `push`, which pdf.js's legacy build slows down process-wide (`pdfjs-glyphs.ts`).
      words[words.length] = { text, rot, p0, p1, base, s0: base - ascent * fontSize, s1: base + descent * fontSize, fontSize };
    }
    word = undefined;
  };
  for (const g of glyphs) {
    const text = g.text.replace(/\0/g, '');
    if (SPACE.test(text)) {
      finish();
      continue;
    }
    if (text === '') continue;
    if (word && MARK.test(text) && overLastGlyph(word, g)) {
      word.text += text;
      continue;
    }
    let { p, advance } = g;
    if (word) {
      const fs = word.fontSize;
      const gap = p - word.p1;
      const duplicate = Math.abs(p - word.lastStart) < WORD_RULES.duplicateAlong * fs && Math.abs(g.base - word.base) < WORD_RULES.duplicateAcross * fs;
      const breaks = duplicate || afterDuplicate
        || gap < -WORD_RULES.overlap * fs || gap > WORD_RULES.gap * fs
        || Math.abs(g.base - word.base) > WORD_RULES.baseline
        || Math.abs(g.fontSize - fs) > 1e-6 * fs || g.rot !== word.rot;
      afterDuplicate = duplicate;
      if (breaks) finish();
    } else {
      afterDuplicate = false;
    }
    if (advance < 0) {
      // Drawn backwards (a mirroring matrix): a word of its own, its box the right way round.
      finish();
      p += advance;
      advance = -advance;
    }
    word ??= { text: '', rot: g.rot, p0: p, p1: p, base: g.base, fontSize: g.fontSize, ascent: g.ascent, descent: g.descent, lastStart: p, lastEnd: p };
    word.text += text;
    word.p1 = p + advance;
    word.lastStart = p;
    word.lastEnd = p + advance;
  }
  finish();
  return words;
}

function overLastGlyph(word: Building, g: PlacedGlyph): boolean {
  const fs = word.fontSize;
  const middle = g.p + g.advance / 2;
  const lastMiddle = (word.lastStart + word.lastEnd) / 2;
  return Math.abs(middle - lastMiddle) < WORD_RULES.markAlong * fs && Math.abs(g.base - word.base) < WORD_RULES.markAcross * fs;
}
