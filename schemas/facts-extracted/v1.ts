import { z } from 'zod';
import { ReportId } from '../identifiers.ts';
import { FactV1 } from '../fact/v1.ts';

/** `facts.extracted`: one chunk of a report's facts (large reports arrive in several chunks). */
export const FactsExtractedV1 = z.object({
  reportId: ReportId,
  chunk: z.object({ index: z.number().int().min(0), count: z.number().int().min(1) })
    .refine((c) => c.index < c.count, { message: 'chunk index must be below chunk count' }),
  facts: z.array(FactV1),
});
export type FactsExtracted = z.infer<typeof FactsExtractedV1>;
