import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import type { ReadOnlySession, Row, SqlValue } from '../../../infra/db/sql-database.ts';
import type { ExportFormat } from '../../../schemas/api/export-format.ts';
import { columnLabel } from './column-labels.ts';
import { toCsv } from './csv-writer.ts';
import { toXlsx } from './xlsx-writer.ts';

/**
 * Sends a table as a download: CSV or XLSX from rows already read (Vietnamese headers), or
 * Parquet written by the database itself (`COPY … TO` a temporary file, streamed, then
 * deleted). `name` becomes the file name (`tonghop-<name>.<ext>`).
 */
export interface TableExport {
  name: string;
  format: Exclude<ExportFormat, 'json'>;
  /** CSV/XLSX: column keys in order, and the rows. */
  columns?: readonly string[];
  rows?: readonly Row[];
  /** Parquet: the SELECT (trusted or guarded) and its parameters. */
  parquet?: { sql: string; params: readonly SqlValue[]; session: ReadOnlySession; timeoutMs: number };
}

const TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet',
} as const;

export async function sendExport(reply: FastifyReply, e: TableExport): Promise<FastifyReply> {
  reply.header('content-type', TYPES[e.format]).header('content-disposition', `attachment; filename="tonghop-${e.name}.${e.format}"`);
  if (e.format === 'parquet') {
    if (!e.parquet) throw new Error('parquet export needs its SELECT');
    const dir = await mkdtemp(join(tmpdir(), 'tonghop-export-'));
    const path = join(dir, `${e.name}.parquet`);
    try {
      await e.parquet.session.copyToParquet(e.parquet.sql, e.parquet.params, path, { timeoutMs: e.parquet.timeoutMs });
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    const stream = createReadStream(path);
    stream.on('close', () => { void rm(dir, { recursive: true, force: true }); });
    return reply.send(stream);
  }
  const columns = e.columns ?? [];
  const headers = columns.map(columnLabel);
  const values = (e.rows ?? []).map((r) => columns.map((c) => r[c] ?? null));
  return reply.send(e.format === 'csv' ? toCsv(headers, values) : await toXlsx(e.name, headers, values));
}
