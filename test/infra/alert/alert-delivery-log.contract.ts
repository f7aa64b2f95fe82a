import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertDeliveryLog } from '../../../infra/alert/alert-delivery-log.ts';
import { AlertDeliveryV1 } from '../../../schemas/records/alert-delivery.ts';
import { aboutFlag, flagAlert } from '../../../services/notifier/alert-content.ts';
import { newDelivery } from '../../../services/notifier/alert-planner.ts';
import { flag } from '../../support/flag-builder.ts';

/** The AlertDeliveryLog contract, run against every adapter (see *.memory.test.ts, *.duckdb.test.ts). */
export function deliveryLogContract(name: string, open: () => Promise<AlertDeliveryLog>): void {
  const T0 = '2026-03-01T00:00:00.000Z';
  const T1 = '2026-03-01T00:01:00.000Z';
  const row = (opts: { mode?: 'immediate' | 'digest'; channel?: 'bus' | 'email' | 'webhook' } = {}) => {
    const f = flag();
    const alert = flagAlert(`alert:${f.id}:90001:1`, 'alert', aboutFlag(f, 'raised', 'Xã Một 1'), { unit: '90001', unitName: 'Xã Một 1', role: 'owner' });
    return newDelivery({ alert, channel: { channel: opts.channel ?? 'webhook', mode: opts.mode ?? 'immediate' }, cycle: 1, eventId: randomUUID(), flagId: f.id, now: T0 });
  };

  describe(`AlertDeliveryLog contract: ${name}`, () => {
    let log: AlertDeliveryLog;
    beforeEach(async () => {
      log = await open();
      await log.init();
    });

    it('adds new rows once, in order, and round-trips them through the record schema', async () => {
      const a = row();
      const b = row({ channel: 'email' });
      const added = await log.add([a, b]);
      expect(added.map((r) => r.delivery_id)).toEqual([a.delivery_id, b.delivery_id]);
      expect(added[1]!.seq).toBeGreaterThan(added[0]!.seq);
      expect(await log.add([a])).toEqual([]);
      const found = await log.find({ flagId: a.flag_id! });
      expect(found).toHaveLength(1);
      expect(AlertDeliveryV1.parse(found[0])).toEqual({ ...a, seq: added[0]!.seq });
      expect(found[0]!.alert).toEqual(a.alert);
    });

    it('saves changes and refuses to save a row it does not hold', async () => {
      const [a] = await log.add([row()]);
      await log.save([{ ...a!, status: 'sent', attempts: 1, response: 'HTTP 200', sent_at: T1, attempt_log: [{ attempt: 1, at: T1, ok: true, response: 'HTTP 200' }] }]);
      const [back] = await log.find({ flagId: a!.flag_id! });
      expect(back).toMatchObject({ status: 'sent', attempts: 1, response: 'HTTP 200', sent_at: T1 });
      expect(back!.attempt_log).toEqual([{ attempt: 1, at: T1, ok: true, response: 'HTTP 200' }]);
      await expect(log.save([{ ...a!, delivery_id: `missing-${randomUUID()}` }])).rejects.toThrow(/missing-/);
    });

    it('says what is due: by time, immediate only, and after what it depends on is sent', async () => {
      const [a, later, digestEntry, dependent] = await log.add([row(), row(), row({ mode: 'digest' }), row()]);
      await log.save([{ ...later!, next_attempt_at: T1 }, { ...dependent!, depends_on: a!.delivery_id }]);
      expect((await log.due(T0, 10)).map((r) => r.delivery_id)).toEqual([a!.delivery_id]);
      expect(await log.nextAttemptAt()).toBe(T0);
      expect((await log.due(T1, 10)).map((r) => r.delivery_id)).toEqual([a!.delivery_id, later!.delivery_id]);
      expect((await log.due(T1, 1)).map((r) => r.delivery_id)).toEqual([a!.delivery_id]);
      await log.save([{ ...a!, status: 'sent', next_attempt_at: null }]);
      expect((await log.due(T1, 10)).map((r) => r.delivery_id)).toEqual([later!.delivery_id, dependent!.delivery_id]);
      expect(await log.find({ awaitingDigest: true })).toEqual([expect.objectContaining({ delivery_id: digestEntry!.delivery_id })]);
      await log.save([{ ...later!, status: 'failed', next_attempt_at: null }, { ...dependent!, status: 'cancelled', next_attempt_at: null, depends_on: a!.delivery_id }]);
      expect(await log.due(T1, 10)).toEqual([]);
      expect(await log.nextAttemptAt()).toBeNull();
    });

    it('finds by recipient, status, digest and dependency', async () => {
      const [a, b] = await log.add([row(), row()]);
      const digestId = `digest-${randomUUID()}`;
      await log.save([{ ...a!, digest_id: digestId, status: 'failed' }, { ...b!, depends_on: a!.delivery_id }]);
      expect((await log.find({ digestId })).map((r) => r.delivery_id)).toEqual([a!.delivery_id]);
      expect((await log.find({ dependsOn: a!.delivery_id })).map((r) => r.delivery_id)).toEqual([b!.delivery_id]);
      const mine = await log.find({ recipientUnit: '90001', status: 'failed' });
      expect(mine.map((r) => r.delivery_id)).toContain(a!.delivery_id);
      expect(mine.map((r) => r.delivery_id)).not.toContain(b!.delivery_id);
    });
  });
}
