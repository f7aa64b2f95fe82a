import type { ObservationScope } from '../../../schemas/records/observation.ts';

/**
 * How a message names an observation's scope, after the indicator's name: nothing for the
 * unit's own or an unstated figure, ` của cấp xã trên địa bàn` / ` (communes in its area)` for
 * the units of a level, ` toàn địa bàn` / ` (all levels)` for the whole area.
 */
const PHRASES: Readonly<Record<ObservationScope, { vi: string; en: string }>> = {
  own: { vi: '', en: '' },
  unstated: { vi: '', en: '' },
  commune: { vi: ' của cấp xã trên địa bàn', en: ' (communes in its area)' },
  district: { vi: ' của cấp huyện trên địa bàn', en: ' (districts in its area)' },
  area: { vi: ' toàn địa bàn', en: ' (all levels in its area)' },
  levels: { vi: ' của nhiều cấp', en: ' (several levels)' },
};

export function scopePhrase(scope: ObservationScope): { vi: string; en: string } {
  return PHRASES[scope];
}
