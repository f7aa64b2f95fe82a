import { z } from 'zod';

/**
 * `?format=` of the routes that can export: json (default, the route's own response), csv
 * (UTF-8 with BOM so Excel reads Vietnamese, Vietnamese headers), xlsx (one sheet, Vietnamese
 * headers), parquet (DuckDB COPY, machine column names).
 */
export const ExportFormat = z.enum(['json', 'csv', 'xlsx', 'parquet']);
export type ExportFormat = z.infer<typeof ExportFormat>;
