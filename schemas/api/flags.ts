import { z } from 'zod';
import { FlagV1, RuleFamily, Severity } from '../flag/v1.ts';
import { Period, UnitCode } from '../identifiers.ts';
import { ExportFormat } from './export-format.ts';

/** Flags with their lifecycle. `flag.evidence` holds page, quote and span; `indicators` the indicators of the quoted figures. */
export const FlagsQuery = z.object({
  unit: UnitCode.optional().describe('this unit and every unit under it'),
  period: Period.optional(),
  severity: Severity.optional().describe('this severity or worse'),
  family: RuleFamily.optional(),
  status: z.enum(['raised', 'resolved', 'all']).default('raised'),
  format: ExportFormat.optional(),
});

export const ApiFlag = z.object({
  status: z.enum(['raised', 'resolved']),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  indicators: z.array(z.string()),
  flag: FlagV1,
}).meta({ id: 'Flag' });
export type ApiFlag = z.infer<typeof ApiFlag>;

export const FlagsResponse = z.object({ flags: z.array(ApiFlag), truncated: z.boolean() });
