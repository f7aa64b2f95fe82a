import { describe, expect, it } from 'vitest';
import { foldDiacritics, vietnameseKey } from '../../../services/text/vietnamese-text.ts';
import { readPrintedName } from '../../../services/registry/printed-unit-name.ts';
import { foldKey, hasDiacritics, nameKey } from '../../../services/registry/unit-name-text.ts';
import { loadUnitRegistry } from '../../../services/registry/unit-registry.ts';

describe('unit name keys', () => {
  it('fold diacritics by table exactly as NFD-and-strip does, on every registry name', () => {
    const names = [...new Set(loadUnitRegistry().units.map((u) => u.name))];
    const texts = [...names, ...names.map((n) => n.toUpperCase()), 'Ủy ban'.normalize('NFD'), 'Đắk Lắk', 'ǅ Ǻ ṩ'];
    const reference = (t: string): string => t.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
    expect(texts.map(foldDiacritics)).toEqual(texts.map(reference));
    expect(nameKey('Thuỷ')).toBe(vietnameseKey('Thủy'));
  });

  it('make spelling variants equal', () => {
    expect(nameKey('Hoà Bình')).toBe(nameKey('HÒA BÌNH'));
    expect(nameKey("K' Dang")).toBe(nameKey('K’Dang'));
    expect(nameKey('Thừa Thiên - Huế')).toBe(nameKey('Thừa Thiên Huế'));
    expect(nameKey('Phan Rang-Tháp Chàm')).toBe('phan rang tháp chàm');
    expect(nameKey('Phường 05')).toBe('phường 5');
    expect(nameKey('Phường 10')).toBe('phường 10');
    expect(foldKey('Đắk Lắk')).toBe(foldKey('Đăk Lăk'));
    expect(hasDiacritics('Quang Ngan')).toBe(false);
    expect(hasDiacritics('Quảng Ngạn')).toBe(true);
  });
});

describe('printed unit names', () => {
  it('take the organ and the type word off', () => {
    expect(readPrintedName('UBND XÃ QUẢNG NGẠN')).toEqual({ key: 'quảng ngạn', folded: 'quang ngan', type: 'xã' });
    expect(readPrintedName('Ủy ban nhân dân thị xã Hương Trà')).toEqual({ key: 'hương trà', folded: 'huong tra', type: 'thị xã' });
    expect(readPrintedName('Hội đồng nhân dân thị trấn A Lưới')).toMatchObject({ key: 'a lưới', type: 'thị trấn' });
    expect(readPrintedName('TP. Hồ Chí Minh')).toMatchObject({ key: 'hồ chí minh', type: 'thành phố' });
    expect(readPrintedName('Tp Huế')).toMatchObject({ key: 'huế', type: 'thành phố' });
    expect(readPrintedName('Đặc khu Côn Đảo')).toMatchObject({ key: 'côn đảo', type: 'đặc khu' });
    expect(readPrintedName('A Lưới')).toEqual({ key: 'a lưới', folded: 'a luoi' });
  });

  it('read folded type words only in text without diacritics', () => {
    expect(readPrintedName('UBND huyen A Luoi')).toMatchObject({ key: 'a luoi', type: 'huyện' });
    // `Xà Phiên` is a name, not the type word `xã` in a folded spelling.
    expect(readPrintedName('Xà Phiên')).toEqual({ key: 'xà phiên', folded: 'xa phien' });
    expect(readPrintedName('Xanh')).toEqual({ key: 'xanh', folded: 'xanh' });
  });

  it('leave nothing for a bare organ or type word', () => {
    expect(readPrintedName('UBND huyện').key).toBe('');
    expect(readPrintedName('  xã ').key).toBe('');
    expect(readPrintedName('').key).toBe('');
  });
});
