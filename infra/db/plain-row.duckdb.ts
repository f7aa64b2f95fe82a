import type { Row } from './sql-database.ts';

/**
 * A DuckDB row (node-api's JS values) as the SqlDatabase port promises it: 64-bit integers as
 * numbers, timestamps as ISO strings, lists, structs and decimals as their JSON text.
 */
export function toPlainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'bigint') out[key] = Number(value);
    else if (value instanceof Date) out[key] = value.toISOString();
    else if (value === null || value === undefined) out[key] = null;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    // Lists, structs and decimals: their JSON text (64-bit integers inside as numbers).
    else out[key] = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
  }
  return out;
}
