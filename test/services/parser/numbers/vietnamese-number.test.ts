import { describe, expect, it } from 'vitest';
import { parseVietnameseNumber } from '../../../../services/parser/numbers/index.ts';

describe('parseVietnameseNumber', () => {
  it.each([
    // dot = thousands, comma = decimal
    ['853.793', 853793, 0],
    ['1.234,5', 1234.5, 1],
    ['845.938', 845938, 0],
    ['23.181.575', 23181575, 0],
    ['1.200.000', 1200000, 0],
    ['89,39', 89.39, 2],
    ['99,14', 99.14, 2],
    ['5,778', 5.778, 3],
    ['6,5', 6.5, 1],
    ['0,5', 0.5, 1],
    ['1.234,50', 1234.5, 2],
    // leading zeros are counts
    ['02', 2, 0],
    ['09', 9, 0],
    ['00', 0, 0],
    // plain table numbers
    ['268763', 268763, 0],
    ['1156252', 1156252, 0],
    // space as thousands separator (web counters)
    ['8 340', 8340, 0],
    ['30 278', 30278, 0],
    ['1\u00a0156\u00a0252', 1156252, 0],
    // English-style decimals: a dot not followed by exactly three digits
    ['3.5', 3.5, 1],
    ['4.0', 4, 1],
    ['106.80', 106.8, 2],
    ['1.2345', 1.2345, 4],
    // sign
    ['-5', -5, 0],
    ['-1.234,5', -1234.5, 1],
  ])('%s → %d (%d decimals)', (raw, value, decimals) => {
    expect(parseVietnameseNumber(raw)).toEqual({ value, decimals });
  });

  it.each([
    [''],
    ['abc'],
    ['1.234.5'],
    ['1,234,5'],
    ['12 34'],
    ['1.23.456'],
    [' 12'],
    ['12 '],
    ['12%'],
    ['1/2'],
  ])('rejects %j', (raw) => {
    expect(parseVietnameseNumber(raw)).toBeUndefined();
  });

  it('reads a comma as the decimal point even with three digits after it (5,778 tỷ = 5.778 billion)', () => {
    expect(parseVietnameseNumber('5,778')?.value).toBeCloseTo(5.778, 10);
    expect(parseVietnameseNumber('5.778')?.value).toBe(5778);
  });
});
