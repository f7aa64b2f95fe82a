import { describe, expect, it } from 'vitest';
import { tokenizeNumbers } from '../../../../services/parser/numbers/index.ts';

function qualified(text: string) {
  const token = tokenizeNumbers(text).find((t) => ['quantity', 'percent', 'money', 'ratio'].includes(t.kind));
  if (!token) throw new Error(`no figure in ${text}`);
  const span = token.qualifierSpan ? text.slice(token.qualifierSpan.start, token.qualifierSpan.end) : undefined;
  return { raw: token.raw, qualifier: token.qualifier, words: span };
}

describe('qualifiers', () => {
  it.each([
    ['tổng số tiền tiết kiệm được trên 15,08 tỷ đồng', '15,08 tỷ đồng', 'above', 'trên'],
    ['cử hơn 2.300 lượt CBCCVC', '2.300', 'above', 'hơn'],
    ['nhiều hơn 200 hồ sơ', '200', 'above', 'nhiều hơn'],
    ['đạt gần 100%', '100%', 'approx', 'gần'],
    ['với khoảng 455 lượt người', '455', 'approx', 'khoảng'],
    ['xấp xỉ 30%', '30%', 'approx', 'xấp xỉ'],
    ['trên dưới 50 người', '50', 'approx', 'trên dưới'],
    ['ước tính 1,2 tỷ đồng', '1,2 tỷ đồng', 'approx', 'ước tính'],
    ['Tối thiểu 30% dịch vụ công', '30%', 'at-least', 'Tối thiểu'],
    ['ít nhất 3 cuộc', '3', 'at-least', 'ít nhất'],
    ['không dưới 10 người', '10', 'at-least', 'không dưới'],
    ['đạt từ 20% trở lên', '20%', 'at-least', 'trở lên'],
    ['Thực hiện cắt giảm 20% trở lên thời gian', '20%', 'at-least', 'trở lên'],
    ['từ 50 tuổi trở xuống', '50', undefined, undefined],
    ['có 5 người trở xuống', '5', undefined, undefined],
    ['từ 5 trở xuống', '5', 'at-most', 'trở xuống'],
    ['trẻ em dưới 6 tuổi', '6', 'below', 'dưới'],
    ['dưới 5%', '5%', 'below', 'dưới'],
    ['chưa đến 10 ngày', '10', 'below', 'chưa đến'],
    ['tối đa 10 ngày', '10', 'at-most', 'tối đa'],
    ['không quá 10 ngày', '10', 'at-most', 'không quá'],
    ['không vượt quá 5%', '5%', 'at-most', 'không vượt quá'],
    ['Trên 90% hồ sơ', '90%', 'above', 'Trên'],
    ['trên 18/20 xã', '18/20', 'above', 'trên'],
  ])('%j → %s %s', (text, raw, qualifier, words) => {
    expect(qualified(text)).toEqual({ raw, qualifier, words });
  });

  it('takes the nearer of two qualifiers: khoảng trên 720 lượt → above', () => {
    expect(qualified('với khoảng trên 720 lượt')).toEqual({ raw: '720', qualifier: 'above', words: 'trên' });
  });

  it.each([
    ['cao hơn 5% so với năm trước'],
    ['thấp hơn 3 điểm'],
    ['nhanh hơn 2 ngày'],
    ['đạt 100%'],
    ['hơn nữa, 5 xã'],
    ['được 5 xã'],
  ])('no qualifier: %j', (text) => {
    expect(qualified(text).qualifier).toBeUndefined();
  });

  it('never qualifies dates, years or document numbers', () => {
    const tokens = tokenizeNumbers('trước 30/12, trên năm 2020, gần Quyết định số 12');
    expect(tokens.map((t) => [t.kind, t.qualifier])).toEqual([['date', undefined], ['year', undefined], ['document-number', undefined]]);
  });
});
