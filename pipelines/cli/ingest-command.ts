import { relative } from 'node:path';
import { isTonghopError } from '../../infra/errors/tonghop-error.ts';
import { getReport, storeTotals } from '../../services/consolidator/report-store.ts';
import { startEmbedded } from '../embedded-runner.ts';
import { describeStorage } from '../adapters.ts';
import { cliContext } from './cli-context.ts';
import { collectFiles } from './file-collection.ts';
import { createProgress } from './progress.ts';
import { formatIngestSummary, type FileOutcome } from './ingest-summary.ts';
import { dashboardBanner, startApiServer } from '../api-server.ts';
import { untilSignal } from './until-signal.ts';

export interface IngestCommandOptions {
  data?: string;
  unit?: string;
  period?: string;
  json?: boolean;
  /** After the summary, keep the pipeline running and serve the dashboard and API until Ctrl+C. */
  serve?: boolean;
}

/**
 * `tonghop ingest <files|folders>`: runs every file through the embedded pipeline
 * (ingest → parser → consolidator → notifier) and prints a summary. Exit code 0 when
 * every file was read, 1 when some were refused or unreadable (each says why).
 * `--serve` (what `npm start` does): then serves the dashboard and the analyst API on
 * 127.0.0.1 over the same database, prints the dashboard's address, and stops on Ctrl+C.
 */
export async function ingestCommand(paths: string[], opts: IngestCommandOptions): Promise<number> {
  const started = performance.now();
  const { config, log } = cliContext({ dataDir: opts.data, defaultLogLevel: 'error' });
  const { files, missing } = await collectFiles(paths);
  for (const m of missing) process.stderr.write(`Không tìm thấy / not found: ${m}\n`);
  if (files.length === 0) {
    process.stderr.write('Không có tệp báo cáo nào để nhập (PDF, DOCX, DOC, XLSX, ảnh) / no report files to ingest (PDF, DOCX, DOC, XLSX, images)\n');
    return 1;
  }
  const pipeline = await startEmbedded(config, log);
  const outcomes: FileOutcome[] = [];
  const progress = createProgress(files.length, 'Nhập / ingest');
  // A scan is read page by page by OCR: its pages show as they are read.
  const watch = await pipeline.bus.subscribe('tonghop-cli-progress', {
    'report.progress': (e) => {
      const { done, total, fileName } = e.data;
      progress.note(`${fileName ?? e.data.reportId.slice(0, 12)}: OCR ${done}/${total} trang/pages`);
      return Promise.resolve();
    },
  });
  try {
    for (const file of files) {
      const shown = relative(process.cwd(), file) || file;
      try {
        const result = await pipeline.ingest.submitFile(file, { unit: opts.unit, period: opts.period, submittedBy: 'cli' });
        await pipeline.whenIdle();
        if (result.status === 'duplicate') {
          outcomes.push({ path: shown, status: 'duplicate', reportId: result.reportId });
        } else {
          const record = await getReport(pipeline.db, result.reportId);
          const status = record?.status ?? 'submitted';
          outcomes.push({
            path: shown, status, reportId: result.reportId, pages: record?.pages,
            code: record?.error_code, reason: record?.reason_vi ? { vi: record.reason_vi, en: record.reason_en ?? '' } : null,
          });
        }
      } catch (err) {
        if (!isTonghopError(err)) throw err;
        outcomes.push({ path: shown, status: 'failed', code: err.code, reason: err.reason });
      }
      progress.step(shown);
    }
  } finally {
    await watch.close();
    progress.stop();
  }
  const totals = await storeTotals(pipeline.db);
  const summary = { files: outcomes, elapsedMs: performance.now() - started, totals, storage: describeStorage(config) };
  process.stdout.write(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : formatIngestSummary(summary));
  const code = outcomes.some((o) => o.status === 'failed') || missing.length > 0 ? 1 : 0;
  if (opts.serve) {
    const api = await startApiServer({ config, log, pipeline });
    process.stderr.write(`${dashboardBanner(api)}  Ctrl+C để dừng / to stop\n`);
    const signal = await untilSignal();
    log.info({ signal }, 'stopping');
    await api.close();
  }
  await pipeline.stop();
  return code;
}
