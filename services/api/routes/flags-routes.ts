import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Row } from '../../../infra/db/sql-database.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { FlagsQuery, FlagsResponse, type ApiFlag } from '../../../schemas/api/flags.ts';
import { FlagV1, type Severity } from '../../../schemas/flag/v1.ts';
import { assertMayRead, readScope } from '../access/access-policy.ts';
import type { Principal } from '../access/principal.ts';
import { scopeSql, subtreeScope, type UnitScope } from '../access/unit-scope.ts';
import type { ApiContext } from '../api-context.ts';
import { sendExport } from '../export/send-export.ts';
import { flagIndicatorsSql } from '../sql/flag-indicators-sql.ts';
import { SqlParams } from '../sql/sql-params.ts';

/**
 * /v1/flags — data-quality flags (a unit's alerts), limited to the caller's scope:
 *   GET /v1/flags?unit=&period=&severity=&family=&status=raised|resolved|all&format=
 * `unit` gives the unit and every unit under it (by the register, on each flag's period date);
 * `severity` that level or worse; each flag carries its evidence (report, page, span, quote),
 * the indicators it quotes, and when it was raised and resolved.
 */
const WORSE_OR_EQUAL: Record<Severity, Severity[]> = { error: ['error'], warning: ['error', 'warning'], info: ['error', 'warning', 'info'] };

export interface FlagFilter {
  unit?: string;
  period?: string;
  severity?: Severity;
  family?: string;
  status?: 'raised' | 'resolved' | 'all';
  reportId?: string;
}

/** Flags as `f` rows (flag_id, unit, period, status, raised_at, resolved_at, record) in the caller's scope. */
export function flagsSql(ctx: ApiContext, principal: Principal, q: FlagFilter, limit: number): { sql: string; params: SqlParams } {
  const p = new SqlParams();
  const period = q.period;
  const scoped = (s: UnitScope) => scopeSql(s, 'f.unit', 'f.period', period);
  const where = [scoped(readScope(principal, ctx.registry))];
  const status = q.status ?? 'raised';
  if (status !== 'all') where.push(`f.status = ${p.add(status)}`);
  if (q.unit !== undefined) where.push(scoped(subtreeScope(ctx.registry, q.unit)));
  if (q.period !== undefined) where.push(`f.period = ${p.add(q.period)}`);
  if (q.severity !== undefined) where.push(`f.severity IN (${WORSE_OR_EQUAL[q.severity].map((s) => p.add(s)).join(', ')})`);
  if (q.family !== undefined) where.push(`f.family = ${p.add(q.family)}`);
  if (q.reportId !== undefined) {
    const id = p.add(q.reportId);
    where.push(`(f.report_id = ${id} OR list_contains(json_extract_string(f.record, '$.evidence[*].reportId'), ${id}))`);
  }
  const sql = `WITH f AS MATERIALIZED (SELECT f.flag_id, f.unit, f.period, f.severity, f.rule_id, f.status, f.raised_at, f.resolved_at, f.record FROM flags f
      WHERE ${where.join(' AND ')}),
    ind AS (SELECT flag_id, list(indicator ORDER BY indicator) AS indicators FROM (${flagIndicatorsSql('f')}) GROUP BY flag_id)
    SELECT f.flag_id, f.unit, f.period, f.status, f.raised_at, f.resolved_at, f.record, ind.indicators
    FROM f LEFT JOIN ind USING (flag_id)
    ORDER BY f.unit, f.period, CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule_id, f.flag_id
    LIMIT ${Math.trunc(limit)}`;
  return { sql, params: p };
}

export function apiFlag(r: Row): ApiFlag {
  return {
    status: r.status === 'resolved' ? 'resolved' : 'raised',
    raisedAt: String(r.raised_at),
    resolvedAt: (r.resolved_at as string | null) ?? null,
    indicators: typeof r.indicators === 'string' ? (JSON.parse(r.indicators) as string[]) : [],
    flag: FlagV1.parse(JSON.parse(String(r.record))),
  };
}

const FLAG_COLUMNS = ['unit', 'period', 'severity', 'family', 'ruleId', 'status', 'message', 'page', 'quote', 'reportId', 'suggestion', 'raisedAt', 'resolvedAt'] as const;

function flatFlag(f: ApiFlag): Row {
  const e = f.flag.evidence[0];
  return {
    unit: f.flag.unit, period: f.flag.period, severity: f.flag.severity, family: f.flag.family, ruleId: f.flag.ruleId, status: f.status,
    message: f.flag.message.vi, page: e?.page ?? null, quote: e?.quote ?? null, reportId: e?.reportId ?? null,
    suggestion: f.flag.suggestion?.vi ?? null, raisedAt: f.raisedAt, resolvedAt: f.resolvedAt,
  };
}

export const flagsRoutes: FastifyPluginAsyncZod<ApiContext> = (app, ctx) => {
  app.get('/', { schema: { querystring: FlagsQuery, response: { 200: FlagsResponse, ...ERROR_RESPONSES } } }, async (request, reply) => {
    const q = request.query;
    if (q.unit !== undefined) assertMayRead(readScope(request.principal, ctx.registry), q.unit, q.period);
    const format = q.format ?? 'json';
    const limit = format === 'json' ? ctx.options.listMaxRows + 1 : ctx.options.exportMaxRows;
    const { sql, params } = flagsSql(ctx, request.principal, q, limit);
    if (format === 'parquet') {
      const flat = `SELECT unit, period, record->>'$.severity' AS severity, record->>'$.family' AS family, record->>'$.ruleId' AS rule_id, status,
          record->>'$.message.vi' AS message_vi, record->>'$.message.en' AS message_en,
          CAST(record->>'$.evidence[0].page' AS INTEGER) AS page, record->>'$.evidence[0].quote' AS quote, record->>'$.evidence[0].reportId' AS report_id,
          record->>'$.suggestion.vi' AS suggestion_vi, raised_at, resolved_at, indicators
        FROM (${sql})`;
      return sendExport(reply, { name: 'flags', format, parquet: { sql: flat, params: params.values, session: ctx.session, timeoutMs: ctx.options.queryTimeoutMs } });
    }
    const flags = (await ctx.db.all(sql, params.values)).map(apiFlag);
    if (format !== 'json') return sendExport(reply, { name: 'flags', format, columns: FLAG_COLUMNS, rows: flags.map(flatFlag) });
    const truncated = flags.length > ctx.options.listMaxRows;
    return { flags: truncated ? flags.slice(0, ctx.options.listMaxRows) : flags, truncated };
  });
  return Promise.resolve();
};
