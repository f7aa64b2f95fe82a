import { z } from 'zod';
import { ReportId } from '../identifiers.ts';

/**
 * `report.progress`: how far a long step on one report has gone, for whoever watches
 * (`tonghop ingest` prints it; a dashboard may show it). Today the parser publishes one per
 * page read by OCR, since a scan of 60 pages takes a minute or more. Nothing depends on it:
 * a lost progress event loses nothing.
 */
export const ReportProgressV1 = z.object({
  reportId: ReportId,
  stage: z.literal('parser'),
  step: z.literal('ocr'),
  /** The page just finished (1-based). */
  page: z.number().int().min(1),
  done: z.number().int().min(0),
  total: z.number().int().min(1),
  /** Tesseract's mean word confidence on the page, 0–100. */
  confidence: z.number().min(0).max(100),
  fileName: z.string().optional(),
});
export type ReportProgress = z.infer<typeof ReportProgressV1>;
