import type { SqlDatabase, SqlExecutor, SqlValue } from '../../infra/db/sql-database.ts';
import type { Fact } from '../../schemas/fact/v1.ts';
import type { ReportSubmitted } from '../../schemas/report-submitted/v1.ts';
import type { ReportParsed } from '../../schemas/report-parsed/v1.ts';
import type { ReportFailed } from '../../schemas/report-failed/v1.ts';
import { ReportRecordV1, type ReportRecord } from '../../schemas/records/report-record.ts';

/**
 * Writes and reads the reports and facts tables. Every write is an upsert keyed by
 * report sha256 or fact id, so an event delivered twice changes nothing, and the
 * status only moves forward: a late `report.submitted` never undoes `parsed`/`failed`.
 */
const STATUS_RANK = `CASE reports.status WHEN 'submitted' THEN 1 ELSE 2 END`;
const NEW_RANK = `CASE excluded.status WHEN 'submitted' THEN 1 ELSE 2 END`;

export async function recordSubmitted(db: SqlExecutor, e: ReportSubmitted): Promise<void> {
  await db.run(
    `INSERT INTO reports (report_id, status, object_key, file_name, media_type, bytes, submitted_by, submitted_at, claimed_unit, claimed_period, updated_at)
     VALUES ($1, 'submitted', $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (report_id) DO UPDATE SET
       object_key = excluded.object_key, file_name = excluded.file_name, media_type = excluded.media_type,
       bytes = excluded.bytes, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
       claimed_unit = excluded.claimed_unit, claimed_period = excluded.claimed_period,
       status = CASE WHEN ${NEW_RANK} >= ${STATUS_RANK} THEN excluded.status ELSE reports.status END,
       updated_at = now()`,
    [e.reportId, e.objectKey, e.fileName, e.mediaType, e.bytes, e.submittedBy, e.submittedAt, e.claimed.unit, e.claimed.period],
  );
}

export async function recordParsed(db: SqlExecutor, e: ReportParsed, unit: string): Promise<void> {
  const detected = e.detected.unit;
  await db.run(
    `INSERT INTO reports (report_id, status, object_key, claimed_unit, claimed_period, pages, characters, text_key,
       detected_unit, detected_level, detected_period, detected_code, expected_facts, fact_count, updated_at)
     VALUES ($1, 'parsed', $2, $3, 'unknown', $4, $5, $6, $7, $8, $9, $10, $11, 0, now())
     ON CONFLICT (report_id) DO UPDATE SET
       status = CASE WHEN reports.status = 'failed' THEN reports.status ELSE 'parsed' END,
       object_key = coalesce(reports.object_key, excluded.object_key),
       claimed_unit = CASE WHEN reports.claimed_unit = 'unknown' THEN excluded.claimed_unit ELSE reports.claimed_unit END,
       pages = excluded.pages, characters = excluded.characters, text_key = excluded.text_key,
       detected_unit = excluded.detected_unit, detected_level = excluded.detected_level, detected_period = excluded.detected_period,
       detected_code = excluded.detected_code, expected_facts = excluded.expected_facts,
       updated_at = now()`,
    [e.reportId, e.objectKey, unit, e.pages, e.characters, e.textKey, detected?.name ?? null, detected?.level ?? null, e.detected.period ?? null,
      detected?.code ?? null, e.factCount],
  );
}

export async function recordFailed(db: SqlExecutor, e: ReportFailed, unit: string): Promise<void> {
  await db.run(
    `INSERT INTO reports (report_id, status, stage, error_code, reason_vi, reason_en, file_name, bytes, claimed_unit, claimed_period, updated_at)
     VALUES ($1, 'failed', $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (report_id) DO UPDATE SET
       status = 'failed', stage = excluded.stage, error_code = excluded.error_code,
       reason_vi = excluded.reason_vi, reason_en = excluded.reason_en,
       file_name = coalesce(reports.file_name, excluded.file_name), bytes = coalesce(reports.bytes, excluded.bytes),
       updated_at = now()`,
    [e.reportId, e.stage, e.code, e.reason.vi, e.reason.en, e.fileName ?? null, e.bytes ?? null, e.claimed?.unit ?? unit, e.claimed?.period ?? 'unknown'],
  );
}

const FACT_COLUMNS = [
  'fact_id', 'report_id', 'kind', 'label', 'indicator', 'value', 'numerator', 'denominator', 'rate', 'total',
  'unit_noun', 'qualifier', 'period', 'page', 'span_start', 'span_end', 'quote', 'record',
] as const;
/** Rows per INSERT: one statement per row costs DuckDB a round of planning each (≈ 10 ms for 1 000 facts → 1 s). */
const FACT_ROWS_PER_STATEMENT = 200;

function factRow(f: Fact): SqlValue[] {
  return [f.id, f.reportId, f.kind, f.label, f.indicator ?? null, f.value ?? null, f.numerator ?? null, f.denominator ?? null,
    f.rate ?? null, f.total ?? null, f.unit, f.qualifier ?? null, f.period ?? null,
    f.evidence.page, f.evidence.start, f.evidence.end, f.evidence.quote, JSON.stringify(f)];
}

