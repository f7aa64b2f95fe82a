import { createEvent } from '../../schemas/events.ts';
import type { AlertDelivery, AlertChannelKind, DeliveryAttempt } from '../../schemas/records/alert-delivery.ts';
import type { DqAlert } from '../../schemas/dq-alert/v1.ts';
import type { AlertChannel, AlertMessage, AlertTarget, DeliveryOutcome } from '../../infra/alert/alert-channel.ts';
import { describeTarget } from '../../infra/alert/alert-channel.ts';
import type { AlertDeliveryLog } from '../../infra/alert/alert-delivery-log.ts';
import { retryDelayMs, type RetryPolicy } from '../../infra/bus/retry-policy.ts';
import { forReport, type Logger } from '../../infra/log/logger.ts';
import type { ContactDirectory } from './contact-directory.ts';
import { renderEmail } from './alert-email.ts';
import type { SerialLock } from './serial-lock.ts';

/**
 * The delivery worker: sends what the delivery log says is due, off the event handler's
 * path. Up to `concurrency` sends at a time; each outcome is written back to the log:
 * sent, or failed with the error and — when a retry can help and attempts remain — the time
 * of the next attempt (RetryPolicy backoff, or the receiver's Retry-After if longer). A
 * row given up cancels what depends on it (a notice for an alert that never arrived).
 * A digest's outcome is also its entries' outcome.
 *
 * Lifecycle: `kick()` when new rows may be due; `whenIdle()` resolves once nothing is due
 * now and nothing is in flight (rows waiting for a later retry do not count; a timer wakes
 * the worker for them); `close()` stops taking work and waits for the sends in hand. A send
 * interrupted by a crash stays pending and is sent again on the next start: receivers see
 * the same delivery id (at-least-once, like the bus).
 */
export interface DeliveryWorkerDeps {
  log: Logger;
  deliveries: AlertDeliveryLog;
  lock: SerialLock;
  channels: ReadonlyMap<AlertChannelKind, AlertChannel>;
  contacts: ContactDirectory;
  retry: RetryPolicy;
  now: () => Date;
  concurrency: number;
}

export interface DeliveryWorker {
  kick(): void;
  whenIdle(): Promise<void>;
  /** Whether a row is being sent right now. */
  inFlight(deliveryId: string): boolean;
  close(): Promise<void>;
}

const SOURCE = 'tonghop/notifier';

