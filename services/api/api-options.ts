/**
 * The analyst API's limits, with their defaults in one place (pipelines/config.ts maps the
 * environment onto them).
 *
 * | option | meaning | default |
 * |---|---|---|
 * | maxUploadBytes | largest report POST /v1/reports accepts, bytes | 52428800 (50 MiB) |
 * | queryMaxRows | most rows POST /v1/query returns (more → `truncated`) | 10000 |
 * | queryTimeoutMs | a query (or a query export) is interrupted after this, ms | 10000 |
 * | exportMaxRows | most rows of one export (CSV, XLSX, Parquet) | 1000000 |
 * | listMaxRows | most rows of a JSON list (figures, flags, reports; more → `truncated`) | 10000 |
 * | dueDays | days after a period's end a report is due (completeness "late"); undefined: none are late | undefined |
 */
export interface ApiOptions {
  maxUploadBytes: number;
  queryMaxRows: number;
  queryTimeoutMs: number;
  exportMaxRows: number;
  listMaxRows: number;
  dueDays?: number;
}

export const API_DEFAULTS: Readonly<ApiOptions> = Object.freeze({
  maxUploadBytes: 50 * 1024 * 1024,
  queryMaxRows: 10_000,
  queryTimeoutMs: 10_000,
  exportMaxRows: 1_000_000,
  listMaxRows: 10_000,
});
