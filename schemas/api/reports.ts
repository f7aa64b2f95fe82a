import { z } from 'zod';
import { FactV1 } from '../fact/v1.ts';
import { LocalizedText } from '../localized-text.ts';
import { Period, ReportId, UnitCode } from '../identifiers.ts';
import { ReportStatus } from '../records/report-record.ts';
import { ApiFlag } from './flags.ts';

/**
 * A report as the API shows it. `unit`/`period`: what it is consolidated under (claimed when
 * given, else detected; the claim until it is parsed).
 */
export const ReportSummary = z.object({
  reportId: ReportId,
  status: ReportStatus,
  unit: z.string(),
  period: z.string(),
  claimedUnit: z.string(),
  claimedPeriod: z.string(),
  detectedUnit: z.string().nullable(),
  detectedPeriod: z.string().nullable(),
  fileName: z.string().nullable(),
  mediaType: z.string().nullable(),
  bytes: z.number().int().nullable(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  pages: z.number().int().nullable(),
  factCount: z.number().int(),
  errorCode: z.string().nullable(),
  reason: LocalizedText.nullable(),
}).meta({ id: 'ReportSummary' });
export type ReportSummary = z.infer<typeof ReportSummary>;

export const ReportsQuery = z.object({
  unit: UnitCode.optional().describe('exactly this unit'),
  period: Period.optional(),
  status: ReportStatus.optional(),
});

export const ReportsResponse = z.object({ reports: z.array(ReportSummary), truncated: z.boolean() });

export const ReportParams = z.object({ id: ReportId });

export const ReportDetail = ReportSummary.extend({
  facts: z.array(FactV1),
  flags: z.array(ApiFlag),
  /** Where the original file is (GET). */
  fileUrl: z.string(),
}).meta({ id: 'ReportDetail' });

/** Multipart fields of POST /v1/reports besides `file`. */
export const IntakeFields = z.object({
  claimedPeriod: Period,
  claimedUnit: UnitCode.optional().describe('default: the token’s unit'),
});

export const IntakeAccepted = z.object({
  reportId: ReportId,
  status: z.enum(['accepted', 'duplicate']),
  unit: UnitCode,
  period: Period,
  fileName: z.string(),
  bytes: z.number().int(),
  /** GET it for status, facts and flags once parsed. */
  reportUrl: z.string(),
}).meta({ id: 'IntakeAccepted' });
