import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { buildZip } from '../../support/zip-builder.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

/** Runs the real CLI in a child process, as `npm run cli -- …` would. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, ['pipelines/cli/main.ts', ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: '', ...env }, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('tonghop CLI', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'tonghop-cli-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('ingest <folder> runs every sample through and prints a bilingual summary; a rerun finds duplicates', async () => {
    const data = join(dir, 'data');
    const first = await cli(['ingest', 'samples', '--data', data]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('tonghop — kết quả nhập báo cáo / ingest summary');
    expect(first.stdout).toMatch(/this run: 10 tệp\/files — 10 đã đọc\/parsed, 0 trùng\/duplicates, 0 lỗi\/failed/);
    expect(first.stdout).toContain(join(data, 'tonghop.duckdb'));
    expect(first.stderr).toContain('10/10');
    const second = await cli(['ingest', 'samples', '--data', data, '--json']);
    const summary = JSON.parse(second.stdout) as { files: { status: string }[]; totals: { reports: number; pages: number } };
    expect(summary.files.map((f) => f.status)).toEqual(Array(10).fill('duplicate'));
    expect(summary.totals.reports).toBe(10);
    expect(summary.totals.pages).toBeGreaterThan(60);

    // The consolidated flags of the same database: the seeds' errors, each under its unit's GSO code.
    const flags = await cli(['flags', '--json', '--data', data, '--severity', 'error']);
    expect(flags.code).toBe(0);
    const out = JSON.parse(flags.stdout) as { flags: { unit: string; period: string; ruleId: string; severity: string; values: Record<string, number>; evidence: { page: number }[] }[] };
    expect(out.flags.map((f) => [f.unit, f.period, f.ruleId])).toEqual([
      ['19873', '2011..2020', 'bounds.staff_present_le_assigned'],
      ['19873', '2011..2020', 'sum_mismatch.breakdown'],
      ['481', '2011..2020', 'granularity.percent_of_count'],
      ['481', '2011..2020', 'granularity.percent_of_count'],
      ['94', '2016', 'rate_mismatch.reported_vs_computed'],
      ['94', '2016', 'rate_mismatch.reported_vs_computed'],
    ]);
    expect(out.flags.find((f) => f.values.numerator === 845938)).toMatchObject({ unit: '94', values: { denominator: 846314, reported_rate: 89.39 } });
    const province = await cli(['flags', '--json', '--data', data, '--unit', '46', '--period', '2011..2020']);
    expect(new Set((JSON.parse(province.stdout) as { flags: { unit: string }[] }).flags.map((f) => f.unit))).toEqual(new Set(['481', '19873']));
    const readable = await cli(['flags', '--data', data, '--unit', '94']);
    expect(readable.stdout).toContain('845.938/846.314');
    expect((await cli(['flags', '--data', data, '--severity', 'fatal'])).code).toBe(2);
  }, 120_000);

  it('ingest exits 1 and names each bad file while still taking the good one', async () => {
    const inbox = join(dir, 'mixed');
    await mkdir(inbox);
    await writeFile(join(inbox, 'a-empty.pdf'), '');
    await writeFile(join(inbox, 'b-text.docx'), 'hello');
    await copyFile(join(root, 'samples/001-huyen-cchc-2019.docx'), join(inbox, 'c-good.docx'));
    const result = await cli(['ingest', inbox, '--data', join(dir, 'data2'), '--json']);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { files: { path: string; status: string; code?: string }[] };
    expect(summary.files.map((f) => [f.status, f.code ?? null])).toEqual([
      ['failed', 'TH_ERR_EMPTY_FILE'], ['failed', 'TH_ERR_UNSUPPORTED_TYPE'], ['parsed', null],
    ]);
  }, 60_000);

  it('analyze --json prints exactly one JSON object and reports unreadable files on stderr', async () => {
    await writeFile(join(dir, 'junk.pdf'), '%PDF-1.4 junk');
    const result = await cli(['analyze', 'samples/004-huyen-bac-binh-cchc-2022.pdf', join(dir, 'junk.pdf'), '--json']);
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as { reports: { source: string; pages: number; flags: { severity: string; ruleId: string; values: Record<string, number>; evidence: { page: number; quote: string }[] }[] }[]; errors: { code: string }[] };
    expect(out.reports).toMatchObject([{ source: 'samples/004-huyen-bac-binh-cchc-2022.pdf' }]);
    expect(out.reports[0]!.pages).toBeGreaterThan(1);
    // flags in the record shape, with evidence from the PDF's pages
    const warning = out.reports[0]!.flags.find((f) => f.severity === 'warning');
    expect(warning).toMatchObject({ ruleId: 'sum_mismatch.breakdown', values: { total: 21196, part_1: 18642, part_2: 2553 } });
    expect(warning!.evidence[0]!.quote).toContain('21.196');
    expect(out.errors).toMatchObject([{ code: 'TH_ERR_PDF_CORRUPT' }]);
    expect(result.stderr).toContain('junk.pdf');
  }, 60_000);

  it('analyze survives hostile files: each gets its own coded error, the good one is still analysed', async () => {
    const bad = join(dir, 'hostile');
    await mkdir(bad);
    await copyFile(join(root, 'test/fixtures/encrypted-aes256.pdf'), join(bad, 'encrypted.pdf'));
    await writeFile(join(bad, 'truncated.pdf'), (await readFile(join(root, 'samples/001-huyen-cchc-2019.pdf'))).subarray(0, 4000));
    await writeFile(join(bad, 'bomb.docx'), buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: new Uint8Array(8 * 1024 * 1024) },
    ]));
    await writeFile(join(bad, 'empty.pdf'), '');
    const files = ['encrypted.pdf', 'truncated.pdf', 'samples/003-xa-quang-ngan-cchc-2011-2020.docx', 'bomb.docx', 'empty.pdf']
      .map((f) => (f.startsWith('samples/') ? f : join(bad, f)));
    const result = await cli(['analyze', ...files, '--json']);
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as { reports: { source: string; facts: unknown[] }[]; errors: { source: string; code: string; message: { vi: string; en: string } }[] };
    expect(out.reports.map((r) => r.source)).toEqual(['samples/003-xa-quang-ngan-cchc-2011-2020.docx']);
    expect(out.reports[0]!.facts.length).toBeGreaterThan(200);
    expect(out.errors.map((e) => [e.source.split('/').pop(), e.code])).toEqual([
      ['encrypted.pdf', 'TH_ERR_PDF_ENCRYPTED'], ['truncated.pdf', 'TH_ERR_PDF_CORRUPT'], ['bomb.docx', 'TH_ERR_ZIP_BOMB'], ['empty.pdf', 'TH_ERR_EMPTY_FILE'],
    ]);
    for (const e of out.errors) expect(e.message.vi.length > 0 && e.message.en.length > 0).toBe(true);
    for (const name of ['encrypted.pdf', 'truncated.pdf', 'bomb.docx', 'empty.pdf']) expect(result.stderr).toContain(name);
  }, 60_000);

  it('refuses bad configuration before doing anything, naming the variable', async () => {
    const result = await cli(['ingest', 'samples', '--data', join(dir, 'data3')], { TONGHOP_MAX_UPLOAD_BYTES: 'lots' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TH_ERR_CONFIG');
    expect(result.stderr).toContain('TONGHOP_MAX_UPLOAD_BYTES');
  }, 60_000);

  it('worker without Kafka says what is missing', async () => {
    const result = await cli(['worker', 'parser'], { KAFKA_BROKERS: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('KAFKA_BROKERS');
  }, 60_000);
});
