import { describe, expect, it } from 'vitest';
import type { BboxBlock } from '../../../../services/parser/pdf/bbox-page.ts';
import type { FrameWord } from '../../../../services/parser/pdf/glyph-words.ts';
import { wordBlocks } from '../../../../services/parser/pdf/word-blocks.ts';

// Upright words, 10 pt unless said (so f = 10 pt), 5 pt per character.
function w(text: string, p0: number, base: number, fontSize = 10): FrameWord {
  return { text, rot: 0, p0, p1: p0 + text.length * fontSize / 2, base, s0: base - 0.95 * fontSize, s1: base + 0.35 * fontSize, fontSize };
}

/** Line after line, words laid out from `p0` with 3 pt spaces. */
function lines(texts: string[], p0: number, base: number, pitch: number, fontSize = 10): FrameWord[] {
  return texts.flatMap((line, i) => {
    let p = p0;
    return line.split(' ').map((t) => {
      const word = w(t, p, base + i * pitch, fontSize);
      p = word.p1 + 3;
      return word;
    });
  });
}

const shape = (blocks: BboxBlock[]) => blocks.map((b) => b.lines.map((l) => l.words.map((x) => x.text).join(' ')));

describe('wordBlocks', () => {
  it('makes a paragraph one block, and starts another past 1.5 font sizes of line spacing', () => {
    const words = [
      ...lines(['Ngoài ra, để đảm bảo', 'đồng bộ và mang lại', 'đồng phục vụ.'], 50, 100, 13),
      ...lines(['Đồng thời, để tiếp', 'chung tay thực hiện.'], 50, 100 + 2 * 13 + 18, 13),
    ];
    expect(shape(wordBlocks(words))).toEqual([
      ['Ngoài ra, để đảm bảo', 'đồng bộ và mang lại', 'đồng phục vụ.'],
      ['Đồng thời, để tiếp', 'chung tay thực hiện.'],
    ]);
  });

  it('keeps a heading in a larger size out of the paragraph under it', () => {
    const words = [...lines(['I. KẾT QUẢ'], 50, 100, 0, 12), ...lines(['Năm 2016, tỉnh', 'đã tiếp nhận'], 50, 114, 13)];
    expect(shape(wordBlocks(words))).toEqual([['I. KẾT QUẢ'], ['Năm 2016, tỉnh', 'đã tiếp nhận']]);
  });

  it('ends a line at a gap of 1.5 font sizes, and leaves a word more than a font size off a block out of it', () => {
    // 17 pt after `số`: a block of its own (a number in the next cell).
    expect(shape(wordBlocks([w('Tổng', 50, 100), w('số', 73, 100), w('22', 100, 100)]))).toEqual([['Tổng số'], ['22']]);
    // Under a wider line, it is in the block, but still a line of its own.
    const wide = [...lines(['Cán bộ, công chức đã'], 50, 87, 0), w('Tổng', 50, 100), w('số', 73, 100), w('22', 100, 100)];
    expect(shape(wordBlocks(wide))).toEqual([['Cán bộ, công chức đã', 'Tổng số', '22']]);
    // 9 pt after it: the same block and line.
    expect(shape(wordBlocks([w('Tổng', 50, 100), w('số', 73, 100), w('22', 92, 100)]))).toEqual([['Tổng số 22']]);
  });

  it('takes a superscript into its line, and a list marker just left of a block into it', () => {
    const words = [w('13/29', 100, 100), w('5', 125.5, 96, 6.5), w('-', 90, 100), w('đơn', 100, 113), w('vị', 118, 113)];
    expect(shape(wordBlocks(words))).toEqual([['- 13/29 5', 'đơn vị']]);
  });

  it('keeps a page number apart from the text above it', () => {
    const words = [...lines(['cuối trang'], 50, 700, 0), w('3', 290, 780)];
    expect(shape(wordBlocks(words))).toEqual([['cuối trang'], ['3']]);
  });

  it('drops a word drawn twice in place (fake bold)', () => {
    expect(shape(wordBlocks([w('BÁO', 50, 100), w('BÁO', 50.3, 100), w('CÁO', 70, 100)]))).toEqual([['BÁO CÁO']]);
  });

  it('gives boxes in page coordinates, word boxes to 0.01 pt, for text turned a quarter turn too', () => {
    const [upright] = wordBlocks([w('ab', 50.004, 100.006)]);
    expect(upright!.lines[0]!.words[0]).toEqual({ text: 'ab', xMin: 50, yMin: 90.51, xMax: 60, yMax: 103.51 });
    const turned = wordBlocks([{ ...w('ab', 300, -100), rot: 1 }]);
    expect(turned[0]!.lines[0]!.words[0]).toEqual({ text: 'ab', xMin: 96.5, yMin: 300, xMax: 109.5, yMax: 310 });
  });
});
