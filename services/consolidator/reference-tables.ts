import { createHash } from 'node:crypto';
import type { SqlDatabase } from '../../infra/db/sql-database.ts';
import type { IndicatorCatalog } from '../../schemas/indicators/catalog.ts';
import type { UnitRegistry } from '../registry/unit-registry.ts';
import { insertRows } from './bulk-insert.ts';

/**
 * The reference data rollups join: `units` (every dated record of the unit register) and
 * `indicators` (code, unit, additivity, ratio of each catalog indicator). Each is reloaded
 * only when its content changed, which a fingerprint in `reference_state` tells; a database
 * opened by the same tonghop costs one query.
 */
export async function loadReferenceTables(db: SqlDatabase, registry: UnitRegistry, catalog: Readonly<IndicatorCatalog>): Promise<void> {
  const unitRows = registry.units.map((u) => [u.code, u.validFrom, u.validTo ?? null, u.name, u.level, u.type, u.parent ?? null]);
  const indicatorRows = catalog.indicators.map((d) => [d.code, d.name.vi, d.name.en, d.unit, d.additive, d.ratio?.numerator ?? null, d.ratio?.denominator ?? null]);
  const tables = [
    { name: 'units', columns: ['code', 'valid_from', 'valid_to', 'name', 'level', 'type', 'parent'], rows: unitRows },
    { name: 'indicators', columns: ['code', 'name_vi', 'name_en', 'unit', 'additive', 'numerator', 'denominator'], rows: indicatorRows },
  ];
  const state = new Map((await db.all<{ name: string; fingerprint: string }>('SELECT name, fingerprint FROM reference_state')).map((r) => [r.name, r.fingerprint]));
  for (const table of tables) {
    const fingerprint = createHash('sha256').update(JSON.stringify(table.rows)).digest('hex');
    if (state.get(table.name) === fingerprint) continue;
    await db.transaction(async (tx) => {
      await tx.run(`DELETE FROM ${table.name}`);
      await insertRows(tx, table.name, table.columns, table.rows);
      await tx.run(`INSERT OR REPLACE INTO reference_state VALUES ($1, $2, now())`, [table.name, fingerprint]);
    });
  }
}
