// Cutting a physical line into cell segments: gaps against the line's own word spaces.
import { describe, expect, it } from 'vitest';
import { segmentLine } from '../../../../services/parser/pdf/line-segments.ts';
import { buildTextLines } from '../../../../services/parser/pdf/text-lines.ts';
import type { BboxWord } from '../../../../services/parser/pdf/bbox-page.ts';
import { BOX_HEIGHT, bboxBlock, bboxLine, place } from './bbox-builder.ts';

function segments(...pieces: BboxWord[][]): string[] {
  const [line] = buildTextLines([bboxBlock(bboxLine(...pieces))]);
  return segmentLine(line!).map((s) => s.text);
}

/** Words one after another, each `gap` pt after the previous piece. */
function row(...parts: (string | number)[]): BboxWord[][] {
  const out: BboxWord[][] = [];
  let x = 90;
  let gap = 0;
  for (const p of parts) {
    if (typeof p === 'number') { gap = p; continue; }
    const words = place(p, x + gap, 100);
    out.push(words);
    x = words.at(-1)!.xMax;
    gap = 0;
  }
  return out;
}

describe('segmentLine', () => {
  const h = BOX_HEIGHT;

  it('keeps a justified line whole, however wide its equal spaces', () => {
    expect(segments(place('công tác cải cách hành chính năm 2016 với', 90, 100, { space: 0.45 * h }))).toEqual(['công tác cải cách hành chính năm 2016 với']);
  });

  it('cuts at a gap of 0.6 line heights or more', () => {
    expect(segments(...row('Năm', 0.62 * h, 'Năm', 0.62 * h, 'Năm'))).toEqual(['Năm', 'Năm', 'Năm']);
  });

  it('cuts a narrower gap that stands out against the line\'s word spaces', () => {
    // Spaces 0.25 h; the label ends 0.4 h before the number in the next cell (1.6 spaces).
    expect(segments(...row('hiểu CCHC (Có tổ chức', 0.4 * h, '0', 0.8 * h, '0'))).toEqual(['hiểu CCHC (Có tổ chức', '0', '0']);
  });

  it('cuts between two numbers 0.3 line heights apart', () => {
    expect(segments(...row('100%', 0.5 * h, '100%', 0.5 * h, '100%'))).toEqual(['100%', '100%', '100%']);
  });

  it('keeps glyph pieces of a substitute font in their word', () => {
    // `Ch` `ỉ` `tiêu`: poppler splits a word where the font changes; the pieces touch.
    const pieces = [...row('Ch', 0, 'ỉ', 3.5, 'tiêu')];
    expect(segments(...pieces)).toEqual(['Chỉ tiêu']);
  });
});
