import type { FactScope } from '../../schemas/fact/v1.ts';
import type { ObservationScope } from '../../schemas/records/observation.ts';
import { LEVEL_RANK, type UnitLevel } from '../../schemas/registry/admin-unit.ts';

/**
 * A fact's scope (as the parser read it) → the scope of the unit's observation
 * (schemas/records/observation.ts), judged against the unit's level on the register:
 *
 *   named                      undefined: another unit's or agency's figure, not this unit's
 *   a commune                  own, whatever the words (it has no level below; `toàn xã` and
 *                              `Bộ phận Một cửa xã` are the same office), unless they name
 *                              several levels or a level above it
 *   levels [its own level]     own (`cấp huyện` in a district's report)
 *   levels [one level below]   that level (`cấp xã trên địa bàn huyện` → commune)
 *   levels, anything else      levels (several, or one above the unit's own): compared with nothing
 *   own, area                  as read; nothing said → unstated
 *
 * A unit missing from the register keeps the scope as read.
 */
export function observationScope(scope: FactScope | undefined, level: UnitLevel | undefined): ObservationScope | undefined {
  const reach = scope?.reach ?? 'unstated';
  if (reach === 'named') return undefined;
  if (reach === 'levels') {
    const levels = scope?.levels ?? [];
    const [only] = levels;
    if (levels.length !== 1 || only === undefined) return 'levels';
    if (only === level) return 'own';
    // Only a level below the unit's own is a level of units within its area.
    if (only === 'province' || (level !== undefined && LEVEL_RANK[only] <= LEVEL_RANK[level])) return 'levels';
    return only;
  }
  if (level === 'commune') return 'own';
  return reach;
}
