import { describe, expect, it } from 'vitest';
import { tokenizeNumbers } from '../../../../services/parser/numbers/index.ts';
import { kindsOf } from './token-helpers.ts';

describe('level lists (mức độ, cấp độ)', () => {
  it.each([
    ['cung cấp dịch vụ công trực tuyến mức độ 3, 4.', 'mức độ 3, 4', [3, 4]],
    ['trên Cổng thông tin điện tử của tỉnh ở mức độ 1,2, đạt tỷ lệ 100%', 'mức độ 1,2', [1, 2]],
    ['thực hiện các TTHC mức độ 3 và 4.', 'mức độ 3 và 4', [3, 4]],
    ['dịch vụ công trực tuyến mức độ 3, mức độ 4, áp dung', 'mức độ 3, mức độ 4', [3, 4]],
    ['dịch vụ công trực tuyến mức độ 3,4 đối với', 'mức độ 3,4', [3, 4]],
    ['dịch vụ công trực tuyến mức độ 4', 'mức độ 4', [4]],
    ['Mức độ 2 hoặc 3', 'Mức độ 2 hoặc 3', [2, 3]],
    ['hệ thống thông tin cấp độ 2', 'cấp độ 2', [2]],
    ['mức độ3 (thiếu dấu cách)', 'mức độ3', [3]],
  ])('%j → %s', (text, raw, levels) => {
    const lists = tokenizeNumbers(text).filter((t) => t.kind === 'level-list');
    expect(lists).toMatchObject([{ raw, levels }]);
  });

  it('never reads mức độ 1,2 as the decimal 1.2', () => {
    expect(tokenizeNumbers('ở mức độ 1,2')).toMatchObject([{ kind: 'level-list', levels: [1, 2] }]);
    expect(tokenizeNumbers('ở mức độ 1,2').some((t) => t.value === 1.2)).toBe(false);
  });

  it.each([
    ['dịch vụ công trực tuyến mức độ 4 là 140 hồ sơ', ['level-list:mức độ 4', 'quantity:140']],
    ['thủ tục hành chính mức độ 2 là 230 thủ tục; mức độ 3 là  39 thủ tục', ['level-list:mức độ 2', 'quantity:230', 'level-list:mức độ 3', 'quantity:39']],
    ['30 TTHC ở mức độ 3 và 54 TTHC ở mức độ 4', ['quantity:30', 'level-list:mức độ 3', 'quantity:54', 'level-list:mức độ 4']],
    ['80 dịch vụ công mức độ 3', ['quantity:80', 'level-list:mức độ 3']],
    ['trong đó 102 thủ tục cung cấp mức độ 2, 101 thủ tục mức độ 3', ['quantity:102', 'level-list:mức độ 2', 'quantity:101', 'level-list:mức độ 3']],
    ['mức độ 3, 4 thủ tục mức độ 4', ['level-list:mức độ 3', 'quantity:4', 'level-list:mức độ 4']],
    ['trực tuyến mức độ 3, 4\t\t\t\t\t25\t25', ['level-list:mức độ 3, 4', 'quantity:25', 'quantity:25']],
    ['đạt mức độ hài lòng 95%', ['percent:95%']],
    ['Mức độ hài lòng chung\t\t\t\t100', ['quantity:100']],
  ])('a level is not a count, and counts around it stay counts: %j', (text, expected) => {
    expect(kindsOf(text)).toEqual(expected);
  });
});
