import type { Fact } from '../../schemas/fact/v1.ts';

const REPORT = 'a'.repeat(64);
let next = 0;

/** A fact for rule tests: a quote, a page and a position of its own unless given. */
export function fact(fields: Partial<Fact> & Pick<Fact, 'kind'>, quote = `câu ${next}`, page = 1): Fact {
  next += 1;
  const start = fields.evidence?.start ?? next * 100;
  return {
    id: `f${next}`, reportId: REPORT, label: '', unit: 'hồ sơ', ...fields,
    evidence: { reportId: REPORT, page, start, end: start + quote.length, quote, ...fields.evidence },
  };
}

export const doc = (facts: Fact[]) => ({ unit: 'unknown' as const, period: '2022' as const, facts });
