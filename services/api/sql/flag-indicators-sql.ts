/**
 * Which indicators a flag is about: the catalog codes its record names (`flag.indicators`,
 * written by the consolidator), or for a flag recorded before those existed, the indicators
 * of the facts its evidence quotes (same report, page and span). `flags` is the name of a
 * relation of flag rows (a CTE); the result has one row per flag and indicator:
 * (flag_id, unit, period, indicator).
 *
 * The record is read first because joining evidence to `facts` reads the whole facts table
 * (millions of rows at national scale) for a handful of flags; that join now runs only for
 * older records, and not at all (an empty build side) when there are none.
 *
 * A flag without evidence (a missing report) is about no indicator.
 */
const EVIDENCE_TYPE = `'[{"reportId":"VARCHAR","page":"INTEGER","start":"INTEGER","end":"INTEGER"}]'`;

export function flagIndicatorsSql(flags: string): string {
  return `SELECT DISTINCT g.flag_id, g.unit, g.period, unnest(from_json(json_extract(g.record, '$.indicators'), '["VARCHAR"]')) AS indicator
    FROM ${flags} g WHERE json_extract(g.record, '$.indicators') IS NOT NULL
    UNION
    SELECT DISTINCT ev.flag_id, ev.unit, ev.period, fa.indicator
    FROM (SELECT g.flag_id, g.unit, g.period, unnest(from_json(json_extract(g.record, '$.evidence'), ${EVIDENCE_TYPE})) AS e
          FROM ${flags} g WHERE json_extract(g.record, '$.indicators') IS NULL) ev
      JOIN facts fa ON fa.report_id = ev.e.reportId AND fa.page = ev.e.page AND fa.span_start = ev.e.start AND fa.span_end = ev.e."end"
    WHERE fa.indicator IS NOT NULL`;
}
