// Builds poppler bbox pages by hand, for layout tests that need exact geometry.
// Type is 12 pt Times-like: word boxes 14 pt high, 6 pt per character, a word space of
// 3.5 pt (0.25 of the box height), lines 12.5 pt apart inside a paragraph or a cell.
import type { BboxBlock, BboxLine, BboxPage, BboxWord } from '../../../../services/parser/pdf/bbox-page.ts';

export const BOX_HEIGHT = 14;
export const CHAR_WIDTH = 6;
export const SPACE = 3.5;
export const LINE_PITCH = 12.5;

export interface PlaceOptions {
  /** `x` is the text's left edge (default), right edge or centre. */
  align?: 'left' | 'right' | 'center';
  /** Gap between words, pt; default SPACE. */
  space?: number;
}

/** The words of `text` set on one line whose box top is `top`. */
export function place(text: string, x: number, top: number, opts: PlaceOptions = {}): BboxWord[] {
  const space = opts.space ?? SPACE;
  const parts = text.split(' ').filter((p) => p !== '');
  const width = parts.reduce((sum, p) => sum + p.length * CHAR_WIDTH, 0) + space * (parts.length - 1);
  let left = opts.align === 'right' ? x - width : opts.align === 'center' ? x - width / 2 : x;
  return parts.map((p) => {
    const w = { text: p, xMin: left, yMin: top, xMax: left + p.length * CHAR_WIDTH, yMax: top + BOX_HEIGHT };
    left = w.xMax + space;
    return w;
  });
}

export function bboxLine(...pieces: BboxWord[][]): BboxLine {
  const words = pieces.flat();
  return { ...boxOf(words), words };
}

export function bboxBlock(...lines: BboxLine[]): BboxBlock {
  return { ...boxOf(lines), lines };
}

export function bboxPage(...blocks: BboxBlock[]): BboxPage {
  return { width: 595, height: 842, blocks };
}

/** A block per line: the lines of a paragraph, `LINE_PITCH` apart, from `top`. */
export function paragraph(lines: string[], x: number, top: number): BboxBlock {
  return bboxBlock(...lines.map((l, i) => bboxLine(place(l, x, top + i * LINE_PITCH))));
}

function boxOf(items: { xMin: number; yMin: number; xMax: number; yMax: number }[]) {
  return {
    xMin: Math.min(...items.map((i) => i.xMin)),
    yMin: Math.min(...items.map((i) => i.yMin)),
    xMax: Math.max(...items.map((i) => i.xMax)),
    yMax: Math.max(...items.map((i) => i.yMax)),
  };
}
