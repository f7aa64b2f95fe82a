import type { SqlDatabase, SqlValue } from '../../infra/db/sql-database.ts';
import { Period, UnitCode } from '../../schemas/identifiers.ts';
import { ConsolidatedFigureV1, type ConsolidatedFigure } from '../../schemas/records/consolidated-figure.ts';

/**
 * Reading consolidated figures back (the `consolidated_figures` view): for a unit and
 * optionally a period and an indicator, reported beside derived with coverage, each row
 * validated. What the analyst API will serve.
 */
export interface FigureQuery {
  unit: string;
  period?: string;
  indicator?: string;
}

export async function listConsolidatedFigures(db: SqlDatabase, query: FigureQuery): Promise<ConsolidatedFigure[]> {
  const params: SqlValue[] = [UnitCode.parse(query.unit)];
  const where = ['unit = $1'];
  if (query.period !== undefined) {
    params.push(Period.parse(query.period));
    where.push(`period = $${params.length}`);
  }
  if (query.indicator !== undefined) {
    params.push(query.indicator);
    where.push(`indicator = $${params.length}`);
  }
  const rows = await db.all(`SELECT * FROM consolidated_figures WHERE ${where.join(' AND ')} ORDER BY period, indicator, scope`, params);
  return rows.map((r) => ConsolidatedFigureV1.parse(r));
}
