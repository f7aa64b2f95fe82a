import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Row } from '../../../infra/db/sql-database.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { FiguresQuery, FiguresResponse, SeriesQuery, SeriesResponse, type FigureRow } from '../../../schemas/api/figures.ts';
import { assertMayRead, readScope } from '../access/access-policy.ts';
import type { Principal } from '../access/principal.ts';
import { childrenScope } from '../access/unit-scope.ts';
import type { ApiContext } from '../api-context.ts';
import { sendExport } from '../export/send-export.ts';
import { flagIndicatorsSql } from '../sql/flag-indicators-sql.ts';
import { periodDateSql } from '../sql/period-date-sql.ts';
import { SqlParams } from '../sql/sql-params.ts';

/**
 * /v1/figures — the consolidated figures (view `consolidated_figures`), limited to the
 * caller's scope:
 *   GET /v1/figures?unit=&children=true&period=&indicator=&level=&format=
 *       reported beside derived-from-children with coverage, unit and indicator names, and
 *       the raised flags quoting each figure; `children=true` adds the unit's children
 *       (the drill-down view); `format=csv|xlsx|parquet` downloads the same rows
 *   GET /v1/figures/series?unit=&indicator=   one indicator of one unit over its periods
 */
export const FIGURE_COLUMNS = ['unit', 'unitName', 'period', 'indicator', 'indicatorName', 'reported', 'derived', 'childrenReported', 'childrenExpected', 'coverage', 'flags'] as const;

interface FigureFilter {
  unit?: string;
  children?: boolean;
  period?: string;
  indicator?: string;
  level?: string;
}

export function figuresSql(ctx: ApiContext, principal: Principal, q: FigureFilter, limit: number): { sql: string; params: SqlParams } {
  const p = new SqlParams();
  const date = periodDateSql('cf.period', ctx.registry.firstDate);
  const where = [readScope(principal, ctx.registry).sql('cf.unit', 'cf.period')];
  if (q.unit !== undefined) where.push(q.children ? childrenScope(ctx.registry, q.unit).sql('cf.unit', 'cf.period') : `cf.unit = ${p.add(q.unit)}`);
  if (q.period !== undefined) where.push(`cf.period = ${p.add(q.period)}`);
  if (q.indicator !== undefined) where.push(`cf.indicator = ${p.add(q.indicator)}`);
  if (q.level !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM units lu WHERE lu.code = cf.unit AND lu.level = ${p.add(q.level)} AND lu.valid_from <= ${date} AND (lu.valid_to IS NULL OR ${date} <= lu.valid_to))`);
  }
  const sql = `WITH cf AS MATERIALIZED (SELECT cf.*, ${date} AS d FROM consolidated_figures cf WHERE ${where.join(' AND ')}),
    raised AS (SELECT f.flag_id, f.unit, f.period, f.record FROM flags f
      WHERE f.status = 'raised' AND f.unit IN (SELECT unit FROM cf) AND f.period IN (SELECT period FROM cf)),
    fc AS (SELECT unit, period, indicator, count(DISTINCT flag_id) AS flags FROM (${flagIndicatorsSql('raised')}) GROUP BY ALL)
    SELECT cf.unit, u.name AS unit_name, cf.period, cf.indicator, i.name_vi AS indicator_name, cf.reported, cf.derived,
      cf.children_reported, cf.children_expected, cf.coverage, coalesce(fc.flags, 0) AS flags
    FROM cf
      LEFT JOIN units u ON u.code = cf.unit AND u.valid_from <= cf.d AND (u.valid_to IS NULL OR cf.d <= u.valid_to)
      LEFT JOIN indicators i ON i.code = cf.indicator
      LEFT JOIN fc ON fc.unit = cf.unit AND fc.period = cf.period AND fc.indicator = cf.indicator
    ORDER BY length(cf.unit), cf.unit, cf.d NULLS LAST, cf.period, cf.indicator
    LIMIT ${Math.trunc(limit)}`;
  return { sql, params: p };
}

export function figureRow(r: Row): FigureRow {
  return {
    unit: String(r.unit), unitName: (r.unit_name as string | null) ?? null, period: String(r.period), indicator: String(r.indicator),
    indicatorName: (r.indicator_name as string | null) ?? null, reported: r.reported as number | null, derived: r.derived as number | null,
    childrenReported: Number(r.children_reported), childrenExpected: Number(r.children_expected), coverage: r.coverage as number | null,
    flags: Number(r.flags),
  };
}

export const figuresRoutes: FastifyPluginAsyncZod<ApiContext> = (app, ctx) => {
  app.get('/', { schema: { querystring: FiguresQuery, response: { 200: FiguresResponse, ...ERROR_RESPONSES } } }, async (request, reply) => {
    const q = request.query;
    if (q.unit !== undefined) assertMayRead(readScope(request.principal, ctx.registry), q.unit, q.period);
    const format = q.format ?? 'json';
    const limit = format === 'json' ? ctx.options.listMaxRows + 1 : ctx.options.exportMaxRows;
    const { sql, params } = figuresSql(ctx, request.principal, q, limit);
    if (format === 'parquet') {
      return sendExport(reply, { name: 'figures', format, parquet: { sql, params: params.values, session: ctx.session, timeoutMs: ctx.options.queryTimeoutMs } });
    }
    const rows = (await ctx.db.all(sql, params.values)).map(figureRow);
    if (format !== 'json') return sendExport(reply, { name: 'figures', format, columns: FIGURE_COLUMNS, rows });
    const truncated = rows.length > ctx.options.listMaxRows;
    return { figures: truncated ? rows.slice(0, ctx.options.listMaxRows) : rows, truncated };
  });

  app.get('/series', { schema: { querystring: SeriesQuery, response: { 200: SeriesResponse, ...ERROR_RESPONSES } } }, async (request) => {
    const { unit, indicator } = request.query;
    assertMayRead(readScope(request.principal, ctx.registry), unit);
    const { sql, params } = figuresSql(ctx, request.principal, { unit, indicator }, ctx.options.listMaxRows);
    const rows = (await ctx.db.all(sql, params.values)).map(figureRow);
    return {
      unit, indicator, indicatorName: rows[0]?.indicatorName ?? null,
      points: rows.map(({ period, reported, derived, childrenReported, childrenExpected, coverage, flags }) => ({ period, reported, derived, childrenReported, childrenExpected, coverage, flags })),
    };
  });
  return Promise.resolve();
};
