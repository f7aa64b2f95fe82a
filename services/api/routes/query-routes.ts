import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { QueryQuerystring, QueryRequest, QueryResponse } from '../../../schemas/api/query.ts';
import { readScope, requireRole } from '../access/access-policy.ts';
import type { ApiContext } from '../api-context.ts';
import { sendExport } from '../export/send-export.ts';
import { guardQuery } from '../query-guard.ts';
import { scopedRelations } from '../scoped-relations.ts';

/**
 * POST /v1/query?format= — one read-only SELECT from an analyst or admin (query-guard.ts):
 * at most `maxRows` rows (the server's limit by default; more → `truncated`), interrupted after
 * the timeout (408 TH_ERR_QUERY_TIMEOUT). A province analyst's query sees its province's rows
 * only. `format=csv|xlsx|parquet` downloads the result instead (up to the export limit).
 */
export const queryRoutes: FastifyPluginAsyncZod<ApiContext> = (app, ctx) => {
  app.post('/', {
    schema: { body: QueryRequest, querystring: QueryQuerystring, response: { 200: QueryResponse, 408: ERROR_RESPONSES[400], ...ERROR_RESPONSES } },
  }, async (request, reply) => {
    requireRole(request.principal, 'analyst', 'admin');
    const started = performance.now();
    const sql = await guardQuery(ctx.session, request.body.sql, { scoped: scopedRelations(readScope(request.principal, ctx.registry)) });
    const format = request.query.format ?? 'json';
    const timeoutMs = ctx.options.queryTimeoutMs;
    if (format === 'parquet') {
      return sendExport(reply, { name: 'query', format, parquet: { sql: `SELECT * FROM (${sql}) LIMIT ${ctx.options.exportMaxRows}`, params: [], session: ctx.session, timeoutMs } });
    }
    const maxRows = format === 'json' ? Math.min(request.body.maxRows ?? ctx.options.queryMaxRows, ctx.options.queryMaxRows) : ctx.options.exportMaxRows;
    const result = await ctx.session.select(sql, [], { maxRows, timeoutMs });
    if (format !== 'json') return sendExport(reply, { name: 'query', format, columns: result.columns.map((c) => c.name), rows: result.rows });
    return { columns: result.columns, rows: result.rows, rowCount: result.rows.length, truncated: result.truncated, elapsedMs: Math.round(performance.now() - started) };
  });
  return Promise.resolve();
};
