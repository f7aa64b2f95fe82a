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
import { contactDirectory, swappableDirectory, type ContactDirectory } from '../services/notifier/contact-directory.ts';
import type { ContactStore } from '../infra/contacts/contact-store.ts';
import type { UnitContactsFile } from '../schemas/records/unit-contact.ts';
import { createNotifierService, type NotifierService } from '../services/notifier/notifier-service.ts';
import type { UnitLookup } from '../services/notifier/unit-lookup.ts';
import { startDailyTimer } from './daily-timer.ts';

/**
 * The notifier with its adapters: contacts from the contact store (TONGHOP_CONTACTS_FILE,
 * validated now, so a bad file stops the start; reloaded when it changes), the delivery log in its own DuckDB file, the SMTP channel when
 * TONGHOP_SMTP_URL is set, the webhook channel, parents and names from the unit register,
 * and the daily digest timer. Shared by the embedded runner and `worker notifier`.
 */
export interface RunningNotifier {
  service: NotifierService;
  whenIdle(): Promise<void>;
  /** Stops the timer and the worker (sends in hand finish), then closes the database. */
  stop(): Promise<void>;
}

export async function startNotifier(alerts: AlertConfig, bus: Pick<EventBus, 'publish'>, log: Logger, store: ContactStore): Promise<RunningNotifier> {
  const contacts = swappableDirectory(directoryOf(await store.read(), alerts, true));
  // An admin's change (API, or the file edited): the new contacts apply to the next flags; a
  // change the notifier cannot use (e-mail without SMTP, a missing secretEnv) keeps the old ones.
  store.onChange((file) => {
    try {
      contacts.replace(directoryOf(file, alerts, false));
      log.info({ contacts: file.units.length }, 'contacts reloaded');
    } catch (err) {
      log.error({ err }, 'contacts change not applied; the previous contacts stay in force');
    }
  });
  const channels: AlertChannel[] = [createWebhookChannel({ timeoutMs: alerts.webhookTimeoutMs })];
  if (alerts.smtpUrl) channels.push(createSmtpChannel({ url: alerts.smtpUrl, from: alerts.from }));
  const db = await openDuckDb({ path: alerts.dbPath, threads: 1 });
  const service = createNotifierService({
    log, bus, deliveries: createDuckDbDeliveryLog(db), channels, contacts: contacts.directory, units: registryLookup(loadUnitRegistry()), retry: alerts.retry,
  });
  try {
    await service.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  const timer = startDailyTimer(alerts.digestTime, (at) => service.flushDigests(at), (err) => log.error({ err }, 'daily digest failed'));
  log.info({ contacts: contacts.directory.all().length, smtp: Boolean(alerts.smtpUrl), deliveryLog: alerts.dbPath, nextDigest: timer.next.toISOString() }, 'notifier ready');
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

/** The contacts as the notifier uses them: secrets resolved, and e-mail only with SMTP configured. */
function directoryOf(file: UnitContactsFile, alerts: AlertConfig, atStart: boolean): ContactDirectory {
  const source = alerts.contactsFile ?? 'contacts';
  const contacts = contactDirectory(file, source, { notifyParent: alerts.notifyParent });
  const needMail = contacts.all().filter((c) => c.email).map((c) => c.unit);
  if (needMail.length > 0 && !alerts.smtpUrl) {
    const problem = `  TONGHOP_SMTP_URL: chưa đặt, nhưng các đơn vị ${needMail.join(', ')} nhận e-mail / unset, but units ${needMail.join(', ')} get e-mail`;
    throw atStart ? tonghopError('TH_ERR_CONFIG', [problem]) : tonghopError('TH_ERR_CONTACTS_INVALID', [source, problem]);
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
