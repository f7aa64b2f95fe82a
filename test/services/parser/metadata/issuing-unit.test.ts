import { describe, expect, it } from 'vitest';
import { detectReportMetadata } from '../../../../services/parser/metadata/index.ts';
import { expectSpansQuoteTheText, onePage, warningCodes } from './metadata-expect.ts';

function unitOf(text: string) {
  const pages = onePage(text);
  const meta = detectReportMetadata(pages);
  expectSpansQuoteTheText(meta, pages);
  return meta;
}

describe('issuing unit: letterheads', () => {
  it('reads an uppercase letterhead with diacritics across two lines', () => {
    const meta = unitOf([
      'ỦY BAN NHÂN DÂN', 'XÃ HÒA BÌNH', '', 'Số: 45/BC-UBND', '',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '',
      'Hòa Bình, ngày 15 tháng 7 năm 2021', '', 'BÁO CÁO', 'Kết quả công tác cải cách hành chính 6 tháng đầu năm 2021', '',
      'UBND xã báo cáo như sau: UBND xã đã tiếp nhận 120 hồ sơ; UBND xã tiếp tục chỉ đạo; trên địa bàn xã không có phản ánh.',
    ].join('\n'));
    expect(meta.unit).toMatchObject({ name: 'Hòa Bình', level: 'commune', confidence: 'high', sources: ['header', 'place-date'] });
    expect(meta.unit?.evidence.quote).toBe('ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH');
    // `CỘNG HÒA XÃ HỘI CHỦ NGHĨA` is the national motto, not a commune called "Hội".
    expect(meta.parentUnits).toBeUndefined();
    expect(meta.levelHint).toMatchObject({ level: 'commune' });
    expect(meta.warnings).toEqual([]);
  });

  it('reads `UBND XÃ` and `UỶ BAN NHÂN DÂN` (old tone placement) abbreviations alike', () => {
    expect(unitOf('UBND XÃ QUẢNG NGẠN\n\nBÁO CÁO\nCông tác CCHC năm 2020').unit).toMatchObject({ name: 'Quảng Ngạn', level: 'commune', sources: ['header'] });
    expect(unitOf('UỶ BAN NHÂN DÂN\nHUYỆN CÙ LAO DUNG\n\nBÁO CÁO\nCông tác CCHC năm 2020').unit).toMatchObject({ name: 'Cù Lao Dung', level: 'district' });
    expect(unitOf('Ủy ban nhân dân huyện Mỹ Tú\nSố: 12/BC-UBND\n\nBÁO CÁO\nCông tác CCHC năm 2020').unit).toMatchObject({ name: 'Mỹ Tú', level: 'district', sources: ['header'] });
  });

  it('takes the most local unit of a two-level letterhead; the other becomes the parent', () => {
    const meta = unitOf('UBND HUYỆN QUẢNG ĐIỀN\nUBND XÃ QUẢNG NGẠN\nSố: 17/BC-UBND\n\nBÁO CÁO\nCông tác CCHC quý I/2020\n');
    expect(meta.unit).toMatchObject({ name: 'Quảng Ngạn', level: 'commune' });
    expect(meta.parentUnits).toMatchObject([{ name: 'Quảng Điền', level: 'district', sources: ['header'] }]);
  });

  it('reads a PDF letterhead whose two columns were merged into one line', () => {
    const meta = unitOf([
      'ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'HUYỆN BẮC BÌNH Độc lập - Tự do - Hạnh phúc',
      'Số: 123/BC-UBND Bắc Bình, ngày 05 tháng 10 năm 2022',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính quý III năm 2022',
      'UBND huyện báo cáo như sau.',
    ].join('\n'));
    expect(meta.unit).toMatchObject({ name: 'Bắc Bình', level: 'district', sources: ['header', 'place-date'] });
    expect(meta.reportNumber?.value).toBe('123/BC-UBND');
    expect(meta.reportDate?.value).toBe('2022-10-05');
    expect(meta.title?.value).toBe('Kết quả thực hiện công tác cải cách hành chính quý III năm 2022');
    expect(meta.period?.value).toBe('2022-Q3');
  });

  it('reads a department letterhead (Sở) as its province', () => {
    expect(unitOf('SỞ NỘI VỤ TỈNH ĐẮK LẮK\n\nBÁO CÁO\nKết quả CCHC năm 2018').unit)
      .toMatchObject({ name: 'Đắk Lắk', level: 'province', sources: ['header-agency'] });
    expect(unitOf('UBND TỈNH ĐẮK LẮK\nSỞ NỘI VỤ\n\nBÁO CÁO\nKết quả CCHC năm 2018').unit)
      .toMatchObject({ name: 'Đắk Lắk', level: 'province', sources: ['header'] });
  });
});

