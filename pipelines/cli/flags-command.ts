import { existsSync } from 'node:fs';
import { Severity } from '../../schemas/flag/v1.ts';
import { Period, UnitCode } from '../../schemas/identifiers.ts';
import { tonghopError } from '../../infra/errors/error-catalog.ts';
import { listFlags, type FlagQuery } from '../../services/consolidator/flag-queries.ts';
import { openDatabase } from '../adapters.ts';
import { cliContext } from './cli-context.ts';

export interface FlagsCommandOptions {
  data?: string;
  unit?: string;
  period?: string;
  severity?: string;
  status?: string;
  json?: boolean;
}

/**
 * `tonghop flags [--unit <code>] [--period <p>] [--severity error|warning|info] [--status raised|resolved|all] [--json] [--data <dir>]`:
 * the flags in the database under `--data`. With --json stdout carries exactly
 * `{ "flags": [ <flag record>, … ] }` (schemas/flag/v1.ts); otherwise one block per flag,
 * Vietnamese first. Exit code 0; 2 on a bad option or a missing database.
 */
export async function flagsCommand(opts: FlagsCommandOptions): Promise<number> {
  const { config } = cliContext({ dataDir: opts.data, defaultLogLevel: 'error' });
  const query: FlagQuery = {};
  const bad: string[] = [];
  if (opts.unit !== undefined) {
    if (UnitCode.safeParse(opts.unit).success) query.unit = opts.unit;
    else bad.push(`--unit ${opts.unit}: mã đơn vị GSO 2–5 chữ số / a 2–5 digit GSO code`);
  }
  if (opts.period !== undefined) {
    if (Period.safeParse(opts.period).success) query.period = opts.period;
    else bad.push(`--period ${opts.period}: 2016, 2020-Q1, 2020-H1, 2011..2020 …`);
  }
  if (opts.severity !== undefined) {
    const s = Severity.safeParse(opts.severity);
    if (s.success) query.severity = s.data;
    else bad.push(`--severity ${opts.severity}: error | warning | info`);
  }
  if (opts.status !== undefined) {
    if (opts.status === 'raised' || opts.status === 'resolved' || opts.status === 'all') query.status = opts.status;
    else bad.push(`--status ${opts.status}: raised | resolved | all`);
  }
  if (bad.length > 0) throw tonghopError('TH_ERR_CONFIG', [bad.map((b) => `  ${b}`).join('\n')]);
  if (!existsSync(config.duckdbPath)) {
    process.stderr.write(`Chưa có cơ sở dữ liệu / no database at ${config.duckdbPath} — chạy/run: npm run -s cli -- ingest <files> --data <dir>\n`);
    return 2;
  }
  const db = await openDatabase(config);
  try {
    const flags = await listFlags(db, query);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ flags: flags.map((f) => f.flag) })}\n`);
      return 0;
    }
    const mark = { error: '✗ lỗi/error', warning: '! cảnh báo/warning', info: 'i thông tin/info' } as const;
    for (const { flag, status } of flags) {
      const where = flag.evidence[0] ? ` · trang/page ${flag.evidence[0].page}` : '';
      process.stdout.write(`${mark[flag.severity]} · ${flag.unit} · ${flag.period} · ${flag.family}${where}${status === 'resolved' ? ' · đã xử lý/resolved' : ''}\n`);
      process.stdout.write(`    ${flag.message.vi}\n    ${flag.message.en}\n`);
      if (flag.evidence[0]) process.stdout.write(`    «${flag.evidence[0].quote.slice(0, 200)}»\n`);
      if (flag.suggestion) process.stdout.write(`    → ${flag.suggestion.vi}\n`);
    }
    const count = (s: string) => flags.filter((f) => f.flag.severity === s).length;
    process.stdout.write(`\n${flags.length} cảnh báo/flags: ${count('error')} lỗi/errors, ${count('warning')} cảnh báo/warnings, ${count('info')} thông tin/info\n`);
    return 0;
  } finally {
    await db.close();
  }
}
