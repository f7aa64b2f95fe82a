import { z } from 'zod';
import { UnitCode } from '../identifiers.ts';

/**
 * One step of the 1 July 2025 reorganisation (Nghị quyết 202/2025/QH15 and the Standing
 * Committee's resolutions on each province): all or part of the old unit `from` (in force on
 * 2025-06-30) became part of the new unit `to` (in force from 2025-07-01).
 *
 *   succession = { from, to, via }
 *   from       = a pre-2025 commune code; for the five island districts that had no communes
 *                (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) the district code
 *   to         = a post-2025 commune code (xã, phường, đặc khu)
 *   via        = how the pair was established from the source table (SOURCE.md):
 *                  code             the source row gave the old GSO code
 *                  name             the source row gave only names; resolved by province,
 *                                   district and commune name
 *                  island-district  a đặc khu matched by name to the island district it replaced
 *
 * Several rows per `from` mean the old unit was split; several per `to`, that it was merged.
 */
export const SuccessionBasis = z.enum(['code', 'name', 'island-district']);
export type SuccessionBasis = z.infer<typeof SuccessionBasis>;

export const UnitSuccession = z.strictObject({
  from: UnitCode,
  to: UnitCode,
  via: SuccessionBasis,
});
export type UnitSuccession = z.infer<typeof UnitSuccession>;
