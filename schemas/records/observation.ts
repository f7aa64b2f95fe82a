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
 */
export const PeriodKind = z.enum(['year', 'half', 'quarter', 'month', 'nine-months', 'stage']);
export type PeriodKind = z.infer<typeof PeriodKind>;

export const ObservationSource = z.enum(['table', 'text']);

export const ObservationRecordV1 = z.object({
  report_id: ReportId,
  unit: UnitCode,
  period: Period,
  indicator: z.string().min(1),
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
