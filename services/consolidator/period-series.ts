import type { Period } from '../../schemas/identifiers.ts';
import type { PeriodKind } from '../../schemas/records/observation.ts';

/**
 * Where a period sits in the series of its kind, so the rules that compare periods
 * (outlier) know which is the previous one: `2021` → year 2021, `2021-Q3` → quarter
 * 2021·4 + 2, `2021-M03` → month 2021·12 + 2, `2021-H2` → half 2021·2 + 1, `2021-9M` →
 * nine-months 2021. A stage (`2011..2020`) is a series of one. `unknown` has no place.
 */
export interface PeriodPlace {
  kind: PeriodKind;
  index: number;
}

export function periodPlace(period: Period): PeriodPlace | undefined {
  if (period === 'unknown') return undefined;
  const stage = /^(\d{4})\.\.(\d{4})$/.exec(period);
  if (stage) return { kind: 'stage', index: Number(stage[2]) };
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|M(\d{2})|(9M)))?$/.exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'quarter', index: year * 4 + Number(m[2]) - 1 };
  if (m[3]) return { kind: 'half', index: year * 2 + Number(m[3]) - 1 };
  if (m[4]) return { kind: 'month', index: year * 12 + Number(m[4]) - 1 };
  if (m[5]) return { kind: 'nine-months', index: year };
  return { kind: 'year', index: year };
}

/** The period after this one in its series (`2021` → `2022`, `2021-Q4` → `2022-Q1`); none for a stage. */
export function nextPeriod(period: Period): Period | undefined {
  const place = periodPlace(period);
  return place ? periodAt(place.kind, place.index + 1) : undefined;
}

/** The period before this one in its series (`2022` → `2021`, `2022-Q1` → `2021-Q4`); none for a stage. */
export function previousPeriod(period: Period): Period | undefined {
  const place = periodPlace(period);
  return place ? periodAt(place.kind, place.index - 1) : undefined;
}

/** The period at a place in a series: the inverse of `periodPlace` (a stage has no neighbours). */
function periodAt(kind: PeriodKind, i: number): Period | undefined {
  switch (kind) {
    case 'year': return String(i);
    case 'nine-months': return `${i}-9M`;
    case 'quarter': return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
    case 'half': return `${Math.floor(i / 2)}-H${(i % 2) + 1}`;
    case 'month': return `${Math.floor(i / 12)}-M${String((i % 12) + 1).padStart(2, '0')}`;
    case 'stage': return undefined;
  }
}
