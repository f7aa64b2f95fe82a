import { storeTotals } from '../../services/consolidator/report-store.ts';
import { startDropFolderIntake } from '../../services/ingest/drop-folder-intake.ts';
import { startEmbedded } from '../embedded-runner.ts';
import { describeStorage } from '../adapters.ts';
import { cliContext } from './cli-context.ts';
import { untilSignal } from './until-signal.ts';
import { dashboardBanner, startApiServer } from '../api-server.ts';

/**
 * `tonghop serve`: the embedded pipeline, kept running, taking reports from the drop
 * folder (TONGHOP_INBOX_DIR, default <data>/inbox; `<inbox>/<unit>/<period>/file.pdf`
 * sets the claims), with the dashboard and the analyst API served over the same database.
 * Stops cleanly on Ctrl+C / SIGTERM after finishing the work in hand.
 */
export async function serveCommand(opts: { data?: string }): Promise<number> {
  const { config, log } = cliContext({ dataDir: opts.data, defaultLogLevel: 'info' });
  const pipeline = await startEmbedded(config, log);
  const intake = await startDropFolderIntake({
    inbox: config.inboxDir, ingest: pipeline.ingest, log: log.child({ service: 'drop-folder' }), pollMs: config.inboxPollMs,
  });
  const api = await startApiServer({ config, log, pipeline });
  const storage = describeStorage(config);
  process.stderr.write(`tonghop đang chạy / running — thả báo cáo vào / drop reports into: ${config.inboxDir}\n`
    + `  DuckDB: ${storage.database}\n  tệp / objects: ${storage.objects}\n${dashboardBanner(api)}  Ctrl+C để dừng / to stop\n`);
  const signal = await untilSignal();
  log.info({ signal }, 'stopping');
  await intake.stop();
  await api.close();
  const totals = await storeTotals(pipeline.db);
  await pipeline.stop();
  process.stderr.write(`Đã dừng / stopped: ${totals.reports} báo cáo/reports, ${totals.pages} trang/pages\n`);
  return 0;
}
