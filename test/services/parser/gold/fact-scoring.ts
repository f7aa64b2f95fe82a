import type { Fact } from '../../../../schemas/fact/v1.ts';

/**
 * Scores extracted facts against a hand-checked gold list. A fact is keyed by its kind
 * (ratio and coverage are one class: which of the two is a judgment, not an error) and
 * its numbers in order; gold and extracted keys are matched as multisets, so a number
 * stated twice must be found twice. Traps are numbers that must never be a fact's value.
 */
export interface GoldFact {
  kind: Fact['kind'];
  values: number[];
  quote: string;
}

export interface Score {
  precision: number;
  recall: number;
  missed: GoldFact[];
  extra: Fact[];
  trapsHit: { trap: number; fact: Fact }[];
}

const CLASS: Partial<Record<Fact['kind'], string>> = { coverage: 'ratio' };

export function factKey(kind: Fact['kind'], values: readonly number[]): string {
  return `${CLASS[kind] ?? kind}:${values.map((v) => Number(v.toFixed(6))).join(',')}`;
}

export function valuesOf(f: Fact): number[] {
  switch (f.kind) {
    case 'ratio':
    case 'coverage': return [f.numerator ?? NaN, f.denominator ?? NaN];
    case 'rate':
    case 'share': return [f.rate ?? NaN];
    case 'breakdown': return [f.total ?? NaN, ...(f.parts ?? []).map((p) => p.value)];
    default: return [f.value ?? NaN];
  }
}

export function scoreFacts(extracted: readonly Fact[], gold: readonly GoldFact[], traps: readonly number[]): Score {
  const pool = new Map<string, Fact[]>();
  for (const f of extracted) {
    const key = factKey(f.kind, valuesOf(f));
    pool.set(key, [...(pool.get(key) ?? []), f]);
  }
  const missed: GoldFact[] = [];
  for (const g of gold) {
    const candidates = pool.get(factKey(g.kind, g.values));
    if (candidates?.length) candidates.shift();
    else missed.push(g);
  }
  const extra = [...pool.values()].flat();
  const matched = gold.length - missed.length;
  const trapsHit = extracted.flatMap((fact) => valuesOf(fact)
    .filter((v) => traps.includes(v) && !gold.some((g) => g.values.includes(v)))
    .map((trap) => ({ trap, fact })));
  return {
    precision: extracted.length === 0 ? 0 : matched / extracted.length,
    recall: gold.length === 0 ? 1 : matched / gold.length,
    missed, extra, trapsHit,
  };
}
