import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from '../../../infra/alert/webhook-signature.ts';

describe('webhook signature', () => {
  const secret = 'khoa-bi-mat-cua-xa-90001';
  const body = '{"type":"dq.alert","data":{"title":"Đã khắc phục"}}';

  it('is HMAC-SHA256 of "<timestamp>.<raw body>", hex, prefixed sha256=', () => {
    const expected = createHmac('sha256', secret).update(`1767225600.${body}`).digest('hex');
    expect(signWebhook(secret, 1767225600, body)).toBe(`sha256=${expected}`);
    expect(signWebhook(secret, 1767225600, Buffer.from(body))).toBe(`sha256=${expected}`);
  });

  it('verifies a good request and refuses a changed body, a wrong secret, a replayed timestamp', () => {
    const ts = 1767225600;
    const signature = signWebhook(secret, ts, body);
    const ok = verifyWebhook(secret, { signature, timestamp: String(ts) }, body, { nowS: ts + 10 });
    expect(ok).toEqual({ valid: true });
    expect(verifyWebhook(secret, { signature, timestamp: String(ts) }, body.replace('Đã', 'Chưa'), { nowS: ts })).toEqual({ valid: false, reason: 'signature mismatch' });
    expect(verifyWebhook('another-secret-of-16+', { signature, timestamp: String(ts) }, body, { nowS: ts }).valid).toBe(false);
    // The same signature with a fresh timestamp does not verify: the timestamp is signed.
    expect(verifyWebhook(secret, { signature, timestamp: String(ts + 600) }, body, { nowS: ts + 600 }).valid).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: String(ts) }, body, { nowS: ts + 301 })).toEqual({ valid: false, reason: 'timestamp outside the tolerance (replay?)' });
    expect(verifyWebhook(secret, { signature: undefined, timestamp: String(ts) }, body).valid).toBe(false);
    expect(verifyWebhook(secret, { signature, timestamp: 'soon' }, body).valid).toBe(false);
  });
});
