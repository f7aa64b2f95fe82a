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
 *
 * `openReadOnlySession()` is the one way in for SQL that tonghop did not write (the analyst
 * API's POST /v1/query): a separate connection to the same database whose statements run in
 * a READ ONLY transaction, never queue behind the writer, stop after a row limit and are
 * interrupted after a timeout. It also parses without running, so a caller can decide what to
 * refuse before the engine binds anything (binding a file-reading SELECT already opens the
 * file). Which statements are acceptable is the caller's policy (services/api/query-guard.ts);
 * the session only guarantees that nothing it runs can write to the database.
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
  /**
   * A separate read-only session (its own connection) for untrusted queries; close it when
   * done. Optional: a wrapper that cannot isolate untrusted SQL (a test double, the benchmark's
   * statement recorder) leaves it out, and whoever needs it fails at start-up without it.
   */
  openReadOnlySession?(): Promise<ReadOnlySession>;
  close(): Promise<void>;
}

/**
 * One connection, one statement at a time (calls are queued), every statement inside a
 * READ ONLY transaction that is rolled back afterwards. Closed with the database at the latest.
 */
export interface ReadOnlySession {
  /**
   * Splits and parses `sql` without binding or running it. `statements` counts what the text
   * holds; when it is one SELECT, `tree` is its parse tree in the engine's own format (DuckDB:
   * the JSON of `json_serialize_sql`), else `error` says why there is none. Syntax errors throw
   * TH_ERR_QUERY_INVALID.
   */
  parse(sql: string): Promise<ParsedSql>;
  /**
   * The engine's own rendering of one SELECT's parse tree (DuckDB: json_deserialize_sql of
   * json_serialize_sql): the statement without comments or a trailing `;`. Done inside the
   * engine, because the tree holds 64-bit integers a JavaScript round trip would round.
   */
  normalize(sql: string): Promise<string>;
  /** Names the engine knows right now, lowercase: callable functions by kind, and type names. */
  catalog(): Promise<EngineCatalog>;
  /**
   * Runs one SELECT; reads at most `maxRows` rows (`truncated` when there were more) and
   * interrupts it after `timeoutMs` (TH_ERR_QUERY_TIMEOUT). Engine errors: TH_ERR_QUERY_FAILED.
   */
  select(sql: string, params: readonly SqlValue[], opts: { maxRows: number; timeoutMs: number }): Promise<SelectResult>;
  /** Writes the rows of one SELECT to a Parquet file at `path` (the database itself stays untouched); same timeout. */
  copyToParquet(sql: string, params: readonly SqlValue[], path: string, opts: { timeoutMs: number }): Promise<void>;
  close(): Promise<void>;
}

export interface ParsedSql {
  statements: number;
  tree?: unknown;
  error?: string;
}

export interface EngineCatalog {
  /** Scalar, aggregate and macro functions. */
  functions: ReadonlySet<string>;
  tableFunctions: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

export interface SelectResult {
  columns: { name: string; type: string }[];
  rows: Row[];
  truncated: boolean;
}

/** What a transaction body may do: statements, no nesting. */
export type SqlExecutor = Pick<SqlDatabase, 'run' | 'all'>;
