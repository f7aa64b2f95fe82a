import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { CompletenessQuery, CompletenessResponse } from '../../../schemas/api/completeness.ts';
import { assertMayRead, readScope } from '../access/access-policy.ts';
import type { Principal } from '../access/principal.ts';
import type { ApiContext } from '../api-context.ts';
import { SqlParams } from '../sql/sql-params.ts';

/**
 * GET /v1/completeness?unit=&period= — expected vs received reports. For a parent unit and a
 * period: its children in force on the period's date (the register's map), those with a
 * current report (view `report_versions`), the missing ones, and the late ones (submitted more
 * than `dueDays` after the period's end; none when it is not configured).
 *
 * Without `unit`: a province analyst's province; a unit token's parent (listing only the unit
 * itself); a national reader's provinces. Without `period`: every period reported in scope.
 * Like the `completeness.missing` rule, "expected" is every child in force: there is no
 * reporting plan yet.
 */
interface Received { unit: string; period: string; report_id: string; submitted_at: string | null; as_of: string | null; [k: string]: string | null }

export const completenessRoutes: FastifyPluginAsyncZod<ApiContext> = (app, ctx) => {
  const parentsFor = (principal: Principal, unit: string | undefined, date: string): string[] => {
    const map = ctx.registry.at(date);
    if (unit !== undefined) return [unit];
    if (principal.role === 'analyst' && principal.province !== undefined) return [principal.province];
    if (principal.role === 'unit') return [map.get(principal.unit)?.parent ?? principal.unit];
    return map.atLevel('province').map((u) => u.code);
  };

  app.get('/', { schema: { querystring: CompletenessQuery, response: { 200: CompletenessResponse, ...ERROR_RESPONSES } } }, async (request) => {
    const { unit, period } = request.query;
    const scope = readScope(request.principal, ctx.registry);
    if (unit !== undefined) assertMayRead(scope, unit, period);
    const p = new SqlParams();
    const where = [`v.current`, scope.sql('v.unit', 'v.period')];
    if (period !== undefined) where.push(`v.period = ${p.add(period)}`);
    const received = await ctx.db.all<Received>(
      `SELECT v.unit, v.period, v.report_id, CAST(v.submitted_at AS VARCHAR) AS submitted_at, CAST(v.as_of AS VARCHAR) AS as_of
       FROM report_versions v WHERE ${where.join(' AND ')}`, p.values);
    const byKey = new Map(received.map((r) => [`${r.unit}|${r.period}`, r]));
    const periods = period !== undefined ? [period] : [...new Set(received.map((r) => r.period))].sort();
    const dueDays = ctx.options.dueDays;
    const rows = [];
    for (const per of periods) {
      const date = ctx.registry.dateFor(per);
      if (date === undefined) continue;
      const map = ctx.registry.at(date);
      for (const parent of parentsFor(request.principal, unit, date)) {
        const parentUnit = map.get(parent);
        const members = map.children(parent).filter((u) => scope.contains(u.code, per));
        if (!parentUnit || members.length === 0) continue;
        const got = members.map((u) => ({ u, r: byKey.get(`${u.code}|${per}`) }));
        const late = [];
        if (dueDays !== undefined) {
          for (const { u, r } of got) {
            if (!r?.submitted_at || !r.as_of) continue;
            const due = addDays(r.as_of.slice(0, 10), dueDays);
            const daysLate = dayDiff(due, r.submitted_at.slice(0, 10));
            if (daysLate > 0) late.push({ code: u.code, name: u.name, reportId: r.report_id, submittedAt: r.submitted_at, due, daysLate });
          }
        }
        rows.push({
          unit: parent, unitName: parentUnit.name, period: per, expected: members.length,
          received: got.filter((g) => g.r).length,
          missing: got.filter((g) => !g.r).map(({ u }) => ({ code: u.code, name: u.name })),
          late,
        });
      }
    }
    return { dueDays: dueDays ?? null, rows };
  });
  return Promise.resolve();
};

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function dayDiff(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
