import type { EventOf } from '../../schemas/events.ts';
import type { AlertChannelKind } from '../../schemas/records/alert-delivery.ts';

/**
 * AlertChannel: one way of getting an alert to a reporting unit (e-mail, webhook, the bus).
 *
 * In it: one attempt to hand one message to one target, and an outcome that says whether
 * the other side took it, what it answered, and — when it did not — whether trying again
 * later can help. `send` never throws for a delivery problem; it reports it.
 *
 * Deliberately left out: retries, scheduling and the delivery log (the notifier's delivery
 * worker owns them, so every channel retries the same way and survives restarts),
 * connections and any client type.
 */
export interface AlertMessage {
  /** Stable id of this delivery; the receiver's idempotency key (it may see a message twice). */
  deliveryId: string;
  /** The machine-readable alert: the `dq.alert` event (the bus publishes it, a webhook POSTs it). */
  event: EventOf<'dq.alert'>;
  /** For people: subject line, plain text and HTML, Vietnamese first. */
  subject: string;
  text: string;
  html: string;
}

export type AlertTarget =
  | { kind: 'bus' }
  | { kind: 'email'; to: readonly string[] }
  | { kind: 'webhook'; url: string; secret: string };

export type DeliveryOutcome =
  | { ok: true; response: string }
  | {
    ok: false;
    /** True when a later attempt can succeed (network error, 5xx, 429, SMTP 4xx). */
    retriable: boolean;
    error: string;
    response?: string;
    /** The receiver asked to wait this long (HTTP Retry-After). */
    retryAfterMs?: number;
  };

export interface AlertChannel {
  readonly kind: AlertChannelKind;
  send(message: AlertMessage, target: AlertTarget): Promise<DeliveryOutcome>;
  close(): Promise<void>;
}

/** A human-readable description of where a target goes, for the log (never the secret). */
export function describeTarget(target: AlertTarget): string {
  switch (target.kind) {
    case 'bus': return 'dq.alert';
    case 'email': return target.to.join(', ');
    case 'webhook': return target.url;
  }
}
