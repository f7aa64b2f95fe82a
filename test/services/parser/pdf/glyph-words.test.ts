import { describe, expect, it } from 'vitest';
import { glyphWords } from '../../../../services/parser/pdf/glyph-words.ts';
import type { PlacedGlyph } from '../../../../services/parser/pdf/pdfjs-glyphs.ts';

// Glyphs in drawing order, upright, 10 pt (so 0.1 font size is 1 pt), 5 pt wide unless said.
const at = (text: string, p: number, extra: Partial<PlacedGlyph> = {}): PlacedGlyph =>
  ({ text, rot: 0, p, advance: 5, base: 100, fontSize: 10, ascent: 0.95, descent: 0.35, ...extra });
const texts = (glyphs: PlacedGlyph[]) => glyphWords(glyphs).map((w) => w.text);

describe('glyphWords', () => {
  it('joins glyphs that follow each other, and ends a word at a space, which belongs to no word', () => {
    expect(texts([at('a', 0), at('b', 5), at('c', 10.9), at(' ', 15.9), at('d', 19)])).toEqual(['abc', 'd']);
  });

  it('starts a new word after a gap of more than 0.1 font size, or a step back of more than 0.2', () => {
    expect(texts([at('a', 0), at('b', 6.1)])).toEqual(['a', 'b']);
    expect(texts([at('a', 0), at('b', 3.1)])).toEqual(['ab']);
    expect(texts([at('a', 0), at('b', 2.9)])).toEqual(['a', 'b']);
  });

  it('keeps letters a substitute font draws after the line as words of their own, where they are printed', () => {
    // `S`, a gap for `Ở`, `N`; then the substitute font draws `Ở` back in the gap.
    const words = glyphWords([at('S', 0), at('N', 10), at('Ở', 5, { fontSize: 10 })]);
    expect(words.map((w) => [w.text, w.p0, w.p1])).toEqual([['S', 0, 5], ['N', 10, 15], ['Ở', 5, 10]]);
  });

  it('starts a new word on another baseline (over 0.5 pt), size or rotation', () => {
    expect(texts([at('a', 0), at('b', 5, { base: 100.6 })])).toEqual(['a', 'b']);
    expect(texts([at('a', 0), at('b', 5, { base: 100.4 })])).toEqual(['ab']);
    expect(texts([at('a', 0), at('b', 5, { fontSize: 9 })])).toEqual(['a', 'b']);
    expect(texts([at('a', 0), at('b', 5, { rot: 1 })])).toEqual(['a', 'b']);
  });

  it('keeps a combining mark drawn over its letter in the word', () => {
    expect(texts([at('o', 0), at('\u0301', 1, { advance: 3 }), at('c', 5)])).toEqual(['ó'.normalize('NFD') + 'c']);
  });

  it('puts a glyph drawn twice in place in a word of its own; the glyph after it starts another', () => {
    expect(texts([at('a', 0), at('a', 0.3), at('b', 5.3), at('c', 10.3)])).toEqual(['a', 'a', 'bc']);
  });

  it('boxes a word from its first glyph to the end of its last, from the ascent above the baseline to the descent below', () => {
    expect(glyphWords([at('a', 0), at('b', 5, { advance: 4 })])).toEqual([{ text: 'ab', rot: 0, p0: 0, p1: 9, base: 100, s0: 90.5, s1: 103.5, fontSize: 10 }]);
  });

  it('turns a glyph drawn backwards the right way round, in a word of its own', () => {
    expect(glyphWords([at('a', 0), at('b', 20, { advance: -5 })]).map((w) => [w.text, w.p0, w.p1])).toEqual([['a', 0, 5], ['b', 15, 20]]);
  });
});
