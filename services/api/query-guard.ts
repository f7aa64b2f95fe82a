import type { EngineCatalog, ReadOnlySession } from '../../infra/db/sql-database.ts';
import { tonghopError } from '../../infra/errors/error-catalog.ts';

/**
 * The guard in front of POST /v1/query: analysts' SQL may read the consolidated tables and
 * nothing else. Layers, each enough for what it covers:
 *
 *   1. one statement: the engine's own splitter counts them (`SELECT 1; DROP …` is two).
 *   2. a SELECT: DuckDB serialises only SELECTs to a parse tree, so INSERT, UPDATE, DELETE,
 *      CREATE, DROP, ALTER, COPY, ATTACH, DETACH, INSTALL, LOAD, SET, RESET, PRAGMA, EXPORT,
 *      IMPORT, CALL, CHECKPOINT, VACUUM, BEGIN … have none and are refused, by name. Nothing is
 *      bound before the tree is checked: binding already opens files (`FROM 'x.csv'`).
 *   3. the tree, walked whole (subqueries, CTEs, joins, function arguments, DESCRIBE/SUMMARIZE):
 *      - every table named must be one of RELATIONS or a CTE of the query, unqualified: no
 *        `'file.csv'` or `'https://…'` (replacement scans), no `other_db.t`, no `main.t` past
 *        a scope (below); CTE names must be plain identifiers, so none can be a path either;
 *      - table functions only from TABLE_FUNCTIONS (range, generate_series, unnest): no
 *        read_csv/read_parquet/read_json/read_text/read_blob/glob/query/parquet_metadata/
 *        duckdb_settings/…;
 *      - scalar and aggregate functions must already exist in the engine (an unknown one could
 *        autoload an extension, which may download it), and not be one of DENIED_FUNCTIONS
 *        (settings, sequences, the log);
 *      - every type named in a cast must already exist (same reason).
 *   4. what runs is the engine's rendering of the checked tree (no comments, no trailing `;`),
 *      itself parsed and checked again; for a province analyst, CTEs named like the tables
 *      (reports, flags, …, each filtered to the analyst's subtree) are put in front, so the
 *      unqualified names — the only ones allowed — mean the scoped rows; the combined text is
 *      parsed once more and must be the checked tree plus those CTEs, or it is refused.
 *   5. the session (infra/db/read-only-session.duckdb.ts) runs it in a READ ONLY transaction on
 *      a connection of its own, with a row limit and a timeout that interrupts it.
 *
 * Why not `SET enable_external_access = false`: it is global to the DuckDB instance and
 * cannot be turned back on, and the consolidator sharing the instance (and the Parquet export)
 * need files. Anything the walk does not recognise is refused rather than allowed.
 */
export const RELATIONS: readonly string[] = [
  'reports', 'facts', 'flags', 'observations', 'observations_of_record', 'report_versions', 'consolidated_figures', 'units', 'indicators',
];

export const TABLE_FUNCTIONS: ReadonlySet<string> = new Set(['range', 'generate_series', 'unnest']);

export const DENIED_FUNCTIONS: ReadonlySet<string> = new Set([
  'current_setting', 'getenv', 'getvariable', 'nextval', 'currval', 'setseed', 'write_log', 'which_secret', 'json_execute_serialized_sql',
]);

/** Statement keywords that have no SELECT parse tree, for a refusal that names what was tried. */
const KEYWORD = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*([A-Za-z]+)/;

export interface GuardOptions {
  /** Relation name → the SELECT it stands for (a scoped view); absent: the relations as they are. */
  scoped?: ReadonlyMap<string, string>;
}

export async function guardQuery(session: ReadOnlySession, sql: string, opts: GuardOptions = {}): Promise<string> {
  const catalog = await session.catalog();
  check(await selectTree(session, sql), catalog, opts);
  // What will run is the engine's rendering of the checked tree; it must pass the same checks.
  const rendered = await session.normalize(sql);
  const tree = await selectTree(session, rendered);
  check(tree, catalog, opts);
  if (!opts.scoped || opts.scoped.size === 0) return rendered;
  return withScope(session, rendered, tree, opts.scoped);
}

/**
 * Puts the scoped CTEs in front of the user's own (textually, on the engine's rendering), then
 * proves the result is exactly the checked tree with those CTEs added: its parse tree, minus
 * source positions, must equal the user's with the scope's CTE entries first.
 */
async function withScope(session: ReadOnlySession, rendered: string, tree: unknown, scoped: ReadonlyMap<string, string>): Promise<string> {
  const ours = [...scoped].map(([name, body]) => `${name} AS (${body})`).join(', ');
  const recursive = /^WITH RECURSIVE /i.exec(rendered);
  const plain = /^WITH /i.exec(rendered);
  const text = recursive ? `WITH RECURSIVE ${ours}, ${rendered.slice(recursive[0].length)}`
    : plain ? `WITH ${ours}, ${rendered.slice(plain[0].length)}`
      : `WITH ${ours} ${rendered}`;
  const scopeEntries = cteEntries(statementNode((await session.parse(`WITH ${ours} SELECT 1`)).tree)) ?? [];
  const expected = statementNode(tree);
  const actual = statementNode((await session.parse(text)).tree);
  const own = cteEntries(expected);
  if (!expected || !actual || !own) throw refused('this query shape cannot be limited to your scope / không giới hạn được câu truy vấn này theo phạm vi');
  const want = { ...expected, cte_map: { ...(expected.cte_map as Obj), map: [...scopeEntries, ...own] } };
  if (positionless(want) !== positionless(actual)) throw refused('this query shape cannot be limited to your scope / không giới hạn được câu truy vấn này theo phạm vi');
  return text;
}

