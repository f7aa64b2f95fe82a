import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, isDateCode } from '../../../../services/parser/xlsx/number-format.ts';
import { parseVietnameseNumber } from '../../../../services/parser/numbers/vietnamese-number.ts';

/**
 * The display rule: what Excel shows for a value in a format code, written the Vietnamese way
 * (`.` thousands, `,` decimals). Expectations are Excel's own display with the separators swapped,
 * except where number-format.ts documents a departure.
 */
const ACCOUNTING = '_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)';
const ACCOUNTING_VND = '_-* #,##0\\ _₫_-;\\-* #,##0\\ _₫_-;_-* "-"??\\ _₫_-;_-@_-';

describe('formatNumber', () => {
  it.each([
    // General: no grouping, up to 10 significant digits, E-notation from 10^11
    [12262, undefined, '12262'],
    [12262, 'General', '12262'],
    [99.14, 'General', '99,14'],
    [0.1 + 0.2, 'General', '0,3'],
    [1 / 3, 'General', '0,3333333333'],
    [-5, 'General', '-5'],
    [0, 'General', '0'],
    [123_456_789_012, 'General', '1,23457E+11'],
    // fixed decimals and minimum integer digits
    [7.6, '0', '8'],
    [3, '00', '03'],
    [95.4, '0.0', '95,4'],
    [99.14, '0.00', '99,14'],
    [0.000123, '0.00000', '0,00012'],
    // grouping and scaling
    [12262, '#,##0', '12.262'],
    [1_234_567, '#,##0', '1.234.567'],
    [1e15, '#,##0', '1.000.000.000.000.000'],
    [1234.5, '#,##0.00', '1.234,50'],
    [0.04, '#,##0.0', '0,0'],
    [15_806_000, '#,##0,', '15.806'],
    [15_806_000, '0.0,,', '15,8'],
    // optional decimals
    [2.5, '0.0#', '2,5'],
    [2.567, '0.0#', '2,57'],
    [0, '#,###', ''],
    // percentages
    [0.4, '0%', '40%'],
    [0.971, '0.0%', '97,1%'],
    [97.1 / 100, '0.0%', '97,1%'],
    [0.9642, '0.00%', '96,42%'],
    [1, '0.0%', '100,0%'],
    // literals, currency, sections
    [4845, '#,##0 "hồ sơ"', '4.845 hồ sơ'],
    [5, '"Tổng: "0', 'Tổng: 5'],
    [12262, '#,##0 [$₫-42A]', '12.262 ₫'],
    [-52, '#,##0;(#,##0)', '(52)'],
    [-1234, '#,##0;[Red]-#,##0', '-1.234'],
    [-1234, '#,##0', '-1.234'],
    [12262, ACCOUNTING, '12.262'],
    [-52, ACCOUNTING, '(52)'],
    [0, ACCOUNTING, '-'],
    [12262, ACCOUNTING_VND, '12.262'],
    [-12262, ACCOUNTING_VND, '-12.262'],
    [0, ACCOUNTING_VND, '-'],
    [12, '@', '12'],
  ] as const)('%s in %s → %s', (value, code, shown) => {
    expect(formatNumber(value, code)).toBe(shown);
  });

  it('rounds half away from zero on 15 significant digits, as Excel does', () => {
    // The doubles are 0.97499999999999997780 and 1.00499999999999989342.
    expect(formatNumber(0.975, '0.00')).toBe('0,98');
    expect(formatNumber(1.005, '0.00')).toBe('1,01');
    expect(formatNumber(2.5, '0')).toBe('3');
    expect(formatNumber(-2.5, '0')).toBe('-3');
    expect(formatNumber(999.5, '#,##0')).toBe('1.000');
  });

  it('departs from Excel where documented: no dangling separator, no sign on a rounded zero, ignored conditions, General for E and fractions', () => {
    expect(formatNumber(5, '#.##')).toBe('5');
    expect(formatNumber(-0.01, '0.0')).toBe('0,0');
    expect(formatNumber(1500, '[>=1000]#,##0;0')).toBe('1.500');
    expect(formatNumber(12345, '0.00E+00')).toBe('12345');
    expect(formatNumber(0.5, '# ?/?')).toBe('0,5');
  });

  it('formats a serial day in a date code as dd/mm/yyyy', () => {
    expect(formatNumber(44_910, 'dd/mm/yyyy')).toBe('15/12/2022');
    expect(formatNumber(44_910, '[$-42A]d/m/yyyy')).toBe('15/12/2022');
  });

  it('prints what parseVietnameseNumber reads back to the same value', () => {
    const values = [12262, 1234.5, 0.5, 99.14, 17_108, 3, 1_000_000];
    for (const code of ['General', '#,##0.00', '0.00', '#,##0', '00']) {
      for (const value of values) {
        const shown = formatNumber(value, code);
        const decimals = /\.(0+)$/.exec(code)?.[1]?.length ?? (code === 'General' ? 10 : 0);
        const read = parseVietnameseNumber(shown)?.value ?? Number.NaN;
        // Off by at most half a unit of the last decimal shown.
        expect(Math.abs(read - value), `${value} in ${code} → ${shown}`).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      }
    }
  });
});

describe('formatDate', () => {
  const at = new Date(Date.UTC(2022, 11, 15, 8, 30, 5));

  it('shows a date as dd/mm/yyyy whatever the date code', () => {
    expect(formatDate(new Date(Date.UTC(2022, 11, 15)), 'mm-dd-yy')).toBe('15/12/2022');
    expect(formatDate(new Date(Date.UTC(2022, 0, 5)), 'd-mmm-yy')).toBe('05/01/2022');
    expect(formatDate(new Date(Date.UTC(2022, 11, 1)), 'mmm-yy')).toBe('01/12/2022');
    expect(formatDate(new Date(Date.UTC(2022, 11, 15)), undefined)).toBe('15/12/2022');
  });

  it('adds the time when the code shows hours, and shows a time-only code as a time', () => {
    expect(formatDate(at, 'dd/mm/yyyy hh:mm')).toBe('15/12/2022 08:30');
    expect(formatDate(at, 'h:mm')).toBe('08:30');
    expect(formatDate(at, 'h:mm:ss')).toBe('08:30:05');
  });
});

describe('isDateCode', () => {
  it.each([
    ['dd/mm/yyyy', true], ['mm-dd-yy', true], ['[$-42A]d/m/yyyy', true], ['h:mm', true],
    ['General', false], ['#,##0 "ngày"', false], ['0.0%', false], [ACCOUNTING_VND, false],
  ] as const)('%s → %s', (code, date) => {
    expect(isDateCode(code)).toBe(date);
  });
});
