import type { Fact } from '../../../schemas/fact/v1.ts';

/** Two figures are of one scope when their keys are equal: reach, levels and name (unstated is its own scope). */
export function scopeKey(fact: Fact): string {
  const s = fact.scope;
  if (!s) return 'unstated';
  return `${s.reach}|${[...(s.levels ?? [])].sort().join('+')}|${s.name ?? ''}`;
}