function positionless(tree: unknown): string {
  return JSON.stringify(tree, (key, value: unknown) => (key === 'query_location' ? undefined : value));
}

async function selectTree(session: ReadOnlySession, sql: string): Promise<unknown> {
  if (sql.trim() === '') throw refused('empty query / câu truy vấn rỗng');
  const parsed = await session.parse(sql);
  if (parsed.statements === 0) throw refused('empty query / câu truy vấn rỗng');
  if (parsed.statements > 1) throw refused(`${parsed.statements} statements; send exactly one SELECT / ${parsed.statements} câu lệnh; chỉ gửi một câu SELECT`);
  if (parsed.tree === undefined) {
    const word = (KEYWORD.exec(sql)?.[1] ?? '?').toUpperCase();
    throw refused(`${word} is not a SELECT: only reading is allowed / ${word} không phải SELECT: chỉ được đọc`);
  }
  return parsed.tree;
}

function refused(why: string) {
  return tonghopError('TH_ERR_QUERY_REFUSED', [why]);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function statementNode(tree: unknown): Obj | undefined {
  const statements = isObj(tree) ? tree.statements : undefined;
  const first: unknown = Array.isArray(statements) ? statements[0] : undefined;
  return isObj(first) && isObj(first.node) ? first.node : undefined;
}

function cteEntries(node: Obj | undefined): unknown[] | undefined {
  const map = node && isObj(node.cte_map) ? node.cte_map.map : undefined;
  return Array.isArray(map) ? map : undefined;
}

function check(tree: unknown, catalog: EngineCatalog, opts: GuardOptions): void {
  const relations = new Set(RELATIONS);
  const ctes = new Set<string>();
  // Pass 1: every CTE name anywhere in the query.
  visit(tree, (o) => {
    if (!isObj(o.cte_map) || !Array.isArray(o.cte_map.map)) return;
    for (const entry of o.cte_map.map) {
      const name = isObj(entry) ? str(entry.key) : '';
      if (!PLAIN_NAME.test(name)) throw refused(`CTE name "${name}" must be a plain identifier / tên CTE phải là định danh đơn giản`);
      if (opts.scoped?.has(name.toLowerCase())) throw refused(`a CTE may not be named ${name} (a table's name) / CTE không được trùng tên bảng ${name}`);
      ctes.add(name.toLowerCase());
    }
  });
  // Pass 2: tables, table functions, functions and types.
  visit(tree, (o) => {
    if (o.type === 'BASE_TABLE') {
      const name = str(o.table_name);
      if (str(o.catalog_name) || str(o.schema_name)) throw refused(`"${[o.catalog_name, o.schema_name, name].filter(Boolean).join('.')}": write table names unqualified / viết tên bảng không kèm lược đồ`);
      if (!relations.has(name.toLowerCase()) && !ctes.has(name.toLowerCase())) {
        throw refused(`"${name}" is not one of the tables ${RELATIONS.join(', ')} (files and other databases cannot be read) / "${name}" không phải bảng tổng hợp (không được đọc tệp hay cơ sở dữ liệu khác)`);
      }
    } else if (o.type === 'TABLE_FUNCTION') {
      const fn = isObj(o.function) ? o.function : {};
      const name = str(fn.function_name).toLowerCase();
      if (str(fn.schema) || str(fn.catalog) || !TABLE_FUNCTIONS.has(name)) {
        throw refused(`table function ${name}() is not allowed (only ${[...TABLE_FUNCTIONS].join(', ')}) / không được dùng hàm bảng ${name}()`);
      }
    } else if (o.type === 'SHOW_REF' && o.query === null && str(o.table_name).replace(/"/g, '').toLowerCase() !== 'tables') {
      throw refused(`SHOW ${str(o.table_name)} is not allowed (SHOW TABLES, DESCRIBE and SUMMARIZE are) / không được dùng SHOW ${str(o.table_name)}`);
    }
    if (o.class === 'FUNCTION' || (o.class === 'WINDOW' && o.type === 'WINDOW_AGGREGATE')) {
      const name = str(o.function_name).toLowerCase();
      if (str(o.schema) || str(o.catalog)) throw refused(`function ${name}: write it unqualified / viết tên hàm không kèm lược đồ`);
      if (DENIED_FUNCTIONS.has(name)) throw refused(`function ${name}() is not allowed / không được dùng hàm ${name}()`);
      if (o.is_operator !== true && !catalog.functions.has(name) && !catalog.tableFunctions.has(name)) {
        throw refused(`unknown function ${name}() (extensions are not loaded on demand) / hàm ${name}() không có sẵn`);
      }
    }
    if (typeof o.id === 'string' && 'type_info' in o && isObj(o.type_info)) {
      const info = o.type_info;
      const named = info.type === 'UNBOUND_TYPE_INFO' ? str(info.name) : str(info.alias);
      if (str(info.catalog) || str(info.schema)) throw refused(`type ${named}: write it unqualified / viết tên kiểu không kèm lược đồ`);
      if (named && !catalog.types.has(named.toLowerCase())) throw refused(`unknown type ${named} / kiểu ${named} không có sẵn`);
    }
  });
}

/**
 * Visits every object in the tree. A table function's call is checked as a table function,
 * not as a scalar one, so only its arguments are visited below it.
 */
function visit(node: unknown, fn: (o: Obj) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) visit(child, fn);
    return;
  }
  if (!isObj(node)) return;
  fn(node);
  for (const [key, child] of Object.entries(node)) {
    if (node.type === 'TABLE_FUNCTION' && key === 'function' && isObj(child)) visit(child.children, fn);
    else visit(child, fn);
  }
}
