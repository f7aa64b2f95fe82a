import { z } from 'zod';
import { Period, UnitCode } from '../identifiers.ts';
import { ObservationScope } from './observation.ts';

/**
 * Stored view: one row of `consolidated_figures` — for a unit, period and indicator, what the
 * unit reported beside what its children's reports add up to (ARCHITECTURE.md,
 * "Consolidation"). Counts and money are summed; a percentage with a catalog ratio is
 * recomputed from the children's summed numerators and denominators, never averaged;
 * non-additive figures are not derived (`derived` null).
 *
 *   children_reported  children whose current report gives the figure (for a percentage: both
 *                      its numerator and denominator)
 *   children_expected  children in force on the period's date (the register's map then)
 *   coverage           children_reported / children_expected, null when there are no children
 */
export const ConsolidatedFigureV1 = z.object({
  unit: UnitCode,
  period: Period,
  indicator: z.string().min(1),
  /** Whose figure (schemas/records/observation.ts): `derived` exists only for a level of units (`commune`, `district`). */
  scope: ObservationScope,
  reported: z.number().nullable(),
  derived: z.number().nullable(),
  children_reported: z.number().int().min(0),
  children_expected: z.number().int().min(0),
  coverage: z.number().min(0).nullable(),
});
export type ConsolidatedFigure = z.infer<typeof ConsolidatedFigureV1>;
