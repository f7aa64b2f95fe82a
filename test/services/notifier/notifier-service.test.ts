import { afterEach, describe, expect, it } from 'vitest';
import { EventSchemas } from '../../../schemas/events.ts';
import type { FlagAlert } from '../../../schemas/dq-alert/v1.ts';
import { flag, flagEvent } from '../../support/flag-builder.ts';
import { notifierHarness, secret, type NotifierHarness } from '../../support/notifier-harness.ts';

const WEBHOOK = 'https://xa-mot-1.example.vn/hooks/tonghop';
const both = (unit = '90001', more: Record<string, unknown> = {}) => ({ unit, email: [`vanphong@${unit}.example.vn`], webhook: { url: WEBHOOK, secret: secret() }, ...more });

describe('notifier: routing, channels and the dq.alert event', () => {
  let h: NotifierHarness;
  afterEach(() => h.service.close());

  it('sends a raised flag to the owner on the bus, by e-mail and by webhook, with evidence and suggestion', async () => {
    h = await notifierHarness({ contacts: [both()] });
    const f = flag();
    await h.service.onFlag(flagEvent(f, 'raised'));
    await h.service.whenIdle();
    expect(h.published).toHaveLength(1);
    const event = EventSchemas['dq.alert'].parse(h.published[0]);
    expect(event.subject).toBe('90001');
    const alert = event.data as FlagAlert;
    expect(alert).toMatchObject({
      kind: 'alert', status: 'raised', flagId: f.id, recipient: { unit: '90001', unitName: 'Xã Một 1', role: 'owner' },
      evidence: [{ reportId: 'a'.repeat(64), page: 3, quote: f.evidence[0]!.quote }], suggestion: f.suggestion,
    });
    expect(alert.message.vi).toContain('Đề xuất sửa: Có thể là 99,96%');
    expect(alert.message.en).toContain('Suggested fix: Probably 99.96%');
    expect(h.email.sent.map((s) => s.target)).toEqual([{ kind: 'email', to: ['vanphong@90001.example.vn'] }]);
    expect(h.email.sent[0]!.message.subject).toContain('Xã Một 1 (90001): lỗi — rate.ho_so_dung_han');
    expect(h.webhook.sent.map((s) => s.message.event)).toEqual([event]);
    const rows = await h.deliveries.find({ flagId: f.id });
    expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([['bus', 'sent', 1], ['email', 'sent', 1], ['webhook', 'sent', 1]]);
    // Every log line about it names the report and the unit.
    const about = h.lines.filter((l) => l.flagId === f.id);
    expect(about.length).toBeGreaterThanOrEqual(4);
    for (const line of about) expect(line).toMatchObject({ reportId: 'a'.repeat(64), unit: '90001' });
  });

  it('without a contact, only publishes dq.alert', async () => {
    h = await notifierHarness();
    await h.service.onFlag(flagEvent(flag({ unit: '90002' }), 'raised'));
    await h.service.whenIdle();
    expect(h.published.map((e) => e.subject)).toEqual(['90002']);
    expect(h.email.sent).toEqual([]);
    expect(h.webhook.sent).toEqual([]);
  });

  it('routes to the parent only when configured (per unit or by default)', async () => {
    h = await notifierHarness({ contacts: [both('90001', { notifyParent: true }), { unit: '901', email: ['huyen@901.example.vn'] }] });
    await h.service.onFlag(flagEvent(flag({ unit: '90001' }), 'raised'));
    await h.service.onFlag(flagEvent(flag({ unit: '90002' }), 'raised'));
    await h.service.whenIdle();
    const recipients = h.published.map((e) => `${e.subject}:${(e.data as FlagAlert).recipient.role}:${(e.data as FlagAlert).unit}`).sort();
    expect(recipients).toEqual(['90001:owner:90001', '90002:owner:90002', '901:parent:90001']);
    expect(h.email.sent.map((s) => s.target)).toEqual(expect.arrayContaining([{ kind: 'email', to: ['huyen@901.example.vn'] }]));
    const parentMail = h.email.sent.find((s) => s.message.event.subject === '901')!;
    expect(parentMail.message.text).toContain('đơn vị trực thuộc Xã Một 1 (90001)');
    await h.service.close();

    h = await notifierHarness({ defaults: { notifyParent: true } });
    await h.service.onFlag(flagEvent(flag({ unit: '90002' }), 'raised'));
    await h.service.whenIdle();
    expect(h.published.map((e) => e.subject).sort()).toEqual(['90002', '901']);
  });

  it('does not route a flag whose unit is unknown', async () => {
    h = await notifierHarness();
    await h.service.onFlag(flagEvent(flag({ unit: 'unknown' }), 'raised'));
    await h.service.whenIdle();
    expect(h.published).toEqual([]);
  });
});

