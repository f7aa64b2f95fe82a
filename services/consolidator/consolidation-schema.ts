import type { SqlDatabase } from '../../infra/db/sql-database.ts';
import { rebuildParentFigures } from './rollup-sql.ts';

/**
 * The consolidator's tables. Created if missing; `schema_version` says which layout
 * a database file has so later versions can migrate it.
 *   reports — one row per report (sha256), its lifecycle, where its files are, and the
 *             periods its observations cover
 *   facts   — one row per extracted fact, with provenance (page, span, quote)
 *   flags   — data-quality flags with their raised/resolved lifecycle; `scope` says which
 *             evaluation owns a flag (flag-lifecycle.ts)
 *   flag_outbox — the dq.flag events of flag changes committed but not yet published
 *             (flag-outbox.ts)
 *   observations — per report, the figure it gives for its unit, indicator, period and scope
 *             (schemas/records/observation.ts)
 *   units, indicators — the unit register and the indicator catalog, loaded from schemas/
 *             (reference-tables.ts), so rollups can join them
 *   observations_of_record — the figure rollups and comparisons use per unit, period,
 *             indicator and scope (rollup-sql.ts), maintained per report
 *   report_versions (view) — the parsed reports of a unit and period in submission order
 *   parent_figures — reported beside derived-from-children, with coverage, for the units that
 *             have children, maintained per report (rollup-sql.ts)
 *   consolidated_figures (view) — parent_figures and the communes' observations of record
 */
export const SCHEMA_VERSION = 5;

const DDL = [
  `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS reports (
     report_id VARCHAR PRIMARY KEY,
     status VARCHAR NOT NULL,
     stage VARCHAR, error_code VARCHAR, reason_vi VARCHAR, reason_en VARCHAR,
     object_key VARCHAR, file_name VARCHAR, media_type VARCHAR, bytes BIGINT,
     submitted_by VARCHAR, submitted_at TIMESTAMP,
     claimed_unit VARCHAR NOT NULL, claimed_period VARCHAR NOT NULL,
     pages INTEGER, characters INTEGER, text_key VARCHAR,
     fact_count INTEGER NOT NULL DEFAULT 0,
     updated_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS facts (
     fact_id VARCHAR PRIMARY KEY,
     report_id VARCHAR NOT NULL,
     kind VARCHAR NOT NULL, label VARCHAR NOT NULL, indicator VARCHAR,
     value DOUBLE, numerator DOUBLE, denominator DOUBLE, rate DOUBLE, total DOUBLE,
     unit_noun VARCHAR NOT NULL, qualifier VARCHAR, period VARCHAR,
     page INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, quote VARCHAR NOT NULL,
     record JSON NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS flags (
     flag_id VARCHAR PRIMARY KEY,
     rule_id VARCHAR NOT NULL, family VARCHAR NOT NULL, severity VARCHAR NOT NULL,
     unit VARCHAR NOT NULL, period VARCHAR NOT NULL,
     status VARCHAR NOT NULL, record JSON NOT NULL,
     raised_at TIMESTAMP NOT NULL, resolved_at TIMESTAMP)`,
];

/** The scope of an observation stored before scopes were read (version 5). */
const LEGACY_SCOPE = `CASE WHEN level = 'commune' THEN 'own' ELSE 'unstated' END`;

