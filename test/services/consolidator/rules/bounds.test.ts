import { describe, expect, it } from 'vitest';
import { boundViolations } from '../../../../services/consolidator/rules/bounds.ts';
import { doc, fact } from '../../../support/fact-builder.ts';

describe('bounds', () => {
  it('flags a numerator above its denominator, a share above 100% and a negative count', () => {
    const flags = boundViolations(doc([
      fact({ kind: 'coverage', numerator: 30, denominator: 29, unit: 'xã' }),
      fact({ kind: 'share', rate: 104.5 }),
      fact({ kind: 'count', value: -3 }),
    ]));
    expect(flags.map((f) => [f.ruleId, f.severity, f.values])).toEqual([
      ['bounds.numerator_le_denominator', 'error', { numerator: 30, denominator: 29 }],
      ['bounds.share_le_100', 'error', { reported_rate: 104.5 }],
      ['bounds.count_ge_0', 'error', { value: -3 }],
    ]);
  });

  it('lets a rate of a plan pass 100% and 18/18 be whole', () => {
    expect(boundViolations(doc([
      fact({ kind: 'rate', rate: 120, label: 'đạt kế hoạch' }),
      fact({ kind: 'coverage', numerator: 18, denominator: 18, rate: 100 }),
      fact({ kind: 'count', value: 0 }),
    ]))).toEqual([]);
  });
});
