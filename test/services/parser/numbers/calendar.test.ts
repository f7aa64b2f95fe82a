import { describe, expect, it } from 'vitest';
import { tokenizeNumbers } from '../../../../services/parser/numbers/index.ts';
import { kindsOf, tokenAt } from './token-helpers.ts';

describe('dates', () => {
  it.each([
    ['ngày 28/11/2016 của Chính phủ', '28/11/2016', { day: 28, month: 11, year: 2016 }],
    ['ngày 25/4/2006', '25/4/2006', { day: 25, month: 4, year: 2006 }],
    ['Ngày cập nhật 25/05/2020', '25/05/2020', { day: 25, month: 5, year: 2020 }],
    ['ĐẾN Ngày: 13.12.16', '13.12.16', { day: 13, month: 12, year: 2016 }],
    ['ký ngày 25.05.2020', '25.05.2020', { day: 25, month: 5, year: 2020 }],
    ['ký ngày 25-4-2006', '25-4-2006', { day: 25, month: 4, year: 2006 }],
    ['Quảng Ngạn, ngày 29 tháng 4 năm 2020', 'ngày 29 tháng 4 năm 2020', { day: 29, month: 4, year: 2020 }],
    ['Ngày 24 tháng 8 năm 2018 UBND xã đã ban hành', 'Ngày 24 tháng 8 năm 2018', { day: 24, month: 8, year: 2018 }],
    ['ngày 08 tháng 11 năm 2011 của Chính phủ', 'ngày 08 tháng 11 năm 2011', { day: 8, month: 11, year: 2011 }],
    ['vào 13 tháng 11 năm 2020', '13 tháng 11 năm 2020', { day: 13, month: 11, year: 2020 }],
    ['ngày 2 tháng 9', 'ngày 2 tháng 9', { day: 2, month: 9 }],
    ['Tính đến tháng 11/2016, toàn tỉnh có', 'tháng 11/2016', { month: 11, year: 2016 }],
    ['vào tháng 09/2020; cơ sở vật chất', 'tháng 09/2020', { month: 9, year: 2020 }],
    ['Thực hiện tháng 03/2023', 'tháng 03/2023', { month: 3, year: 2023 }],
    ['trong tháng 01/2021', 'tháng 01/2021', { month: 1, year: 2021 }],
    ['tháng 6 năm 2019', 'tháng 6 năm 2019', { month: 6, year: 2019 }],
    ['cuối tháng 11 hàng năm', 'tháng 11', { month: 11 }],
    ['ngày 20 và 21/11/2022', '20', { day: 20 }],
    ['năm2020 và ngày20/11/2014', '20/11/2014', { day: 20, month: 11, year: 2014 }],
  ])('%j → %s', (text, raw, date) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'date', date });
  });

  it.each([
    ['trong 6 tháng 2 đơn vị đã hoàn thành', ['quantity:6', 'quantity:2']],
    ['sau 3 tháng 6 xã đã triển khai', ['quantity:3', 'quantity:6']],
    ['báo cáo định kỳ 6 tháng', ['quantity:6']],
    ['31/13 không là ngày', ['ratio:31/13']],
    ['45/12/2020', ['code:45/12/2020']],
  ])('no date without a day/month reading: %j', (text, expected) => {
    expect(kindsOf(text)).toEqual(expected);
  });
});

