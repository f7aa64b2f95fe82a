// Issue #12 end to end: `tonghop analyze --json` on the sample PDFs in a process whose PATH
// holds nothing but `node`, so `pdftotext` cannot be found, against the same command with
// the usual PATH. Both must give the same facts and flags; the first uses the pdf.js box
// source and says once, on stderr, that poppler-utils is recommended. Where poppler is not
// installed at all, the comparison is skipped and the run without it is still checked.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzedReport } from '../../../../pipelines/cli/analyze-command.ts';
import { POPPLER_MISSING_WARNING } from '../../../../services/parser/pdf/pdf-structure-reader.ts';
import { factKey, flagKey, listDifferences } from './box-source-diff.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const popplerMissing = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error !== undefined;

async function analyze(pdfs: string[], path: string): Promise<{ reports: AnalyzedReport[]; stderr: string }> {
  const { stdout, stderr } = await run(process.execPath, [tsx, 'pipelines/cli/main.ts', 'analyze', ...pdfs, '--json'], {
    cwd: root, env: { ...process.env, PATH: path, LOG_LEVEL: '' }, maxBuffer: 64 * 1024 * 1024,
  });
  return { reports: (JSON.parse(stdout) as { reports: AnalyzedReport[] }).reports, stderr };
}

describe('tonghop analyze without pdftotext on PATH', () => {
  let bin: string;
  let pdfs: string[];
  let without: { reports: AnalyzedReport[]; stderr: string };
  beforeAll(async () => {
    bin = await mkdtemp(join(tmpdir(), 'tonghop-no-poppler-'));
    await symlink(process.execPath, join(bin, 'node'));
    pdfs = (await readdir(join(root, 'samples'))).filter((f) => f.endsWith('.pdf')).sort().map((f) => `samples/${f}`);
    without = await analyze(pdfs, bin);
  }, 120_000);
  afterAll(async () => { await rm(bin, { recursive: true, force: true }); });

  it('cannot run pdftotext there', () => {
    expect(spawnSync('pdftotext', ['-v'], { env: { PATH: bin }, stdio: 'ignore' }).error).toMatchObject({ code: 'ENOENT' });
  });

  it('reads every sample with the pdf.js box source and recommends poppler-utils once', () => {
    expect(without.reports.map((r) => [r.source, r.engine])).toEqual(pdfs.map((p) => [p, 'pdfjs-bbox']));
    expect(without.stderr.split(`[${POPPLER_MISSING_WARNING.code}]`)).toHaveLength(2);
    expect(without.stderr).toContain('poppler-utils');
  });

  it('finds what pdf-parse\'s plain text missed, and not the error its word order made up', () => {
    const flags = without.reports.flatMap((r) => r.flags);
    // Sóc Trăng's 13/29 units at 41.93 %: the footnote marker on 29 kept off the number.
    const rates = flags.filter((f) => f.ruleId === 'rate_mismatch.reported_vs_computed').map((f) => `${f.values.numerator}/${f.values.denominator}`);
    expect(rates).toContain('13/29');
    // Bắc Bình's "108 vs 50 + 14": a line break cut decree number 108 from `Nghị định số`,
    // and the line `108 gồm 50 trường hợp; thôi việc 14 trường hợp` read as a total and parts.
    expect(flags.filter((f) => f.ruleId.startsWith('sum_mismatch') && f.values.total === 108)).toEqual([]);
  });

  it.skipIf(popplerMissing)('gives the same facts and flags as with poppler', async () => {
    const withPoppler = await analyze(pdfs, process.env.PATH ?? '');
    expect(withPoppler.reports.map((r) => r.engine)).toEqual(pdfs.map(() => 'poppler-bbox'));
    expect(withPoppler.stderr).not.toContain(POPPLER_MISSING_WARNING.code);
    withPoppler.reports.forEach((a, i) => {
      const b = without.reports[i]!;
      expect(listDifferences(a.facts.map(factKey), b.facts.map(factKey), `${a.source} fact`)).toEqual([]);
      expect(listDifferences(a.flags.map(flagKey), b.flags.map(flagKey), `${a.source} flag`)).toEqual([]);
      expect(b.facts).toEqual(a.facts);
      expect(b.flags).toEqual(a.flags);
      expect([b.unit, b.period, b.pages]).toEqual([a.unit, a.period, a.pages]);
    });
  }, 120_000);
});
