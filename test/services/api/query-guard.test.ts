import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, bearer, type ApiHarness } from '../../support/api-harness.ts';

/**
 * POST /v1/query on a real consolidator database: the read-only guard (services/api/query-guard.ts)
 * and the session under it (infra/db/read-only-session.duckdb.ts).
 */
describe('analyst API: read-only SQL', () => {
  let a: ApiHarness;
  let before: unknown;
  const snapshot = () => a.h.db.all(`SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM facts) AS facts,
    (SELECT count(*) FROM flags) AS flags, (SELECT count(*) FROM observations) AS observations,
    (SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables) AS tables`);
  beforeAll(async () => {
    a = await apiHarness({ options: { queryMaxRows: 50, queryTimeoutMs: 400 } });
    before = await snapshot();
  });
  afterAll(async () => { await a.close(); });

  const query = (sql: string, token = 'national', extra: Record<string, unknown> = {}) =>
    a.app.inject({ method: 'POST', url: '/v1/query', headers: bearer(token), payload: { sql, ...extra } });

  it('runs a SELECT over the consolidated tables and views', async () => {
    const r = await query(`-- hồ sơ theo đơn vị
      WITH c AS (SELECT unit, reported FROM consolidated_figures WHERE indicator = 'hoso.received' AND reported IS NOT NULL)
      SELECT c.unit, u.name, c.reported, row_number() OVER (ORDER BY c.unit) AS n
      FROM c JOIN units u ON u.code = c.unit ORDER BY c.unit;`);
    expect(r.statusCode).toBe(200);
    const body = r.json<{ columns: { name: string }[]; rows: Record<string, unknown>[]; truncated: boolean }>();
    expect(body.columns.map((c) => c.name)).toEqual(['unit', 'name', 'reported', 'n']);
    expect(body.rows[0]).toEqual({ unit: '90001', name: 'Xã Một 1', reported: 100, n: 1 });
    expect(body.truncated).toBe(false);
    for (const ok of ['DESCRIBE flags', 'SHOW TABLES', 'SUMMARIZE facts', 'SELECT 1 UNION ALL SELECT 2', 'SELECT count(*) FROM range(10)',
      `SELECT '{"a":1}'::JSON ->> '$.a' AS a`, 'SELECT sum(x) FROM generate_series(1, 3) t(x)', 'SELECT 9007199254740993::BIGINT AS big']) {
      expect((await query(ok)).statusCode, ok).toBe(200);
    }
  });

  const refusals: [string, RegExp][] = [
    [`INSERT INTO flags SELECT * FROM flags`, /INSERT is not a SELECT/],
    [`UPDATE reports SET status = 'failed'`, /UPDATE is not a SELECT/],
    [`DELETE FROM facts`, /DELETE is not a SELECT/],
    [`CREATE TABLE x AS SELECT 1`, /CREATE is not a SELECT/],
    [`DROP TABLE flags`, /DROP is not a SELECT/],
    [`ALTER TABLE flags ADD COLUMN x INT`, /ALTER is not a SELECT/],
    [`COPY flags TO '/tmp/flags.csv'`, /COPY is not a SELECT/],
    [`COPY (SELECT 1) TO '/tmp/x.parquet' (FORMAT parquet)`, /COPY is not a SELECT/],
    [`ATTACH '/tmp/other.duckdb' AS other`, /ATTACH is not a SELECT/],
    [`INSTALL httpfs`, /INSTALL is not a SELECT/],
    [`LOAD httpfs`, /LOAD is not a SELECT/],
    [`SET enable_external_access = true`, /SET is not a SELECT/],
    [`PRAGMA table_info('flags')`, /PRAGMA is not a SELECT/],
    [`EXPORT DATABASE '/tmp/dump'`, /EXPORT is not a SELECT/],
    [`/* looks harmless */ CHECKPOINT`, /CHECKPOINT is not a SELECT/],
    [`CALL pragma_version()`, /CALL is not a SELECT/],
    [`SELECT * FROM read_csv('/etc/passwd')`, /table function read_csv/],
    [`SELECT * FROM read_csv_auto('/etc/passwd')`, /table function read_csv_auto/],
    [`SELECT * FROM read_parquet('/tmp/x.parquet')`, /table function read_parquet/],
    [`SELECT * FROM read_json('/etc/passwd')`, /table function read_json/],
    [`SELECT * FROM read_text('/etc/passwd')`, /table function read_text/],
    [`SELECT * FROM read_blob('/etc/passwd')`, /table function read_blob/],
    [`SELECT * FROM glob('/etc/*')`, /table function glob/],
    [`SELECT * FROM query('SELECT 1')`, /table function query/],
    [`SELECT * FROM duckdb_settings()`, /table function duckdb_settings/],
    [`SELECT (SELECT count(*) FROM read_text('/etc/passwd')) AS n`, /table function read_text/],
    [`SELECT * FROM flags WHERE unit IN (SELECT content FROM read_text('/etc/hostname'))`, /table function read_text/],
    [`SELECT * FROM 'file.csv'`, /"file\.csv" is not one of the tables/],
    [`SELECT * FROM '/etc/passwd'`, /"\/etc\/passwd" is not one of the tables/],
    [`FROM 'https://example.com/x.parquet'`, /is not one of the tables/],
    [`SELECT * FROM flags, "data.json"`, /"data\.json" is not one of the tables/],
    [`DESCRIBE 'x.csv'`, /"x\.csv" is not one of the tables/],
    [`SELECT * FROM main.flags`, /unqualified/],
    [`SELECT * FROM other.main.flags`, /unqualified/],
    [`SELECT * FROM schema_version`, /not one of the tables/],
    [`WITH "x.csv" AS (SELECT 1) SELECT * FROM "x.csv"`, /plain identifier/],
    [`SELECT current_setting('temp_directory')`, /current_setting/],
    [`SELECT nextval('s')`, /nextval/],
    [`SELECT st_point(1, 2)`, /unknown function st_point/],
    [`SELECT 'x'::INET`, /unknown type INET/],
    [`SHOW databases`, /SHOW/],
    [`SELECT 1; SELECT 2`, /2 statements/],
    [`SELECT 1; DROP TABLE flags`, /2 statements/],
    [`   `, /empty/],
  ];

  it.each(refusals)('refuses %s', async (sql, why) => {
    const r = await query(sql);
    expect(r.statusCode).toBe(400);
    const body = r.json<{ code: string; message: { vi: string; en: string } }>();
    expect(body.code).toBe('TH_ERR_QUERY_REFUSED');
    expect(body.message.en).toMatch(why);
    expect(body.message.vi).toMatch(/từ chối/);
  });

  it('leaves the database as it was after every refusal', async () => {
    expect(await snapshot()).toEqual(before);
    expect(before).toEqual([expect.objectContaining({ reports: 8, flags: 4 })]);
  });

  it('reports a syntax or binder error as such, not as a refusal', async () => {
    const syntax = await query('SELEC 1');
    expect(syntax.statusCode).toBe(400);
    expect(syntax.json<{ code: string }>().code).toBe('TH_ERR_QUERY_INVALID');
    const missing = await query('SELECT no_such_column FROM flags');
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ code: string }>().code).toBe('TH_ERR_QUERY_FAILED');
    expect(missing.json<{ message: { en: string } }>().message.en).toContain('no_such_column');
  });

  it('stops at the row limit and says so', async () => {
    const r = await query('SELECT x FROM range(1000) t(x) ORDER BY x DESC');
    const body = r.json<{ rows: { x: number }[]; rowCount: number; truncated: boolean }>();
    expect(body).toMatchObject({ rowCount: 50, truncated: true });
    expect(body.rows[0]).toEqual({ x: 999 });
    const fewer = await query('SELECT x FROM range(1000) t(x)', 'national', { maxRows: 5 });
    expect(fewer.json()).toMatchObject({ rowCount: 5, truncated: true });
    const more = await query('SELECT x FROM range(1000) t(x)', 'national', { maxRows: 5000 });
    expect(more.json()).toMatchObject({ rowCount: 50, truncated: true });
  });

  it('interrupts a slow query after the timeout and keeps serving', async () => {
    const started = Date.now();
    const r = await query('SELECT count(*) FROM range(1000000000) a, range(1000000) b');
    expect(r.statusCode).toBe(408);
    expect(r.json<{ code: string }>().code).toBe('TH_ERR_QUERY_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await query('SELECT 42 AS answer')).json()).toMatchObject({ rows: [{ answer: 42 }] });
  });

  it('limits a province analyst’s SQL to its province, whatever the query names', async () => {
    const units = async (sql: string, token: string) => (await query(sql, token)).json<{ rows: { unit: string }[] }>().rows.map((r) => r.unit);
    expect(await units('SELECT DISTINCT unit FROM flags ORDER BY unit', 'analyst-90')).not.toContain('91101');
    expect(await units('SELECT DISTINCT unit FROM flags ORDER BY unit', 'national')).toContain('91101');
    expect(await units(`SELECT DISTINCT coalesce(unit_code, claimed_unit) AS unit FROM reports ORDER BY 1`, 'analyst-91')).toEqual(['90099', '911', '91101']);
    expect(await units(`SELECT DISTINCT r.unit_code AS unit FROM facts f JOIN reports r USING (report_id) ORDER BY 1`, 'analyst-91')).toEqual(['90099', '911', '91101']);
    expect(await units(`WITH x AS (SELECT unit FROM consolidated_figures) SELECT DISTINCT unit FROM x ORDER BY unit`, 'analyst-91')).toEqual(['90099', '91', '911']);
    expect(await units(`SELECT DISTINCT unit FROM (SELECT unit FROM observations UNION SELECT unit FROM report_versions) ORDER BY 1`, 'analyst-91')).toEqual(['90099', '911', '91101']);
    const shadow = await query('WITH flags AS (SELECT * FROM reports) SELECT * FROM flags', 'analyst-90');
    expect(shadow.statusCode).toBe(400);
    expect(shadow.json<{ message: { en: string } }>().message.en).toMatch(/may not be named flags/);
  });
});
