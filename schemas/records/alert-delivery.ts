import { z } from 'zod';
import { UnitCode } from '../identifiers.ts';
import { AlertRole, DqAlertV1 } from '../dq-alert/v1.ts';

/**
 * Stored record: one row of the notifier's delivery log (`alert_deliveries` in
 * `<data>/notifier.duckdb`): one message for one recipient on one channel.
 *
 *   delivery_id = alert_id ":" channel
 *   alert_id    = "alert:" flag_id ":" recipient_unit ":" cycle        (kind alert)
 *               | "resolved:" flag_id ":" recipient_unit ":" cycle     (kind resolved-notice)
 *               | "digest:" recipient_unit ":" channel ":" created_at  (kind digest)
 *
 * `cycle` counts how often the flag was raised for this recipient: a flag that resolves and
 * comes back is a new cycle, and gets a new alert. An alert row is `closed_at` once its
 * flag's resolution was handled (`closed_by_event`), whether or not a notice followed.
 *
 * status: pending (waiting, `next_attempt_at` says when) → sent | failed. A failed row with
 * `next_attempt_at` is retried then; without it, it was given up. `cancelled`: the flag
 * resolved before the alert went out, so nothing is sent. `mode` digest rows wait for the
 * next digest (`digest_id` once bundled) and count as sent when their digest is sent.
 * Timestamps are ISO-8601 UTC strings.
 */
export const AlertChannelKind = z.enum(['bus', 'email', 'webhook']);
export type AlertChannelKind = z.infer<typeof AlertChannelKind>;

export const DeliveryStatus = z.enum(['pending', 'sent', 'failed', 'cancelled']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

export const DeliveryAttempt = z.object({
  attempt: z.number().int().min(1),
  at: z.iso.datetime(),
  ok: z.boolean(),
  /** HTTP status line or SMTP reply, when the other side answered. */
  response: z.string().optional(),
  error: z.string().optional(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

export const AlertDeliveryV1 = z.object({
  seq: z.number().int().min(0),
  delivery_id: z.string().min(1),
  alert_id: z.string().min(1),
  /** Null for a digest (its entries name their flags). */
  flag_id: z.string().nullable(),
  /** The dq.flag event that caused the row (redeliveries of it are recognised). */
  event_id: z.string().nullable(),
  recipient_unit: UnitCode,
  role: AlertRole.nullable(),
  channel: AlertChannelKind,
  kind: z.enum(['alert', 'resolved-notice', 'digest']),
  mode: z.enum(['immediate', 'digest']),
  cycle: z.number().int().min(0),
  status: DeliveryStatus,
  attempts: z.number().int().min(0),
  last_error: z.string().nullable(),
  /** The last answer: `HTTP 200`, `250 2.0.0 OK …`, `published`. */
  response: z.string().nullable(),
  /** Where it went: the e-mail addresses or the webhook URL (never the secret). */
  target: z.string().nullable(),
  attempt_log: z.array(DeliveryAttempt),
  alert: DqAlertV1,
  digest_id: z.string().nullable(),
  /** Sent only after this row is sent (a notice after its alert); cancelled if that one never is. */
  depends_on: z.string().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  next_attempt_at: z.iso.datetime().nullable(),
  sent_at: z.iso.datetime().nullable(),
  closed_at: z.iso.datetime().nullable(),
  closed_by_event: z.string().nullable(),
});
export type AlertDelivery = z.infer<typeof AlertDeliveryV1>;
