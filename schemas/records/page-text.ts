import { z } from 'zod';
import { MediaType, ReportId } from '../identifiers.ts';

/**
 * Stored record `parsed/<reportId>/pages.json`: a report's text, page by page, NFC
 * normalised. Fact evidence spans (`start`, `end`) index into `pages[i].text`.
 */
export const PageTextRecordV1 = z.object({
  reportId: ReportId,
  mediaType: MediaType,
  engine: z.string(),
  pages: z.array(z.object({ page: z.number().int().min(1), text: z.string() })).min(1),
});
export type PageTextRecord = z.infer<typeof PageTextRecordV1>;
