import type { SqlExecutor, SqlValue } from '../../infra/db/sql-database.ts';
import { FlagV1, type Flag } from '../../schemas/flag/v1.ts';
import { insertRows } from './bulk-insert.ts';

/**
 * The raised → resolved lifecycle of flags. Every flag belongs to a **scope**: the one
 * evaluation that produces it and can therefore also take it back.
 *
 *   document:<reportId>              the single-document families and text-vs-table conflicts
 *   hierarchy:<unit>:<period>        a parent's reported figures vs its children's
 *   revision:<unit>:<period>         a resubmission that changed figures
 *   outlier:<unit>                   one unit's series (modified z-score)
 *   peers:<level>:<period>           one level's period-to-period changes (Hidiroglou–Berthelot)
 *   completeness:<period>            who has not reported
 *
 * `reconcile` is given a set of scopes and everything those scopes raise now. A flag raised
 * before and absent now resolves; a new one (or one resolved before) is raised; one raised
 * and still raised is updated in place without an event. So the same evaluation run twice
 * changes nothing and emits nothing (idempotent), and the changes returned are exactly the
 * `dq.flag` events to publish.
 */
export interface ScopedFlag {
  scope: string;
  flag: Flag;
  /** The report whose figures the flag is about, when one is (for the reporting unit's alerts). */
  reportId?: string;
}

export interface FlagChange {
  status: 'raised' | 'resolved';
  flag: Flag;
}

/** Which scopes an evaluation covers: a list, or every scope starting with a prefix (a full rebuild). */
export type ScopeSelection = { scopes: readonly string[] } | { prefix: string };

const COLUMNS = ['flag_id', 'rule_id', 'family', 'severity', 'unit', 'period', 'status', 'record', 'raised_at', 'resolved_at', 'scope', 'report_id'] as const;

const SCOPE = /^[a-z]+:[A-Za-z0-9:._-]+$/;
const SCOPE_PREFIX = /^[a-z]+:[A-Za-z0-9:._-]*$/;
const FLAG_ID = /^[0-9a-f]+$/;

function literals(values: readonly string[], pattern: RegExp): string {
  return values.map((v) => {
    if (!pattern.test(v)) throw new Error(`not a flag key: ${v}`);
    return `'${v}'`;
  }).join(', ');
}

export async function reconcileFlags(tx: SqlExecutor, selection: ScopeSelection, flags: readonly ScopedFlag[]): Promise<FlagChange[]> {
  if ('scopes' in selection && selection.scopes.length === 0 && flags.length === 0) return [];
  const condition = 'prefix' in selection
    ? `starts_with(scope, ${literals([selection.prefix], SCOPE_PREFIX)})`
    : `scope IN (${literals(selection.scopes.length > 0 ? selection.scopes : ['none:none'], SCOPE)})`;
  const existing = new Map<string, { status: string; record: string; raisedAt: string }>();
  for (const row of await tx.all<{ flag_id: string; status: string; record: string; raised_at: string }>(`SELECT flag_id, status, record, raised_at FROM flags WHERE ${condition}`)) {
    existing.set(row.flag_id, { status: row.status, record: row.record, raisedAt: row.raised_at });
  }
  const now = new Date().toISOString();
  const changes: FlagChange[] = [];
  const writes: SqlValue[][] = [];
  const current = new Set<string>();
  for (const { scope, flag, reportId } of flags) {
    if (current.has(flag.id)) continue;
    current.add(flag.id);
    const record = JSON.stringify(FlagV1.parse(flag));
    const before = existing.get(flag.id);
    const stillRaised = before?.status === 'raised';
    if (stillRaised && before.record === record) continue;
    if (!stillRaised) changes.push({ status: 'raised', flag });
    // A raised flag whose record changed (a child's figure moved the sum) keeps its first raised_at.
    writes.push([flag.id, flag.ruleId, flag.family, flag.severity, flag.unit, flag.period, 'raised', record, stillRaised ? before.raisedAt : now, null, scope, reportId ?? null]);
  }
  await insertRows(tx, 'flags', COLUMNS, writes, { verb: 'INSERT OR REPLACE' });
  const gone = [...existing].filter(([id, e]) => e.status === 'raised' && !current.has(id));
  if (gone.length > 0) {
    await tx.run(`UPDATE flags SET status = 'resolved', resolved_at = $1 WHERE flag_id IN (${literals(gone.map(([id]) => id), FLAG_ID)})`, [now]);
    for (const [, e] of gone) changes.push({ status: 'resolved', flag: FlagV1.parse(JSON.parse(e.record)) });
  }
  return changes;
}
