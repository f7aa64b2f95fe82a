import { z } from 'zod';
import { LocalizedText } from '../localized-text.ts';
import { Period, ReportId, UnitCode } from '../identifiers.ts';

/**
 * A data-quality flag, shaped like an SDMX VTL validation result plus evidence.
 * `values` holds every number the check used, as printed; `left`/`right` are the two
 * sides compared and `imbalance` their difference (left − right) where that is defined.
 */
export const RuleFamily = z.enum([
  'rate_mismatch', 'sum_mismatch', 'bounds', 'granularity', 'hierarchy', 'conflict', 'outlier', 'completeness',
]);
export type RuleFamily = z.infer<typeof RuleFamily>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const FlagEvidence = z.object({
  reportId: ReportId,
  page: z.number().int().min(1),
  quote: z.string(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  /** Read by OCR from a scan: how sure OCR was of the figure's digits, 0–100 (schemas/evidence.ts). */
  ocrConfidence: z.number().min(0).max(100).optional(),
});

export const FlagV1 = z.object({
  id: z.string().min(1),
  ruleId: z.string().min(1),
  family: RuleFamily,
  severity: Severity,
  unit: UnitCode,
  period: Period,
  left: z.number().nullable(),
  right: z.number().nullable(),
  imbalance: z.number().nullable(),
  values: z.record(z.string(), z.number()),
  message: LocalizedText,
  evidence: z.array(FlagEvidence),
  /** The catalog codes of the figures the check read (empty for a missing report); absent in flags recorded before it existed. */
  indicators: z.array(z.string()).optional(),
  suggestion: LocalizedText.optional(),
  /**
   * Why the flag has its severity (README, "Severity policy"): an error only when every number
   * is exact, its scope and role are certain and the arithmetic fails beyond the printed
   * precision. Absent in flags recorded before it existed.
   */
  severityReason: LocalizedText.optional(),
});
export type Flag = z.infer<typeof FlagV1>;
