import { z } from 'zod';
import { ExportFormat } from './export-format.ts';

/**
 * POST /v1/query: one read-only SELECT over the consolidated tables and views (reports, facts,
 * flags, observations, observations_of_record, report_versions, consolidated_figures, units,
 * indicators). Refused: anything else (see README "Truy vấn SQL / Read-only SQL").
 */
export const QueryRequest = z.object({
  sql: z.string().min(1).max(20_000),
  maxRows: z.number().int().min(1).optional().describe('at most the server’s limit (TONGHOP_API_QUERY_MAX_ROWS)'),
});

export const QueryQuerystring = z.object({ format: ExportFormat.optional() });

const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const QueryResponse = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.record(z.string(), Cell)),
  rowCount: z.number().int(),
  /** More rows than the limit: only the first `rowCount` are here. */
  truncated: z.boolean(),
  elapsedMs: z.number(),
});
