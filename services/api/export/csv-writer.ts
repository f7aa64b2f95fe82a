import type { SqlValue } from '../../../infra/db/sql-database.ts';

/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
 * mojibake), CRLF line ends, RFC 4180 quoting (a field with a comma, quote or line break is
 * quoted, quotes doubled). Numbers are written as JavaScript prints them (`89.39`); null is an
 * empty field.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly SqlValue[])[]): Buffer {
  const lines = [headers.map(field).join(','), ...rows.map((r) => r.map(field).join(','))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

function field(v: SqlValue): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
