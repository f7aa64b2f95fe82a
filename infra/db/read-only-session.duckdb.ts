import type { DuckDBConnection } from '@duckdb/node-api';
import { tonghopError } from '../errors/error-catalog.ts';
import { isTonghopError } from '../errors/tonghop-error.ts';
import type { EngineCatalog, ParsedSql, ReadOnlySession, SelectResult, SqlValue } from './sql-database.ts';
import { toPlainRow } from './plain-row.duckdb.ts';

/**
 * ReadOnlySession on DuckDB: a connection of its own on the database's instance.
 *
 *   parse    `extractStatements` (the parser only) counts the statements; one statement goes
 *            through `json_serialize_sql`, which parses without binding and only serialises
 *            SELECTs ("Only SELECT statements can be serialized to json!" otherwise). Binding is
 *            what opens files (`FROM 'x.csv'` fails in prepare with "No files found"), so
 *            nothing here binds the caller's text.
 *   normalize `json_deserialize_sql(json_serialize_sql(…))`, inside DuckDB (the tree holds
 *            uint64 values such as query_location = 2^64 − 1 that JSON.parse would round).
 *   select   `BEGIN TRANSACTION READ ONLY` → the statement, streamed, until maxRows + 1 rows
 *            (DuckDB stops producing the rest) → ROLLBACK. A write that slipped past the
 *            caller's checks fails with "transaction is launched in read-only mode".
 *            A timer calls `connection.interrupt()`, which stops only this connection.
 *
 * Why not DuckDB's own sandbox: `enable_external_access`, `autoload_known_extensions` and
 * `autoinstall_known_extensions` are global settings ("cannot be set as a session variable"),
 * and external access cannot be re-enabled once off, while the consolidator on the same
 * instance and the Parquet export need files. A second instance cannot open the same file
 * alongside the writer. So the session gives isolation, read-only transactions, the row
 * limit and the timeout, and the caller's policy (services/api/query-guard.ts) decides what
 * the parse tree may contain.
 */
export class DuckDbReadOnlySession implements ReadOnlySession {
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private cachedCatalog?: EngineCatalog;

  constructor(private readonly connection: DuckDBConnection, private readonly onClose: () => void) {}

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('read-only session is closed'));
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  parse(sql: string): Promise<ParsedSql> {
    return this.enqueue(async () => {
      let count: number;
      try {
        count = (await this.connection.extractStatements(sql)).count;
      } catch (err) {
        throw tonghopError('TH_ERR_QUERY_INVALID', [engineMessage(err)], err);
      }
      if (count !== 1) return { statements: count };
      const reader = await this.connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS tree', [sql]);
      const text = textOf(reader.getRowObjectsJS()[0]?.tree) ?? '{}';
      const tree = JSON.parse(text) as { error?: boolean; error_message?: string };
      if (tree.error) return { statements: 1, error: tree.error_message ?? 'not a SELECT' };
      return { statements: 1, tree };
    });
  }

  normalize(sql: string): Promise<string> {
    return this.enqueue(async () => {
      try {
        const reader = await this.connection.runAndReadAll('SELECT json_deserialize_sql(json_serialize_sql($1::VARCHAR)) AS sql', [sql]);
        return textOf(reader.getRowObjectsJS()[0]?.sql) ?? '';
      } catch (err) {
        throw tonghopError('TH_ERR_QUERY_INVALID', [engineMessage(err)], err);
      }
    });
  }

  catalog(): Promise<EngineCatalog> {
    return this.enqueue(async () => {
      if (this.cachedCatalog) return this.cachedCatalog;
      const fns = (await this.connection.runAndReadAll('SELECT DISTINCT lower(function_name) AS name, function_type AS kind FROM duckdb_functions()')).getRowObjectsJS();
      const types = (await this.connection.runAndReadAll('SELECT DISTINCT lower(type_name) AS name FROM duckdb_types()')).getRowObjectsJS();
      const names = (rows: Record<string, unknown>[]) => rows.map((r) => textOf(r.name) ?? '');
      this.cachedCatalog = {
        functions: new Set(names(fns.filter((f) => ['scalar', 'aggregate', 'macro'].includes(textOf(f.kind) ?? '')))),
        tableFunctions: new Set(names(fns.filter((f) => f.kind === 'table' || f.kind === 'table_macro'))),
        types: new Set(names(types)),
      };
      return this.cachedCatalog;
    });
  }

  select(sql: string, params: readonly SqlValue[], opts: { maxRows: number; timeoutMs: number }): Promise<SelectResult> {
    return this.enqueue(() => this.readOnly(opts.timeoutMs, async () => {
      const reader = await this.connection.streamAndReadUntil(sql, opts.maxRows + 1, params as SqlValue[]);
      const names = reader.deduplicatedColumnNames();
      const types = reader.columnTypes().map((t) => t.toString());
      const rows = reader.getRowsJS().slice(0, opts.maxRows + 1);
      return {
        columns: names.map((name, i) => ({ name, type: types[i] ?? 'UNKNOWN' })),
        rows: rows.slice(0, opts.maxRows).map((r) => toPlainRow(Object.fromEntries(names.map((n, i) => [n, r[i]])))),
        truncated: rows.length > opts.maxRows,
      };
    }));
  }

  copyToParquet(sql: string, params: readonly SqlValue[], path: string, opts: { timeoutMs: number }): Promise<void> {
    return this.enqueue(() => this.readOnly(opts.timeoutMs, async () => {
      await this.connection.run(`COPY (${sql}) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`, params as SqlValue[]);
    }));
  }

  /** BEGIN READ ONLY → work → ROLLBACK, interrupted after `timeoutMs`. */
  private async readOnly<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION READ ONLY');
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      this.connection.interrupt();
    }, timeoutMs);
    try {
      return await work();
    } catch (err) {
      if (timedOut) throw tonghopError('TH_ERR_QUERY_TIMEOUT', [timeoutMs], err);
      if (isTonghopError(err)) throw err;
      throw tonghopError('TH_ERR_QUERY_FAILED', [engineMessage(err)], err);
    } finally {
      clearTimeout(timer);
      await this.connection.run('ROLLBACK').catch(() => undefined);
    }
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.enqueue(() => {
      if (this.closed) return Promise.resolve();
      this.closed = true;
      this.connection.closeSync();
      this.onClose();
      return Promise.resolve();
    });
  }
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** DuckDB's message without its "LINE 1: …" caret block, short enough for a response. */
function engineMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n\nLINE')[0]!.trim().slice(0, 500);
}
