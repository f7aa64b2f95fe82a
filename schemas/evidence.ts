import { z } from 'zod';
import { ReportId } from './identifiers.ts';

/**
 * Where a number was read: the report, the page (1-based; a DOCX is one page),
 * the character span in that page's NFC text, and the quoted sentence; for a scanned page,
 * how sure OCR was of the digits.
 */
export const Evidence = z.object({
  reportId: ReportId,
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string().min(1),
  /** Read by OCR from a scanned page: tesseract's lowest confidence in the figure's digits, 0–100. */
  ocrConfidence: z.number().min(0).max(100).optional(),
}).refine((e) => e.end >= e.start, { message: 'evidence end must not precede start' });
export type Evidence = z.infer<typeof Evidence>;
