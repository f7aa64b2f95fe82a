import { createHash } from 'node:crypto';

/**
 * A flag's id: stable for the same rule on the same unit, period and facts, so a rerun
 * (or a redelivered event) raises the same flag, not a second one.
 */
export function flagId(ruleId: string, unit: string, period: string, factIds: readonly string[]): string {
  const key = [ruleId, unit, period, ...[...factIds].sort()].join('\u241f');
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}
