import { z } from 'zod';
import { MediaType, Period, ReportId, UnitCode } from '../identifiers.ts';

/** `report.submitted`: ingest stored the original file and hands it to the parser. */
export const ReportSubmittedV1 = z.object({
  reportId: ReportId,
  objectKey: z.string().min(1),
  fileName: z.string().min(1),
  mediaType: MediaType,
  bytes: z.number().int().positive(),
  submittedBy: z.string().min(1),
  submittedAt: z.iso.datetime(),
  claimed: z.object({ unit: UnitCode, period: Period }),
});
export type ReportSubmitted = z.infer<typeof ReportSubmittedV1>;
