import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How webhook bodies are signed, for senders and receivers alike:
 *
 *   X-Tonghop-Timestamp: <unix seconds>
 *   X-Tonghop-Signature: sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *
 * The timestamp is inside the signed string, so a captured request cannot be replayed
 * later with a fresh timestamp; receivers refuse timestamps older than a few minutes.
 */
export const SIGNATURE_HEADER = 'x-tonghop-signature';
export const TIMESTAMP_HEADER = 'x-tonghop-timestamp';
export const DELIVERY_HEADER = 'x-tonghop-delivery';
/** Default tolerance between the sender's and the receiver's clocks, seconds. */
export const DEFAULT_TOLERANCE_S = 300;

export function signWebhook(secret: string, timestamp: number, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return `sha256=${hmac.digest('hex')}`;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/** For receivers: checks the signature (constant time) and the timestamp's age. */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: string | Buffer,
  opts: { nowS?: number; toleranceS?: number } = {},
): SignatureCheck {
  const { signature, timestamp } = headers;
  if (!signature || !timestamp) return { valid: false, reason: 'missing signature or timestamp header' };
  if (!/^\d{1,12}$/.test(timestamp)) return { valid: false, reason: 'malformed timestamp' };
  const nowS = opts.nowS ?? Math.floor(Date.now() / 1000);
  if (Math.abs(nowS - Number(timestamp)) > (opts.toleranceS ?? DEFAULT_TOLERANCE_S)) return { valid: false, reason: 'timestamp outside the tolerance (replay?)' };
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: 'signature mismatch' };
  return { valid: true };
}
