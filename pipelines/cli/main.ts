import { Command } from 'commander';
import { isTonghopError } from '../../infra/errors/tonghop-error.ts';
import { ingestCommand } from './ingest-command.ts';
import { analyzeCommand } from './analyze-command.ts';
import { serveCommand } from './serve-command.ts';
import { workerCommand } from './worker-command.ts';
import { flagsCommand } from './flags-command.ts';

/**
 * tonghop's command line: `npm run cli -- <command>` (no build step), or `tonghop`
 * once linked. Configuration comes from the environment (pipelines/config.ts);
 * `--data` overrides the data folder.
 */
const program = new Command('tonghop')
  .description('Đọc báo cáo định kỳ (PDF, DOCX, DOC, XLSX, bản quét / scans) thành số liệu tổng hợp đã kiểm tra / periodic reports into checked, consolidated figures')
  .showHelpAfterError();

program.command('ingest')
  .description('Nhập báo cáo qua toàn bộ quy trình nhúng / run reports through the embedded pipeline')
  .argument('<paths...>', 'tệp hoặc thư mục / files or folders (folders: every .pdf and .docx inside)')
  .option('--data <dir>', 'thư mục dữ liệu / data folder (default ./data or TONGHOP_DATA_DIR)')
  .option('--unit <code>', 'mã đơn vị khai báo / claimed unit GSO code')
  .option('--period <period>', 'kỳ báo cáo khai báo / claimed period (2016, 2020-Q1, 2011..2020)')
  .option('--json', 'in kết quả dạng JSON / print the summary as JSON')
  .option('--serve', 'sau đó mở bảng điều khiển và API trên 127.0.0.1 đến khi Ctrl+C / then serve the dashboard and API on 127.0.0.1 until Ctrl+C')
  .action(async (paths: string[], opts: { data?: string; unit?: string; period?: string; json?: boolean; serve?: boolean }) => {
    process.exitCode = await ingestCommand(paths, opts);
  });

program.command('analyze')
  .description('Đọc tài liệu, không lưu / read documents without storing anything')
  .argument('<files...>', 'tệp PDF, DOCX, DOC, XLSX hoặc ảnh trang / PDF, DOCX, DOC, XLSX or page image files')
  .option('--json', 'một đối tượng JSON trên stdout / one JSON object on stdout')
  .action(async (files: string[], opts: { json?: boolean }) => {
    process.exitCode = await analyzeCommand(files, opts);
  });

program.command('flags')
  .description('Liệt kê cảnh báo số liệu trong cơ sở dữ liệu / list the data-quality flags in the database')
  .option('--data <dir>', 'thư mục dữ liệu / data folder (default ./data or TONGHOP_DATA_DIR)')
  .option('--unit <code>', 'đơn vị và các đơn vị trực thuộc / a unit and every unit under it')
  .option('--period <period>', 'kỳ báo cáo / period (2016, 2020-Q1, 2011..2020)')
  .option('--severity <level>', 'mức tối thiểu / at least: error | warning | info')
  .option('--status <status>', 'raised (mặc định/default) | resolved | all')
  .option('--json', 'một đối tượng JSON { flags: [...] } / one JSON object { flags: [...] }')
  .action(async (opts: { data?: string; unit?: string; period?: string; severity?: string; status?: string; json?: boolean }) => {
    process.exitCode = await flagsCommand(opts);
  });

program.command('serve')
  .description('Chạy liên tục, nhận báo cáo từ thư mục thả, mở bảng điều khiển và API / keep running: drop-folder intake, dashboard and API')
  .option('--data <dir>', 'thư mục dữ liệu / data folder')
  .action(async (opts: { data?: string }) => {
    process.exitCode = await serveCommand(opts);
  });

program.command('worker')
  .description('Chạy một dịch vụ qua Kafka / run one service over Kafka (ingest|parser|consolidator|notifier)')
  .argument('<name>', 'ingest | parser | consolidator | notifier')
  .action(async (name: string) => {
    process.exitCode = await workerCommand(name);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (isTonghopError(err)) {
    process.stderr.write(`${err.code}: ${err.reason.vi}\n${err.reason.en}\n`);
    process.exitCode = 2;
  } else {
    throw err;
  }
}
