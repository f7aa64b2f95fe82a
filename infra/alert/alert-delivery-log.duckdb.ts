import type { Row, SqlDatabase, SqlValue } from '../db/sql-database.ts';
import { AlertDeliveryV1, type AlertDelivery } from '../../schemas/records/alert-delivery.ts';
import type { AlertDeliveryLog, DeliveryFilter, NewDelivery } from './alert-delivery-log.ts';

/**
 * AlertDeliveryLog on DuckDB through the SqlDatabase port: one table, `alert_deliveries`,
 * in the notifier's own database file (`<data>/notifier.duckdb`; the consolidator owns
 * tonghop.duckdb and DuckDB allows one writer). The alert and the attempt log are stored
 * as JSON text, timestamps as ISO strings (they sort as text); rows are validated with
 * the record schema when read back.
 */
const TABLE = 'alert_deliveries';

const COLUMNS = [
  'delivery_id', 'alert_id', 'flag_id', 'event_id', 'recipient_unit', 'role', 'channel', 'kind', 'mode', 'cycle', 'status', 'attempts',
  'last_error', 'response', 'target', 'attempt_log', 'alert', 'digest_id', 'depends_on', 'created_at', 'updated_at', 'next_attempt_at',
  'sent_at', 'closed_at', 'closed_by_event',
] as const satisfies readonly (keyof NewDelivery)[];

const JSON_COLUMNS = new Set<string>(['attempt_log', 'alert']);
const INTEGER_COLUMNS = new Set<string>(['cycle', 'attempts']);

const DDL = [
  `CREATE SEQUENCE IF NOT EXISTS ${TABLE}_seq`,
  `CREATE TABLE IF NOT EXISTS ${TABLE} (
    seq BIGINT NOT NULL DEFAULT nextval('${TABLE}_seq'),
    ${COLUMNS.map((c) => `${c} ${INTEGER_COLUMNS.has(c) ? 'INTEGER' : 'VARCHAR'}${c === 'delivery_id' ? ' PRIMARY KEY' : ''}`).join(',\n    ')}
  )`,
];

export function createDuckDbDeliveryLog(db: SqlDatabase): AlertDeliveryLog {
  const values = (row: NewDelivery): SqlValue[] => COLUMNS.map((c) => (JSON_COLUMNS.has(c) ? JSON.stringify(row[c]) : row[c] as SqlValue));
  const select = (where: string, params: SqlValue[], tail = '') =>
    db.all(`SELECT * FROM ${TABLE} d WHERE ${where} ORDER BY d.seq${tail}`, params).then((rows) => rows.map(fromRow));
  return {
    async init() {
      for (const statement of DDL) await db.run(statement);
    },
    add(rows: readonly NewDelivery[]) {
      if (rows.length === 0) return Promise.resolve([]);
      return db.transaction(async (tx) => {
        const added: AlertDelivery[] = [];
        for (const row of rows) {
          const inserted = await tx.all<{ seq: number }>(
            `INSERT INTO ${TABLE} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
             ON CONFLICT (delivery_id) DO NOTHING RETURNING seq`, values(row));
          if (inserted[0]) added.push({ ...structuredClone(row), seq: inserted[0].seq });
        }
        return added;
      });
    },
    save(rows: readonly AlertDelivery[]) {
      if (rows.length === 0) return Promise.resolve();
      return db.transaction(async (tx) => {
        const updated = COLUMNS.filter((c) => c !== 'delivery_id');
        for (const row of rows) {
          const found = await tx.all(`SELECT 1 AS one FROM ${TABLE} WHERE delivery_id = $1`, [row.delivery_id]);
          if (found.length === 0) throw new Error(`no such delivery: ${row.delivery_id}`);
          await tx.run(
            `UPDATE ${TABLE} SET ${updated.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE delivery_id = $1`,
            [row.delivery_id, ...updated.map((c) => (JSON_COLUMNS.has(c) ? JSON.stringify(row[c]) : row[c] as SqlValue))],
          );
        }
      });
    },
    find(filter: DeliveryFilter = {}) {
      const where: string[] = ['TRUE'];
      const params: SqlValue[] = [];
      const eq = (column: string, value: string | undefined) => {
        if (value === undefined) return;
        params.push(value);
        where.push(`d.${column} = $${params.length}`);
      };
      eq('flag_id', filter.flagId);
      eq('recipient_unit', filter.recipientUnit);
      eq('digest_id', filter.digestId);
      eq('depends_on', filter.dependsOn);
      eq('status', filter.status);
      if (filter.awaitingDigest !== undefined) {
        where.push(`${filter.awaitingDigest ? '' : 'NOT '}(d.mode = 'digest' AND d.kind <> 'digest' AND d.status = 'pending' AND d.digest_id IS NULL)`);
      }
      return select(where.join(' AND '), params);
    },
    due(now: string, limit: number) {
      return select(`${SENDABLE} AND d.next_attempt_at <= $1`, [now], ` LIMIT ${Math.max(0, Math.floor(limit))}`);
    },
    async nextAttemptAt() {
      const rows = await db.all<{ next: string | null }>(`SELECT min(d.next_attempt_at) AS next FROM ${TABLE} d WHERE ${SENDABLE}`);
      return rows[0]?.next ?? null;
    },
  };
}

/** The due rule of alert-delivery-log.ts, in SQL. */
const SENDABLE = `d.status IN ('pending', 'failed') AND d.next_attempt_at IS NOT NULL AND (d.mode = 'immediate' OR d.kind = 'digest')
  AND (d.depends_on IS NULL OR (SELECT p.status FROM ${TABLE} p WHERE p.delivery_id = d.depends_on) = 'sent')`;

function fromRow(row: Row): AlertDelivery {
  const plain: Record<string, unknown> = { ...row };
  for (const c of JSON_COLUMNS) plain[c] = typeof row[c] === 'string' ? JSON.parse(row[c]) : row[c];
  return AlertDeliveryV1.parse(plain);
}
