/**
 * SqlDatabase: the consolidator's analytical store.
 *
 * In it: statements with positional parameters (`$1`, `$2`, …), rows as plain objects
 * whose values are JSON-friendly (numbers, strings, booleans, null; 64-bit integers as
 * numbers, timestamps as ISO strings), transactions, and one writer at a time:
 * operations are serialised in call order.
 *
 * Deliberately left out: the driver, prepared-statement handles, streaming results,
 * and more than one writing process (DuckDB allows one).
 */
export type SqlValue = string | number | boolean | null;

export type Row = Record<string, SqlValue>;

export interface SqlDatabase {
  /** Where the data lives (a file path, or `:memory:`). */
  readonly location: string;
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs `work` inside BEGIN … COMMIT, rolling back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a transaction body may do: statements, no nesting. */
export type SqlExecutor = Pick<SqlDatabase, 'run' | 'all'>;
