import { z } from 'zod';
import { ReportId } from './identifiers.ts';

/**
 * Where a number was read: the report, the page (1-based; a DOCX is one page),
 * the character span in that page's NFC text, and the quoted sentence.
 */
export const Evidence = z.object({
  reportId: ReportId,
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string().min(1),
}).refine((e) => e.end >= e.start, { message: 'evidence end must not precede start' });
export type Evidence = z.infer<typeof Evidence>;
