import { Period, ReportId, UnitCode } from '../../schemas/identifiers.ts';

/**
 * SQL literals for the kinds of key the consolidator filters by. Both are checked
 * against their schema first (digits; the period pattern), so nothing else can reach the
 * statement text. Scoped queries inline them because one statement serves many shapes
 * (a unit list of any length) and DuckDB plans literals better than parameters in IN lists.
 */
export function unitLiteral(unit: string): string {
  return `'${UnitCode.parse(unit)}'`;
}

export function unitList(units: readonly string[]): string {
  if (units.length === 0) return '(NULL)';
  return `(${units.map(unitLiteral).join(', ')})`;
}

export function periodLiteral(period: string): string {
  return `'${Period.parse(period)}'`;
}

export function periodList(periods: readonly string[]): string {
  if (periods.length === 0) return '(NULL)';
  return `(${periods.map(periodLiteral).join(', ')})`;
}

export function reportList(reports: readonly string[]): string {
  if (reports.length === 0) return '(NULL)';
  return `(${reports.map((r) => `'${ReportId.parse(r)}'`).join(', ')})`;
}
