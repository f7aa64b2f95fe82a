import { readFile } from 'node:fs/promises';
import type { AlertConfig } from './config.ts';
import type { Logger } from '../infra/log/logger.ts';
import type { EventBus } from '../infra/bus/event-bus.ts';
import type { AlertChannel } from '../infra/alert/alert-channel.ts';
import { tonghopError } from '../infra/errors/error-catalog.ts';
import { openDuckDb } from '../infra/db/sql-database.duckdb.ts';
import { createDuckDbDeliveryLog } from '../infra/alert/alert-delivery-log.duckdb.ts';
import { createSmtpChannel } from '../infra/alert/alert-channel.smtp.ts';
import { createWebhookChannel } from '../infra/alert/alert-channel.webhook.ts';
import { loadUnitRegistry, type UnitRegistry } from '../services/registry/unit-registry.ts';
import { emptyContactDirectory, parseContactsFile, type ContactDirectory } from '../services/notifier/contact-directory.ts';
import { createNotifierService, type NotifierService } from '../services/notifier/notifier-service.ts';
import type { UnitLookup } from '../services/notifier/unit-lookup.ts';
import { startDailyTimer } from './daily-timer.ts';

/**
 * The notifier with its adapters: contacts from TONGHOP_CONTACTS_FILE (validated now, so a
 * bad file stops the start), the delivery log in its own DuckDB file, the SMTP channel when
 * TONGHOP_SMTP_URL is set, the webhook channel, parents and names from the unit register,
 * and the daily digest timer. Shared by the embedded runner and `worker notifier`.
 */
export interface RunningNotifier {
  service: NotifierService;
  whenIdle(): Promise<void>;
  /** Stops the timer and the worker (sends in hand finish), then closes the database. */
  stop(): Promise<void>;
}

export async function startNotifier(alerts: AlertConfig, bus: Pick<EventBus, 'publish'>, log: Logger): Promise<RunningNotifier> {
  const contacts = await loadContacts(alerts);
  const channels: AlertChannel[] = [createWebhookChannel({ timeoutMs: alerts.webhookTimeoutMs })];
  if (alerts.smtpUrl) channels.push(createSmtpChannel({ url: alerts.smtpUrl, from: alerts.from }));
  const db = await openDuckDb({ path: alerts.dbPath, threads: 1 });
  const service = createNotifierService({
    log, bus, deliveries: createDuckDbDeliveryLog(db), channels, contacts, units: registryLookup(loadUnitRegistry()), retry: alerts.retry,
  });
  try {
    await service.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  const timer = startDailyTimer(alerts.digestTime, (at) => service.flushDigests(at), (err) => log.error({ err }, 'daily digest failed'));
  log.info({ contacts: contacts.all().length, smtp: Boolean(alerts.smtpUrl), deliveryLog: alerts.dbPath, nextDigest: timer.next.toISOString() }, 'notifier ready');
  return {
    service,
    whenIdle: () => service.whenIdle(),
    async stop() {
      timer.stop();
      await service.close();
      await db.close();
    },
  };
}

async function loadContacts(alerts: AlertConfig): Promise<ContactDirectory> {
  if (!alerts.contactsFile) return emptyContactDirectory(alerts.notifyParent);
  let text: string;
  try {
    text = await readFile(alerts.contactsFile, 'utf8');
  } catch (err) {
    throw tonghopError('TH_ERR_CONTACTS_INVALID', [alerts.contactsFile, `  ${(err as Error).message}`], err);
  }
  const contacts = parseContactsFile(text, alerts.contactsFile, { notifyParent: alerts.notifyParent });
  const needMail = contacts.all().filter((c) => c.email).map((c) => c.unit);
  if (needMail.length > 0 && !alerts.smtpUrl) {
    throw tonghopError('TH_ERR_CONFIG', [`  TONGHOP_SMTP_URL: chưa đặt, nhưng các đơn vị ${needMail.join(', ')} nhận e-mail / unset, but units ${needMail.join(', ')} get e-mail`]);
  }
  return contacts;
}

/** Parents and names as in force for a report period (the register's map for that period). */
export function registryLookup(registry: UnitRegistry): UnitLookup {
  return {
    parentOf(unit, period) {
      const date = registry.dateFor(period);
      return date === undefined ? undefined : registry.parent(unit, date)?.code;
    },
    nameOf(unit, period) {
      const date = registry.dateFor(period);
      return date === undefined ? undefined : registry.get(unit, date)?.name;
    },
  };
}
