import type { Config } from './config.ts';
import type { Logger } from '../infra/log/logger.ts';
import { tonghopError } from '../infra/errors/error-catalog.ts';
import { createIngestService } from '../services/ingest/ingest-service.ts';
import { startDropFolderIntake } from '../services/ingest/drop-folder-intake.ts';
import { createParserService } from '../services/parser/parser-service.ts';
import { createConsolidator, createEventBus, createObjectStore, openContactStore, openDatabase } from './adapters.ts';
import { subscribeConsolidator, subscribeNotifier, subscribeParser } from './topology.ts';
import { startNotifier } from './notifier-wiring.ts';

/**
 * Distributed entry points: one service per process, talking over Kafka and S3.
 * `tonghop worker <name>`; stops cleanly on SIGINT/SIGTERM (the message in hand is
 * finished or left uncommitted, never half-done).
 *
 *   ingest        watches TONGHOP_INBOX_DIR and publishes report.submitted
 *   parser        report.submitted → report.parsed | report.failed (scale out: same group)
 *   consolidator  writes DuckDB (one per database file)
 *   notifier      alerts reporting units (delivery log in TONGHOP_NOTIFIER_DB; one per file)
 */
export const WORKER_NAMES = ['ingest', 'parser', 'consolidator', 'notifier'] as const;
export type WorkerName = (typeof WORKER_NAMES)[number];

export interface RunningWorker {
  stop(): Promise<void>;
}

export async function startWorker(name: WorkerName, config: Config, log: Logger): Promise<RunningWorker> {
  if (!config.kafka) {
    throw tonghopError('TH_ERR_CONFIG', ['  KAFKA_BROKERS: a worker needs Kafka; for one process without Kafka run `tonghop serve`']);
  }
  const wlog = log.child({ service: name });
  const bus = createEventBus(config, wlog);
  // Producers stop before the bus closes; the database closes after it.
  const stopFirst: (() => Promise<void>)[] = [];
  const stopLast: (() => Promise<void>)[] = [];
  switch (name) {
    case 'ingest': {
      const store = await createObjectStore(config);
      const ingest = createIngestService({ store, bus, log: wlog, maxBytes: config.maxUploadBytes });
      const intake = await startDropFolderIntake({ inbox: config.inboxDir, ingest, log: wlog, pollMs: config.inboxPollMs });
      stopFirst.push(() => intake.stop());
      break;
    }
    case 'parser': {
      const store = await createObjectStore(config);
      await subscribeParser(bus, createParserService({ store, bus, log: wlog }));
      break;
    }
    case 'consolidator': {
      const db = await openDatabase(config);
      const consolidator = createConsolidator(config, db, bus, wlog);
      await consolidator.init();
      await subscribeConsolidator(bus, consolidator);
      stopLast.push(() => db.close());
      break;
    }
    case 'notifier': {
      const contacts = await openContactStore(config, wlog);
      const notifier = await startNotifier(config.alerts, bus, wlog, contacts);
      await subscribeNotifier(bus, notifier.service);
      stopLast.push(() => contacts.close());
      // Deliveries stop before the bus closes (they publish dq.alert on it); the database closes after.
      stopFirst.push(() => notifier.service.close());
      stopLast.push(() => notifier.stop());
      break;
    }
  }
  wlog.info({ brokers: config.kafka.brokers }, `worker ${name} started`);
  return {
    async stop() {
      for (const stop of stopFirst) await stop();
      await bus.close();
      for (const stop of stopLast) await stop();
      wlog.info(`worker ${name} stopped`);
    },
  };
}
