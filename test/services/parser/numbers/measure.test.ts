import { describe, expect, it } from 'vitest';
import { tokenizeNumbers } from '../../../../services/parser/numbers/index.ts';
import { kindsOf, tokenAt } from './token-helpers.ts';

describe('quantities', () => {
  it.each([
    ['đã tiếp nhận 853.793 hồ sơ TTHC', '853.793', 853793, 0],
    ['sáp nhập 02 đơn vị', '02', 2, 0],
    ['hủy bỏ 09 nghị quyết', '09', 9, 0],
    ['Tổng số\t268763\tngười', '268763', 268763, 0],
    ['tăng 1,5 lần', '1,5', 1.5, 1],
    ['Mức độ hài lòng chung\t100\t93\t95,4', '95,4', 95.4, 1],
    ['có 1.234,5 ha', '1.234,5', 1234.5, 1],
    ['hết hạn 0,5 ngày', '0,5', 0.5, 1],
    ['Trong tuần: 8 340', '8 340', 8340, 0],
    ['Tháng hiện tại: 30 278', '30 278', 30278, 0],
    ['Tổng lượt truy cập: 1156252', '1156252', 1156252, 0],
    ['tăng 3.5 lần', '3.5', 3.5, 1],
  ])('%j → %s = %d', (text, raw, value, decimals) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'quantity', value, decimals });
  });

  it('ends a number at a comma followed by a space (a list comma, not a decimal)', () => {
    expect(kindsOf('thông tin là 14.055,  đạt 100%')).toEqual(['quantity:14.055', 'percent:100%']);
    expect(kindsOf('gồm 10 nghị quyết, 28 quyết định')).toEqual(['quantity:10', 'quantity:28']);
  });

  it('reads a comma list of integers as separate counts, not decimals', () => {
    expect(tokenizeNumbers('gồm 1,2,3 đơn vị').map((t) => [t.kind, t.value, t.decimals])).toEqual([
      ['quantity', 1, 0], ['quantity', 2, 0], ['quantity', 3, 0],
    ]);
    expect(kindsOf('tỷ lệ 1,25,3')).toEqual(['quantity:1', 'quantity:25', 'quantity:3']);
  });

  it.each([
    ['48,6 nghìn lượt truy cập', 48600, 'nghìn'],
    ['48,6 ngàn lượt truy cập', 48600, 'nghìn'],
    ['2 triệu lượt', 2000000, 'triệu'],
    ['1,2 tỷ lượt xem', 1200000000, 'tỷ'],
  ])('a scale word without đồng makes a scaled quantity: %j', (text, value, scale) => {
    const [t] = tokenizeNumbers(text);
    expect(t).toMatchObject({ kind: 'quantity', value, scale });
    expect(t?.currency).toBeUndefined();
  });

  it('does not read `tỷ lệ` (rate) as the scale tỷ', () => {
    expect(tokenizeNumbers('5 tỷ lệ khác nhau')).toMatchObject([{ kind: 'quantity', raw: '5', value: 5 }]);
  });

  it.each([
    ['4G', 'code:4G'],
    ['mạng 5G', 'code:5G'],
    ['in 3D', 'code:3D'],
    ['diện tích 100ha', 'quantity:100'],
    ['ổ cứng 4GB', 'quantity:4'],
  ])('digits with a glued tail: %j → %s', (text, expected) => {
    expect(kindsOf(text)).toEqual([expected]);
  });

  it('takes a bare four-digit year as a year unless a count noun follows or it fills a table cell', () => {
    expect(kindsOf('Hội nghị TK công tác CCHC 2022 Bắc Bình')).toEqual(['year:2022']);
    expect(kindsOf('đã tiếp nhận 2019 hồ sơ')).toEqual(['quantity:2019']);
    expect(kindsOf('Số hồ sơ\t2019\t2020')).toEqual(['quantity:2019', 'quantity:2020']);
    expect(kindsOf('có 2500 người')).toEqual(['quantity:2500']);
  });
});

