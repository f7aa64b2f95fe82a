import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, type EventOf } from '../../../schemas/events.ts';
import type { Fact } from '../../../schemas/fact/v1.ts';
import { openDuckDb } from '../../../infra/db/sql-database.duckdb.ts';
import type { SqlDatabase } from '../../../infra/db/sql-database.ts';
import { createConsolidatorService, type ConsolidatorService } from '../../../services/consolidator/consolidator-service.ts';
import { getReport, storeTotals } from '../../../services/consolidator/report-store.ts';
import { capturingLogger } from '../../support/silent-logger.ts';
import { INDICATOR_CATALOG } from '../../../schemas/indicators/catalog.ts';
import { SCHEMA_VERSION } from '../../../services/consolidator/consolidation-schema.ts';
import { testRegistry } from '../../support/consolidation-harness.ts';

const deps = (db: SqlDatabase) => ({ db, log: capturingLogger().log, bus: { publish: () => Promise.resolve() }, registry: testRegistry(), catalog: INDICATOR_CATALOG });

const ID = 'a'.repeat(64);

const submitted = (): EventOf<'report.submitted'> => createEvent({
  type: 'report.submitted', source: 'test', subject: '79',
  data: {
    reportId: ID, objectKey: `reports/79/2016/${ID}.pdf`, fileName: 'bao-cao.pdf', mediaType: 'application/pdf', bytes: 1234,
    submittedBy: 'cli', submittedAt: '2026-01-02T03:04:05.000Z', claimed: { unit: '79', period: '2016' },
  },
});
const parsed = (): EventOf<'report.parsed'> => createEvent({
  type: 'report.parsed', source: 'test', subject: '79',
  data: { reportId: ID, objectKey: `reports/79/2016/${ID}.pdf`, textKey: `parsed/${ID}/pages.json`, pages: 17, characters: 50_000, detected: {}, factCount: 2, warnings: [] },
});
const fact = (n: number, value: number): Fact => ({
  id: `${ID}:f${n}`, reportId: ID, kind: 'count', label: 'hồ sơ tiếp nhận', value, unit: 'hồ sơ',
  evidence: { reportId: ID, page: 3, start: 10, end: 30, quote: `đã tiếp nhận ${value} hồ sơ` },
});
const facts = (values: number[]): EventOf<'facts.extracted'> => createEvent({
  type: 'facts.extracted', source: 'test', subject: '79',
  data: { reportId: ID, chunk: { index: 0, count: 1 }, facts: values.map((v, i) => fact(i, v)) },
});

