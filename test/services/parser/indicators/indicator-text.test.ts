import { describe, expect, it } from 'vitest';
import { findPhrase, toWords } from '../../../../services/parser/indicators/indicator-text.ts';

const rules = {
  abbreviations: { tthc: 'thủ tục hành chính', qppl: 'quy phạm pháp luật' },
  rewrites: [{ from: 'hồ sơ thủ tục hành chính', to: 'hồ sơ' }, { from: 'tỉ lệ', to: 'tỷ lệ' }],
};

describe('toWords', () => {
  it('lowercases, drops punctuation and puts tone marks in one place', () => {
    expect(toWords('Phản ánh, kiến nghị (PAKN); HUỶ BỎ, hoá', rules).exact).toEqual(['phản', 'ánh', 'kiến', 'nghị', 'pakn', 'hủy', 'bỏ', 'hóa']);
    // `hoàn`, `quý`: the mark stays where both conventions put it.
    expect(toWords('hoàn thành quý I', rules).exact).toEqual(['hoàn', 'thành', 'quý', 'i']);
  });

  it('expands abbreviations, then applies rewrites', () => {
    expect(toWords('Số lượng TTHC cấp xã', rules).exact).toEqual(['số', 'lượng', 'thủ', 'tục', 'hành', 'chính', 'cấp', 'xã']);
    expect(toWords('văn bản QPPL', rules).exact).toEqual(['văn', 'bản', 'quy', 'phạm', 'pháp', 'luật']);
    expect(toWords('Tỉ lệ hồ sơ TTHC đúng hạn', rules).exact).toEqual(['tỷ', 'lệ', 'hồ', 'sơ', 'đúng', 'hạn']);
  });

  it('normalises decomposed input (NFD) like composed', () => {
    expect(toWords('hồ sơ'.normalize('NFD'), rules).exact).toEqual(['hồ', 'sơ']);
  });

  it('keeps the folded form and marks words typed without diacritics', () => {
    const words = toWords('ho sơ', rules);
    expect(words.folded).toEqual(['ho', 'so']);
    expect(words.plain).toEqual([true, false]);
  });
});

describe('findPhrase', () => {
  it('finds a phrase, exactly before by folded form', () => {
    expect(findPhrase(toWords('đã giải quyết xong', rules), [['giải', 'quyết']], 0)).toEqual({ start: 1, end: 3, exact: true, taken: [1, 2] });
    expect(findPhrase(toWords('da giai quyet', rules), [['giải', 'quyết']], 0)).toMatchObject({ start: 1, exact: false });
  });

  it('never lets an accented word match a different accented word', () => {
    expect(findPhrase(toWords('hộ số', rules), [['hồ', 'sơ']], 0)).toBeUndefined();
    expect(findPhrase(toWords('hồ so', rules), [['hồ', 'sơ']], 0)).toMatchObject({ exact: false });
  });

  it('bridges a gap between segments, leaving the gap words out of `taken`', () => {
    const words = toWords('tỷ lệ hồ sơ cấp xã đúng hạn', rules);
    expect(findPhrase(words, [['tỷ', 'lệ'], ['đúng', 'hạn']], 4)).toEqual({ start: 0, end: 8, exact: true, taken: [0, 1, 6, 7] });
    expect(findPhrase(words, [['tỷ', 'lệ'], ['đúng', 'hạn']], 3)).toBeUndefined();
  });
});
