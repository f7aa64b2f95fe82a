import type { Fact } from '../../../schemas/fact/v1.ts';

/**
 * The facts read in the same passage as `fact`: the same sentence, or text on the same
 * page within `reach` characters. A rate and the count it is of are often a sentence
 * apart (`đã tiếp nhận 21.196 hồ sơ, trong đó: đã giải quyết 18.642 … đạt tỷ lệ 87,95%`).
 */
export function passageOf(fact: Fact, all: readonly Fact[], reach = 400): Fact[] {
  const e = fact.evidence;
  return all.filter((o) => o !== fact && o.evidence.page === e.page
    && (o.evidence.quote === e.quote || Math.abs(o.evidence.start - e.start) <= reach));
}

export interface PassageNumber {
  value: number;
  fact: Fact;
  /** What the number is on its fact: `value`, `total`, `numerator`, `denominator`, or a part's label. */
  role: string;
}

/** Every count the passage states (no rates): the bases a percentage there may be of. */
export function passageCounts(facts: readonly Fact[]): PassageNumber[] {
  const out: PassageNumber[] = [];
  for (const fact of facts) {
    if (fact.unit === '%' || fact.unit === 'VND' || fact.kind === 'change') continue;
    for (const role of ['value', 'total', 'numerator', 'denominator'] as const) {
      const value = fact[role];
      if (value !== undefined && value > 0) out.push({ value, fact, role });
    }
    for (const part of fact.parts ?? []) if (part.value > 0) out.push({ value: part.value, fact, role: part.label });
  }
  return out;
}
