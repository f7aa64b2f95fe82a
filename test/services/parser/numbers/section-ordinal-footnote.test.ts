import { describe, expect, it } from 'vitest';
import { tokenizeNumbers } from '../../../../services/parser/numbers/index.ts';
import { kindsOf, tokenAt } from './token-helpers.ts';

describe('section numbers', () => {
  it.each([
    ['1.1. Kết quả chủ yếu đã đạt được', 'section-number:1.1.'],
    ['1.2. Những tồn tại, hạn chế và nguyên nhân.', 'section-number:1.2.'],
    ['2.3 Kết quả', 'section-number:2.3'],
    ['  1. Cải cách thể chế', 'section-number:1.'],
    ['#### **1. Công tác chỉ đạo, điều hành**', 'section-number:1.'],
    ['### **2.1. Kết quả đạt được**', 'section-number:2.1.'],
    ['**3.1. Kết quả chủ yếu đã đạt được**', 'section-number:3.1.'],
    ['1) Về thể chế', 'section-number:1)'],
    ['2.\tSố công chức được tuyển dụng', 'section-number:2.'],
    ['1\tSố lượng văn bản chỉ đạo, điều hành', 'section-number:1'],
    ['I. CÔNG TÁC CHỈ ĐẠO', 'section-number:I.'],
    ['II. ĐÁNH GIÁ CHUNG', 'section-number:II.'],
    ['### **I. TÌNH HÌNH TRIỂN KHAI**', 'section-number:I.'],
    ['a) Về tình hình triển khai', 'section-number:a)'],
    ['##### **b) Về xây dựng**', 'section-number:b)'],
    ['đ) Về tình hình', 'section-number:đ)'],
    ['c. Tổ chức thực hiện', 'section-number:c.'],
  ])('%j → %s', (text, expected) => {
    expect(kindsOf(text)[0]).toBe(expected);
  });

  it('marks a heading only at a line start', () => {
    expect(kindsOf('kết quả\n1.1. Kết quả chủ yếu')).toEqual(['section-number:1.1.']);
    expect(kindsOf('tăng 2.3 lần')).toEqual(['quantity:2.3']);
    expect(kindsOf('theo mục 1.2.3')).toEqual(['ordinal:mục 1.2.3']);
    expect(kindsOf('xem 1.2.3 ở trên')).toEqual(['section-number:1.2.3']);
  });

  it.each([
    ['1.313 hồ sơ được tiếp nhận', 'quantity:1.313'],
    ['12 xã đã hoàn thành', 'quantity:12'],
    ['- 1.313 hồ sơ', 'quantity:1.313'],
    ['3.5% hồ sơ trễ hạn', 'percent:3.5%'],
    ['2022 là năm', 'year:2022'],
    ['25.05.2020 ngày cập nhật', 'date:25.05.2020'],
    ['100\t93\t95,4', 'quantity:100'],
  ])('a number opening a line is no heading: %j → %s', (text, expected) => {
    expect(kindsOf(text)[0]).toBe(expected);
  });

  it('reads a parenthesised number before a capitalised title as a list marker', () => {
    expect(kindsOf('gồm: (1) Cải cách thể chế; (2) Cải cách TTHC')).toEqual(['section-number:(1)', 'section-number:(2)']);
    expect(kindsOf('đạt 100% (3) xã')).toEqual(['percent:100%', 'quantity:3']);
  });
});

