import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../../infra/db/sql-database.duckdb.ts';

describe('SqlDatabase on DuckDB', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'tonghop-duckdb-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('persists to its file, creating the folder, and returns JSON-friendly rows', async () => {
    const path = join(dir, 'nested/db.duckdb');
    const db = await openDuckDb({ path });
    await db.run('CREATE TABLE t (id INTEGER, big BIGINT, seen_at TIMESTAMP, note VARCHAR)');
    await db.run('INSERT INTO t VALUES ($1, $2, $3, $4)', [1, 9_007_199_254, '2026-01-02 03:04:05', null]);
    await db.close();
    const again = await openDuckDb({ path });
    expect(await again.all('SELECT * FROM t')).toEqual([{ id: 1, big: 9_007_199_254, seen_at: '2026-01-02T03:04:05.000Z', note: null }]);
    await again.close();
  });

  it('rolls a failed transaction back and keeps serving', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    await db.run('CREATE TABLE t (id INTEGER PRIMARY KEY)');
    await expect(db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      await tx.run('INSERT INTO t VALUES (1)');
    })).rejects.toThrow(/constraint|duplicate/i);
    expect(await db.all('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
    await db.transaction((tx) => tx.run('INSERT INTO t VALUES (2)'));
    expect(await db.all('SELECT id FROM t')).toEqual([{ id: 2 }]);
    await db.close();
  });

  it('serialises concurrent callers so a transaction never interleaves with them', async () => {
    const db = await openDuckDb({ path: ':memory:' });
    await db.run('CREATE TABLE log (n INTEGER)');
    const tx = db.transaction(async (t) => {
      await t.run('INSERT INTO log VALUES (1)');
      await new Promise((r) => setTimeout(r, 30));
      await t.run('INSERT INTO log VALUES (2)');
    });
    const outside = db.run('INSERT INTO log VALUES (3)');
    await Promise.all([tx, outside]);
    expect((await db.all<{ n: number }>('SELECT n FROM log')).map((r) => r.n)).toEqual([1, 2, 3]);
    await db.close();
  });
});
