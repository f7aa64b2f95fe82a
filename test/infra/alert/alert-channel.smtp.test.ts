import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpChannel } from '../../../infra/alert/alert-channel.smtp.ts';
import type { AlertChannel, AlertMessage } from '../../../infra/alert/alert-channel.ts';
import { messageFor } from '../../../services/notifier/delivery-worker.ts';
import { aboutFlag, flagAlert } from '../../../services/notifier/alert-content.ts';
import { newDelivery } from '../../../services/notifier/alert-planner.ts';
import { flag } from '../../support/flag-builder.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';

/** Decomposed (NFD) on purpose: what goes out must be NFC. */
const NFD_NAME = 'Xã Quảng Ngạn'.normalize('NFD');

function message(): AlertMessage {
  const f = flag({ unit: '19789' });
  const alert = flagAlert(`alert:${f.id}:19789:1`, 'alert', aboutFlag(f, 'raised', NFD_NAME), { unit: '19789', unitName: NFD_NAME, role: 'owner' });
  return messageFor({ ...newDelivery({ alert, channel: { channel: 'email', mode: 'immediate' }, cycle: 1, eventId: 'e', flagId: f.id, now: new Date().toISOString() }), seq: 0 });
}

describe('SMTP channel (in-process smtp-server on 127.0.0.1)', () => {
  let sink: SmtpSink;
  let channel: AlertChannel;
  beforeEach(async () => {
    sink = await startSmtpSink();
    channel = createSmtpChannel({ url: sink.url, from: '"Tổng hợp số liệu" <tonghop@example.gov.vn>', timeoutMs: 5_000 });
  });
  afterEach(async () => {
    await channel.close();
    await sink.close();
  });

  it('delivers one message with a text and an HTML part, Vietnamese first, diacritics intact in NFC', async () => {
    const m = message();
    const outcome = await channel.send(m, { kind: 'email', to: ['vanphong@quangngan.example.vn', 'chutich@quangngan.example.vn'] });
    expect(outcome).toMatchObject({ ok: true, response: expect.stringMatching(/^250/) as unknown });
    expect(sink.mails).toHaveLength(1);
    const mail = sink.mails[0]!;
    expect(mail.envelopeTo).toEqual(['vanphong@quangngan.example.vn', 'chutich@quangngan.example.vn']);
    expect(mail.subject).toBe('[tonghop] Xã Quảng Ngạn (19789): lỗi — rate.ho_so_dung_han / Xã Quảng Ngạn (19789): error — rate.ho_so_dung_han');
    expect(mail.subject!.normalize('NFC')).toBe(mail.subject);
    expect(mail.from?.text).toContain('Tổng hợp số liệu');
    expect(mail.headers.get('x-tonghop-delivery')).toBe(m.deliveryId);
    const text = mail.text!;
    expect(text.normalize('NFC')).toBe(text);
    expect(text.indexOf('Mức độ: lỗi')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Mức độ: lỗi')).toBeLessThan(text.indexOf('Severity: error'));
    expect(text).toContain('Trích dẫn, trang 3: "Đã giải quyết đúng hạn 2.458/2.459 hồ sơ, đạt tỷ lệ 89,39%"');
    expect(text).toContain('Đề xuất sửa: Có thể là 99,96% (gõ nhầm chữ số)');
    expect(text).toContain('Suggested fix: Probably 99.96% (a mistyped digit)');
    const html = mail.html as string;
    expect(html).toContain('<mark>89,39%</mark>');
    expect(html).toContain('<mark>2.458</mark>/<mark>2.459</mark>');
    expect(html).toContain('Trích dẫn, trang 3');
    expect(html.indexOf('lang="vi"')).toBeLessThan(html.indexOf('lang="en"'));
    expect(html.normalize('NFC')).toBe(html);
  });

  it('treats a 5xx refusal as final and a 4xx one as worth retrying', async () => {
    sink.refuse.push({ pattern: /^nobody@/, code: 550 }, { pattern: /^busy@/, code: 451 });
    const final = await channel.send(message(), { kind: 'email', to: ['nobody@example.vn'] });
    expect(final).toMatchObject({ ok: false, retriable: false });
    const later = await channel.send(message(), { kind: 'email', to: ['busy@example.vn'] });
    expect(later).toMatchObject({ ok: false, retriable: true });
    const partly = await channel.send(message(), { kind: 'email', to: ['nobody@example.vn', 'ok@example.vn'] });
    expect(partly).toMatchObject({ ok: true, response: expect.stringContaining('refused: nobody@example.vn') as unknown });
    expect(sink.mails.map((m) => m.envelopeTo)).toEqual([['ok@example.vn']]);
  });

  it('reports an unreachable server as retriable', async () => {
    await sink.close();
    const outcome = await createSmtpChannel({ url: sink.url, from: 'tonghop@example.vn', timeoutMs: 2_000 }).send(message(), { kind: 'email', to: ['a@example.vn'] });
    expect(outcome).toMatchObject({ ok: false, retriable: true });
    sink = await startSmtpSink();
  });
});