describe('ordinals', () => {
  it.each([
    ['tỉnh Sóc Trăng xếp hạng thứ 27, tăng 06 bậc', 'thứ 27', 27],
    ['thông qua tại kỳ họp thứ 10.', 'thứ 10', 10],
    ['tổ chức lần thứ 3', 'lần thứ 3', 3],
    ['(chi tiết theo Phụ lục 1 đính kèm)', 'Phụ lục 1', 1],
    ['**Phụ lục 6**', 'Phụ lục 6', 6],
    ['theo Điều 4 của Luật', 'Điều 4', 4],
    ['khoản 2 Điều 5', 'khoản 2', 2],
    ['trang 3 của báo cáo', 'trang 3', 3],
    ['nâng cấp Bộ phận một cửa giai đoạn 02 là 11 xã', 'giai đoạn 02', 2],
    ['xã Quảng Ngạn là xã loại 1 tổng số biên chế', 'loại 1', 1],
    ['Chương 2', 'Chương 2', 2],
    ['Phần thứ 2', 'Phần thứ 2', 2],
    ['### **Phần thứ I**', 'Phần thứ I', 1],
    ['Chương II', 'Chương II', 2],
    ['Phụ lục IV', 'Phụ lục IV', 4],
    ['Bầu cử ĐBQH khóa XIV', 'khóa XIV', 14],
    ['Quốc hội khoá XIII thông qua', 'khoá XIII', 13],
  ])('%j → %s', (text, raw, value) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'ordinal', value });
  });

  it.each([
    ['báo cáo định kỳ 6 tháng', ['quantity:6']],
    ['danh mục 12 thủ tục', ['quantity:12']],
    ['đăng trên trang 25 tin bài', ['quantity:25']],
    ['qua 06 đợt trình Bộ Nội vụ', ['quantity:06']],
    ['tăng 06 bậc so với năm 2014', ['quantity:06', 'year:2014']],
    ['phần lớn 5 xã', ['quantity:5']],
  ])('everyday uses of cue words stay counts: %j', (text, expected) => {
    expect(kindsOf(text)).toEqual(expected);
  });
});

describe('footnote markers', () => {
  it('splits superscripts from the number they follow', () => {
    expect(kindsOf('có 13/29⁵ đơn vị')).toEqual(['ratio:13/29', 'footnote:⁵']);
    expect(kindsOf('Toàn tỉnh có 43/43⁸ cơ quan')).toEqual(['ratio:43/43', 'footnote:⁸']);
    expect(kindsOf('tại 27/29⁷ sở, ban ngành')).toEqual(['ratio:27/29', 'footnote:⁷']);
    expect(kindsOf('đạt 85%¹²')).toEqual(['percent:85%', 'footnote:¹²']);
  });

  it('reads markers after words and at the start of the footnote text', () => {
    expect(tokenizeNumbers('10 sở, ngành và UBND cấp huyện¹. Nội dung')).toMatchObject([
      { kind: 'quantity', raw: '10' },
      { kind: 'footnote', raw: '¹', value: 1 },
    ]);
    expect(tokenizeNumbers('⁴ Thanh tra 05 đơn vị')).toMatchObject([
      { kind: 'footnote', value: 4 },
      { kind: 'quantity', raw: '05', value: 5 },
    ]);
  });

  it.each([['⁰', 0], ['¹', 1], ['²', 2], ['³', 3], ['⁴', 4], ['⁵', 5], ['⁶', 6], ['⁷', 7], ['⁸', 8], ['⁹', 9], ['¹⁰', 10]])(
    'reads %s as %d',
    (mark, value) => {
      expect(tokenizeNumbers(`huyện${mark}`)).toMatchObject([{ kind: 'footnote', raw: mark, value }]);
    },
  );
});

describe('codes', () => {
  it.each([
    ['Đăng nhập\nipv6 ready', 'code:ipv6'],
    ['dịch Covid-19 kéo dài', 'code:Covid-19'],
    ['cúm H1N1', 'code:H1N1'],
    ['F0 tại nhà', 'code:F0'],
  ])('%j → %s', (text, expected) => {
    expect(kindsOf(text)).toEqual([expected]);
  });

  it('reads a cue or Vietnamese word glued to digits as a typing slip, not a code', () => {
    expect(kindsOf('trong năm2020 có12 xã')).toEqual(['year:2020', 'quantity:12']);
    expect(kindsOf('tháng01/2021')).toEqual(['date:tháng01/2021']);
  });
});
