import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../../infra/db/sql-database.duckdb.ts';
import { apiHarness, bearer, type ApiHarness } from '../../support/api-harness.ts';

/** Exports really parse: CSV rows, the XLSX read back with exceljs, the Parquet with DuckDB's read_parquet. */
describe('analyst API: exports', () => {
  let a: ApiHarness;
  let dir: string;
  beforeAll(async () => {
    a = await apiHarness();
    dir = await mkdtemp(join(tmpdir(), 'tonghop-export-test-'));
  });
  afterAll(async () => {
    await a.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string, token = 'analyst-90') => a.app.inject({ url, headers: bearer(token) });
  const readParquet = async (bytes: Buffer): Promise<Record<string, unknown>[]> => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.parquet`);
    await writeFile(path, bytes);
    const db = await openDuckDb({ path: ':memory:' });
    try {
      return await db.all(`SELECT * FROM read_parquet('${path}')`);
    } finally {
      await db.close();
    }
  };

  it('figures as CSV: UTF-8 BOM, Vietnamese headers, one line per figure', async () => {
    const r = await get('/v1/figures?unit=901&children=true&period=2022&format=csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-disposition']).toBe('attachment; filename="tonghop-figures.csv"');
    const bytes = r.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Mã đơn vị,Tên đơn vị,Kỳ báo cáo,Mã chỉ tiêu,Tên chỉ tiêu,Phạm vi số liệu,Số liệu báo cáo,Tổng hợp từ cấp dưới,Số đơn vị cấp dưới đã báo cáo,Số đơn vị cấp dưới phải báo cáo,Tỷ lệ bao phủ,Số cảnh báo');
    expect(lines).toContain('901,Huyện Một,2022,hoso.received,Hồ sơ tiếp nhận,commune,300,305,3,4,0.75,1');
    expect(lines).toHaveLength(5); // 901 and its three unambiguous communes
  });

  it('figures as XLSX: exceljs reads the sheet back with Vietnamese headers and numbers', async () => {
    const r = await get('/v1/figures?unit=901&children=true&period=2022&format=xlsx');
    expect(r.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mã đơn vị', 'Tên đơn vị', 'Kỳ báo cáo', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Phạm vi số liệu', 'Số liệu báo cáo', 'Tổng hợp từ cấp dưới',
      'Số đơn vị cấp dưới đã báo cáo', 'Số đơn vị cấp dưới phải báo cáo', 'Tỷ lệ bao phủ', 'Số cảnh báo']);
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).values).toEqual([undefined, '901', 'Huyện Một', '2022', 'hoso.received', 'Hồ sơ tiếp nhận', 'commune', 300, 305, 3, 4, 0.75, 1]);
  });

  it('figures as Parquet: DuckDB reads it back, scoped like the JSON', async () => {
    const r = await get('/v1/figures?period=2022&format=parquet', 'analyst-91');
    expect(r.statusCode).toBe(200);
    const rows = await readParquet(r.rawPayload);
    expect(rows.map((x) => x.unit).sort()).toEqual(['90099', '91', '911']);
    expect(rows.find((x) => x.unit === '911')).toMatchObject({ unit_name: 'Huyện Ba', indicator: 'hoso.received', reported: 30, derived: 20 });
  });

  it('flags as CSV and Parquet, with quote and page', async () => {
    const csv = (await get('/v1/flags?format=csv', 'unit-90002')).rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(csv[0]).toContain('Trích dẫn');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('tiếp nhận 101 hồ sơ');
    const rows = await readParquet((await get('/v1/flags?format=parquet', 'unit-90002')).rawPayload);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ unit: '90002', rule_id: 'conflict.text_vs_table', page: 2, quote: 'tiếp nhận 101 hồ sơ' });
  });

  it('a query as XLSX, CSV and Parquet', async () => {
    const sql = "SELECT unit, count(*) AS so_canh_bao, 'Tổng' AS ghi_chu FROM flags GROUP BY unit ORDER BY unit";
    const post = (format: string) => a.app.inject({ method: 'POST', url: `/v1/query?format=${format}`, headers: bearer('national'), payload: { sql } });
    const parquet = await readParquet((await post('parquet')).rawPayload);
    expect(parquet.map((x) => x.unit)).toEqual(['90002', '90004', '901', '91101']);
    expect(parquet[0]).toEqual({ unit: '90002', so_canh_bao: 1, ghi_chu: 'Tổng' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await post('xlsx')).rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Mã đơn vị', 'so_canh_bao', 'ghi_chu']);
    expect(sheet.rowCount).toBe(5);
    const csv = (await post('csv')).rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(csv).toEqual(['Mã đơn vị,so_canh_bao,ghi_chu', '90002,1,Tổng', '90004,1,Tổng', '901,1,Tổng', '91101,1,Tổng']);
    const refused = await a.app.inject({ method: 'POST', url: '/v1/query?format=parquet', headers: bearer('national'), payload: { sql: "SELECT * FROM read_csv('/etc/passwd')" } });
    expect(refused.statusCode).toBe(400);
  });
});