describe('years', () => {
  it.each([
    ['cải cách hành chính năm 2016', '2016'],
    ['So với năm 2018, tỷ lệ đạt chuẩn', '2018'],
    ['đến năm 2020: 90%', '2020'],
    ['Năm 2022, Công tác cải cách hành chính', '2022'],
    ['NHIỆM VỤ CCHC TRONG NĂM 2017', '2017'],
    ['Hiến pháp năm 2013', '2013'],
    ['\t\tNăm 2015\tNăm 2016', '2015'],
  ])('%j → year %s', (text, raw) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'year', value: Number(raw), period: raw });
  });

  it('continues a year list after a year: năm 2018 và 2019, năm 2015, 2016', () => {
    expect(kindsOf('UBND xã năm 2018 và 2019 được khảo sát')).toEqual(['year:2018', 'year:2019']);
    expect(kindsOf('so với năm 2015, 2016 và 2017')).toEqual(['year:2015', 'year:2016', 'year:2017']);
  });

  it('does not read a small number after năm as a year', () => {
    expect(kindsOf('năm 2 của kế hoạch')).toEqual(['quantity:2']);
    expect(kindsOf('tổ chức sơ kết 05 năm triển khai')).toEqual(['quantity:05']);
  });
});

describe('year ranges', () => {
  it.each([
    ['giai đoạn 2011 - 2020', '2011 - 2020', 2011, 2020],
    ['giai đoạn 2014-2018, với 38 văn bản', '2014-2018', 2014, 2018],
    ['Kết quả thực hiện giai đoạn 2011 – 2020', '2011 – 2020', 2011, 2020],
    ['giai đoạn 2016–2020', '2016–2020', 2016, 2020],
    ['trong cơ quan hành chính giai đoạn 2021- 2025 đến', '2021- 2025', 2021, 2025],
    ['nhiệm kỳ 2021 - 2026. Căn cứ', '2021 - 2026', 2021, 2026],
    ['năm học 2016-2017 và một số nội dung', '2016-2017', 2016, 2017],
    ['Trong gian đoạn 2011-2020, UBND huyện', '2011-2020', 2011, 2020],
    ['**GIAI ĐOẠN 2021 - 2030**', '2021 - 2030', 2021, 2030],
  ])('%j → %s', (text, raw, from, to) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'year-range', from, to, period: `${from}..${to}` });
  });

  it('is never a subtraction or two counts, and only spans real years in order', () => {
    expect(kindsOf('2020 - 2011')).toEqual(['year:2020', 'year:2011']);
    expect(kindsOf('giảm 20 - 15 hồ sơ')).toEqual(['quantity:20', 'quantity:15']);
    expect(kindsOf('từ 1200 - 1500 hồ sơ')).toEqual(['quantity:1200', 'quantity:1500']);
  });
});

describe('periods', () => {
  it.each([
    ['phát sinh trong năm 2019 và quý I/2020).', 'quý I/2020', '2020-Q1'],
    ['báo cáo quý III/2021', 'quý III/2021', '2021-Q3'],
    ['trong quý I năm 2020', 'quý I năm 2020', '2020-Q1'],
    ['kết quả quý 2/2021', 'quý 2/2021', '2021-Q2'],
    ['quý 4 năm 2019', 'quý 4 năm 2019', '2019-Q4'],
    ['báo cáo 6 tháng đầu năm 2020', '6 tháng đầu năm 2020', '2020-H1'],
    ['báo cáo 06 tháng đầu năm 2020', '06 tháng đầu năm 2020', '2020-H1'],
    ['6 tháng cuối năm 2021', '6 tháng cuối năm 2021', '2021-H2'],
    ['9 tháng đầu năm 2020', '9 tháng đầu năm 2020', '2020-9M'],
    ['3 tháng đầu năm 2022', '3 tháng đầu năm 2022', '2022-Q1'],
    ['báo cáo 6 tháng năm 2020', '6 tháng năm 2020', '2020-H1'],
  ])('%j → %s (%s)', (text, raw, period) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'period', period });
  });

  it('keeps a period without a printed year, with no period string', () => {
    const [t] = tokenizeNumbers('kết quả 6 tháng đầu năm, tỉnh');
    expect(t).toMatchObject({ kind: 'period', raw: '6 tháng đầu năm' });
    expect(t?.period).toBeUndefined();
    expect(tokenizeNumbers('trong quý II, tỉnh')).toMatchObject([{ kind: 'period', raw: 'quý II' }]);
  });
});