describe('notifier: dedup and resolved notices', () => {
  let h: NotifierHarness;
  afterEach(() => h.service.close());

  it('sends nothing twice: a redelivered event, a second raise of an open flag, a restarted notifier', async () => {
    h = await notifierHarness({ contacts: [both()] });
    const f = flag();
    const raised = flagEvent(f, 'raised');
    await h.service.onFlag(raised);
    await h.service.whenIdle();
    await h.service.onFlag(raised);
    await h.service.onFlag(flagEvent(f, 'raised'));
    await h.service.whenIdle();
    expect([h.published.length, h.email.sent.length, h.webhook.sent.length]).toEqual([1, 1, 1]);
    // A new process over the same delivery log.
    await h.service.close();
    const again = await notifierHarness({ contacts: [both()], deliveries: h.deliveries });
    await again.service.onFlag(raised);
    await again.service.whenIdle();
    expect([again.published.length, again.email.sent.length, again.webhook.sent.length]).toEqual([0, 0, 0]);
    h = again;
  });

  it('sends one short "đã khắc phục" notice for an alerted flag, and a new alert if it comes back', async () => {
    h = await notifierHarness({ contacts: [both()] });
    const f = flag();
    await h.service.onFlag(flagEvent(f, 'raised'));
    await h.service.whenIdle();
    const resolved = flagEvent(f, 'resolved');
    await h.service.onFlag(resolved);
    await h.service.onFlag(resolved); // redelivered
    await h.service.whenIdle();
    expect(h.published.map((e) => e.data.kind)).toEqual(['alert', 'resolved-notice']);
    const notice = h.published[1]!.data as FlagAlert;
    expect(notice).toMatchObject({ status: 'resolved', flagId: f.id, title: { vi: 'Đã khắc phục: Xã Một 1 (90001) — rate.ho_so_dung_han' } });
    expect(notice.message.vi).toMatch(/^Đã khắc phục/);
    expect(notice.message.vi.length).toBeLessThan((h.published[0]!.data as FlagAlert).message.vi.length / 2);
    expect(h.email.sent.map((s) => s.message.subject)).toEqual([expect.stringContaining('lỗi'), expect.stringMatching(/^\[tonghop\] Đã khắc phục/)]);
    expect(h.webhook.sent).toHaveLength(2);
    // Raised again after the resolution: news again, once.
    const back = flagEvent(f, 'raised');
    await h.service.onFlag(back);
    await h.service.onFlag(back);
    await h.service.whenIdle();
    expect(h.published.map((e) => e.id)).toEqual([`alert:${f.id}:90001:1`, `resolved:${f.id}:90001:1`, `alert:${f.id}:90001:2`]);
  });

  it('sends nothing for a resolved flag that was never alerted', async () => {
    h = await notifierHarness({ contacts: [both()] });
    await h.service.onFlag(flagEvent(flag(), 'resolved'));
    await h.service.whenIdle();
    expect([h.published.length, h.email.sent.length, h.webhook.sent.length]).toEqual([0, 0, 0]);
  });

  it('cancels an alert still waiting for a retry when its flag resolves, and sends no notice on that channel', async () => {
    h = await notifierHarness({ contacts: [both()], retry: { maxAttempts: 5, initialDelayMs: 60_000 } });
    h.webhook.script.push({ ok: false, retriable: true, error: 'HTTP 503', response: 'HTTP 503' });
    const f = flag();
    await h.service.onFlag(flagEvent(f, 'raised'));
    await h.service.whenIdle();
    await h.service.onFlag(flagEvent(f, 'resolved'));
    await h.service.whenIdle();
    const rows = await h.deliveries.find({ flagId: f.id });
    expect(rows.map((r) => `${r.kind}/${r.channel}/${r.status}`)).toEqual([
      'alert/bus/sent', 'alert/email/sent', 'alert/webhook/cancelled', 'resolved-notice/bus/sent', 'resolved-notice/email/sent',
    ]);
    expect(h.webhook.sent).toEqual([]);
  });
});

