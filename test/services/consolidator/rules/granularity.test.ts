import { describe, expect, it } from 'vitest';
import { basesFitting, fits, granularityViolations } from '../../../../services/consolidator/rules/granularity.ts';
import { doc, fact } from '../../../support/fact-builder.ts';

describe('granularity (GRIM)', () => {
  it('knows which percentages a base can give', () => {
    expect(fits(6.42, 218)).toBe(true); // 14/218
    expect(fits(6.42, 207)).toBe(false); // 13,29 people
    expect(fits(55, 109)).toBe(true); // 60/109 = 55,05 → 55
    expect(fits(33.3, 3)).toBe(true); // truncated 1/3
  });

  it('checks the shares of one base together and reports the base they all fit', () => {
    const quote = 'Tổng số cán bộ cấp xã có mặt là 207 người, trong đó: Trung học cơ sở chiếm 6,42%, trung học phổ thông chiếm 93,58%; Đại học chiếm 66,06%';
    const shares = [6.42, 93.58, 66.06].map((rate) => fact({ kind: 'share', rate, total: 207, unit: '%' }, quote));
    const [flag, ...rest] = granularityViolations(doc(shares));
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ family: 'granularity', severity: 'error', values: { base: 207, share_1: 6.42, share_2: 93.58, share_3: 66.06 } });
    expect(flag!.message.vi).toContain('207 người');
    expect(flag!.suggestion?.vi).toContain('218');
    expect(basesFitting([6.42, 93.58, 66.06], 207)[0]).toBe(218);
  });

  it('is quiet for shares a base can give, for money and area bases, and where the test has no power', () => {
    expect(granularityViolations(doc([
      fact({ kind: 'share', rate: 6.42, total: 218, unit: '%' }, 'có 218 người, 6,42%'),
      fact({ kind: 'share', rate: 6.42, total: 207, unit: '%' }, 'tổng 207 tỷ đồng, 6,42%'),
      fact({ kind: 'share', rate: 6.42, total: 207, unit: '%' }, 'diện tích 207 ha, 6,42%'),
      fact({ kind: 'share', rate: 6.4, total: 1207, unit: '%' }, 'có 1207 người, 6,4%'),
    ]))).toEqual([]);
  });
});
