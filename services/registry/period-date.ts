import type { Period } from '../../schemas/identifiers.ts';

/**
 * The last day of a reporting period (schemas/identifiers.ts), as an ISO date:
 *
 *   2016        → 2016-12-31      2020-H1 → 2020-06-30      2020-9M    → 2020-09-30
 *   2020-Q1     → 2020-03-31      2020-M02 → 2020-02-29     2011..2020 → 2020-12-31
 *   unknown     → undefined
 *
 * A report describes its units as they stood when the period closed: a 2025-Q4 report comes
 * from a commune of the two-level map, a 2025-H1 report from one of the three-level map.
 */
export function periodEnd(period: Period): string | undefined {
  if (period === 'unknown') return undefined;
  const stage = /^(\d{4})\.\.(\d{4})$/.exec(period);
  if (stage) return `${stage[2]}-12-31`;
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|M(\d{2})|(9M)))?$/.exec(period);
  if (!m?.[1]) throw new RangeError(`not a period: ${period}`);
  const year = Number(m[1]);
  let month = 12;
  if (m[2]) month = Number(m[2]) * 3;
  else if (m[3]) month = Number(m[3]) * 6;
  else if (m[4]) month = Number(m[4]);
  else if (m[5]) month = 9;
  if (month < 1 || month > 12) throw new RangeError(`not a period: ${period}`);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}
