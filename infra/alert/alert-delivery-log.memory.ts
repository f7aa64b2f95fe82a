import type { AlertDelivery } from '../../schemas/records/alert-delivery.ts';
import { isSendable, type AlertDeliveryLog, type DeliveryFilter, type NewDelivery } from './alert-delivery-log.ts';

/**
 * AlertDeliveryLog in memory: for tests, and for a notifier that must not keep state.
 * Rows are copied in and out (structuredClone), like a database would.
 */
export function createMemoryDeliveryLog(): AlertDeliveryLog {
  const rows = new Map<string, AlertDelivery>();
  let seq = 0;
  const ordered = () => [...rows.values()].sort((a, b) => a.seq - b.seq);
  return {
    init: () => Promise.resolve(),
    add(items: readonly NewDelivery[]) {
      const added: AlertDelivery[] = [];
      for (const item of items) {
        if (rows.has(item.delivery_id)) continue;
        const row = { ...structuredClone(item), seq: seq++ };
        rows.set(row.delivery_id, row);
        added.push(structuredClone(row));
      }
      return Promise.resolve(added);
    },
    save(items: readonly AlertDelivery[]) {
      const missing = items.filter((r) => !rows.has(r.delivery_id));
      if (missing.length > 0) return Promise.reject(new Error(`no such deliveries: ${missing.map((r) => r.delivery_id).join(', ')}`));
      for (const item of items) rows.set(item.delivery_id, structuredClone(item));
      return Promise.resolve();
    },
    find(filter: DeliveryFilter = {}) {
      return Promise.resolve(ordered().filter((r) => matches(r, filter)).map((r) => structuredClone(r)));
    },
    due(now: string, limit: number) {
      const byId = (id: string) => rows.get(id);
      return Promise.resolve(ordered().filter((r) => isSendable(r, byId) && r.next_attempt_at! <= now).slice(0, limit).map((r) => structuredClone(r)));
    },
    nextAttemptAt() {
      const byId = (id: string) => rows.get(id);
      const times = ordered().filter((r) => isSendable(r, byId)).map((r) => r.next_attempt_at!).sort();
      return Promise.resolve(times[0] ?? null);
    },
  };
}

function matches(r: AlertDelivery, f: DeliveryFilter): boolean {
  return (f.flagId === undefined || r.flag_id === f.flagId)
    && (f.recipientUnit === undefined || r.recipient_unit === f.recipientUnit)
    && (f.digestId === undefined || r.digest_id === f.digestId)
    && (f.dependsOn === undefined || r.depends_on === f.dependsOn)
    && (f.status === undefined || r.status === f.status)
    && (f.awaitingDigest === undefined || (r.mode === 'digest' && r.kind !== 'digest' && r.status === 'pending' && r.digest_id === null) === f.awaitingDigest);
}
