import { z } from 'zod';
import { Evidence } from '../evidence.ts';
import { Period, ReportId } from '../identifiers.ts';

/**
 * A fact is one number with meaning and provenance (ARCHITECTURE.md, "Events").
 * Which numeric fields are present depends on `kind`:
 *   count, money, table-cell → value        ratio, coverage → numerator, denominator, rate?
 *   rate                     → rate (+ numerator/denominator when stated nearby)
 *   breakdown                → total, parts   change → value (the printed change)
 *   share                    → rate, total? (the stated base the percentage is of)
 *   enumeration              → value (the stated count), names (what was listed)
 *   table-cell               → value, table (where the cell sits)
 */
export const FactKind = z.enum(['count', 'ratio', 'rate', 'money', 'breakdown', 'coverage', 'share', 'enumeration', 'table-cell', 'change']);
export type FactKind = z.infer<typeof FactKind>;

/** How a qualifier word bounds the printed number: trên/hơn → above, tối thiểu → at-least, gần/khoảng → approx. */
export const Qualifier = z.enum(['above', 'at-least', 'below', 'at-most', 'approx']);
export type Qualifier = z.infer<typeof Qualifier>;

export const FactPart = z.object({ label: z.string(), value: z.number() });

/** Where a table cell sits: row label, column header, and the numbered row a `-` sub-row belongs to. */
export const TableCellRef = z.object({
  index: z.number().int().min(0),
  row: z.number().int().min(0),
  column: z.number().int().min(0),
  rowLabel: z.string(),
  columnHeader: z.string(),
  parentRowLabel: z.string().optional(),
});

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
  names: z.array(z.string()).optional(),
  /** breakdown: the words that introduced the parts (`trong đó`, `gồm`, `cụ thể`, `(`); `trong đó` parts may not cover the total. */
  cue: z.string().optional(),
  table: TableCellRef.optional(),
  unit: z.string(),
  qualifier: Qualifier.optional(),
  period: Period.optional(),
  evidence: Evidence,
});
export type Fact = z.infer<typeof FactV1>;
