import type { SqlExecutor } from '../../../infra/db/sql-database.ts';

/**
 * A figure's place in its document — what a cross-report flag quotes — looked up for the
 * facts a rule has already found wrong. Rule queries find their hits on the narrow
 * observation columns and ask for quotes afterwards: joining `facts` (one row per figure,
 * with its quote) inside the rule query would read every quote in the database to keep a
 * handful. The ids are a VALUES list joined to `facts`, so DuckDB hashes the few ids and
 * reads the quoting columns only of the rows that match (a literal IN list of that length
 * becomes a join that reads every column of every row first); a quote in an id is doubled,
 * so no id can end its literal. What it costs is reading the quotes' storage blocks: at national scale about
 * a millisecond or two per figure not yet in DuckDB's buffer pool.
 */
export interface FactEvidence {
  reportId: string;
  page: number;
  quote: string;
  start: number;
  end: number;
}

const IDS_PER_STATEMENT = 500;

/** The distinct ids as VALUES lists of at most IDS_PER_STATEMENT rows, each id a quoted literal. */
function idValues(ids: Iterable<string>): string[] {
  const unique = [...new Set(ids)];
  const lists: string[] = [];
  for (let i = 0; i < unique.length; i += IDS_PER_STATEMENT) {
    lists.push(unique.slice(i, i + IDS_PER_STATEMENT).map((id) => `('${id.replace(/'/g, "''")}')`).join(', '));
  }
  return lists;
}

export async function factEvidence(db: SqlExecutor, factIds: Iterable<string>): Promise<Map<string, FactEvidence>> {
  const found = new Map<string, FactEvidence>();
  for (const values of idValues(factIds)) {
    const rows = await db.all<{ fact_id: string; report_id: string; page: number; span_start: number; span_end: number; quote: string }>(
      `SELECT f.fact_id, f.report_id, f.page, f.span_start, f.span_end, f.quote
       FROM (VALUES ${values}) k(id) JOIN facts f ON f.fact_id = k.id`);
    for (const r of rows) found.set(r.fact_id, { reportId: r.report_id, page: r.page, quote: r.quote, start: r.span_start, end: r.span_end });
  }
  return found;
}

/** The evidence list of a flag about one fact: empty if the fact is gone (never a made-up quote). */
export function evidenceList(evidence: ReadonlyMap<string, FactEvidence>, factId: string): FactEvidence[] {
  const e = evidence.get(factId);
  return e ? [e] : [];
}

/**
 * The evidence of flags already stored, by flag id. A flag id hashes its rule, unit, period
 * and fact ids, and a fact's quote never changes, so a flag raised again with the same id has
 * the same evidence: re-evaluating a parent after one child's report finds most of its flags
 * already raised, and their quotes need not be read again from the facts table (a cold
 * national-scale read of their storage blocks, tens of milliseconds).
 */
export async function storedFlagEvidence(db: SqlExecutor, flagIds: Iterable<string>): Promise<Map<string, FactEvidence[]>> {
  const found = new Map<string, FactEvidence[]>();
  for (const values of idValues(flagIds)) {
    const rows = await db.all<{ flag_id: string; record: string }>(
      `SELECT f.flag_id, f.record FROM (VALUES ${values}) k(id) JOIN flags f ON f.flag_id = k.id`);
    for (const r of rows) {
      const evidence = (JSON.parse(r.record) as { evidence?: FactEvidence[] }).evidence;
      if (evidence && evidence.length > 0) found.set(r.flag_id, evidence);
    }
  }
  return found;
}
