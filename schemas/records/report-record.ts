import { z } from 'zod';
import { MediaType, ReportId } from '../identifiers.ts';

/**
 * Stored record: one row of the consolidator's `reports` table. A report moves
 * submitted → parsed or → failed; parsed and failed are final for the same bytes.
 */
export const ReportStatus = z.enum(['submitted', 'parsed', 'failed']);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const ReportRecordV1 = z.object({
  report_id: ReportId,
  status: ReportStatus,
  stage: z.enum(['ingest', 'parser', 'consolidator']).nullable(),
  error_code: z.string().nullable(),
  reason_vi: z.string().nullable(),
  reason_en: z.string().nullable(),
  object_key: z.string().nullable(),
  file_name: z.string().nullable(),
  media_type: MediaType.nullable(),
  bytes: z.number().int().nullable(),
  submitted_by: z.string().nullable(),
  submitted_at: z.string().nullable(),
  claimed_unit: z.string(),
  claimed_period: z.string(),
  pages: z.number().int().nullable(),
  characters: z.number().int().nullable(),
  text_key: z.string().nullable(),
  fact_count: z.number().int(),
  detected_unit: z.string().nullable(),
  detected_level: z.enum(['province', 'district', 'commune']).nullable(),
  detected_period: z.string().nullable(),
  /** The GSO code the register matched the detected name to. */
  detected_code: z.string().nullable(),
  /** How many facts report.parsed announced; the report is consolidated once all are stored. */
  expected_facts: z.number().int().nullable(),
  /** The unit and period the report is consolidated under: claimed when given, else detected. */
  unit_code: z.string().nullable(),
  period: z.string().nullable(),
  as_of: z.string().nullable(),
  consolidated_at: z.string().nullable(),
  /** The periods the report gives figures for, comma-separated and sorted; null until consolidated. */
  observed_periods: z.string().nullable(),
  updated_at: z.string(),
});
export type ReportRecord = z.infer<typeof ReportRecordV1>;
