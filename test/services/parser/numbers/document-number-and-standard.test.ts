import { describe, expect, it } from 'vitest';
import { kindsOf, tokenAt } from './token-helpers.ts';

describe('document numbers', () => {
  it.each([
    ['theo Nghị định 16/2015/NĐ-CP của Chính phủ', '16/2015/NĐ-CP'],
    ['Số: 17/BC-UBND', '17/BC-UBND'],
    ['Quyết định số 65/QĐ-UBND ngày', '65/QĐ-UBND'],
    ['Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011', '30c/NQ-CP'],
    ['Nghị quyết 30c/NQ-CP', '30c/NQ-CP'],
    ['Nghị quyết số 06-NQ/TU, ngày 27/6/2014', '06-NQ/TU'],
    ['Nghị quyết số 02-NQ/TU ngày 20/7/2016', '02-NQ/TU'],
    ['Công văn số 207/BNV-CCHC ngày 11/01/2012', '207/BNV-CCHC'],
    ['Kế hoạch số 82/KH-UBND ngày 25/12/2015', '82/KH-UBND'],
    ['Thông tư 05/2014/TT-BNV', '05/2014/TT-BNV'],
    ['Chỉ thị số 13/CT-TTg ngày 10/6/2015', '13/CT-TTg'],
    ['Chương trình hành động số 02/CTr-UBND', '02/CTr-UBND'],
    ['theo Quyết định 1105/QĐHC-CTUBND, ngày 05/11/2013', '1105/QĐHC-CTUBND'],
    ['Luật số 80/2015/QH13', '80/2015/QH13'],
    ['<a href="#">43/2011/NĐ-CP</a> ngày 13 tháng 6 năm 2011', '43/2011/NĐ-CP'],
    // by cue, without a code
    ['UBND huyện ban hành Kế hoạch số 23 ngày 26/01/2022', '23'],
    ['ban hành Kế hoạch\u00a0 số 23 ngày 26/01/2022', '23'],
    ['Nghị định số 118 ngày 23/12/2021 của Chính phủ', '118'],
    ['theo Công văn số 120  ngày 19/01/2022', '120'],
    ['hợp đồng theo Nghị định 68 là 119 trường hợp', '68'],
    ['theo Kế hoạch 191 ngày 15/12/2020', '191'],
    ['Quyết định số 8080 ngày 11/10/2021', '8080'],
    ['Báo cáo số 5 của UBND', '5'],
    ['Số: 106.80. Tỉnh hình thực hiện', '106.80'],
  ])('%j → %s', (text, raw) => {
    expect(tokenAt(text, raw).kind).toBe('document-number');
  });

  it('takes the whole citation and leaves the date that follows to the date reader', () => {
    expect(kindsOf('Nghị định số 108/2014/NĐ-CP ngày 20/11/2014 của Chính phủ')).toEqual([
      'document-number:108/2014/NĐ-CP', 'date:20/11/2014',
    ]);
    expect(kindsOf('Kế hoạch số 24 ngày 26/01/2022 về quản lý')).toEqual(['document-number:24', 'date:26/01/2022']);
  });

  it.each([
    ['đã rà soát tổng số 987 văn bản QPPL', 'quantity:987'],
    ['ban hành 90 Quyết định công bố', 'quantity:90'],
    ['đã ban hành 36/36 Quyết định của UBND', 'ratio:36/36'],
    ['theo Kế hoạch 2 đợt kiểm tra', 'quantity:2'],
    ['Văn bản 12 trang', 'quantity:12'],
  ])('counts near document words stay counts: %j', (text, expected) => {
    expect(kindsOf(text)).toEqual([expected]);
  });
});

describe('standards', () => {
  it.each([
    ['theo tiêu chuẩn ISO 9001:2008 vào hoạt động', 'ISO 9001:2008'],
    ['áp dụng ISO điện tử TCVN 9001:2015 ngày càng', 'TCVN 9001:2015'],
    ['Tiêu chuẩn quốc gia TCVN ISO 9001:2008, báo cáo', 'TCVN ISO 9001:2008'],
    ['ISO 9001: 2015 tại các cơ quan', 'ISO 9001: 2015'],
    ['theo Tiêu chuẩn ISO: 9001-2008 áp dụng', 'ISO: 9001-2008'],
    ['hệ thống ISO9001', 'ISO9001'],
    ['theo ISO 9001 hiện hành', 'ISO 9001'],
    ['ISO/IEC 27001:2013', 'ISO/IEC 27001:2013'],
  ])('%j → %s', (text, raw) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'standard' });
  });

  it('reads the bare second standard of a list', () => {
    expect(kindsOf('theo tiêu chuẩn TCVN ISO 9001:2008, 9001:2015 tại UBND xã')).toEqual([
      'standard:TCVN ISO 9001:2008', 'standard:9001:2015',
    ]);
    expect(kindsOf('chuyển đổi theo tiêu chuẩn ISO 9001: 2008 sang tiêu chuẩn ISO 9001:2015')).toEqual([
      'standard:ISO 9001: 2008', 'standard:ISO 9001:2015',
    ]);
  });

  it('gives the standard number as value and never reads its edition as a year range', () => {
    expect(tokenAt('ISO: 9001-2008', 'ISO: 9001-2008').value).toBe(9001);
  });
});
