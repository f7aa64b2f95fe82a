import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../pipelines/config.ts';
import { startEmbedded, type EmbeddedPipeline } from '../../pipelines/embedded-runner.ts';
import { listReports, storeTotals } from '../../services/consolidator/report-store.ts';
import type { ReportRecord } from '../../schemas/records/report-record.ts';
import { capturingLogger } from '../support/silent-logger.ts';
import { minimalPdf } from '../support/minimal-pdf.ts';

const samples = join(import.meta.dirname, '../../samples');

describe('embedded pipeline: ingest → parser → consolidator → notifier in one process', () => {
  let dir: string;
  let pipeline: EmbeddedPipeline;
  const { log, lines } = capturingLogger();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-embedded-'));
    pipeline = await startEmbedded(loadConfig({}, { dataDir: dir }), log);
  });
  afterAll(async () => {
    await pipeline.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes good and bad files together: the good are parsed, each bad one is recorded with its reason', async () => {
    const good = [
      new Uint8Array(await readFile(join(samples, '003-xa-quang-ngan-cchc-2011-2020.pdf'))),
      new Uint8Array(await readFile(join(samples, '003-xa-quang-ngan-cchc-2011-2020.docx'))),
    ];
    const results = [
      await pipeline.ingest.submit({ bytes: good[0]!, fileName: 'xa.pdf', claims: { unit: '19789', period: '2011..2020' } }),
      await pipeline.ingest.submit({ bytes: new Uint8Array(0), fileName: 'empty.pdf' }),
      await pipeline.ingest.submit({ bytes: minimalPdf([['ok']]).subarray(0, 100), fileName: 'cut.pdf' }),
      await pipeline.ingest.submit({ bytes: good[1]!, fileName: 'xa.docx', claims: { unit: '19789', period: '2011..2020' } }),
    ];
    await pipeline.whenIdle();
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted', 'accepted']);
    const reports = await listReports(pipeline.db);
    const byName: Record<string, ReportRecord> = Object.fromEntries(reports.map((r) => [r.file_name ?? '', r]));
    expect(byName['xa.pdf']).toMatchObject({ status: 'parsed', claimed_unit: '19789', claimed_period: '2011..2020' });
    expect(byName['xa.pdf']!.pages).toBeGreaterThan(20);
    expect(byName['xa.docx']).toMatchObject({ status: 'parsed', pages: 1 });
    expect(byName['empty.pdf']).toMatchObject({ status: 'failed', stage: 'ingest', error_code: 'TH_ERR_EMPTY_FILE' });
    expect(byName['cut.pdf']).toMatchObject({ status: 'failed', stage: 'parser', error_code: 'TH_ERR_PDF_CORRUPT' });
    // The notifier told the owners of the failed reports.
    const alerts = lines.filter((l) => l.alert === 'report.failed').map((l) => l.code);
    expect(alerts.sort()).toEqual(['TH_ERR_EMPTY_FILE', 'TH_ERR_PDF_CORRUPT']);
  });

  it('does not duplicate a resubmission of identical bytes', async () => {
    const before = await storeTotals(pipeline.db);
    const bytes = new Uint8Array(await readFile(join(samples, '003-xa-quang-ngan-cchc-2011-2020.pdf')));
    const again = await pipeline.ingest.submit({ bytes, fileName: 'renamed.pdf', claims: { unit: '19789', period: '2011..2020' } });
    await pipeline.whenIdle();
    expect(again.status).toBe('duplicate');
    expect(await storeTotals(pipeline.db)).toEqual(before);
  });
});
