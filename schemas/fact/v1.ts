import { z } from 'zod';
import { Evidence } from '../evidence.ts';
import { Period, ReportId } from '../identifiers.ts';

/**
 * A fact is one number with meaning and provenance (ARCHITECTURE.md, "Events").
 * Which numeric fields are present depends on `kind`:
 *   count, money, table-cell → value        ratio, coverage → numerator, denominator, rate?
 *   rate                     → rate (+ numerator/denominator when stated nearby)
 *   breakdown                → total, parts   change → value (the printed change)
 */
export const FactKind = z.enum(['count', 'ratio', 'rate', 'money', 'breakdown', 'coverage', 'table-cell', 'change']);
export type FactKind = z.infer<typeof FactKind>;

/** How a qualifier word bounds the printed number: trên/hơn → above, tối thiểu → at-least, gần/khoảng → approx. */
export const Qualifier = z.enum(['above', 'at-least', 'below', 'at-most', 'approx']);
export type Qualifier = z.infer<typeof Qualifier>;

export const FactPart = z.object({ label: z.string(), value: z.number() });

export const FactV1 = z.object({
  id: z.string().min(1),
  reportId: ReportId,
  kind: FactKind,
  label: z.string(),
  indicator: z.string().optional(),
  value: z.number().optional(),
  numerator: z.number().optional(),
  denominator: z.number().optional(),
  rate: z.number().optional(),
  total: z.number().optional(),
  parts: z.array(FactPart).optional(),
  unit: z.string(),
  qualifier: Qualifier.optional(),
  period: Period.optional(),
  evidence: Evidence,
});
export type Fact = z.infer<typeof FactV1>;
