import { describe, expect, it } from 'vitest';
import { rateMismatches } from '../../../../services/consolidator/rules/rate-mismatch.ts';
import { doc, fact } from '../../../support/fact-builder.ts';

describe('rate_mismatch', () => {
  it('raises an error for 845.938/846.314 printed as 89,39%, with every number used and the one-digit fix', () => {
    const [flag, ...rest] = rateMismatches(doc([fact({ kind: 'ratio', numerator: 845938, denominator: 846314, rate: 89.39 })]));
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ family: 'rate_mismatch', severity: 'error', left: 89.39, right: 99.96 });
    expect(flag!.values).toMatchObject({ numerator: 845938, denominator: 846314, reported_rate: 89.39, computed_rate: 99.96 });
    expect(flag!.suggestion?.vi).toContain('946.314');
    expect(flag!.message.vi).toContain('845.938/846.314');
  });

  it('accepts a rate correct at its printed precision (55% for 60/109 = 55,05%; 93,1% for 27/29)', () => {
    expect(rateMismatches(doc([
      fact({ kind: 'coverage', numerator: 60, denominator: 109, rate: 55 }),
      fact({ kind: 'coverage', numerator: 27, denominator: 29, rate: 93.1 }),
      fact({ kind: 'ratio', numerator: 18642, denominator: 21196, rate: 87.95 }),
    ]))).toEqual([]);
  });

  it('calls truncation instead of rounding info, never an error', () => {
    const [flag] = rateMismatches(doc([fact({ kind: 'ratio', numerator: 17108, denominator: 20019, rate: 85.45 })]));
    expect(flag).toMatchObject({ severity: 'info' });
    expect(flag!.message.en).toContain('truncated');
  });

  it('calls "100 minus the other rate" info, naming the other rate', () => {
    const quote = 'đã giải quyết 17.108/20.019 hồ sơ đạt 85,45%, đang giải quyết 2.911 hồ sơ đạt 14,55%';
    const flags = rateMismatches(doc([
      fact({ kind: 'ratio', numerator: 17108, denominator: 20019, rate: 85.45 }, quote),
      fact({ kind: 'ratio', numerator: 2911, denominator: 20019, rate: 14.55 }, quote),
    ]));
    const other = flags.find((f) => f.values.reported_rate === 14.55);
    expect(other).toMatchObject({ severity: 'info', values: { other_rate: 85.45 } });
  });

  it('finds the complement a page away when its count over this denominator gives it', () => {
    const flags = rateMismatches(doc([
      fact({ kind: 'rate', numerator: 4845, rate: 28.32 }, 'đúng hẹn 4.845 hồ sơ, đạt 28,32%', 1),
      fact({ kind: 'ratio', numerator: 12262, denominator: 17108, rate: 71.68 }, 'quá hạn 12.262/17.108 hồ sơ đạt 71,68%', 2),
    ]));
    expect(flags.map((f) => [f.values.reported_rate, f.severity])).toEqual([[71.68, 'info']]);
  });

  it('stays quiet when the parser inferred the base and another figure of the passage explains the rate', () => {
    const quote = 'tiếp nhận 21.196 hồ sơ, trong đó đã giải quyết 18.642 hồ sơ, đúng hẹn 4.201 hồ sơ, đạt 22,54%';
    expect(rateMismatches(doc([
      fact({ kind: 'breakdown', total: 21196, parts: [{ label: 'đã giải quyết', value: 18642 }, { label: 'khác', value: 2554 }] }, quote),
      fact({ kind: 'rate', numerator: 4201, denominator: 21196, rate: 22.54 }, quote),
    ]))).toEqual([]);
  });

  it('says so when a stated n/d is wrong but another base in the passage fits (warning)', () => {
    const quote = 'tiếp nhận 21.196 hồ sơ, đã giải quyết 18.642 hồ sơ; đúng hẹn 4.201/21.196 hồ sơ đạt 22,54%';
    const flags = rateMismatches(doc([
      fact({ kind: 'count', value: 18642, label: 'đã giải quyết' }, quote),
      fact({ kind: 'ratio', numerator: 4201, denominator: 21196, rate: 22.54 }, quote),
    ]));
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: 'warning', values: { other_denominator: 18642 } });
    expect(flags[0]!.message.vi).toContain('mẫu số khác');
  });

  it('a 100% of an inferred base is explained by the count itself (04 đơn vị đảm bảo 100%)', () => {
    expect(rateMismatches(doc([fact({ kind: 'rate', numerator: 4, denominator: 72, rate: 100 })]))).toEqual([]);
  });

  it('an inferred base nothing explains is a warning, not an error', () => {
    const [flag] = rateMismatches(doc([fact({ kind: 'rate', numerator: 30, denominator: 90, rate: 50 })]));
    expect(flag?.severity).toBe('warning');
  });
});
