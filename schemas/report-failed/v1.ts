import { z } from 'zod';
import { LocalizedText } from '../localized-text.ts';
import { Period, ReportId, UnitCode } from '../identifiers.ts';

/**
 * `report.failed`: a report could not be taken further. `reason` is for the person who
 * submitted it; `code` is a TH_ERR_* code from infra/errors/error-catalog.ts.
 */
export const ReportFailedV1 = z.object({
  reportId: ReportId,
  stage: z.enum(['ingest', 'parser', 'consolidator']),
  code: z.string().regex(/^TH_ERR_[A-Z0-9_]+$/),
  reason: LocalizedText,
  retriable: z.boolean(),
  fileName: z.string().optional(),
  bytes: z.number().int().min(0).optional(),
  claimed: z.object({ unit: UnitCode, period: Period }).optional(),
  quarantineKey: z.string().optional(),
});
export type ReportFailed = z.infer<typeof ReportFailedV1>;
