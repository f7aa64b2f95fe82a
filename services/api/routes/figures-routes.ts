import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Row } from '../../../infra/db/sql-database.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { FiguresQuery, FiguresResponse, IndicatorsQuery, IndicatorsResponse, SeriesQuery, SeriesResponse, type FigureRow } from '../../../schemas/api/figures.ts';
import type { UnitLevel } from '../../../schemas/registry/admin-unit.ts';
import { ObservationScope } from '../../../schemas/records/observation.ts';
import { assertMayRead, readScope } from '../access/access-policy.ts';
import type { Principal } from '../access/principal.ts';
import { childrenScope, scopeSql, today, type UnitScope } from '../access/unit-scope.ts';
import type { UnitRegistry } from '../../registry/unit-registry.ts';
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
 *   GET /v1/figures/indicators?(same filters) which indicators those rows hold, for how many
 *       units (most first): what a page offers, and starts with, before asking for one
 *   GET /v1/figures/series?unit=&indicator=   one indicator of one unit over its periods
 */
export const FIGURE_COLUMNS = ['unit', 'unitName', 'period', 'indicator', 'indicatorName', 'scope', 'reported', 'derived', 'childrenReported', 'childrenExpected', 'coverage', 'flags'] as const;

interface FigureFilter {
  unit?: string;
  children?: boolean;
  period?: string;
  indicator?: string;
  level?: UnitLevel;
}

/**
 * `unitNames`: the unit's name as a column (the Parquet export, which skips figureRow).
 * `summary`: instead of the rows, which indicators they hold and for how many units.
 */
export function figuresSql(ctx: ApiContext, principal: Principal, q: FigureFilter, limit: number, opts: { unitNames?: boolean; summary?: boolean } = {}): { sql: string; params: SqlParams } {
  const p = new SqlParams();
  const period = q.period;
  // One period: its date is a constant, not arithmetic on every row.
  const fixed = period === undefined ? undefined : ctx.registry.dateFor(period);
  const date = fixed !== undefined ? `DATE '${fixed}'` : periodDateSql('cf.period', ctx.registry.firstDate);
  const scoped = (s: UnitScope) => scopeSql(s, 'cf.unit', 'cf.period', period);
  const where = [scoped(readScope(principal, ctx.registry))];
  if (q.unit !== undefined) where.push(q.children ? scoped(childrenScope(ctx.registry, q.unit)) : `cf.unit = ${p.add(q.unit)}`);
  if (q.period !== undefined) where.push(`cf.period = ${p.add(q.period)}`);
  if (q.indicator !== undefined) where.push(`cf.indicator = ${p.add(q.indicator)}`);
  if (q.level !== undefined) where.push(levelSql(ctx, q.level, fixed, date, p));
  // A unit and its children: two equalities (its own rows, the rows whose parent it is) that
  // DuckDB answers from the clustered tables' block ranges; one IN list over the codes of both
  // spans most of a period's rows (a district's code sorts far from its communes').
  let source = 'consolidated_figures';
  if (q.unit !== undefined && q.children) {
    const u = p.add(q.unit);
    source = `(SELECT * FROM consolidated_figures WHERE unit = ${u} UNION ALL SELECT * FROM consolidated_figures WHERE parent = ${u} AND unit <> ${u})`;
  }
  if (opts.summary) {
    const sql = `SELECT cf.indicator, i.name_vi AS indicator_name, count(DISTINCT cf.unit) AS units
      FROM ${source} cf LEFT JOIN indicators i ON i.code = cf.indicator
      WHERE ${where.join(' AND ')} AND (cf.reported IS NOT NULL OR cf.derived IS NOT NULL)
      GROUP BY cf.indicator, i.name_vi ORDER BY units DESC, cf.indicator LIMIT ${Math.trunc(limit)}`;
    return { sql, params: p };
  }
  const sql = `WITH cf AS MATERIALIZED (SELECT cf.*, ${date} AS d FROM ${source} cf WHERE ${where.join(' AND ')}),
    raised AS (SELECT f.flag_id, f.unit, f.period, f.record FROM flags f
      WHERE f.status = 'raised' AND f.unit IN (SELECT unit FROM cf) AND f.period IN (SELECT period FROM cf)),
    fc AS (SELECT unit, period, indicator, count(DISTINCT flag_id) AS flags FROM (${flagIndicatorsSql('raised')}) GROUP BY ALL)
    SELECT cf.unit,${opts.unitNames ? ' u.name AS unit_name,' : ''} cf.period, cf.indicator, i.name_vi AS indicator_name, cf.scope, cf.reported, cf.derived,
      cf.children_reported, cf.children_expected, cf.coverage, coalesce(fc.flags, 0) AS flags
    FROM cf${opts.unitNames ? `
      LEFT JOIN units u ON u.code = cf.unit AND u.valid_from <= cf.d AND (u.valid_to IS NULL OR cf.d <= u.valid_to)` : ''}
      LEFT JOIN indicators i ON i.code = cf.indicator
      LEFT JOIN fc ON fc.unit = cf.unit AND fc.period = cf.period AND fc.indicator = cf.indicator
    ORDER BY length(cf.unit), cf.unit, cf.d NULLS LAST, cf.period, cf.indicator, cf.scope
    LIMIT ${Math.trunc(limit)}`;
  return { sql, params: p };
}

