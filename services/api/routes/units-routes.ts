import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { UnitDetailResponse, UnitParams, UnitQuery, UnitsQuery, UnitsResponse, type UnitNode } from '../../../schemas/api/units.ts';
import type { AdminUnit } from '../../../schemas/registry/admin-unit.ts';
import type { Hierarchy } from '../../registry/hierarchy.ts';
import { assertMayRead, readScope } from '../access/access-policy.ts';
import { today } from '../access/unit-scope.ts';
import type { ApiContext } from '../api-context.ts';

/**
 * /v1/units — the administrative tree in force for a period (the register's map on the
 * period's last day; without a period, today's), limited to what the caller may read:
 *   GET /v1/units?period=&parent=   the children of `parent`, or the top of the caller's scope
 *                                   (every province for a national reader)
 *   GET /v1/units/:code?period=     one unit with its ancestors and its children
 */
export const unitsRoutes: FastifyPluginAsyncZod<ApiContext> = (app, ctx) => {
  const mapFor = (period?: string): { date: string; map: Hierarchy } => {
    const date = (period === undefined ? undefined : ctx.registry.dateFor(period)) ?? today();
    return { date, map: ctx.registry.at(date) };
  };
  const node = (map: Hierarchy, u: AdminUnit): UnitNode => ({
    code: u.code, name: u.name, level: u.level, type: u.type, parent: u.parent ?? null,
    validFrom: u.validFrom, validTo: u.validTo ?? null, childCount: map.children(u.code).length,
  });

  app.get('/', { schema: { querystring: UnitsQuery, response: { 200: UnitsResponse, ...ERROR_RESPONSES } } }, (request) => {
    const { period, parent } = request.query;
    const scope = readScope(request.principal, ctx.registry);
    const { date, map } = mapFor(period);
    const p = period ?? 'unknown';
    let units: readonly AdminUnit[];
    if (parent !== undefined) {
      assertMayRead(scope, parent, period);
      units = map.children(parent).filter((u) => scope.contains(u.code, p));
    } else if (scope.kind === 'all') {
      units = map.atLevel('province');
    } else {
      units = map.units.filter((u) => scope.contains(u.code, p) && (u.parent === undefined || !scope.contains(u.parent, p)));
    }
    return Promise.resolve({ date, units: units.map((u) => node(map, u)) });
  });

  app.get('/:code', { schema: { params: UnitParams, querystring: UnitQuery, response: { 200: UnitDetailResponse, ...ERROR_RESPONSES } } }, (request) => {
    const { code } = request.params;
    const { period } = request.query;
    const scope = readScope(request.principal, ctx.registry);
    assertMayRead(scope, code, period);
    const { date, map } = mapFor(period);
    const unit = map.get(code);
    if (!unit) throw tonghopError('TH_ERR_NOT_FOUND', [`đơn vị ${code} ngày ${date} / unit ${code} on ${date}`]);
    const p = period ?? 'unknown';
    return Promise.resolve({
      date,
      unit: node(map, unit),
      ancestors: map.ancestors(code).map((u) => node(map, u)),
      children: map.children(code).filter((u) => scope.contains(u.code, p)).map((u) => node(map, u)),
    });
  });
  return Promise.resolve();
};
