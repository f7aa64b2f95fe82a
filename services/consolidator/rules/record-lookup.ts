import type { SqlExecutor } from '../../../infra/db/sql-database.ts';
import { periodLiteral, unitLiteral } from '../sql-literal.ts';
import { evidenceList, factEvidence, type FactEvidence } from './fact-evidence.ts';

/**
 * From an outlier rule's hits to its flags' sources: which fact and report stand behind each
 * observation of record it found unusual, by (unit, indicator, scope, period), and that fact's
 * evidence (fact-evidence.ts). The outlier rules compute on keys and values only and look the
 * ids up for their few hits afterwards: carrying two long ids through a national-scale
 * window or group costs more than the test itself. The keys go in as a VALUES list joined
 * to the table, so the few keys are hashed and the table streams past them (measured at
 * national scale: 210 keys in 0.4 s, against 1.7–2.4 s for IN lists of units and periods).
 */
export interface RecordKey {
  unit: string;
  indicator: string;
  scope: string;
  period: string;
}

export interface RecordSource {
  factId: string;
  reportId: string;
}

const KEYS_PER_STATEMENT = 500;

function recordKey(k: RecordKey): string {
  return `${k.unit}|${k.indicator}|${k.scope}|${k.period}`;
}

async function recordSources(db: SqlExecutor, keys: readonly RecordKey[]): Promise<Map<string, RecordSource>> {
  const unique = [...new Map(keys.map((k) => [recordKey(k), k])).values()];
  const found = new Map<string, RecordSource>();
  for (let i = 0; i < unique.length; i += KEYS_PER_STATEMENT) {
    const values = unique.slice(i, i + KEYS_PER_STATEMENT)
      .map((k) => `(${unitLiteral(k.unit)}, ${text(k.indicator)}, ${text(k.scope)}, ${periodLiteral(k.period)})`).join(', ');
    const rows = await db.all<{ unit: string; indicator: string; scope: string; period: string; fact_id: string; report_id: string }>(
      `SELECT o.unit, o.indicator, o.scope, o.period, o.fact_id, o.report_id
       FROM (VALUES ${values}) k(unit, indicator, scope, period)
         JOIN observations_of_record o ON o.unit = k.unit AND o.indicator = k.indicator AND o.scope = k.scope AND o.period = k.period`);
    for (const r of rows) found.set(recordKey(r), { factId: r.fact_id, reportId: r.report_id });
  }
  return found;
}

/**
 * The end of an outlier rule's query: its `hits` CTE (with unit, unit_valid_from, indicator
 * and period) named — the indicator's names, the unit's name on its register record — in the
 * order flags are listed.
 */
export function namedHitsSql(columns: string): string {
  return `SELECT ${columns}, i.name_vi, i.name_en, u.name AS unit_name
    FROM hits h
      JOIN indicators i ON i.code = h.indicator
      LEFT JOIN units u ON u.code = h.unit AND u.valid_from = h.unit_valid_from
    ORDER BY h.unit, h.indicator, h.period`;
}

/** The hits with their fact and report ids and the fact's evidence; a hit whose observation is gone is left out. */
export async function sourcedHits<T extends RecordKey>(db: SqlExecutor, rows: readonly T[]): Promise<(T & RecordSource & { evidence: FactEvidence[] })[]> {
  const sources = await recordSources(db, rows);
  const found = rows.flatMap((r) => {
    const source = sources.get(recordKey(r));
    return source ? [{ ...r, ...source }] : [];
  });
  const evidence = await factEvidence(db, found.map((r) => r.factId));
  return found.map((r) => ({ ...r, evidence: evidenceList(evidence, r.factId) }));
}

function text(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
