import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { pageGlyphs, type OperatorList, type PdfjsFont } from '../../../../services/parser/pdf/pdfjs-glyphs.ts';

// Operator lists written by hand, as pdf.js hands them over: showText takes glyphs
// ({unicode, width in thousandths of an em, isSpace}) and TJ numbers. The page is A4 with
// pdf.js's viewport transform at scale 1 (y flipped, origin top-left).
const PAGE = { width: 595, height: 842 };
const VIEWPORT = [1, 0, 0, -1, 0, 842];
const EMBEDDED: PdfjsFont = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], ascent: 0.891, descent: -0.216 };
const HELVETICA: PdfjsFont = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], ascent: 0.718, descent: -0.207, missingFile: true };
const fonts: Record<string, PdfjsFont> = { F1: EMBEDDED, F2: HELVETICA };

const g = (unicode: string, width = 500, isSpace = unicode === ' ') => ({ unicode, width, isSpace, vmetric: null });

function ops(...list: [number, unknown[] | null][]): OperatorList {
  return { fnArray: list.map(([fn]) => fn), argsArray: list.map(([, args]) => args) };
}

const glyphs = (list: OperatorList) => pageGlyphs(list, VIEWPORT, PAGE, (name) => fonts[name]);

describe('pageGlyphs', () => {
  it('places glyphs from the line start by their widths and the TJ numbers between them', () => {
    const out = glyphs(ops(
      [OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.moveText, [100, 700]],
      [OPS.showText, [[g('a'), -200, g('b', 250), g(' ', 250), g('c')]]],
    ));
    expect(out.map((x) => [x.text, x.p, x.advance, x.base, x.fontSize, x.rot])).toEqual([
      ['a', 100, 5, 142, 10, 0],
      // 2 pt moved right by the TJ number (200 thousandths of 10 pt).
      ['b', 107, 2.5, 142, 10, 0],
      [' ', 109.5, 2.5, 142, 10, 0],
      ['c', 112, 5, 142, 10, 0],
    ]);
  });

  it('adds character spacing, word spacing after a space code and horizontal scaling to the advance, not to the glyph', () => {
    const out = glyphs(ops(
      [OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.setCharSpacing, [1]], [OPS.setWordSpacing, [3]],
      [OPS.setHScale, [50]], [OPS.moveText, [100, 700]], [OPS.showText, [[g('a'), g(' ', 250), g('b')]]],
    ));
    // a: 5 pt × 50 % wide, then (5 + 1) × 0.5 on; the space: (2.5 + 1 + 3) × 0.5 on.
    expect(out.map((x) => [x.text, x.p, x.advance])).toEqual([['a', 100, 2.5], [' ', 103, 1.25], ['b', 106.25, 2.5]]);
  });

  it('follows Td, TD, T* and the text rise, and continues where the last showText ended', () => {
    const out = glyphs(ops(
      [OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.moveText, [100, 700]],
      [OPS.showText, [[g('a')]]], [OPS.showText, [[g('b')]]],
      [OPS.setLeadingMoveText, [0, -12]], [OPS.showText, [[g('c')]]],
      [OPS.nextLine, null], [OPS.setTextRise, [3]], [OPS.showText, [[g('d')]]],
    ));
    expect(out.map((x) => [x.text, x.p, x.base])).toEqual([['a', 100, 142], ['b', 105, 142], ['c', 100, 154], ['d', 100, 163]]);
  });

  it('applies the CTM and form matrices, and restores them with the graphics state', () => {
    const out = glyphs(ops(
      [OPS.save, null], [OPS.transform, [2, 0, 0, 2, 0, 0]],
      [OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.moveText, [50, 350]], [OPS.showText, [[g('a')]]], [OPS.endText, null],
      [OPS.restore, null],
      [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 10, 0], null]],
      [OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.moveText, [100, 700]], [OPS.showText, [[g('b')]]], [OPS.endText, null],
      [OPS.paintFormXObjectEnd, null],
      [OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.moveText, [100, 700]], [OPS.showText, [[g('c')]]],
    ));
    expect(out.map((x) => [x.text, x.p, x.advance, x.base, x.fontSize])).toEqual([
      ['a', 100, 10, 142, 20], ['b', 110, 5, 142, 10], ['c', 100, 5, 142, 10],
    ]);
  });

  it('gives text turned a quarter turn its rotation, in that rotation\'s frame', () => {
    // Reading downwards the page: text space x runs along page y (down).
    const out = glyphs(ops([OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.setTextMatrix, [[0, -1, 1, 0, 300, 500]]], [OPS.showText, [[g('a'), g('b')]]]));
    expect(out.map((x) => [x.text, x.rot, x.p, x.advance, x.base])).toEqual([['a', 1, 342, 5, -300], ['b', 1, 347, 5, -300]]);
  });

  it('takes the font from an ExtGState too, and its metrics when it is not embedded (else 0.95 and 0.35)', () => {
    const out = glyphs(ops(
      [OPS.beginText, null], [OPS.setGState, [[['Font', ['F2', 12]]]]], [OPS.moveText, [100, 700]], [OPS.showText, [[g('a')]]],
      [OPS.setFont, ['F1', 12]], [OPS.showText, [[g('b')]]],
    ));
    expect(out.map((x) => [x.text, x.fontSize, x.ascent, x.descent])).toEqual([['a', 12, 0.718, 0.207], ['b', 12, 0.95, 0.35]]);
  });

  it('drops glyphs drawn off the page', () => {
    const out = glyphs(ops([OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.moveText, [-100, 700]], [OPS.showText, [[g('a'), -19000, g('b')]]]));
    expect(out.map((x) => [x.text, x.p])).toEqual([['b', 95]]);
  });
});
