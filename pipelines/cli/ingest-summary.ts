import type { StoreTotals } from '../../services/consolidator/report-store.ts';

/** One input file's outcome, as the ingest command reports it. */
export interface FileOutcome {
  path: string;
  status: 'parsed' | 'failed' | 'duplicate' | 'submitted';
  reportId?: string;
  pages?: number | null;
  code?: string | null;
  reason?: { vi: string; en: string } | null;
}

export interface IngestSummary {
  files: FileOutcome[];
  elapsedMs: number;
  totals: StoreTotals;
  storage: { objects: string; database: string; bus: string };
}

const MARK: Record<FileOutcome['status'], string> = { parsed: '✓', duplicate: '=', failed: '✗', submitted: '→' };

/** The readable summary: Vietnamese first, English after a slash. */
export function formatIngestSummary(s: IngestSummary): string {
  const lines = ['', 'tonghop — kết quả nhập báo cáo / ingest summary', ''];
  for (const f of s.files) {
    let detail: string;
    if (f.status === 'parsed') detail = `${f.pages ?? '?'} trang/pages · đã đọc/parsed`;
    else if (f.status === 'duplicate') detail = `đã nhập trước đó, không lưu lại / already ingested, not stored again`;
    else if (f.status === 'submitted') detail = `đã gửi, đang xử lý / submitted, processing elsewhere`;
    else detail = `${f.code ?? 'lỗi'}: ${f.reason?.vi ?? ''} / ${f.reason?.en ?? ''}`;
    lines.push(`  ${MARK[f.status]} ${f.path}  ${detail}`);
  }
  const count = (st: FileOutcome['status']) => s.files.filter((f) => f.status === st).length;
  const t = s.totals;
  lines.push(
    '',
    `Lần chạy này / this run: ${s.files.length} tệp/files — ${count('parsed')} đã đọc/parsed, ${count('duplicate')} trùng/duplicates, `
      + `${count('failed')} lỗi/failed, ${count('submitted')} đang xử lý/in progress (${(s.elapsedMs / 1000).toFixed(1)} s)`,
    `Cơ sở dữ liệu / database: ${t.reports} báo cáo/reports (${t.parsed} đã đọc/parsed, ${t.failed} lỗi/failed), `
      + `${t.pages} trang/pages, ${t.facts} số liệu/facts, ${t.flagsRaised} cảnh báo/flags`,
    'Dữ liệu ở / data in:',
    `  tệp gốc & văn bản trích / originals & extracted text: ${s.storage.objects}`,
    `  DuckDB: ${s.storage.database}`,
    `  kênh sự kiện / event bus: ${s.storage.bus}`,
    '',
  );
  return lines.join('\n');
}
