import type { SqlDatabase, SqlValue } from '../../infra/db/sql-database.ts';
import { FlagV1, Severity, type Flag } from '../../schemas/flag/v1.ts';
import { Period, UnitCode } from '../../schemas/identifiers.ts';

/**
 * Reading flags back: what `tonghop flags` prints and what the API will serve.
 *
 *   unit      the unit itself and every unit under it (a province's code gives all its
 *             districts' and communes' flags), through the register's parent links at any date
 *   period    exactly that period
 *   severity  that severity or worse (`warning` gives errors and warnings)
 *   status    raised (default) or resolved or all
 *
 * Sorted by unit, period, severity (errors first), rule and id, so output is stable.
 */
export interface FlagQuery {
  unit?: string;
  period?: string;
  severity?: Severity;
  status?: 'raised' | 'resolved' | 'all';
}

export interface StoredFlag {
  status: 'raised' | 'resolved';
  raisedAt: string;
  resolvedAt: string | null;
  flag: Flag;
}

const WORSE_OR_EQUAL: Record<Severity, Severity[]> = { error: ['error'], warning: ['error', 'warning'], info: ['error', 'warning', 'info'] };

export async function listFlags(db: SqlDatabase, query: FlagQuery = {}): Promise<StoredFlag[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const param = (v: SqlValue) => {
    params.push(v);
    return `$${params.length}`;
  };
  const status = query.status ?? 'raised';
  if (status !== 'all') where.push(`f.status = ${param(status)}`);
  if (query.period !== undefined) where.push(`f.period = ${param(Period.parse(query.period))}`);
  if (query.severity !== undefined) where.push(`f.severity IN (${WORSE_OR_EQUAL[Severity.parse(query.severity)].map((s) => param(s)).join(', ')})`);
  let scope = '';
  if (query.unit !== undefined) {
    scope = `WITH RECURSIVE under(code) AS (SELECT ${param(UnitCode.parse(query.unit))}::VARCHAR UNION SELECT u.code FROM units u JOIN under ON u.parent = under.code)`;
    where.push(`f.unit IN (SELECT code FROM under)`);
  }
  const rows = await db.all<{ status: string; raised_at: string; resolved_at: string | null; record: string }>(`
    ${scope}
    SELECT f.status, f.raised_at, f.resolved_at, f.record FROM flags f
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY f.unit, f.period, CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule_id, f.flag_id`, params);
  return rows.map((r) => ({
    status: r.status === 'resolved' ? 'resolved' : 'raised',
    raisedAt: r.raised_at,
    resolvedAt: r.resolved_at,
    flag: FlagV1.parse(JSON.parse(r.record)),
  }));
}
