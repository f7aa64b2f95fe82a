import { z } from 'zod';
import { ReportId } from './identifiers.ts';

/**
 * Where a number was read: the report, the page (1-based; a DOCX is one page),
 * the character span in that page's NFC text, and the quoted sentence; where in the quote
 * the figure itself is printed; for a scanned page, how sure OCR was of the digits.
 */
export const Evidence = z.object({
  reportId: ReportId,
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string().min(1),
  /**
   * Where the figure stands in `quote` (character offsets): a sentence holds several figures,
   * and which words are a figure's own depends on where it is (`2.099 hồ sơ, trong đó …, qua
   * dịch vụ bưu chính công ích 23 hồ sơ`: the channel is 23's, not 2.099's).
   */
  figure: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).optional(),
  /** Read by OCR from a scanned page: tesseract's lowest confidence in the figure's digits, 0–100. */
  ocrConfidence: z.number().min(0).max(100).optional(),
}).refine((e) => e.end >= e.start, { message: 'evidence end must not precede start' })
  .refine((e) => !e.figure || (e.figure.start < e.figure.end && e.figure.end <= e.quote.length), { message: 'evidence figure must lie inside the quote' });
export type Evidence = z.infer<typeof Evidence>;
