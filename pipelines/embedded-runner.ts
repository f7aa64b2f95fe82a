import type { Config } from './config.ts';
import type { Logger } from '../infra/log/logger.ts';
import type { ObjectStore } from '../infra/store/object-store.ts';
import type { SqlDatabase } from '../infra/db/sql-database.ts';
import type { RetryPolicy } from '../infra/bus/retry-policy.ts';
import type { Subscription } from '../infra/bus/event-bus.ts';
import { MemoryEventBus } from '../infra/bus/event-bus.memory.ts';
import { createIngestService, type IngestService } from '../services/ingest/ingest-service.ts';
import { createParserService } from '../services/parser/parser-service.ts';
import { createConsolidator, createObjectStore, openContactStore, openDatabase } from './adapters.ts';
import type { ContactStore } from '../infra/contacts/contact-store.ts';
import { subscribeConsolidator, subscribeNotifier, subscribeParser } from './topology.ts';
import { startNotifier, type RunningNotifier } from './notifier-wiring.ts';

/**
 * The embedded default: every service in this process over the in-process bus, the
 * object store from config (local folder unless S3_ENDPOINT is set) and the DuckDB
 * file. `whenIdle()` resolves when everything published so far has been handled,
 * including the notifier's deliveries that are due (not retries scheduled for later).
 */
export interface EmbeddedPipeline {
  bus: MemoryEventBus;
  store: ObjectStore;
  db: SqlDatabase;
  ingest: IngestService;
  notifier: RunningNotifier;
  /** Reporting units' contacts: read by the notifier, changed by admins through the API. */
  contacts: ContactStore;
  whenIdle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbedded(config: Config, log: Logger, opts: { retry?: RetryPolicy } = {}): Promise<EmbeddedPipeline> {
  const store = await createObjectStore(config);
  const db = await openDatabase(config);
  const bus = new MemoryEventBus({ log, retry: opts.retry });
  const consolidator = createConsolidator(config, db, bus, log.child({ service: 'consolidator' }));
  await consolidator.init();
  // Alerts: own DuckDB file (delivery log), contacts, channels, digest timer.
  const contacts = await openContactStore(config, log);
  const notifier = await startNotifier(config.alerts, bus, log.child({ service: 'notifier' }), contacts);
  const subscriptions: Subscription[] = [
    await subscribeConsolidator(bus, consolidator),
    await subscribeParser(bus, createParserService({ store, bus, log: log.child({ service: 'parser' }) })),
    await subscribeNotifier(bus, notifier.service),
  ];
  const ingest = createIngestService({ store, bus, log: log.child({ service: 'ingest' }), maxBytes: config.maxUploadBytes });
  return {
    bus, store, db, ingest, notifier, contacts,
    async whenIdle() {
      await bus.whenIdle();
      await notifier.whenIdle();
      await bus.whenIdle();
    },
    async stop() {
      await bus.whenIdle();
      for (const s of subscriptions) await s.close();
      await notifier.stop();
      await contacts.close();
      await bus.close();
      await db.close();
    },
  };
}
