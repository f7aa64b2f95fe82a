/**
 * The columns a rule query selects from `facts` (and `indicators`, `units`) to quote a
 * figure: rows of the cross-report families extend this, and `evidenceOf` turns them into
 * a flag's evidence.
 */
export interface EvidenceColumns {
  name_vi: string;
  name_en: string;
  unit_name: string | null;
  page: number;
  span_start: number;
  span_end: number;
  quote: string;
  [k: string]: string | number | boolean | null;
}

export function evidenceOf(reportId: string, row: EvidenceColumns): { reportId: string; page: number; quote: string; start: number; end: number } {
  return { reportId, page: row.page, quote: row.quote, start: row.span_start, end: row.span_end };
}
