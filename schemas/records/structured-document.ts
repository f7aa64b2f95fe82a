import { z } from 'zod';
import { LocalizedText } from '../localized-text.ts';
import { MediaType, ReportId } from '../identifiers.ts';

/**
 * Stored record `parsed/<reportId>/document.json`: a report's text as the extractors
 * read it, page by page, NFC. Blocks and cells are half-open spans [start, end) into
 * their page's `text`; fact evidence uses the same spans (services/parser/document-model.ts).
 */
const Span = { start: z.number().int().min(0), end: z.number().int().min(0) };

const Cell = z.object({ ...Span, colSpan: z.number().int().min(1).optional(), rowSpan: z.number().int().min(1).optional() });

const Block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), index: z.number().int().min(0), ...Span, heading: z.boolean().optional(), continues: z.boolean().optional() }),
  z.object({ kind: z.literal('table'), index: z.number().int().min(0), ...Span, rows: z.array(z.object({ cells: z.array(Cell) })) }),
]);

export const StructuredDocumentRecordV1 = z.object({
  reportId: ReportId,
  mediaType: MediaType,
  engine: z.string(),
  warnings: z.array(LocalizedText),
  pages: z.array(z.object({
    page: z.number().int().min(1),
    text: z.string(),
    blocks: z.array(Block),
    /** Read by OCR: mean word confidence and each number's confidence, as spans of `text`. */
    ocr: z.object({
      confidence: z.number().min(0).max(100),
      numbers: z.array(z.object({ ...Span, confidence: z.number().min(0).max(100) })),
    }).optional(),
  })).min(1),
});
export type StructuredDocumentRecord = z.infer<typeof StructuredDocumentRecordV1>;
