import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../../infra/db/sql-database.duckdb.ts';
import type { SqlDatabase } from '../../../infra/db/sql-database.ts';
import { createDuckDbDeliveryLog } from '../../../infra/alert/alert-delivery-log.duckdb.ts';
import { aboutFlag, flagAlert } from '../../../services/notifier/alert-content.ts';
import { newDelivery } from '../../../services/notifier/alert-planner.ts';
import { flag } from '../../support/flag-builder.ts';
import { deliveryLogContract } from './alert-delivery-log.contract.ts';

const open: SqlDatabase[] = [];
afterAll(async () => {
  for (const db of open) await db.close();
});

deliveryLogContract('duckdb', async () => {
  const db = await openDuckDb({ path: ':memory:', threads: 1 });
  open.push(db);
  return createDuckDbDeliveryLog(db);
});

/** What only a file-backed log can show: the rows survive closing and reopening the database. */
describe('AlertDeliveryLog on a DuckDB file', () => {
  it('keeps rows across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tonghop-deliveries-'));
    try {
      const path = join(dir, 'notifier.duckdb');
      const f = flag();
      const alert = flagAlert(`alert:${f.id}:90001:1`, 'alert', aboutFlag(f, 'raised', 'Xã Một 1'), { unit: '90001', unitName: 'Xã Một 1', role: 'owner' });
      const row = newDelivery({ alert, channel: { channel: 'email', mode: 'immediate' }, cycle: 1, eventId: 'e1', flagId: f.id, now: '2026-03-01T00:00:00.000Z' });
      let db = await openDuckDb({ path, threads: 1 });
      let log = createDuckDbDeliveryLog(db);
      await log.init();
      await log.add([row]);
      await db.close();
      db = await openDuckDb({ path, threads: 1 });
      log = createDuckDbDeliveryLog(db);
      await log.init();
      expect(await log.add([row])).toEqual([]);
      expect((await log.find({ flagId: f.id })).map((r) => [r.delivery_id, r.status, r.alert.title.vi])).toEqual([[row.delivery_id, 'pending', alert.title.vi]]);
      await db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