/**
 * Upserts a chunk of facts (in multi-row statements) and adds the new ones to the report's
 * fact count. Returns how many were new.
 *
 * Nearly always every fact is new, so the chunk first goes in with a plain INSERT, which the
 * primary key checks as it inserts. Only when that fails on a duplicate id (a redelivered
 * chunk) is the chunk split, in a second transaction, into ids not stored yet (plain INSERT)
 * and ids already stored (INSERT OR REPLACE, which DuckDB does row by row, probing and
 * rewriting the key index: hundreds of milliseconds against a national-scale table). Asking
 * first which ids are stored would cost a lookup of every id every time (≈ 40–60 ms per chunk
 * at national scale).
 *
 * The count is kept, not recounted: `count(*) … WHERE report_id = ?` reads the whole facts
 * table (report ids are hashes, so no block can be skipped). Facts may arrive before the
 * report's other events; the row is then created with its count and `submitted` status (the
 * submission and parse events fill in the rest, and a status only moves forward).
 */
export async function recordFacts(db: SqlDatabase, reportId: string, facts: readonly Fact[]): Promise<number> {
  const unique = [...new Map(facts.map((f) => [f.id, f])).values()];
  try {
    return await db.transaction(async (tx) => {
      await insertFacts(tx, 'INSERT', unique);
      await addToFactCount(tx, reportId, unique.length);
      return unique.length;
    });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  return db.transaction(async (tx) => {
    const stored = await storedFactIds(tx, unique.map((f) => f.id));
    await insertFacts(tx, 'INSERT', unique.filter((f) => !stored.has(f.id)));
    await insertFacts(tx, 'INSERT OR REPLACE', unique.filter((f) => stored.has(f.id)));
    await addToFactCount(tx, reportId, unique.length - stored.size);
    return unique.length - stored.size;
  });
}

async function addToFactCount(tx: SqlExecutor, reportId: string, added: number): Promise<void> {
  await tx.run(
    `INSERT INTO reports (report_id, status, claimed_unit, claimed_period, fact_count, updated_at)
     VALUES ($1, 'submitted', 'unknown', 'unknown', $2, now())
     ON CONFLICT (report_id) DO UPDATE SET fact_count = reports.fact_count + excluded.fact_count, updated_at = now()`,
    [reportId, added],
  );
}

/** DuckDB's words for an insert that breaks a primary key. */
function isDuplicateKey(err: unknown): boolean {
  return err instanceof Error && /duplicate key|violates primary key/i.test(err.message);
}

async function storedFactIds(tx: SqlExecutor, ids: readonly string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < ids.length; i += FACT_ROWS_PER_STATEMENT) {
    const batch = ids.slice(i, i + FACT_ROWS_PER_STATEMENT);
    const rows = await tx.all<{ fact_id: string }>(
      `SELECT fact_id FROM facts WHERE fact_id IN (${batch.map((_, k) => `$${k + 1}`).join(', ')})`, batch);
    for (const r of rows) stored.add(r.fact_id);
  }
  return stored;
}

async function insertFacts(tx: SqlExecutor, verb: 'INSERT' | 'INSERT OR REPLACE', facts: readonly Fact[]): Promise<void> {
  for (let i = 0; i < facts.length; i += FACT_ROWS_PER_STATEMENT) {
    const batch = facts.slice(i, i + FACT_ROWS_PER_STATEMENT);
    const placeholders = batch.map((_, r) => `(${FACT_COLUMNS.map((__, c) => `$${r * FACT_COLUMNS.length + c + 1}`).join(', ')})`);
    await tx.run(`${verb} INTO facts (${FACT_COLUMNS.join(', ')}) VALUES ${placeholders.join(', ')}`, batch.flatMap(factRow));
  }
}

export async function getReport(db: SqlDatabase, reportId: string): Promise<ReportRecord | undefined> {
  const rows = await db.all(`SELECT * FROM reports WHERE report_id = $1`, [reportId]);
  return rows[0] ? ReportRecordV1.parse(rows[0]) : undefined;
}

export async function listReports(db: SqlDatabase): Promise<ReportRecord[]> {
  const rows = await db.all(`SELECT * FROM reports ORDER BY submitted_at NULLS LAST, file_name`);
  return rows.map((r) => ReportRecordV1.parse(r));
}

export interface StoreTotals {
  reports: number;
  parsed: number;
  failed: number;
  submitted: number;
  pages: number;
  facts: number;
  flagsRaised: number;
}

export async function storeTotals(db: SqlDatabase): Promise<StoreTotals> {
  const [row] = await db.all<{ [k in keyof StoreTotals]: number }>(`
    SELECT
      (SELECT count(*) FROM reports) AS reports,
      (SELECT count(*) FROM reports WHERE status = 'parsed') AS parsed,
      (SELECT count(*) FROM reports WHERE status = 'failed') AS failed,
      (SELECT count(*) FROM reports WHERE status = 'submitted') AS submitted,
      (SELECT coalesce(sum(pages), 0) FROM reports WHERE status = 'parsed') AS pages,
      (SELECT count(*) FROM facts) AS facts,
      (SELECT count(*) FROM flags WHERE status = 'raised') AS flagsRaised`);
  return row!;
}
