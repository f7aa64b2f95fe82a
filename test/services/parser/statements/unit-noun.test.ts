import { describe, expect, it } from 'vitest';
import { readUnitNoun } from '../../../../services/parser/statements/unit-noun.ts';

const after = (text: string, number: string) => readUnitNoun(text, text.indexOf(number) + number.length)?.noun;

describe('readUnitNoun', () => {
  it.each([
    ['UBND huyện ban hành 04 văn bản quy phạm pháp luật về quy định', '04', 'văn bản quy phạm pháp luật'],
    ['ban hành 73 văn bản QPPL, trong đó', '73', 'văn bản QPPL'],
    ['đã giải quyết 14.322 hồ sơ. Trong đó', '14.322', 'hồ sơ'],
    ['có 02 đơn vị xếp loại tốt', '02', 'đơn vị'],
    ['tiếp nhận 44/44 ý kiến phản ánh, kiến nghị', '44/44', 'ý kiến phản ánh, kiến nghị'],
    ['đối với 37 thủ tục mới ban hành', '37', 'thủ tục'],
    ['có 54 nghị quyết của cấp xã', '54', 'nghị quyết'],
    ['với 80 dịch vụ công mức độ 3', '80', 'dịch vụ công'],
    ['nâng tổng số hiện nay có 445 thủ tục hành chính được cập nhật', '445', 'thủ tục hành chính'],
    ['giải quyết 54.599 hồ sơ (cấp huyện 10.289 hồ sơ', '54.599', 'hồ sơ'],
    ['18/18 xã, thị trấn', '18/18', 'xã, thị trấn'],
    ['13 cán bộ, công chức đạt chuẩn', '13', 'cán bộ, công chức'],
    ['tổng số 25 người và 3 hợp đồng', '25', 'người'],
  ])('%s', (text, number, noun) => {
    expect(after(text, number)).toBe(noun);
  });

  it('finds nothing when punctuation or a clause word follows', () => {
    expect(after('đạt 89,39%, tăng', '89,39%')).toBeUndefined();
    expect(after('năm 2016 và 2017', '2016')).toBeUndefined();
  });

  it('returns the span of the noun', () => {
    const text = 'có 73 văn bản QPPL.';
    const found = readUnitNoun(text, 5)!;
    expect(text.slice(found.start, found.end)).toBe('văn bản QPPL');
  });
});