describe('consolidator service (DuckDB)', () => {
  let db: SqlDatabase;
  let consolidator: ConsolidatorService;

  beforeEach(async () => {
    db = await openDuckDb({ path: ':memory:' });
    consolidator = createConsolidatorService(deps(db));
    await consolidator.init();
  });
  afterEach(async () => { await db.close(); });

  it('records a report through its lifecycle with provenance of its facts', async () => {
    await consolidator.onSubmitted(submitted());
    expect(await getReport(db, ID)).toMatchObject({ status: 'submitted', file_name: 'bao-cao.pdf', claimed_unit: '79', claimed_period: '2016', bytes: 1234 });
    await consolidator.onParsed(parsed());
    await consolidator.onFactsExtracted(facts([14322, 14283]));
    expect(await getReport(db, ID)).toMatchObject({ status: 'parsed', pages: 17, fact_count: 2 });
    const rows = await db.all(`SELECT value, page, quote FROM facts ORDER BY fact_id`);
    expect(rows).toEqual([
      { value: 14322, page: 3, quote: 'đã tiếp nhận 14322 hồ sơ' },
      { value: 14283, page: 3, quote: 'đã tiếp nhận 14283 hồ sơ' },
    ]);
  });

  it('is idempotent: every event handled twice leaves the same rows', async () => {
    for (let i = 0; i < 2; i++) {
      await consolidator.onSubmitted(submitted());
      await consolidator.onParsed(parsed());
      await consolidator.onFactsExtracted(facts([1, 2, 3]));
    }
    expect(await storeTotals(db)).toEqual({ reports: 1, parsed: 1, failed: 0, submitted: 0, pages: 17, facts: 3, flagsRaised: 0 });
  });

  it('counts facts that arrive before the report’s other events, and a redelivered chunk only once', async () => {
    await consolidator.onFactsExtracted(facts([5, 6]));
    expect(await getReport(db, ID)).toMatchObject({ status: 'submitted', fact_count: 2, claimed_unit: 'unknown' });
    await consolidator.onFactsExtracted(facts([5, 7]));
    await consolidator.onParsed(parsed());
    await consolidator.onSubmitted(submitted());
    expect(await getReport(db, ID)).toMatchObject({ status: 'parsed', fact_count: 2, claimed_unit: '79', claimed_period: '2016' });
    // The redelivered chunk replaced the stored facts rather than adding to them.
    expect(await db.all(`SELECT value FROM facts ORDER BY fact_id`)).toEqual([{ value: 5 }, { value: 7 }]);
  });

  it('never moves a report back: report.submitted arriving after report.parsed keeps it parsed', async () => {
    await consolidator.onParsed(parsed());
    await consolidator.onSubmitted(submitted());
    expect(await getReport(db, ID)).toMatchObject({ status: 'parsed', pages: 17, file_name: 'bao-cao.pdf', claimed_period: '2016' });
  });

  it('migrates a version-1 database file in place, keeping its rows', async () => {
    const old = await openDuckDb({ path: ':memory:' });
    await old.run(`CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)`);
    await old.run(`INSERT INTO schema_version VALUES (1, now())`);
    await old.run(`CREATE TABLE reports (report_id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, stage VARCHAR, error_code VARCHAR,
      reason_vi VARCHAR, reason_en VARCHAR, object_key VARCHAR, file_name VARCHAR, media_type VARCHAR, bytes BIGINT,
      submitted_by VARCHAR, submitted_at TIMESTAMP, claimed_unit VARCHAR NOT NULL, claimed_period VARCHAR NOT NULL,
      pages INTEGER, characters INTEGER, text_key VARCHAR, fact_count INTEGER NOT NULL DEFAULT 0, updated_at TIMESTAMP NOT NULL)`);
    await old.run(`INSERT INTO reports (report_id, status, claimed_unit, claimed_period, updated_at) VALUES ($1, 'failed', '79', '2016', now())`, [ID]);
    const migrated = createConsolidatorService(deps(old));
    await migrated.init();
    expect(await getReport(old, ID)).toMatchObject({ status: 'failed', detected_unit: null, detected_period: null });
    expect(await old.all('SELECT max(version) AS v FROM schema_version')).toEqual([{ v: SCHEMA_VERSION }]);
    await old.close();
  });

  it('migrates a version-4 file’s observations to scoped ones: a commune’s own, a district’s unstated (compared with nothing)', async () => {
    const old = await openDuckDb({ path: ':memory:' });
    const observationColumns = `report_id VARCHAR NOT NULL, unit VARCHAR NOT NULL, period VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
      value DOUBLE NOT NULL, tolerance DOUBLE NOT NULL, decimals INTEGER NOT NULL, fact_id VARCHAR NOT NULL, source VARCHAR NOT NULL,
      ambiguous BOOLEAN NOT NULL, as_of DATE NOT NULL, unit_valid_from DATE, parent VARCHAR, province VARCHAR, level VARCHAR,
      period_kind VARCHAR NOT NULL, period_index INTEGER NOT NULL`;
    // Today's layout taken back to version 4's: no scope anywhere.
    await createConsolidatorService(deps(old)).init();
    for (const sql of [
      `DROP TABLE observations`,
      `CREATE TABLE observations (${observationColumns}, PRIMARY KEY (report_id, indicator, period))`,
      `ALTER TABLE observations_of_record DROP COLUMN scope`,
      `ALTER TABLE parent_figures DROP COLUMN scope`,
      `DELETE FROM schema_version`,
      `INSERT INTO schema_version VALUES (4, now())`,
    ]) await old.run(sql);
    for (const [report, unit, level, parent] of [['r1', '90001', 'commune', '901'], ['r2', '901', 'district', '90']] as const) {
      for (const table of ['observations', 'observations_of_record']) {
        await old.run(`INSERT INTO ${table} BY NAME SELECT '${report}' AS report_id, '${unit}' AS unit, '2022' AS period, 'hoso.received' AS indicator,
          100 AS value, 0 AS tolerance, 0 AS decimals, 'f-${report}' AS fact_id, 'text' AS source, false AS ambiguous, DATE '2022-12-31' AS as_of,
          DATE '2008-08-01' AS unit_valid_from, '${parent}' AS parent, '90' AS province, '${level}' AS level, 'year' AS period_kind, 2022 AS period_index
          ${table === 'observations_of_record' ? `, '2022' AS report_period` : ''}`);
      }
    }
    await createConsolidatorService(deps(old)).init();
    const scopes = `SELECT unit, scope FROM observations ORDER BY unit`;
    expect(await old.all(scopes)).toEqual([{ unit: '90001', scope: 'own' }, { unit: '901', scope: 'unstated' }]);
    expect(await old.all(scopes.replace('observations', 'observations_of_record'))).toEqual([{ unit: '90001', scope: 'own' }, { unit: '901', scope: 'unstated' }]);
    // The communes' sum stands beside nothing the district said of its communes.
    expect(await old.all(`SELECT unit, scope, reported, derived FROM parent_figures ORDER BY unit, scope`)).toEqual([
      { unit: '901', scope: 'commune', reported: null, derived: 100 }, { unit: '901', scope: 'unstated', reported: 100, derived: null },
    ]);
    expect(await old.all('SELECT max(version) AS v FROM schema_version')).toEqual([{ v: SCHEMA_VERSION }]);
    await old.close();
  });

  it('stores the detected unit and period, and counts facts that arrived before the report', async () => {
    await consolidator.onFactsExtracted(facts([7, 8]));
    await consolidator.onParsed(createEvent({
      type: 'report.parsed', source: 'test', subject: '79',
      data: { ...parsed().data, detected: { unit: { name: 'Sóc Trăng', level: 'province' }, period: '2016' } },
    }));
    expect(await getReport(db, ID)).toMatchObject({ status: 'parsed', fact_count: 2, detected_unit: 'Sóc Trăng', detected_level: 'province', detected_period: '2016' });
  });

  it('records a failure with its stage, code and bilingual reason', async () => {
    await consolidator.onSubmitted(submitted());
    await consolidator.onFailed(createEvent({
      type: 'report.failed', source: 'test', subject: '79',
      data: { reportId: ID, stage: 'parser', code: 'TH_ERR_PDF_ENCRYPTED', reason: { vi: 'PDF có mật khẩu', en: 'PDF is encrypted' }, retriable: false },
    }));
    expect(await getReport(db, ID)).toMatchObject({ status: 'failed', stage: 'parser', error_code: 'TH_ERR_PDF_ENCRYPTED', reason_vi: 'PDF có mật khẩu', file_name: 'bao-cao.pdf' });
    await consolidator.onParsed(parsed());
    expect((await getReport(db, ID))?.status).toBe('failed');
  });
});
