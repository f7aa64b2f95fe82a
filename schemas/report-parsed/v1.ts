import { z } from 'zod';
import { LocalizedText } from '../localized-text.ts';
import { Period, ReportId } from '../identifiers.ts';

export const UnitLevel = z.enum(['province', 'district', 'commune']);

/** `report.parsed`: the parser read the document; its pages of text are stored at `textKey`. */
export const ReportParsedV1 = z.object({
  reportId: ReportId,
  objectKey: z.string().min(1),
  textKey: z.string().min(1),
  pages: z.number().int().min(1),
  characters: z.number().int().min(0),
  detected: z.object({
    unit: z.object({ name: z.string(), level: UnitLevel, code: z.string().optional() }).optional(),
    period: Period.optional(),
  }),
  factCount: z.number().int().min(0),
  warnings: z.array(LocalizedText),
});
export type ReportParsed = z.infer<typeof ReportParsedV1>;
