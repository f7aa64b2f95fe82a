import type { EventOf } from '../../schemas/events.ts';
import type { AlertChannelKind, AlertDelivery } from '../../schemas/records/alert-delivery.ts';
import type { AlertChannel } from '../../infra/alert/alert-channel.ts';
import type { AlertDeliveryLog } from '../../infra/alert/alert-delivery-log.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import type { RetryPolicy } from '../../infra/bus/retry-policy.ts';
import { forReport, type Logger } from '../../infra/log/logger.ts';
import { planRaised, planResolved } from './alert-planner.ts';
import { channelsOf, routeFlag } from './alert-router.ts';
import { createBusAlertChannel } from './bus-alert-channel.ts';
import { emptyContactDirectory, type ContactDirectory } from './contact-directory.ts';
import { createDeliveryWorker } from './delivery-worker.ts';
import { bundleDigests } from './digest-bundler.ts';
import { createSerialLock } from './serial-lock.ts';
import { NO_UNIT_LOOKUP, type UnitLookup } from './unit-lookup.ts';

/**
 * Notifier: tells reporting units about their reports.
 *
 *   dq.flag ─► log line ─► route (owner, parent?) ─► dedup (alert-planner) ─► delivery log rows
 *                                                                                │
 *        delivery worker (off the handler's path) ◄──────────────────────────────┘
 *          ├─ bus      dq.alert event (key = recipient unit)
 *          ├─ email    SMTP, HTML + text, Vietnamese first
 *          └─ webhook  HMAC-signed JSON POST
 *
 * The handler only reads and writes the delivery log, then wakes the worker, so a slow or
 * failing channel never slows the consumer; a failing channel never loses other alerts (its
 * rows stay in the log with their error and are retried). `flushDigests(now)` bundles what
 * daily-digest contacts have waiting (the pipelines call it from a daily timer).
 * report.failed events are logged for the submitter (no delivery yet).
 */
export interface NotifierDeps {
  log: Logger;
  /** Where dq.alert events go (the "bus" channel). */
  bus: Pick<EventBus, 'publish'>;
  deliveries: AlertDeliveryLog;
  /** E-mail and webhook channels, when configured. */
  channels?: readonly AlertChannel[];
  contacts?: ContactDirectory;
  units?: UnitLookup;
  retry: RetryPolicy;
  /** Sends at a time; default 4. */
  concurrency?: number;
  /** Injected for tests; default the system clock. */
  now?: () => Date;
}

export interface NotifierService {
  /** Creates the delivery log and starts the worker (rows left by a previous run are sent). */
  start(): Promise<void>;
  onFlag(event: EventOf<'dq.flag'>): Promise<void>;
  onReportFailed(event: EventOf<'report.failed'>): Promise<void>;
  /** Bundles every waiting digest entry into one message per recipient and channel; returns how many digests. */
  flushDigests(now?: Date): Promise<number>;
  /** Resolves when nothing is due now and nothing is being sent. */
  whenIdle(): Promise<void>;
  /** Stops the worker after the sends in hand and closes the channels. */
  close(): Promise<void>;
}

export function createNotifierService(deps: NotifierDeps): NotifierService {
  const now = deps.now ?? (() => new Date());
  const contacts = deps.contacts ?? emptyContactDirectory();
  const units = deps.units ?? NO_UNIT_LOOKUP;
  const lock = createSerialLock();
  let closed = false;
  const channels = new Map<AlertChannelKind, AlertChannel>([['bus', createBusAlertChannel(deps.bus)]]);
  for (const c of deps.channels ?? []) channels.set(c.kind, c);
  const worker = createDeliveryWorker({
    log: deps.log, deliveries: deps.deliveries, lock, channels, contacts, retry: deps.retry, now, concurrency: deps.concurrency ?? 4,
  });

  return {
    async start() {
      await deps.deliveries.init();
      worker.kick();
    },

    async onFlag(event) {
      const { flag, status } = event.data;
      const log = forReport(deps.log, flag.evidence[0]?.reportId ?? 'unknown', flag.unit);
      log.warn(
        { alert: 'dq.flag', status, flagId: flag.id, ruleId: flag.ruleId, severity: flag.severity, period: flag.period, en: flag.message.en },
        flag.message.vi,
      );
      const plan = await lock.run(async () => {
        const input = { eventId: event.id, flag, existing: await deps.deliveries.find({ flagId: flag.id }), now: now().toISOString() };
        const p = status === 'raised'
          ? planRaised(input, routeFlag(flag, contacts, units))
          : planResolved(input, (unit) => channelsOf(contacts.contactFor(unit)), (id) => worker.inFlight(id));
        await deps.deliveries.save(p.save);
        await deps.deliveries.add(p.add);
        return p;
      });
      if (flag.unit === 'unknown') log.info({ flagId: flag.id }, 'no recipient: the unit is not identified');
      if (plan.add.length > 0 || plan.save.length > 0) {
        log.debug({ flagId: flag.id, status, queued: plan.add.map((r) => r.delivery_id), closed: plan.save.map((r) => `${r.delivery_id}:${r.status}`) }, 'alert deliveries planned');
        worker.kick();
      }
    },

    onReportFailed(event) {
      const { reportId, code, reason, stage, fileName } = event.data;
      forReport(deps.log, reportId, event.subject).warn({ alert: 'report.failed', code, stage, fileName, en: reason.en }, reason.vi);
      return Promise.resolve();
    },

    async flushDigests(at = now()) {
      const stamp = at.toISOString();
      const bundle = await lock.run(async () => {
        const waiting = await deps.deliveries.find({ awaitingDigest: true });
        if (waiting.length === 0) return { digests: [], bundled: [] };
        // A waiting notice depends on its own flag's alert row.
        const statuses = new Map<string, AlertDelivery['status']>();
        for (const flagId of new Set(waiting.filter((r) => r.depends_on !== null && r.flag_id !== null).map((r) => r.flag_id!))) {
          for (const r of await deps.deliveries.find({ flagId })) statuses.set(r.delivery_id, r.status);
        }
        const b = bundleDigests(waiting, (id) => statuses.get(id), stamp);
        await deps.deliveries.add(b.digests);
        await deps.deliveries.save(b.bundled);
        return b;
      });
      for (const d of bundle.digests) {
        deps.log.child({ unit: d.recipient_unit }).info({ deliveryId: d.delivery_id, channel: d.channel, entries: d.alert.kind === 'digest' ? d.alert.entries.length : 0 }, 'digest queued');
      }
      if (bundle.digests.length > 0) worker.kick();
      return bundle.digests.length;
    },

    whenIdle: () => worker.whenIdle(),

    async close() {
      if (closed) return;
      closed = true;
      await worker.close();
      for (const c of channels.values()) await c.close();
    },
  };
}
