import type { AlertDelivery } from '../../schemas/records/alert-delivery.ts';

/**
 * AlertDeliveryLog: the notifier's persistent record of every message it owes or sent
 * (schemas/records/alert-delivery.ts). It is what makes alerts exactly-once per recipient
 * and channel from the unit's point of view, across redelivered events and restarts.
 *
 * In it: adding rows (an id already present is left alone, so adding is idempotent),
 * saving changed rows, finding rows, and the two questions the delivery worker asks:
 * which rows are due now, and when the next one will be. A row is due when it is pending
 * or failed with `next_attempt_at` ≤ now, is sent on its own (mode immediate, or a digest),
 * and what it depends on (`depends_on`) has been sent.
 *
 * Deliberately left out: the decisions (who gets what, when a notice follows) — those are
 * the notifier's; SQL, connections and transactions across calls. One notifier process
 * writes one log.
 */
export type NewDelivery = Omit<AlertDelivery, 'seq'>;

export interface DeliveryFilter {
  flagId?: string;
  recipientUnit?: string;
  digestId?: string;
  dependsOn?: string;
  status?: AlertDelivery['status'];
  /** Digest-mode entries not yet bundled into a digest. */
  awaitingDigest?: boolean;
}

export interface AlertDeliveryLog {
  /** Creates the storage if needed. */
  init(): Promise<void>;
  /** Adds the rows whose `delivery_id` is new, in order; returns those added (with their `seq`). */
  add(rows: readonly NewDelivery[]): Promise<AlertDelivery[]>;
  /** Replaces rows already present (matched by `delivery_id`), atomically. */
  save(rows: readonly AlertDelivery[]): Promise<void>;
  /** Rows matching every given field, oldest first (by `seq`). */
  find(filter?: DeliveryFilter): Promise<AlertDelivery[]>;
  /** Up to `limit` rows due at `now` (ISO), oldest first. */
  due(now: string, limit: number): Promise<AlertDelivery[]>;
  /** The earliest `next_attempt_at` among rows that will become due by time alone; null if none. */
  nextAttemptAt(): Promise<string | null>;
}

/** The due rule, shared by the adapters that filter in code. */
export function isSendable(row: AlertDelivery, byId: (id: string) => AlertDelivery | undefined): boolean {
  if (row.status !== 'pending' && row.status !== 'failed') return false;
  if (row.next_attempt_at === null) return false;
  if (row.mode === 'digest' && row.kind !== 'digest') return false;
  return row.depends_on === null || byId(row.depends_on)?.status === 'sent';
}
