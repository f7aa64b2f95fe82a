import type { AlertDelivery } from '../../schemas/records/alert-delivery.ts';
import type { DigestEntry, FlagAlert } from '../../schemas/dq-alert/v1.ts';
import type { NewDelivery } from '../../infra/alert/alert-delivery-log.ts';
import { digestAlert } from './alert-content.ts';
import { newDelivery } from './alert-planner.ts';

/**
 * Bundles the digest-mode rows that are waiting into one digest per recipient and channel:
 * the digest row to send, and the waiting rows marked as bundled (`digest_id`). A waiting
 * notice whose alert has not been sent yet stays for a later digest.
 */
export interface DigestBundle {
  digests: NewDelivery[];
  bundled: AlertDelivery[];
}

export function bundleDigests(waiting: readonly AlertDelivery[], statusOf: (deliveryId: string) => AlertDelivery['status'] | undefined, now: string): DigestBundle {
  const groups = new Map<string, AlertDelivery[]>();
  for (const row of waiting) {
    if (row.depends_on !== null && statusOf(row.depends_on) !== 'sent') continue;
    const key = `${row.recipient_unit}|${row.channel}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const out: DigestBundle = { digests: [], bundled: [] };
  for (const rows of groups.values()) {
    const first = rows[0]!;
    const entries: DigestEntry[] = rows.map((r) => {
      const { alertId: _a, recipient, title: _t, message: _m, ...about } = r.alert as FlagAlert;
      return { ...about, role: recipient.role };
    });
    const recipient = (first.alert as FlagAlert).recipient;
    const alert = digestAlert(`digest:${first.recipient_unit}:${first.channel}:${now}`, { unit: recipient.unit, unitName: recipient.unitName }, entries);
    const digest = newDelivery({ alert, channel: { channel: first.channel, mode: 'digest' }, cycle: 0, eventId: null, flagId: null, now });
    out.digests.push(digest);
    out.bundled.push(...rows.map((r) => ({ ...r, digest_id: digest.delivery_id, updated_at: now })));
  }
  return out;
}
