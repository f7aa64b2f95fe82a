import type { SqlExecutor, SqlValue } from '../../infra/db/sql-database.ts';

/**
 * Inserts rows in multi-row statements: one statement per row costs DuckDB a round of
 * planning each (≈ 10 ms per 1 000 rows). `verb` is `INSERT` or `INSERT OR REPLACE`.
 */
export async function insertRows(
  tx: SqlExecutor, table: string, columns: readonly string[], rows: readonly SqlValue[][],
  opts: { verb?: 'INSERT' | 'INSERT OR REPLACE'; rowsPerStatement?: number } = {},
): Promise<void> {
  const perStatement = opts.rowsPerStatement ?? Math.max(1, Math.floor(2000 / columns.length));
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    const placeholders = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await tx.run(`${opts.verb ?? 'INSERT'} INTO ${table} (${columns.join(', ')}) VALUES ${placeholders.join(', ')}`, batch.flat());
  }
}
