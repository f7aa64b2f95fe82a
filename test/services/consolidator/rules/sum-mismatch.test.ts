import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../../schemas/fact/v1.ts';
import { sumMismatches } from '../../../../services/consolidator/rules/sum-mismatch.ts';
import { doc, fact } from '../../../support/fact-builder.ts';

const parts = (...values: number[]) => values.map((value, i) => ({ label: `phần ${i + 1}`, value }));

describe('sum_mismatch: breakdowns', () => {
  it('is quiet when the parts add up', () => {
    expect(sumMismatches(doc([fact({ kind: 'breakdown', total: 475, parts: parts(207, 268), cue: 'trong đó' })]))).toEqual([]);
  });

  it('an error when parts do not add up, with every part in values', () => {
    const [flag] = sumMismatches(doc([fact({ kind: 'breakdown', total: 1756, parts: parts(1309, 276, 181), cue: 'với' })]));
    expect(flag).toMatchObject({ severity: 'error', left: 1756, right: 1766, imbalance: -10, values: { total: 1756, part_1: 1309, part_2: 276, part_3: 181 } });
    // 1766, 171 or 266 would each balance: no single likely fix, so none is suggested.
    expect(flag!.suggestion).toBeUndefined();
  });

  it('suggests the fix when only one slip balances (a thousands separator slip)', () => {
    const [flag] = sumMismatches(doc([fact({ kind: 'breakdown', total: 54599, parts: parts(10289, 44310000), cue: '(' })]));
    expect(flag!.suggestion?.vi).toContain('44.310 thay vì 44.310.000');
  });

  it('parts after "trong đó" short of the total: a warning at most', () => {
    const [flag] = sumMismatches(doc([fact({ kind: 'breakdown', total: 365, parts: parts(102, 101, 159), cue: 'trong đó' })]));
    expect(flag).toMatchObject({ severity: 'warning', imbalance: 3 });
  });

  it('info when the shortfall is a same-noun count stated beside it', () => {
    const flags = sumMismatches(doc([
      fact({ kind: 'count', value: 4, unit: 'đơn vị' }, 'có 04 đơn vị đảm bảo 100% chi thường xuyên', 1),
      fact({ kind: 'breakdown', total: 72, parts: parts(2, 66), cue: 'trong đó', unit: 'đơn vị' }, '72 đơn vị, trong đó 02 …; 66 …', 1),
    ]));
    expect(flags.map((f) => f.severity)).toEqual(['info']);
  });

  it('off by one on a large total is a warning', () => {
    const [flag] = sumMismatches(doc([fact({ kind: 'breakdown', total: 21196, parts: parts(18642, 2553), cue: '(' })]));
    expect(flag?.severity).toBe('warning');
  });

  it('a part that is a figure of its own (the rest add up exactly) is info', () => {
    const [flag] = sumMismatches(doc([fact({ kind: 'breakdown', total: 339, parts: parts(230, 39, 70, 271), cue: 'trong đó' })]));
    expect(flag).toMatchObject({ severity: 'info' });
    expect(flag!.message.vi).toContain('271');
  });

  it('checks a total stated as a bound as a bound (trên 15,08 tỷ)', () => {
    const money = (total: number, qualifier: Fact['qualifier'], ...values: number[]) => fact({ kind: 'breakdown', unit: 'VND', total, qualifier, parts: parts(...values), cue: 'trong đó' });
    // 15,086 tỷ: above 15,08 and within one unit of its last printed digit, as "trên 15,08 tỷ" says.
    expect(sumMismatches(doc([money(15_080_000_000, 'above', 5_778_000_000, 606_000_000, 122_000_000, 8_580_000_000)]))).toEqual([]);
    // Seed 001: 15,806 tỷ holds the bound but is far past what it says: a warning suggesting the parts' sum.
    const [far] = sumMismatches(doc([money(15_080_000_000, 'above', 5_778_000_000, 606_000_000, 122_000_000, 9_300_000_000)]));
    expect(far).toMatchObject({ severity: 'warning', left: 15_080_000_000, right: 15_806_000_000 });
    expect(far!.suggestion!.vi).toContain('15,806 tỷ đồng');
    const [flag] = sumMismatches(doc([money(15_080_000_000, 'above', 5_778_000_000, 606_000_000)]));
    expect(flag).toMatchObject({ severity: 'error' });
    expect(flag!.message.vi).toContain('trên 15,08 tỷ đồng');
  });
});

describe('sum_mismatch: table sub-rows', () => {
  const cell = (row: string, value: number, parent?: string, column = 1) => fact({
    kind: 'table-cell', value, unit: '',
    table: { index: 3, row: 0, column, rowLabel: row, columnHeader: 'Năm 2016', ...(parent ? { parentRowLabel: parent } : {}) },
  });

  it('flags a numbered row that differs from the sum of its `-` rows', () => {
    const [flag, ...rest] = sumMismatches(doc([cell('Tổng số VBQPPL', 6), cell('Nghị quyết', 4, 'Tổng số VBQPPL'), cell('Quyết định', 1, 'Tổng số VBQPPL')]));
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ ruleId: 'sum_mismatch.table_subrows', severity: 'error', left: 6, right: 5 });
  });

  it('does not read sub-rows that repeat the parent (measures, not parts) as parts', () => {
    expect(sumMismatches(doc([cell('Tổng số biên chế', 24), cell('Tổng số được giao', 25, 'Tổng số biên chế'), cell('Tổng số có mặt', 24, 'Tổng số biên chế')]))).toEqual([]);
  });

  it('compares column by column', () => {
    expect(sumMismatches(doc([
      cell('Tổng', 5, undefined, 1), cell('a', 4, 'Tổng', 1), cell('b', 1, 'Tổng', 1),
      cell('Tổng', 3, undefined, 2), cell('a', 3, 'Tổng', 2), cell('b', 0, 'Tổng', 2),
    ]))).toEqual([]);
  });
});

describe('sum_mismatch: a rate with its groups\' rates in brackets', () => {
  const rates = (total: number, ...values: number[]) => fact({ kind: 'breakdown', unit: '%', total, cue: '(', parts: values.map((value, i) => ({ label: `nhóm ${i + 1}`, value })) });

  it('flags groups that neither add up to the rate nor average to it (national portal c-08: 60,72% vs 32,3% + 37,4%)', () => {
    const [flag] = sumMismatches(doc([rates(60.72, 32.3, 37.4)]));
    expect(flag).toMatchObject({ ruleId: 'sum_mismatch.rate_parts', severity: 'error', left: 60.72, right: 69.7 });
  });

  it('accepts shares that add up at the printed precision, and group rates the total lies between', () => {
    expect(sumMismatches(doc([rates(98.81, 60.4, 38.4)]))).toEqual([]);
    expect(sumMismatches(doc([rates(98.5, 97.9, 99.2)]))).toEqual([]);
  });
});
