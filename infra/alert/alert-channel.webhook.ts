import type { AlertChannel, AlertMessage, AlertTarget, DeliveryOutcome } from './alert-channel.ts';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature.ts';

/**
 * Webhook channel: one signed HTTP POST per attempt (Node's built-in fetch).
 *
 *   POST <url>
 *   Content-Type: application/json; charset=utf-8
 *   X-Tonghop-Event: dq.alert
 *   X-Tonghop-Delivery: <delivery id>        same on every retry: the receiver's idempotency key
 *   X-Tonghop-Timestamp: <unix seconds>
 *   X-Tonghop-Signature: sha256=<hex>        see webhook-signature.ts
 *   body: the dq.alert event (CloudEvents-style envelope), JSON
 *
 * 2xx is delivered. 408, 429 (honouring Retry-After in seconds) and 5xx, network errors and
 * timeouts are worth another attempt; any other status (4xx, and 3xx: redirects are not
 * followed, a signed body must not wander) is not.
 */
export interface WebhookChannelOptions {
  /** Per-request timeout, ms; default 10 000. */
  timeoutMs?: number;
  /** Unix time for the timestamp header; default the system clock. */
  nowS?: () => number;
}

export function createWebhookChannel(opts: WebhookChannelOptions = {}): AlertChannel {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const nowS = opts.nowS ?? (() => Math.floor(Date.now() / 1000));
  return {
    kind: 'webhook',
    async send(message: AlertMessage, target: AlertTarget): Promise<DeliveryOutcome> {
      if (target.kind !== 'webhook') return { ok: false, retriable: false, error: `webhook channel given a ${target.kind} target` };
      const body = JSON.stringify(message.event);
      const timestamp = nowS();
      let res: Response;
      try {
        res = await fetch(target.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'user-agent': 'tonghop-notifier/1',
            'x-tonghop-event': 'dq.alert',
            [DELIVERY_HEADER]: message.deliveryId,
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(target.secret, timestamp, body),
          },
          body,
        });
      } catch (err) {
        const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
        const name = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError') ? `timed out after ${timeoutMs} ms` : `${(err as Error).message}${cause}`;
        return { ok: false, retriable: true, error: `POST ${target.url}: ${name}` };
      }
      const text = await res.text().catch(() => '');
      const response = `HTTP ${res.status}${text ? ` ${text.slice(0, 200)}` : ''}`;
      if (res.ok) return { ok: true, response };
      const retriable = res.status === 408 || res.status === 429 || res.status >= 500;
      const retryAfter = Number(res.headers.get('retry-after'));
      return {
        ok: false, retriable, response, error: `POST ${target.url}: HTTP ${res.status}`,
        ...(retriable && Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
      };
    },
    close: () => Promise.resolve(),
  };
}