describe('notifier: delivery off the hot path, failures and retries', () => {
  let h: NotifierHarness;
  afterEach(() => h.service.close());

  it('returns from the dq.flag handler without waiting for a slow channel', async () => {
    h = await notifierHarness({ contacts: [both()] });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    h.webhook.script.push(async () => {
      await gate;
      return { ok: true, response: 'HTTP 200' };
    });
    const started = Date.now();
    await h.service.onFlag(flagEvent(flag(), 'raised'));
    expect(Date.now() - started).toBeLessThan(1_000);
    let idle = false;
    const waiting = h.service.whenIdle().then(() => (idle = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(idle).toBe(false);
    expect(h.email.sent).toHaveLength(1); // the other channels are not held up
    release();
    await waiting;
    expect(h.webhook.sent).toHaveLength(1);
  });

  it('retries a failing channel with backoff, logs every attempt, and keeps sending on the others', async () => {
    h = await notifierHarness({ contacts: [both()], retry: { maxAttempts: 4, initialDelayMs: 5 } });
    h.webhook.script.push(
      { ok: false, retriable: true, error: 'HTTP 503', response: 'HTTP 503' },
      () => Promise.reject(new Error('socket hang up')),
    );
    const f = flag();
    await h.service.onFlag(flagEvent(f, 'raised'));
    const webhookRow = async () => (await h.deliveries.find({ flagId: f.id })).find((r) => r.channel === 'webhook')!;
    for (let i = 0; i < 100 && (await webhookRow()).status !== 'sent'; i++) {
      await h.service.whenIdle();
      await new Promise((r) => setTimeout(r, 10));
    }
    const rows = await h.deliveries.find({ flagId: f.id });
    expect(rows.map((r) => [r.channel, r.status, r.attempts])).toEqual([['bus', 'sent', 1], ['email', 'sent', 1], ['webhook', 'sent', 3]]);
    const hook = rows[2]!;
    expect(hook.attempt_log.map((a) => [a.attempt, a.ok, a.error ?? a.response])).toEqual([[1, false, 'HTTP 503'], [2, false, 'socket hang up'], [3, true, 'webhook ok']]);
    expect(hook.last_error).toBe('socket hang up');
    expect(hook.response).toBe('webhook ok');
    // Backoff: 5 ms ±20 % after the first failure, 10 ms ±20 % after the second.
    const at = hook.attempt_log.map((a) => Date.parse(a.at));
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(3);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(7);
    // The receiver saw the same event each time (its idempotency key: the delivery id).
    expect(h.webhook.sent[0]!.message.deliveryId).toBe(hook.delivery_id);
    const warned = h.lines.filter((l) => l.msg === 'alert delivery failed; will retry');
    expect(warned).toHaveLength(2);
    for (const line of warned) expect(line).toMatchObject({ unit: '90001', reportId: 'a'.repeat(64), channel: 'webhook' });
  });

  it('gives up after the last attempt or on a final error, keeping the error in the log; no notice follows', async () => {
    h = await notifierHarness({ contacts: [both()], retry: { maxAttempts: 2, initialDelayMs: 1 } });
    h.webhook.script.push({ ok: false, retriable: true, error: 'HTTP 500' }, { ok: false, retriable: true, error: 'HTTP 502' });
    h.email.script.push({ ok: false, retriable: false, error: 'SMTP: 550 mailbox unavailable', response: '550 mailbox unavailable' });
    const f = flag();
    await h.service.onFlag(flagEvent(f, 'raised'));
    for (let i = 0; i < 50; i++) {
      await h.service.whenIdle();
      const hook = (await h.deliveries.find({ flagId: f.id })).find((r) => r.channel === 'webhook');
      if (hook?.next_attempt_at === null) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const rows = await h.deliveries.find({ flagId: f.id });
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.last_error, r.next_attempt_at])).toEqual([
      ['bus', 'sent', 1, null, null],
      ['email', 'failed', 1, 'SMTP: 550 mailbox unavailable', null],
      ['webhook', 'failed', 2, 'HTTP 502', null],
    ]);
    expect(rows[1]!.response).toBe('550 mailbox unavailable');
    await h.service.onFlag(flagEvent(f, 'resolved'));
    await h.service.whenIdle();
    const after = await h.deliveries.find({ flagId: f.id });
    expect(after.filter((r) => r.kind === 'resolved-notice').map((r) => `${r.channel}/${r.status}`)).toEqual(['bus/sent']);
  });
});