/**
 * A row as the API serves it. The unit's name comes from the register in memory (the one in
 * force on the period's date): joining `units` on code and validity dates in SQL costs a range
 * join per request (≈ 45 ms of a 90 ms drill-down, measured).
 */
/**
 * Only units of a level. For one period its units are known from the register in memory: a
 * plain IN list, pushed into the scan (the join against `units` per row cost most of the
 * national top's 9,450-row query).
 */
function levelSql(ctx: ApiContext, level: UnitLevel, fixedDate: string | undefined, date: string, p: SqlParams): string {
  if (fixedDate !== undefined) {
    const codes = ctx.registry.unitsAt(fixedDate, level).map((u) => `'${u.code}'`);
    // Provinces have no parent: the null count of each block skips every commune's block.
    const topOnly = level === 'province' ? ' AND cf.parent IS NULL' : '';
    return codes.length === 0 ? 'FALSE' : `(cf.unit IN (${codes.join(', ')})${topOnly})`;
  }
  return `EXISTS (SELECT 1 FROM units lu WHERE lu.code = cf.unit AND lu.level = ${p.add(level)} AND lu.valid_from <= ${date} AND (lu.valid_to IS NULL OR ${date} <= lu.valid_to))`;
}

export function figureRow(r: Row, registry: UnitRegistry): FigureRow {
  const unit = String(r.unit);
  const period = String(r.period);
  const date = registry.dateFor(period) ?? today();
  return {
    unit, unitName: registry.get(unit, date)?.name ?? null, period, indicator: String(r.indicator),
    indicatorName: (r.indicator_name as string | null) ?? null, scope: ObservationScope.parse(r.scope), reported: r.reported as number | null, derived: r.derived as number | null,
    childrenReported: Number(r.children_reported), childrenExpected: Number(r.children_expected), coverage: r.coverage as number | null,
    flags: Number(r.flags),
  };
}

/** The scopes a series shows, first found first: what children add up to, then the unit's own. */
const SERIES_SCOPES: readonly ObservationScope[] = ['commune', 'district', 'own', 'unstated', 'area', 'levels'];

/** One row per period (rows come in period order): the first of SERIES_SCOPES the period has. */
function seriesPoints(rows: readonly FigureRow[]): FigureRow[] {
  const rank = (r: FigureRow) => SERIES_SCOPES.indexOf(r.scope);
  const best = new Map<string, FigureRow>();
  for (const r of rows) {
    const held = best.get(r.period);
    if (!held || rank(r) < rank(held)) best.set(r.period, r);
  }
  return [...best.values()];
}

export const figuresRoutes: FastifyPluginAsyncZod<ApiContext> = (app, ctx) => {
  app.get('/', { schema: { querystring: FiguresQuery, response: { 200: FiguresResponse, ...ERROR_RESPONSES } } }, async (request, reply) => {
    const q = request.query;
    if (q.unit !== undefined) assertMayRead(readScope(request.principal, ctx.registry), q.unit, q.period);
    const format = q.format ?? 'json';
    const limit = format === 'json' ? ctx.options.listMaxRows + 1 : ctx.options.exportMaxRows;
    const { sql, params } = figuresSql(ctx, request.principal, q, limit, { unitNames: format === 'parquet' });
    if (format === 'parquet') {
      return sendExport(reply, { name: 'figures', format, parquet: { sql, params: params.values, session: ctx.session, timeoutMs: ctx.options.queryTimeoutMs } });
    }
    const rows = (await ctx.db.all(sql, params.values)).map((r) => figureRow(r, ctx.registry));
    if (format !== 'json') return sendExport(reply, { name: 'figures', format, columns: FIGURE_COLUMNS, rows });
    const truncated = rows.length > ctx.options.listMaxRows;
    return { figures: truncated ? rows.slice(0, ctx.options.listMaxRows) : rows, truncated };
  });

  app.get('/indicators', { schema: { querystring: IndicatorsQuery, response: { 200: IndicatorsResponse, ...ERROR_RESPONSES } } }, async (request) => {
    const q = request.query;
    if (q.unit !== undefined) assertMayRead(readScope(request.principal, ctx.registry), q.unit, q.period);
    const { sql, params } = figuresSql(ctx, request.principal, q, ctx.options.listMaxRows, { summary: true });
    const rows = await ctx.db.all<{ indicator: string; indicator_name: string | null; units: number }>(sql, params.values);
    return { indicators: rows.map((r) => ({ indicator: r.indicator, indicatorName: r.indicator_name, units: Number(r.units) })) };
  });

  app.get('/series', { schema: { querystring: SeriesQuery, response: { 200: SeriesResponse, ...ERROR_RESPONSES } } }, async (request) => {
    const { unit, indicator } = request.query;
    assertMayRead(readScope(request.principal, ctx.registry), unit);
    const { sql, params } = figuresSql(ctx, request.principal, { unit, indicator }, ctx.options.listMaxRows);
    const rows = seriesPoints((await ctx.db.all(sql, params.values)).map((r) => figureRow(r, ctx.registry)));
    return {
      unit, indicator, indicatorName: rows[0]?.indicatorName ?? null,
      points: rows.map(({ period, reported, derived, childrenReported, childrenExpected, coverage, flags }) => ({ period, reported, derived, childrenReported, childrenExpected, coverage, flags })),
    };
  });
  return Promise.resolve();
};
