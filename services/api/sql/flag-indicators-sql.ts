/**
 * Which indicators a flag is about: the indicators of the facts its evidence quotes (same
 * report, page and span). `flags` is the name of a relation of flag rows (a CTE); the result
 * has one row per flag and indicator: (flag_id, unit, period, indicator).
 *
 * A flag without evidence (a missing report) is about no indicator.
 */
const EVIDENCE_TYPE = `'[{"reportId":"VARCHAR","page":"INTEGER","start":"INTEGER","end":"INTEGER"}]'`;

export function flagIndicatorsSql(flags: string): string {
  return `SELECT DISTINCT ev.flag_id, ev.unit, ev.period, fa.indicator
    FROM (SELECT g.flag_id, g.unit, g.period, unnest(from_json(json_extract(g.record, '$.evidence'), ${EVIDENCE_TYPE})) AS e FROM ${flags} g) ev
      JOIN facts fa ON fa.report_id = ev.e.reportId AND fa.page = ev.e.page AND fa.span_start = ev.e.start AND fa.span_end = ev.e."end"
    WHERE fa.indicator IS NOT NULL`;
}
