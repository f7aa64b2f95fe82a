import type { SqlExecutor } from '../../../infra/db/sql-database.ts';
import { FlagV1 } from '../../../schemas/flag/v1.ts';
import type { ScopedFlag } from '../flag-lifecycle.ts';
import { reportVersionsSql } from '../rollup-sql.ts';
import { periodList, unitList } from '../sql-literal.ts';
import { flagId } from './flag-id.ts';
import { en, vi } from './flag-draft.ts';

/**
 * conflict between submissions: a unit sent a new report for a period and it gives an
 * indicator a different figure than the report it supersedes. The later one is the figure
 * of record (rollups use it; the old report's own flags resolve); this flag (info) keeps the
 * change visible with both quotes, so an analyst can see what was corrected.
 * Scope `revision:<unit>:<period>`.
 */
export const CONFLICT_RESUBMISSION = 'conflict.resubmission';

export interface RevisionTarget {
  unit: string;
  period: string;
}

export function revisionScope(unit: string, period: string): string {
  return `revision:${unit}:${period}`;
}

interface Row {
  unit: string;
  period: string;
  indicator: string;
  new_value: number;
  old_value: number;
  new_tolerance: number;
  old_tolerance: number;
  new_fact: string;
  old_fact: string;
  new_report: string;
  old_report: string;
  version: number;
  name_vi: string;
  name_en: string;
  new_page: number;
  new_quote: string;
  new_start: number;
  new_end: number;
  old_page: number;
  old_quote: string;
  old_start: number;
  old_end: number;
  [k: string]: string | number | boolean | null;
}

export async function resubmissionFlags(db: SqlExecutor, target?: RevisionTarget): Promise<ScopedFlag[]> {
  const filter = target ? `AND v.unit IN ${unitList([target.unit])} AND v.period IN ${periodList([target.period])}` : '';
  const rows = await db.all<Row>(`
    WITH v AS (SELECT * FROM (${reportVersionsSql()}) v WHERE TRUE ${filter}),
    cur AS (SELECT * FROM v WHERE current),
    prev AS (SELECT v.* FROM v JOIN cur ON cur.unit = v.unit AND cur.period = v.period AND v.version = cur.version - 1)
    SELECT cur.unit, cur.period, n.indicator, n.value AS new_value, o.value AS old_value, n.tolerance AS new_tolerance, o.tolerance AS old_tolerance,
      n.fact_id AS new_fact, o.fact_id AS old_fact, n.report_id AS new_report, o.report_id AS old_report, cur.version,
      i.name_vi, i.name_en,
      fn.page AS new_page, fn.quote AS new_quote, fn.span_start AS new_start, fn.span_end AS new_end,
      fo.page AS old_page, fo.quote AS old_quote, fo.span_start AS old_start, fo.span_end AS old_end
    FROM cur JOIN prev ON prev.unit = cur.unit AND prev.period = cur.period
      JOIN observations n ON n.report_id = cur.report_id AND n.period = cur.period AND NOT n.ambiguous
      JOIN observations o ON o.report_id = prev.report_id AND o.period = n.period AND o.indicator = n.indicator AND o.scope = n.scope AND NOT o.ambiguous
      JOIN indicators i ON i.code = n.indicator
      JOIN facts fn ON fn.fact_id = n.fact_id
      JOIN facts fo ON fo.fact_id = o.fact_id
    WHERE abs(n.value - o.value) > n.tolerance + o.tolerance + 1e-9
    ORDER BY cur.unit, cur.period, n.indicator`);
  return rows.map((r) => ({
    scope: revisionScope(r.unit, r.period), reportId: r.new_report,
    flag: FlagV1.parse({
      id: flagId(CONFLICT_RESUBMISSION, r.unit, r.period, [r.new_fact, r.old_fact]),
      ruleId: CONFLICT_RESUBMISSION, family: 'conflict', severity: 'info', unit: r.unit, period: r.period, indicators: [r.indicator],
      left: r.new_value, right: r.old_value, imbalance: r.new_value - r.old_value,
      values: { current: r.new_value, previous: r.old_value, version: r.version },
      message: {
        vi: `"${r.name_vi}" kỳ ${r.period}: bản nộp lại (lần ${r.version}) ghi ${vi(r.new_value)}, bản trước ghi ${vi(r.old_value)}; số liệu tổng hợp dùng bản mới.`,
        en: `"${r.name_en}" for ${r.period}: the resubmission (version ${r.version}) says ${en(r.new_value)}, the previous one ${en(r.old_value)}; consolidation uses the new one.`,
      },
      evidence: [
        { reportId: r.new_report, page: r.new_page, quote: r.new_quote, start: r.new_start, end: r.new_end },
        { reportId: r.old_report, page: r.old_page, quote: r.old_quote, start: r.old_start, end: r.old_end },
      ],
    }),
  }));
}
