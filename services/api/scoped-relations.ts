import type { UnitScope } from './access/unit-scope.ts';

/**
 * The consolidated tables as a scoped reader sees them: each a SELECT over the real table
 * (`main.<name>`) keeping the rows whose unit and period are in the scope. The query guard puts
 * them in front of an analyst's SQL as CTEs of the same names. The register (`units`) and the
 * catalog (`indicators`) are public and stay as they are. Facts follow their report.
 */
export function scopedRelations(scope: UnitScope): ReadonlyMap<string, string> | undefined {
  if (scope.kind === 'all') return undefined;
  const by = (table: string, unit: string, period: string) => `SELECT * FROM main.${table} t WHERE ${scope.sql(unit, period)}`;
  return new Map([
    ['reports', by('reports', 'coalesce(t.unit_code, t.claimed_unit)', 'coalesce(t.period, t.claimed_period)')],
    ['facts', 'SELECT * FROM main.facts t WHERE t.report_id IN (SELECT report_id FROM reports)'],
    ['flags', by('flags', 't.unit', 't.period')],
    ['observations', by('observations', 't.unit', 't.period')],
    ['observations_of_record', by('observations_of_record', 't.unit', 't.period')],
    ['report_versions', by('report_versions', 't.unit', 't.period')],
    ['consolidated_figures', by('consolidated_figures', 't.unit', 't.period')],
  ]);
}
