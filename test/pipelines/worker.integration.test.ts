import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf } from '../../schemas/events.ts';
import { loadConfig } from '../../pipelines/config.ts';
import { startWorker, type RunningWorker } from '../../pipelines/worker.ts';
import { createEventBus, createObjectStore } from '../../pipelines/adapters.ts';
import { openDuckDb } from '../../infra/db/sql-database.duckdb.ts';
import { createIngestService } from '../../services/ingest/ingest-service.ts';
import { listReports } from '../../services/consolidator/report-store.ts';
import { startMockBroker, type MockBroker } from '../support/kafka-mock-broker.ts';
import { capturingLogger } from '../support/silent-logger.ts';
import { waitFor } from '../support/wait-for.ts';

/**
 * The distributed shape on a real Kafka-protocol broker (kcat's mock cluster): parser,
 * consolidator and notifier workers as separate consumer groups, an ingest client
 * publishing, the local folder as the shared object store.
 */
const samples = join(import.meta.dirname, '../../samples');

describe('distributed workers over Kafka', () => {
  let broker: MockBroker;
  let dir: string;
  const workers: RunningWorker[] = [];

  beforeAll(async () => {
    broker = await startMockBroker();
    dir = await mkdtemp(join(tmpdir(), 'tonghop-workers-'));
  });
  afterAll(async () => {
    for (const w of workers) await w.stop().catch(() => undefined);
    await broker?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('carries a report from ingest to DuckDB, and a corrupt one to report.failed', async () => {
    const config = loadConfig({ KAFKA_BROKERS: broker.bootstrap, KAFKA_TOPIC_PREFIX: `w${randomUUID().slice(0, 6)}.` }, { dataDir: dir });
    const { log, lines } = capturingLogger();
    workers.push(...await Promise.all((['consolidator', 'parser', 'notifier'] as const).map((name) => startWorker(name, config, log))));

    const bus = createEventBus(config, log);
    const parsed: EventOf<'report.parsed'>[] = [];
    const failed: EventOf<'report.failed'>[] = [];
    await bus.subscribe('probe', {
      'report.parsed': (e) => { parsed.push(e); return Promise.resolve(); },
      'report.failed': (e) => { failed.push(e); return Promise.resolve(); },
    });
    const ingest = createIngestService({ store: await createObjectStore(config), bus, log, maxBytes: config.maxUploadBytes });
    const good = await ingest.submit({
      bytes: new Uint8Array(await readFile(join(samples, '004-huyen-bac-binh-cchc-2022.pdf'))), fileName: 'bac-binh.pdf',
      claims: { unit: '593', period: '2022' },
    });
    const pdf = new Uint8Array(await readFile(join(samples, '001-huyen-cchc-2019.pdf')));
    const bad = await ingest.submit({ bytes: pdf.subarray(0, 4000), fileName: 'cut.pdf', claims: { unit: '593', period: '2022' } });

    await waitFor('parsed and failed events', () => parsed.length >= 1 && failed.length >= 1, 60_000);
    expect(parsed[0]!.data).toMatchObject({ reportId: good.reportId });
    expect(parsed[0]!.data.pages).toBeGreaterThan(1);
    expect(failed[0]!.data).toMatchObject({ reportId: bad.reportId, stage: 'parser', code: 'TH_ERR_PDF_CORRUPT' });
    await waitFor('notifier alert', () => lines.some((l) => l.alert === 'report.failed' && l.reportId === bad.reportId), 30_000);
    // The probe's group may see an event before the consolidator's group has written it.
    await waitFor('consolidator writes', () => lines.some((l) => l.msg === 'report recorded as parsed' && l.reportId === good.reportId)
      && lines.some((l) => l.msg === 'report recorded as failed' && l.reportId === bad.reportId), 30_000);
    await bus.close();

    // The consolidator owns the database file: stop it, then read what it wrote.
    for (const w of workers.splice(0)) await w.stop();
    const db = await openDuckDb({ path: config.duckdbPath });
    const reports = await listReports(db);
    await db.close();
    expect(reports.map((r) => [r.file_name, r.status, r.claimed_unit]).sort()).toEqual([
      ['bac-binh.pdf', 'parsed', '593'],
      ['cut.pdf', 'failed', '593'],
    ]);
  }, 120_000);
});
