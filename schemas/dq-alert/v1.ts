import { z } from 'zod';
import { LocalizedText } from '../localized-text.ts';
import { Period, ReportId, UnitCode } from '../identifiers.ts';
import { RuleFamily, Severity } from '../flag/v1.ts';

/**
 * `dq.alert`: one message the notifier sent (or is sending) to a reporting unit about its
 * data-quality flags. Key (envelope `subject`) = the recipient's unit code.
 *
 *   kind = alert            a flag was raised: one flag, status raised
 *        | resolved-notice  a flag that was alerted is gone ("đã khắc phục"): one flag, status resolved
 *        | digest           the daily digest: every alert and notice that accumulated, in `entries`
 *
 * `recipient.role` says why the unit gets it: `owner` (the flag is about its own report) or
 * `parent` (about a unit below it; parent routing is configurable, off by default).
 * `title` and `message` are the rendered text, Vietnamese and English; `alertId` is stable
 * across redeliveries (a receiver can deduplicate on it).
 */
export const AlertRole = z.enum(['owner', 'parent']);
export type AlertRole = z.infer<typeof AlertRole>;

export const AlertKind = z.enum(['alert', 'resolved-notice', 'digest']);
export type AlertKind = z.infer<typeof AlertKind>;

export const AlertEvidence = z.object({
  reportId: ReportId,
  page: z.number().int().min(1),
  quote: z.string(),
});
export type AlertEvidence = z.infer<typeof AlertEvidence>;

/** What one alert says about one flag (also one entry of a digest). */
export const AlertAbout = z.object({
  flagId: z.string().min(1),
  status: z.enum(['raised', 'resolved']),
  ruleId: z.string().min(1),
  family: RuleFamily,
  severity: Severity,
  /** The unit the flag is about (the owner of the report). */
  unit: UnitCode,
  unitName: z.string().min(1),
  period: Period,
  /** The flag's own message (what is wrong). */
  flagMessage: LocalizedText,
  evidence: z.array(AlertEvidence),
  suggestion: LocalizedText.optional(),
});
export type AlertAbout = z.infer<typeof AlertAbout>;

const Recipient = z.object({ unit: UnitCode, unitName: z.string().min(1), role: AlertRole });

export const FlagAlertV1 = AlertAbout.extend({
  alertId: z.string().min(1),
  kind: z.enum(['alert', 'resolved-notice']),
  recipient: Recipient,
  title: LocalizedText,
  message: LocalizedText,
});
export type FlagAlert = z.infer<typeof FlagAlertV1>;

export const DigestEntry = AlertAbout.extend({ kind: z.enum(['alert', 'resolved-notice']), role: AlertRole });
export type DigestEntry = z.infer<typeof DigestEntry>;

export const DigestAlertV1 = z.object({
  alertId: z.string().min(1),
  kind: z.literal('digest'),
  recipient: Recipient.omit({ role: true }),
  title: LocalizedText,
  message: LocalizedText,
  entries: z.array(DigestEntry).min(1),
});
export type DigestAlert = z.infer<typeof DigestAlertV1>;

export const DqAlertV1 = z.discriminatedUnion('kind', [FlagAlertV1, DigestAlertV1]);
export type DqAlert = z.infer<typeof DqAlertV1>;
