import { describe, expect, it } from 'vitest';
import { periodEnd } from '../../../services/registry/period-date.ts';

describe('periodEnd', () => {
  it('gives the last day of every period shape', () => {
    const cases: [string, string | undefined][] = [
      ['2016', '2016-12-31'],
      ['2020-Q1', '2020-03-31'], ['2020-Q2', '2020-06-30'], ['2020-Q3', '2020-09-30'], ['2020-Q4', '2020-12-31'],
      ['2020-H1', '2020-06-30'], ['2020-H2', '2020-12-31'],
      ['2020-M02', '2020-02-29'], ['2021-M02', '2021-02-28'], ['2020-M11', '2020-11-30'],
      ['2020-9M', '2020-09-30'],
      ['2011..2020', '2020-12-31'],
      ['unknown', undefined],
    ];
    for (const [period, end] of cases) expect(periodEnd(period), period).toBe(end);
  });

  it('refuses what is not a period', () => {
    expect(() => periodEnd('2020-Q5')).toThrow(RangeError);
    expect(() => periodEnd('2020-M13')).toThrow(RangeError);
    expect(() => periodEnd('năm 2020')).toThrow(RangeError);
  });
});