describe('percents', () => {
  it.each([
    ['đạt tỷ lệ 89,39%', '89,39%', 89.39, 2],
    ['chiếm 3,45 % tổng số', '3,45 %', 3.45, 2],
    ['đạt 100%', '100%', 100, 0],
    ['tăng 6,5% so với năm 2018', '6,5%', 6.5, 1],
    ['tăng 0,12% và', '0,12%', 0.12, 2],
    ['đạt 5 phần trăm', '5 phần trăm', 5, 0],
    ['giảm -5% so với', '-5%', -5, 0],
    ['(-2,5%)', '-2,5%', -2.5, 1],
    ['tăng 3.5% so với', '3.5%', 3.5, 1],
  ])('%j → %s', (text, raw, value, decimals) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'percent', value, decimals });
  });

  it('keeps a hyphen between two percents as a range dash, not a sign', () => {
    expect(tokenizeNumbers('Rút ngắn từ 30% - 50% thời gian').map((t) => [t.kind, t.value])).toEqual([['percent', 30], ['percent', 50]]);
    expect(tokenizeNumbers('từ 30%-50%').map((t) => t.value)).toEqual([30, 50]);
  });

  it('reads percents in table cells one by one', () => {
    expect(kindsOf('dạng điện tử\t0\t0\t0\t40%\t70%\t100%')).toEqual([
      'quantity:0', 'quantity:0', 'quantity:0', 'percent:40%', 'percent:70%', 'percent:100%',
    ]);
  });
});

describe('money', () => {
  it.each([
    ['trên 15,08 tỷ đồng', '15,08 tỷ đồng', 15_080_000_000, 'tỷ', 2],
    ['chi thường xuyên 5,778 tỷ đồng', '5,778 tỷ đồng', 5_778_000_000, 'tỷ', 3],
    ['công tác phí,... 606 triệu đồng;', '606 triệu đồng', 606_000_000, 'triệu', 0],
    ['kinh phí là 1,88 tỷ đồng.', '1,88 tỷ đồng', 1_880_000_000, 'tỷ', 2],
    ['48,6 ngàn đồng', '48,6 ngàn đồng', 48_600, 'nghìn', 1],
    ['48,6 nghìn đồng', '48,6 nghìn đồng', 48_600, 'nghìn', 1],
    ['2 tỉ đồng', '2 tỉ đồng', 2_000_000_000, 'tỷ', 0],
    ['1,5 nghìn tỷ đồng', '1,5 nghìn tỷ đồng', 1_500_000_000_000, 'nghìn tỷ', 1],
    ['1 tỷ 200 triệu đồng', '1 tỷ 200 triệu đồng', 1_200_000_000, 'tỷ', 0],
    ['bố trí trên 1 tỷ đồng phục vụ các hoạt động', '1 tỷ đồng', 1_000_000_000, 'tỷ', 0],
    ['500 triệu VNĐ', '500 triệu VNĐ', 500_000_000, 'triệu', 0],
  ])('%j → %s = %d VND', (text, raw, value, scale, decimals) => {
    expect(tokenAt(text, raw)).toMatchObject({ kind: 'money', value, scale, decimals, currency: 'VND' });
  });

  it.each([
    ['lệ phí 1.200.000 đồng', '1.200.000 đồng'],
    ['lệ phí 1.200.000đ', '1.200.000đ'],
    ['lệ phí 1.200.000 VNĐ', '1.200.000 VNĐ'],
    ['lệ phí 1.200.000 VND', '1.200.000 VND'],
    ['lệ phí 1.200.000 đ/hồ sơ', '1.200.000 đ'],
  ])('an unscaled amount with its currency: %j', (text, raw) => {
    const t = tokenAt(text, raw);
    expect(t).toMatchObject({ kind: 'money', value: 1_200_000, decimals: 0, currency: 'VND' });
    expect(t.scale).toBeUndefined();
  });

  it('computes scaled amounts exactly (15,08 × 10⁹ is no floating product)', () => {
    expect(tokenAt('15,08 tỷ đồng', '15,08 tỷ đồng').value).toBe(15080000000);
    expect(tokenAt('0,3 tỷ đồng', '0,3 tỷ đồng').value).toBe(300000000);
  });

  it('reads a scale without đồng as money after a money word', () => {
    expect(tokenizeNumbers('tổng kinh phí 48,6 ngàn')).toMatchObject([{ kind: 'money', value: 48600, currency: 'VND', scale: 'nghìn' }]);
    expect(tokenizeNumbers('số tiền 3 tỷ')).toMatchObject([{ kind: 'money', value: 3e9 }]);
  });

  it.each([
    ['vận động 02 đồng chí nghỉ hưu'],
    ['02 đ/c được cử đi học'],
    ['có 5 đồng bộ thiết bị'],
  ])('%j is no money (đồng chí, đ/c, đồng bộ)', (text) => {
    expect(tokenizeNumbers(text).map((t) => t.kind)).toEqual(['quantity']);
  });
});
