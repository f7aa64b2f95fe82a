import type { Config } from './config.ts';
import type { ContactStore } from '../infra/contacts/contact-store.ts';
import { createMemoryContactStore } from '../infra/contacts/contact-store.memory.ts';
import { openFileContactStore } from '../infra/contacts/contact-store.local.ts';
import type { Logger } from '../infra/log/logger.ts';
import type { EventBus } from '../infra/bus/event-bus.ts';
import type { ObjectStore } from '../infra/store/object-store.ts';
import type { SqlDatabase } from '../infra/db/sql-database.ts';
import { MemoryEventBus } from '../infra/bus/event-bus.memory.ts';
import { KafkaEventBus } from '../infra/bus/event-bus.kafka.ts';
import { createLocalObjectStore } from '../infra/store/object-store.local.ts';
import { createS3ObjectStore } from '../infra/store/object-store.s3.ts';
import { openDuckDb } from '../infra/db/sql-database.duckdb.ts';
import { INDICATOR_CATALOG } from '../schemas/indicators/catalog.ts';
import { loadUnitRegistry } from '../services/registry/unit-registry.ts';
import { createConsolidatorService, type ConsolidatorService } from '../services/consolidator/consolidator-service.ts';

/**
 * The one place that picks adapters: Kafka when KAFKA_BROKERS is set, else the
 * in-process bus; S3 when S3_ENDPOINT is set, else the local folder; always DuckDB.
 */
export function createEventBus(config: Config, log: Logger): EventBus {
  return config.kafka
    ? new KafkaEventBus({ brokers: config.kafka.brokers, clientId: config.kafka.clientId, topicPrefix: config.kafka.topicPrefix, log })
    : new MemoryEventBus({ log });
}

export async function createObjectStore(config: Config): Promise<ObjectStore> {
  if (!config.s3) return createLocalObjectStore({ root: config.objectsDir });
  const store = createS3ObjectStore({ ...config.s3 });
  await store.ensureBucket();
  return store;
}

export function openDatabase(config: Config): Promise<SqlDatabase> {
  return openDuckDb({ path: config.duckdbPath });
}

/** Human-readable "where the data lives" for summaries. */
export function describeStorage(config: Config): { objects: string; database: string; bus: string } {
  return {
    objects: config.s3 ? `${config.s3.endpoint}/${config.s3.bucket}` : config.objectsDir,
    database: config.duckdbPath,
    bus: config.kafka ? `kafka ${config.kafka.brokers.join(',')}` : 'in-process',
  };
}

/** The consolidator with the shipped unit register and indicator catalog and the configured completeness rules. */
export function createConsolidator(config: Config, db: SqlDatabase, bus: Pick<EventBus, 'publish'>, log: Logger): ConsolidatorService {
  return createConsolidatorService({ db, bus, log, registry: loadUnitRegistry(), catalog: INDICATOR_CATALOG, completeness: config.completeness });
}

/**
 * The contacts of reporting units: TONGHOP_CONTACTS_FILE when set (watched, so the notifier sees
 * an admin's change from another process too), else in memory for this run (an admin's changes
 * through the API last until it stops).
 */
export async function openContactStore(config: Config, log: Logger): Promise<ContactStore> {
  if (!config.alerts.contactsFile) return createMemoryContactStore();
  const file = config.alerts.contactsFile;
  return openFileContactStore(file, { onInvalid: (err) => log.error({ err, file }, 'contacts file changed but is invalid; the previous contacts stay in force') });
}
