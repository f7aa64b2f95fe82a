import type { SqlExecutor } from '../../../infra/db/sql-database.ts';
import { FlagV1 } from '../../../schemas/flag/v1.ts';
import type { ScopedFlag } from '../flag-lifecycle.ts';
import { reportVersionsSql } from '../rollup-sql.ts';
import { periodList } from '../sql-literal.ts';
import { flagId } from './flag-id.ts';

/**
 * completeness and timeliness, per period.
 *
 * Missing (`completeness.missing`, warning): tonghop has no reporting plan to say who owes
 * what, so it reads one from the reports themselves: the children of one parent form a
 * reporting round for a period once more than `minShare` of them (default half) have reported
 * for it; the others in force on the period's date are then missing. A lone district report
 * among a province's nine districts does not make the other eight missing; nine of ten
 * communes of a district make the tenth missing.
 *
 * Late (`completeness.late`, warning), only when a due date is configured: a report of record
 * submitted more than `dueDays` days after its period ended (the period's last day, as in the
 * register). Off by default, because back-filled history would all be "late".
 *
 * A missing-report flag has no document to quote: its evidence is empty and `values` says
 * how many siblings reported. Scope `completeness:<period>`.
 */
export const COMPLETENESS_MISSING = 'completeness.missing';
export const COMPLETENESS_LATE = 'completeness.late';

export interface CompletenessOptions {
  /** Share of a parent’s children that must be exceeded before the rest count as missing; default 0.5. */
  minShare?: number;
  /** Days after the period's end a report is due; undefined: timeliness not checked. */
  dueDays?: number;
}

export function completenessScope(period: string): string {
  return `completeness:${period}`;
}

interface MissingRow {
  unit: string;
  name: string;
  period: string;
  parent_name: string | null;
  expected: number;
  reported: number;
  [k: string]: string | number | boolean | null;
}

interface LateRow {
  unit: string;
  name: string | null;
  period: string;
  report_id: string;
  file_name: string | null;
  submitted_at: string;
  due: string;
  days_late: number;
  [k: string]: string | number | boolean | null;
}

export async function completenessFlags(db: SqlExecutor, periods?: readonly string[], opts: CompletenessOptions = {}): Promise<ScopedFlag[]> {
  const minShare = opts.minShare ?? 0.5;
  const periodFilter = periods ? `AND v.period IN ${periodList(periods)}` : '';
  const inForce = (u: string, d: string) => `${u}.valid_from <= ${d} AND (${u}.valid_to IS NULL OR ${d} <= ${u}.valid_to)`;
  const missing = await db.all<MissingRow>(`
    WITH rep AS (SELECT DISTINCT v.unit, v.period, v.as_of FROM (${reportVersionsSql()}) v WHERE v.current AND v.as_of IS NOT NULL ${periodFilter}),
    rounds AS (
      SELECT DISTINCT u.parent, rep.period, rep.as_of
      FROM rep JOIN units u ON u.code = rep.unit AND ${inForce('u', 'rep.as_of')}
      WHERE u.parent IS NOT NULL),
    siblings AS (
      SELECT s.code AS unit, s.name, r.period, r.parent, r.as_of
      FROM rounds r JOIN units s ON s.parent = r.parent AND ${inForce('s', 'r.as_of')}),
    shares AS (
      SELECT sb.parent, sb.period, count(*) AS expected, count(rep.unit) AS reported
      FROM siblings sb LEFT JOIN rep ON rep.unit = sb.unit AND rep.period = sb.period
      GROUP BY sb.parent, sb.period)
    SELECT sb.unit, sb.name, sb.period, p.name AS parent_name, sh.expected, sh.reported
    FROM siblings sb
      JOIN shares sh ON sh.parent = sb.parent AND sh.period = sb.period
      LEFT JOIN rep ON rep.unit = sb.unit AND rep.period = sb.period
      LEFT JOIN units p ON p.code = sb.parent AND ${inForce('p', 'sb.as_of')}
    WHERE rep.unit IS NULL AND sh.reported > sh.expected * ${Number(minShare)}
    ORDER BY sb.period, sb.unit`);
  const flags: ScopedFlag[] = missing.map((r) => ({
    scope: completenessScope(r.period),
    flag: FlagV1.parse({
      id: flagId(COMPLETENESS_MISSING, r.unit, r.period, []),
      ruleId: COMPLETENESS_MISSING, family: 'completeness', severity: 'warning', unit: r.unit, period: r.period, indicators: [],
      left: r.reported, right: r.expected, imbalance: r.reported - r.expected,
      values: { reported: r.reported, expected: r.expected },
      message: {
        vi: `Chưa nhận được báo cáo kỳ ${r.period} của ${r.name}; ${r.reported}/${r.expected} đơn vị cùng cấp thuộc ${r.parent_name ?? 'đơn vị cấp trên'} đã báo cáo.`,
        en: `No report for ${r.period} from ${r.name}; ${r.reported} of ${r.expected} units of its level under ${r.parent_name ?? 'its parent'} have reported.`,
      },
      evidence: [],
    }),
  }));
  if (opts.dueDays !== undefined) {
    const days = Math.trunc(opts.dueDays);
    const late = await db.all<LateRow>(`
      SELECT v.unit, u.name, v.period, v.report_id, v.file_name, CAST(v.submitted_at AS VARCHAR) AS submitted_at,
        CAST(v.as_of + INTERVAL (${days}) DAY AS DATE)::VARCHAR AS due,
        date_diff('day', CAST(v.as_of + INTERVAL (${days}) DAY AS DATE), CAST(v.submitted_at AS DATE)) AS days_late
      FROM (${reportVersionsSql()}) v
        LEFT JOIN units u ON u.code = v.unit AND ${inForce('u', 'v.as_of')}
      WHERE v.current AND v.as_of IS NOT NULL AND v.submitted_at IS NOT NULL
        AND CAST(v.submitted_at AS DATE) > v.as_of + INTERVAL (${days}) DAY ${periodFilter}
      ORDER BY v.period, v.unit`);
    for (const r of late) {
      flags.push({
        scope: completenessScope(r.period), reportId: r.report_id,
        flag: FlagV1.parse({
          id: flagId(COMPLETENESS_LATE, r.unit, r.period, [r.report_id]),
          ruleId: COMPLETENESS_LATE, family: 'completeness', severity: 'warning', unit: r.unit, period: r.period, indicators: [],
          left: r.days_late, right: 0, imbalance: r.days_late,
          values: { days_late: r.days_late, due_days: days },
          message: {
            vi: `Báo cáo kỳ ${r.period} của ${r.name ?? r.unit} nộp ngày ${r.submitted_at.slice(0, 10)}, trễ ${r.days_late} ngày so với hạn ${r.due}.`,
            en: `The ${r.period} report of ${r.name ?? r.unit} was submitted on ${r.submitted_at.slice(0, 10)}, ${r.days_late} days after the due date ${r.due}.`,
          },
          evidence: [],
        }),
      });
    }
  }
  return flags;
}
