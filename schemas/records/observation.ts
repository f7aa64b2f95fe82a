import { z } from 'zod';
import { Period, ReportId, UnitCode } from '../identifiers.ts';
import { IsoDate } from '../registry/admin-unit.ts';

/**
 * Stored record: one row of the consolidator's `observations` table — what one report says
 * one indicator of its own unit was in one period, and which fact says so.
 *
 *   value      the figure as printed, in the indicator's unit (count, VND, or percent)
 *   tolerance  half a unit of the printed precision, in the same unit (`15,08 tỷ` → 5 000 000;
 *              a whole count → 0): how far the true figure may lie from the printed one
 *   source     `table` (an appendix or body table) or `text`
 *   ambiguous  the report gives this indicator and period several different values and none
 *              can be preferred: kept for analysts, left out of rollups and comparisons
 *   as_of      the date whose administrative map the period is read against (the period's
 *              last day); `unit_valid_from` names the unit record in force then (a GSO code is
 *              reused across 1 July 2025), `parent` its parent and `province` its province
 *              then (itself for a province); null when the code is not in the register
 *   period_kind, period_index  where the period sits in its series: `year` 2021 → 2021,
 *              `quarter` 2021-Q3 → 2021·4+2, so the previous period of a kind is index − 1;
 *              `stage` (2011..2020) has no series
 *   scope      whose figure it is (ObservationScope); a report gives one value per indicator,
 *              period and scope
 */
export const PeriodKind = z.enum(['year', 'half', 'quarter', 'month', 'nine-months', 'stage']);
export type PeriodKind = z.infer<typeof PeriodKind>;

export const ObservationSource = z.enum(['table', 'text']);

/**
 * Whose figure an observation is, read from the fact's scope (schemas/fact/v1.ts) against the
 * unit's level on the register:
 *   own        the unit's own office (`Bộ phận Một cửa UBND huyện`); every figure of a commune,
 *              which has no level below it
 *   unstated   a district's or province's figure whose report does not say whose it is (its
 *              own office, its communes, or all levels): compared with nothing
 *   commune, district  the units of that level within the unit's area, as the unit states them
 *              (`cấp xã trên địa bàn huyện`): what its children's figures must add up to
 *   area       every level in the area (`toàn huyện`): may include offices no report covers,
 *              so it is kept beside the rest and compared with nothing
 *   levels     several levels together (`cấp huyện, cấp xã`), or a level above the unit's own
 */
export const ObservationScope = z.enum(['own', 'unstated', 'commune', 'district', 'area', 'levels']);
export type ObservationScope = z.infer<typeof ObservationScope>;

export const ObservationRecordV1 = z.object({
  report_id: ReportId,
  unit: UnitCode,
  period: Period,
  indicator: z.string().min(1),
  scope: ObservationScope,
  value: z.number(),
  tolerance: z.number().min(0),
  decimals: z.number().int().min(0),
  fact_id: z.string().min(1),
  source: ObservationSource,
  ambiguous: z.boolean(),
  as_of: IsoDate,
  unit_valid_from: IsoDate.nullable(),
  parent: UnitCode.nullable(),
  province: UnitCode.nullable(),
  level: z.enum(['province', 'district', 'commune']).nullable(),
  period_kind: PeriodKind,
  period_index: z.number().int(),
});
export type ObservationRecord = z.infer<typeof ObservationRecordV1>;
