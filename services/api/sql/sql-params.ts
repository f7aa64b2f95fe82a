import type { SqlValue } from '../../../infra/db/sql-database.ts';

/** Positional parameters for one statement: `p.add(v)` returns `$n`. */
export class SqlParams {
  readonly values: SqlValue[] = [];

  add(value: SqlValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
