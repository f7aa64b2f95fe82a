import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openContactStore } from '../../pipelines/adapters.ts';
import { loadConfig } from '../../pipelines/config.ts';
import { startNotifier } from '../../pipelines/notifier-wiring.ts';
import { nextDailyRun } from '../../pipelines/daily-timer.ts';
import type { EventOf, EventType } from '../../schemas/events.ts';
import { flag, flagEvent } from '../support/flag-builder.ts';
import { capturingLogger } from '../support/silent-logger.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';

/**
 * The notifier as the pipelines build it: contacts file, its own DuckDB delivery log, real
 * SMTP (smtp-server) and webhook (node:http) receivers on 127.0.0.1, the shipped register.
 * 26734 (Phường Tân Định) is under 760 in the pre-2025 map.
 */
describe('notifier wiring: contacts file → DuckDB log → SMTP and webhook', () => {
  let dir: string;
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  const hookSecret = `hook-${randomUUID()}`;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-notifier-'));
    sink = await startSmtpSink();
    receiver = await startWebhookReceiver(hookSecret);
  });
  afterEach(async () => {
    await sink.close();
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function config(contacts: unknown, env: Record<string, string> = {}) {
    const file = join(dir, 'contacts.json');
    await writeFile(file, JSON.stringify(contacts));
    return loadConfig({ TONGHOP_CONTACTS_FILE: file, TONGHOP_SMTP_URL: sink.url, TONGHOP_ALERT_RETRY_MS: '5', ...env }, { dataDir: dir });
  }

  it('delivers by e-mail and signed webhook, to the parent too, and never twice across a restart', async () => {
    const c = await config({ version: 1, units: [
      { unit: '26734', email: ['xa@26734.example.vn'], webhook: { url: receiver.url, secret: hookSecret }, notifyParent: true },
      { unit: '760', email: ['huyen@760.example.vn'] },
    ] });
    expect(c.alerts.dbPath).toBe(join(dir, 'notifier.duckdb'));
    receiver.answers.push({ status: 500 }); // the first POST fails, the retry succeeds
    const published: EventOf<EventType>[] = [];
    const bus = { publish: (e: EventOf<EventType>) => { published.push(e); return Promise.resolve(); } };
    const { log } = capturingLogger();
    const f = flag({ unit: '26734', period: '2022' });
    const raised = flagEvent(f, 'raised');

    let contacts = await openContactStore(c, log);
    let notifier = await startNotifier(c.alerts, bus, log, contacts);
    await notifier.service.onFlag(raised);
    for (let i = 0; i < 100 && receiver.received.filter((r) => r.signatureValid).length < 2; i++) {
      await notifier.whenIdle();
      await new Promise((r) => setTimeout(r, 10));
    }
    await notifier.whenIdle();
    await notifier.stop();
    await contacts.close();

    expect(published.map((e) => e.subject).sort()).toEqual(['26734', '760']);
    expect(sink.mails.map((m) => m.envelopeTo[0]).sort()).toEqual(['huyen@760.example.vn', 'xa@26734.example.vn']);
    const parentMail = sink.mails.find((m) => m.envelopeTo[0] === 'huyen@760.example.vn')!;
    expect(parentMail.subject).toMatch(/\(26734\): lỗi — rate\.ho_so_dung_han/);
    expect(receiver.received.map((r) => r.signatureValid)).toEqual([true, true]);
    expect(receiver.received[0]!.headers['x-tonghop-delivery']).toBe(receiver.received[1]!.headers['x-tonghop-delivery']);

    // Restart over the same files: a redelivered raise sends nothing; the resolution sends one notice each.
    contacts = await openContactStore(c, log);
    notifier = await startNotifier(c.alerts, bus, log, contacts);
    await notifier.service.onFlag(raised);
    await notifier.service.onFlag(flagEvent(f, 'resolved'));
    for (let i = 0; i < 100 && sink.mails.length < 4; i++) {
      await notifier.whenIdle();
      await new Promise((r) => setTimeout(r, 10));
    }
    await notifier.whenIdle();
    await notifier.stop();
    await contacts.close();
    expect(sink.mails.slice(2).map((m) => m.subject).every((s) => s?.startsWith('[tonghop] Đã khắc phục'))).toBe(true);
    expect(sink.mails).toHaveLength(4);
    expect(receiver.received.filter((r) => r.signatureValid)).toHaveLength(3);
    expect(published).toHaveLength(4);
  });

  it('fails fast on an invalid contacts file, or on e-mail contacts without SMTP', async () => {
    const bus = { publish: () => Promise.resolve() };
    const { log } = capturingLogger();
    const bad = await config({ version: 1, units: [{ unit: '26734', email: ['nope'] }] });
    await expect(openContactStore(bad, log)).rejects.toMatchObject({ code: 'TH_ERR_CONTACTS_INVALID' });
    const mail = await config({ version: 1, units: [{ unit: '26734', email: ['a@b.vn'] }] });
    const store = await openContactStore(mail, log);
    await expect(startNotifier({ ...mail.alerts, smtpUrl: undefined }, bus, log, store)).rejects.toThrow(/TONGHOP_SMTP_URL/);
    await store.close();
  });

  it('starts with no contacts when the file does not exist yet, and applies an admin\'s change while running', async () => {
    const c = loadConfig({ TONGHOP_CONTACTS_FILE: join(dir, 'later.json'), TONGHOP_ALERT_RETRY_MS: '5' }, { dataDir: dir });
    const { log, lines } = capturingLogger();
    const published: EventOf<EventType>[] = [];
    const contacts = await openContactStore(c, log);
    const notifier = await startNotifier(c.alerts, { publish: (e) => { published.push(e); return Promise.resolve(); } }, log, contacts);
    try {
      await notifier.service.onFlag(flagEvent(flag({ unit: '26734', period: '2022' }), 'raised'));
      await notifier.whenIdle();
      expect(receiver.received).toHaveLength(0);
      await contacts.put({ unit: '26734', webhook: { url: receiver.url, secret: hookSecret } });
      expect(JSON.parse(await readFile(join(dir, 'later.json'), 'utf8'))).toMatchObject({ version: 1, units: [{ unit: '26734' }] });
      await notifier.service.onFlag(flagEvent(flag({ unit: '26734', period: '2023' }), 'raised'));
      for (let i = 0; i < 100 && receiver.received.length < 1; i++) {
        await notifier.whenIdle();
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(receiver.received.map((r) => r.signatureValid)).toEqual([true]);
      // A change this notifier cannot use (e-mail, but no SMTP here) is not applied: the webhook stays in force.
      await contacts.put({ unit: '26734', email: ['x@y.vn'] });
      expect(lines.some((l) => l.msg === 'contacts change not applied; the previous contacts stay in force')).toBe(true);
      await notifier.service.onFlag(flagEvent(flag({ unit: '26734', period: '2024' }), 'raised'));
      for (let i = 0; i < 100 && receiver.received.length < 2; i++) {
        await notifier.whenIdle();
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(receiver.received).toHaveLength(2);
    } finally {
      await notifier.stop();
      await contacts.close();
    }
  });

  it('schedules the daily digest at HH:MM Vietnam time', () => {
    expect(nextDailyRun('07:00', new Date('2026-03-01T23:59:00Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(nextDailyRun('07:00', new Date('2026-03-02T00:00:00Z')).toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(nextDailyRun('18:30', new Date('2026-03-02T00:00:00Z')).toISOString()).toBe('2026-03-02T11:30:00.000Z');
    expect(() => loadConfig({ TONGHOP_DIGEST_TIME: '7h' })).toThrow(/TONGHOP_DIGEST_TIME/);
  });
});
