import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWebhookChannel } from '../../../infra/alert/alert-channel.webhook.ts';
import type { AlertMessage } from '../../../infra/alert/alert-channel.ts';
import { EventSchemas } from '../../../schemas/events.ts';
import { messageFor } from '../../../services/notifier/delivery-worker.ts';
import { aboutFlag, flagAlert } from '../../../services/notifier/alert-content.ts';
import { newDelivery } from '../../../services/notifier/alert-planner.ts';
import { flag } from '../../support/flag-builder.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.ts';

function message(): AlertMessage {
  const f = flag();
  const alert = flagAlert(`alert:${f.id}:90001:1`, 'alert', aboutFlag(f, 'raised', 'Xã Một 1'), { unit: '90001', unitName: 'Xã Một 1', role: 'owner' });
  const row = { ...newDelivery({ alert, channel: { channel: 'webhook', mode: 'immediate' }, cycle: 1, eventId: 'e', flagId: f.id, now: new Date().toISOString() }), seq: 0 };
  return messageFor(row);
}

describe('webhook channel (real HTTP server on 127.0.0.1)', () => {
  const secret = `secret-${randomUUID()}`;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await startWebhookReceiver(secret);
  });
  afterEach(() => receiver.close());

  it('POSTs the dq.alert event as JSON with a signature the receiver verifies', async () => {
    const m = message();
    const outcome = await createWebhookChannel().send(m, { kind: 'webhook', url: receiver.url, secret });
    expect(outcome).toEqual({ ok: true, response: 'HTTP 200 ok' });
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.signatureValid).toBe(true);
    expect(got.headers['x-tonghop-delivery']).toBe(m.deliveryId);
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    const event = EventSchemas['dq.alert'].parse(JSON.parse(got.body));
    expect(event).toEqual(m.event);
    expect(event.subject).toBe('90001');
  });

  it('a receiver with another secret refuses it: 401 is not worth retrying', async () => {
    const outcome = await createWebhookChannel().send(message(), { kind: 'webhook', url: receiver.url, secret: 'not-the-shared-secret' });
    expect(receiver.received[0]!.signatureValid).toBe(false);
    expect(outcome).toMatchObject({ ok: false, retriable: false, response: 'HTTP 401 nope' });
  });

  it('classifies answers: 5xx and 408 retriable, 429 retriable with Retry-After, other 4xx and 3xx final', async () => {
    receiver.answers.push({ status: 503 }, { status: 408 }, { status: 429, headers: { 'retry-after': '7' } }, { status: 404 }, { status: 302, headers: { location: 'http://127.0.0.1:1/' } });
    const channel = createWebhookChannel();
    const target = { kind: 'webhook' as const, url: receiver.url, secret };
    const outcomes = [];
    for (let i = 0; i < 5; i++) outcomes.push(await channel.send(message(), target));
    expect(outcomes.map((o) => (o.ok ? 'ok' : `${o.retriable}`))).toEqual(['true', 'true', 'true', 'false', 'false']);
    expect(outcomes[2]).toMatchObject({ retryAfterMs: 7000 });
    expect(receiver.received).toHaveLength(5); // the redirect was not followed
  });

  it('reports a refused connection and a timeout as retriable', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await createWebhookChannel().send(message(), { kind: 'webhook', url: `http://127.0.0.1:${port}/x`, secret });
    expect(refused).toMatchObject({ ok: false, retriable: true });
    expect(!refused.ok && refused.error).toMatch(/ECONNREFUSED|fetch failed/);

    const silent = createServer(() => { /* never answers */ });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const slow = await createWebhookChannel({ timeoutMs: 150 }).send(message(), { kind: 'webhook', url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/x`, secret });
      expect(slow).toMatchObject({ ok: false, retriable: true, error: expect.stringMatching(/timed out after 150 ms/) as unknown });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});
