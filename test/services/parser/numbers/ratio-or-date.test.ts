import { describe, expect, it } from 'vitest';
import { tokenizeNumbers } from '../../../../services/parser/numbers/index.ts';
import { kindsOf, tokenAt } from './token-helpers.ts';

describe('a/b: ratio or date', () => {
  it.each([
    // rule 1: not a day/month, or thousands dots → ratio
    ['Kết quả có 845.938/846.314 hồ sơ đã được giải quyết', '845.938/846.314', 845938, 846314],
    ['thực hiện có hiệu quả 32/38 phần việc', '32/38', 32, 38],
    ['Đã giải quyết: 18.642/21.196 hồ sơ', '18.642/21.196', 18642, 21196],
    ['ban hành 9.400/9.400 văn bản điện tử', '9.400/9.400', 9400, 9400],
    ['theo thẩm quyền đối với 138/138 (100%) văn bản', '138/138', 138, 138],
    ['có 13/29⁵ đơn vị hành chính', '13/29', 13, 29],
    ['có 60/109 xã, phường', '60/109', 60, 109],
    // rule 3: a count noun after it → ratio, even with a preposition of time before
    ['Toàn huyện có 12/12 cơ quan chuyên môn', '12/12', 12, 12],
    ['và 18/18 xã, thị trấn', '18/18', 18, 18],
    ['giải quyết 44/44 ý kiến phản ánh', '44/44', 44, 44],
    ['đạt 3/4 tiêu chí', '3/4', 3, 4],
    ['kiểm tra tại 12/12⁴ đơn vị sở ngành', '12/12', 12, 12],
    ['triển khai đến 12/12 xã', '12/12', 12, 12],
    ['cấp cho 23/23 cán bộ, công chức', '23/23', 23, 23],
    ['tại 06/06 UBND cấp huyện', '06/06', 6, 6],
    ['hoàn thành 11/11 huyện', '11/11', 11, 11],
    ['cử 04/43 CCVC đào tạo', '04/43', 4, 43],
    // rule 7: nothing says date → ratio
    ['triển khai và hoàn thành 25/25 đạt tỷ lệ 100%', '25/25', 25, 25],
    ['còn 18/18) để tổ chức', '18/18', 18, 18],
    // spoken ratio
    ['có 13 trên 29 đơn vị', '13 trên 29', 13, 29],
  ])('%j → ratio %s', (text, raw, numerator, denominator) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'ratio', numerator, denominator });
  });

  it.each([
    // rule 2: ngày (and the like) before → date
    ['ngày 31/3', '31/3', { day: 31, month: 3 }],
    ['đến ngày 31/3', '31/3', { day: 31, month: 3 }],
    ['ngày 12/12', '12/12', { day: 12, month: 12 }],
    ['Ngày: 5/6', '5/6', { day: 5, month: 6 }],
    ['sáng 12/12 tại hội trường', '12/12', { day: 12, month: 12 }],
    // rule 4: a preposition of time and no count noun → date
    ['Năm 2020 (Tính đến 31/3)', '31/3', { day: 31, month: 3 }],
    ['đến 31/12', '31/12', { day: 31, month: 12 }],
    ['xây dựng kế hoạch trước 30/12 của năm trước', '30/12', { day: 30, month: 12 }],
    ['từ 1/7 sẽ áp dụng', '1/7', { day: 1, month: 7 }],
    // rule 5: a year follows → date, taking the year in
    ['báo cáo 30/6 năm 2020', '30/6 năm 2020', { day: 30, month: 6, year: 2020 }],
    ['họp 2/9 hàng năm', '2/9', { day: 2, month: 9 }],
    // rule 6: first side larger than the second → date
    ['số liệu 31/3 đã tổng hợp', '31/3', { day: 31, month: 3 }],
    // month/year
    ['số liệu 11/2016 cho thấy', '11/2016', { month: 11, year: 2016 }],
  ])('%j → date %s', (text, raw, date) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'date', date });
  });

  it('keeps the superscript out of the ratio: 13/29⁵ is 13/29 and footnote 5', () => {
    expect(tokenizeNumbers('có 13/29⁵ đơn vị')).toMatchObject([
      { kind: 'ratio', raw: '13/29', numerator: 13, denominator: 29 },
      { kind: 'footnote', raw: '⁵', value: 5 },
    ]);
  });

  it('reads a month/year followed by a count noun as a ratio', () => {
    expect(tokenAt('đạt 5/2020 hồ sơ', '5/2020')).toMatchObject({ kind: 'ratio', numerator: 5, denominator: 2020 });
  });

  it('does not read a spoken "a trên b" with a > b as a ratio (trên is then a qualifier)', () => {
    expect(kindsOf('tăng 30 trên 20 chỉ tiêu')).toEqual(['quantity:30', 'quantity:20']);
    expect(tokenizeNumbers('tăng 30 trên 20 chỉ tiêu')[1]?.qualifier).toBe('above');
  });
});
