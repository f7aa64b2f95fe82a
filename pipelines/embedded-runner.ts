import type { Config } from './config.ts';
import type { Logger } from '../infra/log/logger.ts';
import type { ObjectStore } from '../infra/store/object-store.ts';
import type { SqlDatabase } from '../infra/db/sql-database.ts';
import type { RetryPolicy } from '../infra/bus/retry-policy.ts';
import type { Subscription } from '../infra/bus/event-bus.ts';
import { MemoryEventBus } from '../infra/bus/event-bus.memory.ts';
import { createIngestService, type IngestService } from '../services/ingest/ingest-service.ts';
import { createParserService } from '../services/parser/parser-service.ts';
import { createNotifierService } from '../services/notifier/notifier-service.ts';
import { createConsolidator, createObjectStore, openDatabase } from './adapters.ts';
import { subscribeConsolidator, subscribeNotifier, subscribeParser } from './topology.ts';

/**
 * The embedded default: every service in this process over the in-process bus, the
 * object store from config (local folder unless S3_ENDPOINT is set) and the DuckDB
 * file. `whenIdle()` resolves when everything published so far has been handled.
 */
export interface EmbeddedPipeline {
  bus: MemoryEventBus;
  store: ObjectStore;
  db: SqlDatabase;
  ingest: IngestService;
  whenIdle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbedded(config: Config, log: Logger, opts: { retry?: RetryPolicy } = {}): Promise<EmbeddedPipeline> {
  const store = await createObjectStore(config);
  const db = await openDatabase(config);
  const bus = new MemoryEventBus({ log, retry: opts.retry });
  const consolidator = createConsolidator(config, db, bus, log.child({ service: 'consolidator' }));
  await consolidator.init();
  const subscriptions: Subscription[] = [
    await subscribeConsolidator(bus, consolidator),
    await subscribeParser(bus, createParserService({ store, bus, log: log.child({ service: 'parser' }) })),
    await subscribeNotifier(bus, createNotifierService({ log: log.child({ service: 'notifier' }) })),
  ];
  const ingest = createIngestService({ store, bus, log: log.child({ service: 'ingest' }), maxBytes: config.maxUploadBytes });
  return {
    bus, store, db, ingest,
    whenIdle: () => bus.whenIdle(),
    async stop() {
      await bus.whenIdle();
      for (const s of subscriptions) await s.close();
      await bus.close();
      await db.close();
    },
  };
}