describe('notifier: daily digest', () => {
  let h: NotifierHarness;
  afterEach(() => h.service.close());

  it('accumulates a digest contact\'s alerts and sends them as one message per channel, once', async () => {
    const clock = { now: new Date('2026-03-02T01:00:00.000Z') };
    h = await notifierHarness({ contacts: [both('90001', { digest: 'daily' })], clock });
    const [a, b, c] = [flag(), flag({ severity: 'warning', ruleId: 'sum.ho_so' }), flag()];
    for (const f of [a, b, c]) await h.service.onFlag(flagEvent(f, 'raised'));
    await h.service.onFlag(flagEvent(c, 'resolved')); // gone before the digest: never mentioned
    await h.service.whenIdle();
    expect([h.published.length, h.email.sent.length, h.webhook.sent.length]).toEqual([0, 0, 0]);

    expect(await h.service.flushDigests(clock.now)).toBe(3); // bus, email, webhook
    await h.service.whenIdle();
    expect([h.published.length, h.email.sent.length, h.webhook.sent.length]).toEqual([1, 1, 1]);
    const digest = h.published[0]!.data;
    expect(digest.kind).toBe('digest');
    if (digest.kind !== 'digest') throw new Error('not a digest');
    expect(digest.entries.map((e) => e.flagId)).toEqual([a.id, b.id]);
    expect(digest.title.vi).toBe('Bản tin số liệu hằng ngày: Xã Một 1 (90001) — 2 cảnh báo');
    const mail = h.email.sent[0]!.message;
    expect(mail.text).toContain('1. Báo cáo kỳ 2022 của Xã Một 1 (90001)');
    expect(mail.text).toContain('2. Báo cáo kỳ 2022');
    expect(mail.text).not.toContain(c.id);
    expect(mail.html).toContain('<ol><li>');

    expect(await h.service.flushDigests(clock.now)).toBe(0);
    // A resolution of an alerted flag goes into the next digest.
    clock.now = new Date('2026-03-03T00:00:00.000Z');
    await h.service.onFlag(flagEvent(a, 'resolved'));
    await h.service.whenIdle();
    expect(h.email.sent).toHaveLength(1);
    expect(await h.service.flushDigests(clock.now)).toBe(3);
    await h.service.whenIdle();
    const second = h.email.sent[1]!.message;
    expect(second.subject).toContain('1 đã khắc phục');
    expect(second.event.data.kind === 'digest' && second.event.data.entries.map((e) => [e.flagId, e.kind])).toEqual([[a.id, 'resolved-notice']]);
    const entryRows = await h.deliveries.find({ flagId: a.id });
    expect(entryRows.every((r) => r.status === 'sent' && r.digest_id !== null)).toBe(true);
  });
});
