import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Row, SqlDatabase, SqlExecutor, SqlValue, ReadOnlySession } from './sql-database.ts';
import { DuckDbReadOnlySession } from './read-only-session.duckdb.ts';
import { toPlainRow } from './plain-row.duckdb.ts';

/**
 * SqlDatabase on DuckDB (@duckdb/node-api): one database file, one connection, every
 * operation queued behind the previous one so a transaction never interleaves with
 * another caller's statements. Read-only sessions (read-only-session.duckdb.ts) get
 * connections of their own on the same instance and are closed with it.
 */
export interface DuckDbOptions {
  /** Database file (its folder is created), or `:memory:`. */
  path: string;
  /** DuckDB `threads` setting; default: DuckDB's own (all cores). */
  threads?: number;
  /** DuckDB `memory_limit`, e.g. '4GB'; default: DuckDB's own (80 % of RAM). */
  memoryLimit?: string;
}

export async function openDuckDb(opts: DuckDbOptions): Promise<SqlDatabase> {
  if (opts.path !== ':memory:') await mkdir(dirname(opts.path), { recursive: true });
  const settings: Record<string, string> = {};
  if (opts.threads !== undefined) settings.threads = String(opts.threads);
  if (opts.memoryLimit !== undefined) settings.memory_limit = opts.memoryLimit;
  const instance = await DuckDBInstance.create(opts.path, settings);
  const connection = await instance.connect();
  return new DuckDbDatabase(opts.path, instance, connection);
}

class DuckDbDatabase implements SqlDatabase {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private readonly sessions = new Set<DuckDbReadOnlySession>();

  constructor(readonly location: string, private readonly instance: DuckDBInstance, private readonly connection: DuckDBConnection) {}

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`database ${this.location} is closed`));
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private readonly exec: SqlExecutor = {
    run: async (sql, params = []) => { await this.connection.run(sql, params as SqlValue[]); },
    all: async <T extends Row>(sql: string, params: readonly SqlValue[] = []) => {
      const reader = await this.connection.runAndReadAll(sql, params as SqlValue[]);
      return reader.getRowObjectsJS().map((row) => toPlainRow(row) as T);
    },
  };

  run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    return this.enqueue(() => this.exec.run(sql, params));
  }

  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.enqueue(() => this.exec.all<T>(sql, params));
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.connection.run('BEGIN TRANSACTION');
      try {
        const result = await work(this.exec);
        await this.connection.run('COMMIT');
        return result;
      } catch (err) {
        await this.connection.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  }

  async openReadOnlySession(): Promise<ReadOnlySession> {
    if (this.closed) throw new Error(`database ${this.location} is closed`);
    const session = new DuckDbReadOnlySession(await this.instance.connect(), () => this.sessions.delete(session));
    this.sessions.add(session);
    return session;
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      this.closed = true;
      for (const session of [...this.sessions]) await session.close();
      this.connection.closeSync();
      this.instance.closeSync();
    });
  }
}
