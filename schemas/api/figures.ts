import { z } from 'zod';
import { Period, UnitCode } from '../identifiers.ts';
import { UnitLevel } from '../registry/admin-unit.ts';
import { ExportFormat } from './export-format.ts';
import { ObservationScope } from '../records/observation.ts';

/**
 * Consolidated figures (the `consolidated_figures` view) as the API serves them: per unit,
 * period and indicator, what the unit **reported** beside what its children's reports add up
 * to (**derived**; a percentage recomputed from summed numerators and denominators), with
 * coverage, names, and how many raised flags quote a figure of this indicator.
 */
const Flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const FiguresQuery = z.object({
  unit: UnitCode.optional().describe('this unit (with children=true: and its children)'),
  children: Flag.optional(),
  period: Period.optional(),
  indicator: z.string().min(1).max(100).optional(),
  level: UnitLevel.optional().describe('only units of this level (on the period’s date)'),
  format: ExportFormat.optional(),
});

export const FigureRow = z.object({
  unit: UnitCode,
  unitName: z.string().nullable(),
  period: Period,
  indicator: z.string(),
  indicatorName: z.string().nullable(),
  /** Whose figure: the unit's own office, a level of units in its area (`commune`: `cấp xã trên địa bàn`), all levels, or unstated. */
  scope: ObservationScope,
  reported: z.number().nullable(),
  derived: z.number().nullable(),
  childrenReported: z.number().int(),
  childrenExpected: z.number().int(),
  coverage: z.number().nullable(),
  /** Raised flags whose evidence quotes this unit's figure of this indicator for this period. */
  flags: z.number().int(),
}).meta({ id: 'FigureRow' });
export type FigureRow = z.infer<typeof FigureRow>;

export const FiguresResponse = z.object({ figures: z.array(FigureRow), truncated: z.boolean() });

export const IndicatorsQuery = FiguresQuery.omit({ format: true });

export const IndicatorsResponse = z.object({
  /** Most units first. */
  indicators: z.array(z.object({ indicator: z.string(), indicatorName: z.string().nullable(), units: z.number().int() })),
});

export const SeriesQuery = z.object({ unit: UnitCode, indicator: z.string().min(1).max(100) });

export const SeriesResponse = z.object({
  unit: UnitCode,
  indicator: z.string(),
  indicatorName: z.string().nullable(),
  /** In period order (by the period's last day); one per period, of the scope the unit's children add up to when there is one, else its own. */
  points: z.array(FigureRow.pick({ period: true, reported: true, derived: true, childrenReported: true, childrenExpected: true, coverage: true, flags: true })),
});