describe('issuing unit: level words', () => {
  it.each([
    ['ỦY BAN NHÂN DÂN\nTHỊ TRẤN ĐẠI NGÃI', 'Đại Ngãi', 'commune'],
    ['UBND PHƯỜNG BẾN NGHÉ', 'Bến Nghé', 'commune'],
    ['ỦY BAN NHÂN DÂN PHƯỜNG 5', 'Phường 5', 'commune'],
    ['UBND QUẬN HẢI CHÂU', 'Hải Châu', 'district'],
    ['UBND THỊ XÃ NGÃ NĂM', 'Ngã Năm', 'district'],
    ['UBND HUYỆN BÀ RỊA - VŨNG TÀU', 'Bà Rịa - Vũng Tàu', 'district'],
    ['UBND TỈNH THỪA THIÊN HUẾ', 'Thừa Thiên Huế', 'province'],
    // A city under a province is a district; a centrally-governed city is a province.
    ['UBND THÀNH PHỐ SÓC TRĂNG', 'Sóc Trăng', 'district'],
    ['ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI', 'Hà Nội', 'province'],
    ['UBND THÀNH PHỐ CẦN THƠ', 'Cần Thơ', 'province'],
  ])('%j → %s (%s)', (header, name, level) => {
    expect(unitOf(`${header}\n\nBÁO CÁO\nKết quả CCHC năm 2019\n`).unit).toMatchObject({ name, level });
  });

  it('takes `thành phố X trực thuộc trung ương` / `thuộc tỉnh` at its word', () => {
    const central = unitOf('UBND THÀNH PHỐ HUẾ\n\nBÁO CÁO\nKết quả CCHC năm 2025\n\nThành phố Huế là thành phố trực thuộc trung ương.');
    expect(central.unit).toMatchObject({ name: 'Huế', level: 'province' });
    expect(warningCodes(central)).not.toContain('city-level-ambiguous');
    expect(unitOf('UBND THÀNH PHỐ HÀ TIÊN\n\nBÁO CÁO\nKết quả CCHC năm 2021\n\nThành phố Hà Tiên thuộc tỉnh Kiên Giang.').unit)
      .toMatchObject({ name: 'Hà Tiên', level: 'district' });
  });

  it('flags Huế, whose level changed on 1 January 2025', () => {
    const after = unitOf('UBND THÀNH PHỐ HUẾ\n\nBÁO CÁO\nKết quả CCHC năm 2025\n');
    expect(after.unit).toMatchObject({ name: 'Huế', level: 'province' });
    expect(warningCodes(after)).toContain('city-level-ambiguous');
    const before = unitOf('UBND THÀNH PHỐ HUẾ\n\nBÁO CÁO\nKết quả CCHC năm 2019\n\nTrên địa bàn tỉnh Thừa Thiên Huế, UBND tỉnh Thừa Thiên Huế chỉ đạo.');
    expect(before.unit).toMatchObject({ name: 'Huế', level: 'district' });
    expect(before.parentUnits).toMatchObject([{ name: 'Thừa Thiên Huế', level: 'province' }]);
  });

  it('reads `TP. Hồ Chí Minh` in a title', () => {
    expect(unitOf('Báo cáo tình hình CCHC năm 2020 của TP. Hồ Chí Minh\n\nNội dung.').unit)
      .toMatchObject({ name: 'Hồ Chí Minh', level: 'province', sources: ['title'] });
  });

  it('does not take common nouns for names: xã hội, Tỉnh ủy, Huyện Đoàn, Lao động - Thương binh và Xã hội', () => {
    const meta = unitOf([
      'Tình hình kinh tế - xã hội ổn định. Tỉnh ủy và Huyện Đoàn chỉ đạo Phòng Lao động - Thương binh và Xã hội.',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM. Xã Hội nghị.',
    ].join('\n'));
    expect(meta.unit).toBeUndefined();
    expect(meta.parentUnits).toBeUndefined();
    expect(warningCodes(meta)).toContain('unit-not-found');
  });
});

describe('issuing unit: no letterhead', () => {
  it('gives a level hint, not a unit, when the text never names itself', () => {
    const meta = unitOf('Ủy ban nhân dân huyện tổ chức đối thoại. UBND huyện đã chỉ đạo; toàn huyện có 12 phòng; trên địa bàn huyện, UBND các xã thực hiện.');
    expect(meta.unit).toBeUndefined();
    expect(meta.levelHint).toMatchObject({ level: 'district', mentions: 4, evidence: { quote: 'Ủy ban nhân dân huyện' } });
    expect(warningCodes(meta)).toContain('unit-level-only');
  });

  it('reports two equally named units as ambiguous rather than picking one', () => {
    const meta = unitOf([
      'UBND huyện Tân Lạc đã chỉ đạo. UBND huyện Lạc Sơn đã chỉ đạo.',
      'UBND huyện Tân Lạc tiếp tục. UBND huyện Lạc Sơn tiếp tục.',
      'UBND huyện đã họp; UBND huyện đã ban hành; toàn huyện thực hiện.',
    ].join('\n'));
    expect(meta.unit).toBeUndefined();
    expect(meta.levelHint?.level).toBe('district');
    expect(warningCodes(meta)).toContain('unit-ambiguous');
  });

  it('names the unit from the place-date line when only the level is otherwise known', () => {
    const meta = unitOf('Tân Lạc, ngày 10 tháng 01 năm 2021\n\nUBND huyện báo cáo kết quả CCHC năm 2020. UBND huyện đã chỉ đạo; toàn huyện thực hiện tốt.');
    expect(meta.unit).toMatchObject({ name: 'Tân Lạc', level: 'district', confidence: 'low', sources: ['place-date'] });
    expect(warningCodes(meta)).toContain('unit-from-place-date');
  });

  it('finds the letterhead on the first page with text, and the closing on a later page', () => {
    const pages = [
      { page: 1, text: '   \n' },
      { page: 2, text: 'UBND HUYỆN MỸ XUYÊN\n\nBÁO CÁO\nKết quả CCHC năm 2016\n\nNội dung báo cáo.' },
      { page: 3, text: 'Trên đây là báo cáo kết quả CCHC năm 2016 của huyện Mỹ Xuyên./.' },
    ];
    const meta = detectReportMetadata(pages);
    expect(meta.unit).toMatchObject({ name: 'Mỹ Xuyên', level: 'district', sources: ['header', 'closing'], evidence: { page: 2 } });
    expect(meta.period).toMatchObject({ value: '2016', zones: ['title', 'closing'] });
    expectSpansQuoteTheText(meta, pages);
  });
});
