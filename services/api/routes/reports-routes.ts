import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Row } from '../../../infra/db/sql-database.ts';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { ReportDetail, ReportParams, ReportsQuery, ReportsResponse, type ReportSummary } from '../../../schemas/api/reports.ts';
import { FactV1 } from '../../../schemas/fact/v1.ts';
import { ReportStatus } from '../../../schemas/records/report-record.ts';
import { assertMayRead, readScope } from '../access/access-policy.ts';
import type { Principal } from '../access/principal.ts';
import type { ApiContext } from '../api-context.ts';
import { SqlParams } from '../sql/sql-params.ts';
import { apiFlag, flagsSql } from './flags-routes.ts';

/**
 * /v1/reports — reports and what was read from them, limited to the caller's scope:
 *   GET /v1/reports?unit=&period=&status=   summaries, newest first
 *   GET /v1/reports/:id                     status, unit, period, facts (page, span, quote) and
 *                                           every flag that quotes it, once parsed
 *   GET /v1/reports/:id/file                the original file, from the object store
 * A report outside the caller's scope is 404, like one that does not exist.
 * (POST /v1/reports, the upload, is intake-routes.ts.)
 */
const UNIT = 'coalesce(r.unit_code, r.claimed_unit)';
const PERIOD = 'coalesce(r.period, r.claimed_period)';

function summary(r: Row): ReportSummary {
  return {
    reportId: String(r.report_id), status: ReportStatus.parse(r.status), unit: String(r.unit), period: String(r.period_of_record),
    claimedUnit: String(r.claimed_unit), claimedPeriod: String(r.claimed_period),
    detectedUnit: (r.detected_code as string | null) ?? (r.detected_unit as string | null) ?? null, detectedPeriod: (r.detected_period as string | null) ?? null,
    fileName: (r.file_name as string | null) ?? null, mediaType: (r.media_type as string | null) ?? null, bytes: (r.bytes as number | null) ?? null,
    submittedBy: (r.submitted_by as string | null) ?? null, submittedAt: (r.submitted_at as string | null) ?? null, pages: (r.pages as number | null) ?? null,
    factCount: Number(r.fact_count ?? 0), errorCode: (r.error_code as string | null) ?? null,
    reason: r.reason_vi ? { vi: String(r.reason_vi), en: String(r.reason_en ?? r.reason_vi) } : null,
  };
}

function reportsSql(ctx: ApiContext, principal: Principal, q: { unit?: string; period?: string; status?: string; reportId?: string }, limit: number) {
  const p = new SqlParams();
  const where = [readScope(principal, ctx.registry).sql(UNIT, PERIOD)];
  if (q.unit !== undefined) where.push(`${UNIT} = ${p.add(q.unit)}`);
  if (q.period !== undefined) where.push(`${PERIOD} = ${p.add(q.period)}`);
  if (q.status !== undefined) where.push(`r.status = ${p.add(q.status)}`);
  if (q.reportId !== undefined) where.push(`r.report_id = ${p.add(q.reportId)}`);
  return {
    sql: `SELECT r.*, ${UNIT} AS unit, ${PERIOD} AS period_of_record FROM reports r WHERE ${where.join(' AND ')}
      ORDER BY r.submitted_at DESC NULLS LAST, r.report_id LIMIT ${Math.trunc(limit)}`,
    params: p.values,
  };
}

/** The report if the caller may see it, else 404. */
export async function visibleReport(ctx: ApiContext, principal: Principal, reportId: string): Promise<Row> {
  const { sql, params } = reportsSql(ctx, principal, { reportId }, 1);
  const [row] = await ctx.db.all(sql, params);
  if (!row) throw tonghopError('TH_ERR_NOT_FOUND', [`báo cáo / report ${reportId}`]);
  return row;
}

export const reportsRoutes: FastifyPluginAsyncZod<ApiContext> = (app, ctx) => {
  app.get('/', { schema: { querystring: ReportsQuery, response: { 200: ReportsResponse, ...ERROR_RESPONSES } } }, async (request) => {
    const q = request.query;
    if (q.unit !== undefined) assertMayRead(readScope(request.principal, ctx.registry), q.unit, q.period);
    const { sql, params } = reportsSql(ctx, request.principal, q, ctx.options.listMaxRows + 1);
    const rows = (await ctx.db.all(sql, params)).map(summary);
    const truncated = rows.length > ctx.options.listMaxRows;
    return { reports: truncated ? rows.slice(0, ctx.options.listMaxRows) : rows, truncated };
  });

  app.get('/:id', { schema: { params: ReportParams, response: { 200: ReportDetail, ...ERROR_RESPONSES } } }, async (request) => {
    const { id } = request.params;
    const report = summary(await visibleReport(ctx, request.principal, id));
    const facts = (await ctx.db.all<{ record: string }>('SELECT record FROM facts WHERE report_id = $1 ORDER BY page, span_start, fact_id', [id]))
      .map((r) => FactV1.parse(JSON.parse(r.record)));
    const { sql, params } = flagsSql(ctx, request.principal, { reportId: id, status: 'all' }, ctx.options.listMaxRows);
    const flags = (await ctx.db.all(sql, params.values)).map(apiFlag);
    return { ...report, facts, flags, fileUrl: `/v1/reports/${id}/file` };
  });

  app.get('/:id/file', { schema: { params: ReportParams, description: 'the original file as sent (errors as JSON)' } }, async (request, reply) => {
    const { id } = request.params;
    const row = await visibleReport(ctx, request.principal, id);
    const key = row.object_key as string | null;
    if (!key) throw tonghopError('TH_ERR_NOT_FOUND', [`tệp gốc của báo cáo / original file of report ${id}`]);
    const bytes = await ctx.store.get(key);
    const name = (row.file_name as string | null) ?? key.split('/').at(-1) ?? 'report';
    return reply
      .header('content-type', (row.media_type as string | null) ?? 'application/octet-stream')
      .header('content-disposition', `inline; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(Buffer.from(bytes));
  });
  return Promise.resolve();
};