export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const inFlight = new Map<string, Promise<void>>();
  const idleWaiters: (() => void)[] = [];
  let pumping = false;
  let again = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  function kick(): void {
    if (closed) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    void pump().catch((err: unknown) => deps.log.error({ err }, 'delivery worker: reading the delivery log failed'))
      .finally(() => {
        pumping = false;
        if (again) {
          again = false;
          kick();
        } else settleIdle();
      });
  }

  async function pump(): Promise<void> {
    for (;;) {
      again = false;
      const room = deps.concurrency - inFlight.size;
      if (room <= 0 || closed) return;
      const claimed = await deps.lock.run(async () => {
        const rows = (await deps.deliveries.due(deps.now().toISOString(), room + inFlight.size)).filter((r) => !inFlight.has(r.delivery_id)).slice(0, room);
        for (const row of rows) {
          const work = attempt(row).catch((err: unknown) => deps.log.error({ err, deliveryId: row.delivery_id }, 'delivery worker: recording an outcome failed'))
            .finally(() => {
              inFlight.delete(row.delivery_id);
              kick();
            });
          inFlight.set(row.delivery_id, work);
        }
        return rows.length;
      });
      if (claimed === 0) {
        await schedule();
        return;
      }
    }
  }

  async function schedule(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const next = await deps.deliveries.nextAttemptAt();
    if (next === null || closed) return;
    const wait = Date.parse(next) - deps.now().getTime();
    // Rows due now but not claimed are in flight or waiting for what they depend on: a finished send kicks.
    if (wait <= 0) return;
    timer = setTimeout(kick, Math.min(wait, 2 ** 31 - 1));
    timer.unref();
  }

  function settleIdle(): void {
    if (inFlight.size > 0 || pumping || idleWaiters.length === 0) return;
    for (const resolve of idleWaiters.splice(0)) resolve();
  }

  async function attempt(row: AlertDelivery): Promise<void> {
    const channel = deps.channels.get(row.channel);
    const target = targetFor(row);
    const number = row.attempts + 1;
    let outcome: DeliveryOutcome;
    if (!channel) outcome = { ok: false, retriable: false, error: `kênh ${row.channel} chưa được cấu hình / channel ${row.channel} is not configured` };
    else if (!target) outcome = { ok: false, retriable: false, error: `đơn vị ${row.recipient_unit} không còn địa chỉ ${row.channel} / unit ${row.recipient_unit} has no ${row.channel} address any more` };
    else {
      try {
        outcome = await channel.send(messageFor(row), target);
      } catch (err) {
        outcome = { ok: false, retriable: true, error: (err as Error).message };
      }
    }
    const at = deps.now();
    const record: DeliveryAttempt = {
      attempt: number, at: at.toISOString(), ok: outcome.ok,
      ...(outcome.response ? { response: outcome.response } : {}), ...(outcome.ok ? {} : { error: outcome.error }),
    };
    const retry = !outcome.ok && outcome.retriable && number < deps.retry.maxAttempts;
    const delay = outcome.ok ? 0 : Math.max(retryDelayMs(deps.retry, number), outcome.retryAfterMs ?? 0);
    const updated: AlertDelivery = {
      ...row,
      attempts: number,
      attempt_log: [...row.attempt_log, record],
      status: outcome.ok ? 'sent' : 'failed',
      last_error: outcome.ok ? row.last_error : outcome.error,
      response: outcome.response ?? (outcome.ok ? null : row.response),
      target: target ? describeTarget(target) : row.target,
      updated_at: at.toISOString(),
      sent_at: outcome.ok ? at.toISOString() : null,
      next_attempt_at: retry ? new Date(at.getTime() + delay).toISOString() : null,
    };
    logOutcome(updated, outcome, retry);
    await deps.lock.run(async () => {
      const changes: AlertDelivery[] = [updated];
      if (updated.kind === 'digest') {
        for (const entry of await deps.deliveries.find({ digestId: updated.delivery_id })) {
          if (outcome.ok) changes.push({ ...entry, status: 'sent', sent_at: updated.sent_at, response: `in ${updated.delivery_id}`, updated_at: updated.updated_at });
          else if (!retry) changes.push({ ...entry, status: 'failed', next_attempt_at: null, last_error: updated.last_error, updated_at: updated.updated_at });
        }
      }
      if (!outcome.ok && !retry) {
        for (const given of [...changes]) {
          for (const dependent of await deps.deliveries.find({ dependsOn: given.delivery_id })) {
            if (dependent.status === 'pending' || dependent.status === 'failed') {
              changes.push({ ...dependent, status: 'cancelled', next_attempt_at: null, last_error: `không gửi vì ${given.delivery_id} không đến được / not sent: ${given.delivery_id} never arrived`, updated_at: updated.updated_at });
            }
          }
        }
      }
      await deps.deliveries.save(changes);
    });
  }

  function targetFor(row: AlertDelivery): AlertTarget | undefined {
    if (row.channel === 'bus') return { kind: 'bus' };
    const contact = deps.contacts.contactFor(row.recipient_unit);
    if (row.channel === 'email') return contact?.email ? { kind: 'email', to: contact.email } : undefined;
    return contact?.webhook ? { kind: 'webhook', ...contact.webhook } : undefined;
  }

  function logOutcome(row: AlertDelivery, outcome: DeliveryOutcome, retry: boolean): void {
    const log = lineLogger(deps.log, row.alert);
    const fields = { deliveryId: row.delivery_id, flagId: row.flag_id, recipient: row.recipient_unit, channel: row.channel, kind: row.kind, attempt: row.attempts, target: row.target, response: row.response };
    if (outcome.ok) log.info(fields, 'alert delivered');
    else log.warn({ ...fields, error: outcome.error, retriable: outcome.retriable, nextAttemptAt: row.next_attempt_at }, retry ? 'alert delivery failed; will retry' : 'alert delivery failed; giving up');
  }

  return {
    kick,
    whenIdle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        if (closed) settleIdle();
        else kick();
      });
    },
    inFlight: (id) => inFlight.has(id),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await Promise.all(inFlight.values());
      settleIdle();
    },
  };
}

/** Lines about one flag's alert carry its report and unit; a digest's, the recipient. */
export function lineLogger(log: Logger, alert: DqAlert): Logger {
  if (alert.kind === 'digest') return log.child({ unit: alert.recipient.unit });
  return forReport(log, alert.evidence[0]?.reportId ?? 'unknown', alert.unit);
}

/** The same alert is the same event on every channel and every retry: id and time come from the row. */
export function messageFor(row: AlertDelivery): AlertMessage {
  const event = createEvent({ type: 'dq.alert', source: SOURCE, subject: row.recipient_unit, id: row.alert_id, time: new Date(row.created_at), data: row.alert });
  return { deliveryId: row.delivery_id, event, ...renderEmail(row.alert) };
}