/** Migrations from version n − 1 to n, applied in order to an older database file. */
const MIGRATIONS: Record<number, string[]> = {
  2: [
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS detected_unit VARCHAR`,
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS detected_level VARCHAR`,
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS detected_period VARCHAR`,
  ],
  3: [
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS unit_code VARCHAR`,
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS period VARCHAR`,
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS as_of DATE`,
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS consolidated_at TIMESTAMP`,
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS detected_code VARCHAR`,
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS expected_facts INTEGER`,
    `ALTER TABLE flags ADD COLUMN IF NOT EXISTS scope VARCHAR`,
    `ALTER TABLE flags ADD COLUMN IF NOT EXISTS report_id VARCHAR`,
    `CREATE INDEX IF NOT EXISTS flags_scope ON flags (scope)`,
    `CREATE TABLE IF NOT EXISTS observations (
       report_id VARCHAR NOT NULL, unit VARCHAR NOT NULL, period VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
       value DOUBLE NOT NULL, tolerance DOUBLE NOT NULL, decimals INTEGER NOT NULL,
       fact_id VARCHAR NOT NULL, source VARCHAR NOT NULL, ambiguous BOOLEAN NOT NULL,
       as_of DATE NOT NULL, unit_valid_from DATE, parent VARCHAR, province VARCHAR, level VARCHAR,
       period_kind VARCHAR NOT NULL, period_index INTEGER NOT NULL,
       PRIMARY KEY (report_id, indicator, period))`,
    `CREATE TABLE IF NOT EXISTS observations_of_record (
       report_id VARCHAR NOT NULL, unit VARCHAR NOT NULL, period VARCHAR NOT NULL, indicator VARCHAR NOT NULL,
       value DOUBLE NOT NULL, tolerance DOUBLE NOT NULL, decimals INTEGER NOT NULL,
       fact_id VARCHAR NOT NULL, source VARCHAR NOT NULL, ambiguous BOOLEAN NOT NULL,
       as_of DATE NOT NULL, unit_valid_from DATE, parent VARCHAR, province VARCHAR, level VARCHAR,
       period_kind VARCHAR NOT NULL, period_index INTEGER NOT NULL,
       report_period VARCHAR NOT NULL, submitted_at TIMESTAMP)`,
    `CREATE TABLE IF NOT EXISTS units (
       code VARCHAR NOT NULL, valid_from DATE NOT NULL, valid_to DATE,
       name VARCHAR NOT NULL, level VARCHAR NOT NULL, type VARCHAR NOT NULL, parent VARCHAR,
       PRIMARY KEY (code, valid_from))`,
    `CREATE TABLE IF NOT EXISTS indicators (
       code VARCHAR PRIMARY KEY, name_vi VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
       unit VARCHAR NOT NULL, additive BOOLEAN NOT NULL, numerator VARCHAR, denominator VARCHAR)`,
    `CREATE TABLE IF NOT EXISTS reference_state (name VARCHAR PRIMARY KEY, fingerprint VARCHAR NOT NULL, loaded_at TIMESTAMP NOT NULL)`,
  ],
  // The periods a report's observations cover, comma-separated and sorted ('' for none), so
  // that one new report finds the reports it competes with without reading observations.
  4: [
    `ALTER TABLE reports ADD COLUMN IF NOT EXISTS observed_periods VARCHAR`,
    `UPDATE reports SET observed_periods = coalesce(
       (SELECT string_agg(DISTINCT o.period, ',' ORDER BY o.period) FROM observations o WHERE o.report_id = reports.report_id), '')
     WHERE consolidated_at IS NOT NULL`,
    // The consolidated figures of units with children (rollup-sql.ts), filled by a rebuild.
    `CREATE TABLE IF NOT EXISTS parent_figures (
       unit VARCHAR NOT NULL, period VARCHAR NOT NULL, indicator VARCHAR NOT NULL, as_of DATE,
       reported DOUBLE, derived DOUBLE, children_reported BIGINT NOT NULL, children_expected BIGINT NOT NULL, coverage DOUBLE,
       parent VARCHAR)`,
    // dq.flag events written with their flags, removed once published (flag-outbox.ts).
    `CREATE SEQUENCE IF NOT EXISTS flag_outbox_seq`,
    `CREATE TABLE IF NOT EXISTS flag_outbox (
       seq BIGINT PRIMARY KEY DEFAULT nextval('flag_outbox_seq'),
       event_id VARCHAR NOT NULL, event JSON NOT NULL, created_at TIMESTAMP NOT NULL)`,
  ],
  // Whose figure an observation is (its scope), part of its key: a district's own office and
  // its communes give different figures for one indicator. Figures stored before were not
  // told apart: a commune's are its own, a district's or province's are unstated (compared
  // with nothing until their report is consolidated again). The observations table is made
  // anew for its key (DuckDB cannot change a primary key in place).
  5: [
    `CREATE TEMP TABLE observations_v4 AS SELECT * FROM observations`,
    `DROP TABLE observations`,
    `CREATE TABLE observations (
       report_id VARCHAR NOT NULL, unit VARCHAR NOT NULL, period VARCHAR NOT NULL, indicator VARCHAR NOT NULL, scope VARCHAR NOT NULL,
       value DOUBLE NOT NULL, tolerance DOUBLE NOT NULL, decimals INTEGER NOT NULL,
       fact_id VARCHAR NOT NULL, source VARCHAR NOT NULL, ambiguous BOOLEAN NOT NULL,
       as_of DATE NOT NULL, unit_valid_from DATE, parent VARCHAR, province VARCHAR, level VARCHAR,
       period_kind VARCHAR NOT NULL, period_index INTEGER NOT NULL,
       PRIMARY KEY (report_id, indicator, period, scope))`,
    `INSERT INTO observations BY NAME SELECT *, ${LEGACY_SCOPE} AS scope FROM observations_v4`,
    `DROP TABLE observations_v4`,
    `ALTER TABLE observations_of_record ADD COLUMN IF NOT EXISTS scope VARCHAR`,
    `UPDATE observations_of_record SET scope = ${LEGACY_SCOPE}`,
    `ALTER TABLE parent_figures ADD COLUMN IF NOT EXISTS scope VARCHAR`,
  ],
};

export async function ensureConsolidationSchema(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of DDL) await tx.run(statement);
    const rows = await tx.all<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION) throw new Error(`database schema version ${current} is newer than this tonghop (${SCHEMA_VERSION})`);
    // A new database gets version 1's tables from DDL and then every migration, like an old one.
    for (let version = Math.max(current, 1) + 1; version <= SCHEMA_VERSION; version++) {
      for (const statement of MIGRATIONS[version] ?? []) await tx.run(statement);
    }
    // An older file's figures of record exist already: compute the stored figures from them.
    if (current > 0 && current < 5) await rebuildParentFigures(tx);
    if (current < SCHEMA_VERSION) await tx.run('INSERT INTO schema_version VALUES ($1, now())', [SCHEMA_VERSION]);
  });
}
