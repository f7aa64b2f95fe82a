import type { SqlDatabase, SqlExecutor, SqlValue } from '../../infra/db/sql-database.ts';
import { createEvent, EventSchemas, type EventOf } from '../../schemas/events.ts';
import { insertRows } from './bulk-insert.ts';
import type { FlagChange } from './flag-lifecycle.ts';

/**
 * The transactional outbox of `dq.flag` events (table `flag_outbox`).
 *
 * A flag change and its event are written in the same transaction; the event leaves the
 * outbox only once the bus has taken it. A crash between commit and publish therefore loses
 * nothing: the next start (or the next consolidation) publishes what is still there, in the
 * order it was written. The price is at-least-once: a crash after publishing but before the
 * delete sends the event again with the same id, which consumers already deduplicate on
 * (the notifier keys its deliveries by flag and event id).
 *
 *   flag_outbox(seq, event_id, event JSON, created_at)     seq: write order
 *   (created in consolidation-schema.ts)
 */
const SOURCE = 'tonghop/consolidator';

/** Writes one `dq.flag` event per change into the outbox, inside the caller's transaction. */
export async function enqueueFlagEvents(tx: SqlExecutor, changes: readonly FlagChange[], now = new Date()): Promise<number> {
  const rows: SqlValue[][] = changes.map(({ status, flag }) => {
    const event = createEvent({ type: 'dq.flag', source: SOURCE, subject: flag.unit, id: `${flag.id}:${status}:${now.getTime()}`, time: now, data: { status, flag } });
    return [event.id, JSON.stringify(event), now.toISOString()];
  });
  await insertRows(tx, 'flag_outbox', ['event_id', 'event', 'created_at'], rows);
  return rows.length;
}

/**
 * Publishes everything in the outbox, oldest first, removing each batch once the bus has
 * taken it. Calls are serialised by the caller (one drain at a time); a publish that throws
 * leaves that event and the ones after it for the next drain. Returns how many were published.
 */
export async function drainFlagOutbox(db: SqlDatabase, publish: (event: EventOf<'dq.flag'>) => Promise<void>, batch = 500): Promise<number> {
  let published = 0;
  for (;;) {
    const rows = await db.all<{ seq: number; event: string }>(`SELECT seq, event FROM flag_outbox ORDER BY seq LIMIT ${batch}`);
    if (rows.length === 0) return published;
    let done = 0;
    try {
      for (const row of rows) {
        await publish(EventSchemas['dq.flag'].parse(JSON.parse(row.event)));
        done++;
      }
    } finally {
      if (done > 0) await db.run(`DELETE FROM flag_outbox WHERE seq <= $1`, [rows[done - 1]!.seq]);
      published += done;
    }
  }
}
