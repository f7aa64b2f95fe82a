import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventOf } from '../../../schemas/events.ts';
import { MemoryEventBus } from '../../../infra/bus/event-bus.memory.ts';
import { createLocalObjectStore } from '../../../infra/store/object-store.local.ts';
import { sha256Hex } from '../../../infra/store/object-key.ts';
import { createIngestService, type IngestService } from '../../../services/ingest/ingest-service.ts';
import { capturingLogger } from '../../support/silent-logger.ts';
import { minimalPdf } from '../../support/minimal-pdf.ts';
import { minimalDocx } from '../../support/zip-builder.ts';
import type { ObjectStore } from '../../../infra/store/object-store.ts';

describe('ingest service', () => {
  let dir: string;
  let bus: MemoryEventBus;
  let store: ObjectStore;
  let ingest: IngestService;
  let submitted: EventOf<'report.submitted'>[];
  let failed: EventOf<'report.failed'>[];
  const { log, lines } = capturingLogger();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-ingest-'));
    bus = new MemoryEventBus({ log });
    store = createLocalObjectStore({ root: join(dir, 'objects') });
    ingest = createIngestService({ store, bus, log, maxBytes: 10_000, now: () => new Date('2026-01-02T03:04:05Z') });
    submitted = [];
    failed = [];
    await bus.subscribe('probe', {
      'report.submitted': (e) => { submitted.push(e); return Promise.resolve(); },
      'report.failed': (e) => { failed.push(e); return Promise.resolve(); },
    });
  });
  afterEach(async () => {
    await bus.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a PDF under a content-addressed key and announces it', async () => {
    const pdf = minimalPdf([['Bao cao']]);
    const result = await ingest.submit({ bytes: pdf, fileName: '../../etc/passwd.pdf', claims: { unit: '79', period: '2016' } });
    await bus.whenIdle();
    const sha = sha256Hex(pdf);
    expect(result).toMatchObject({ status: 'accepted', reportId: sha, objectKey: `reports/79/2016/${sha}.pdf` });
    expect(await store.get(`reports/79/2016/${sha}.pdf`)).toEqual(pdf);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({
      type: 'report.submitted', subject: '79',
      data: { reportId: sha, fileName: '../../etc/passwd.pdf', mediaType: 'application/pdf', bytes: pdf.length, claimed: { unit: '79', period: '2016' }, submittedAt: '2026-01-02T03:04:05.000Z' },
    });
    expect(lines.some((l) => l.reportId === sha && l.unit === '79' && l.msg === 'report accepted')).toBe(true);
  });

  it('recognises identical bytes submitted again and neither stores nor announces them twice', async () => {
    const docx = minimalDocx(['Báo cáo năm 2016']);
    const first = await ingest.submit({ bytes: docx, fileName: 'a.docx' });
    const second = await ingest.submit({ bytes: docx, fileName: 'copy of a.docx' });
    await bus.whenIdle();
    expect(first.status).toBe('accepted');
    expect(second).toMatchObject({ status: 'duplicate', reportId: first.reportId, objectKey: `reports/unknown/unknown/${first.reportId}.docx` });
    expect(submitted).toHaveLength(1);
    const keys: string[] = [];
    for await (const o of store.list('reports/')) keys.push(o.key);
    expect(keys).toEqual([`reports/unknown/unknown/${first.reportId}.docx`]);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'TH_ERR_EMPTY_FILE', false],
    ['a text file called .pdf', new Uint8Array(Buffer.from('not a report')), 'TH_ERR_UNSUPPORTED_TYPE', true],
    ['an oversized file', minimalPdf([Array.from({ length: 900 }, (_, i) => `line ${i}`)]), 'TH_ERR_FILE_TOO_LARGE', false],
  ])('rejects %s with a coded, bilingual reason and records the failure', async (_label, bytes, code, quarantined) => {
    const result = await ingest.submit({ bytes, fileName: 'x.pdf', claims: { unit: '01' } });
    await bus.whenIdle();
    expect(result).toMatchObject({ status: 'rejected', code });
    expect(failed).toHaveLength(1);
    const data = failed[0]!.data;
    expect(data).toMatchObject({ stage: 'ingest', code, retriable: false, fileName: 'x.pdf', bytes: bytes.length, claimed: { unit: '01', period: 'unknown' } });
    expect(data.reason.vi).toMatch(/x\.pdf/);
    expect(data.reason.en).toMatch(/x\.pdf/);
    expect(data.reason.vi).not.toEqual(data.reason.en);
    expect(Boolean(data.quarantineKey)).toBe(quarantined);
    if (data.quarantineKey) expect(await store.get(data.quarantineKey)).toEqual(bytes);
    expect(submitted).toHaveLength(0);
  });

  it('refuses an oversized file on disk without reading it into memory, still naming it by sha256', async () => {
    const path = join(dir, 'big.pdf');
    const big = Buffer.alloc(20_000, 0x41);
    await writeFile(path, big);
    const result = await ingest.submitFile(path);
    expect(result).toMatchObject({ status: 'rejected', code: 'TH_ERR_FILE_TOO_LARGE', reportId: sha256Hex(big), bytes: 20_000 });
  });

  it('refuses claims that are not a unit code or a period', async () => {
    await expect(ingest.submit({ bytes: minimalPdf([['x']]), fileName: 'a.pdf', claims: { unit: 'Hà Nội' } })).rejects.toThrow(/GSO code/);
  });

  it('keeps working after a rejection: the next good file is accepted', async () => {
    await ingest.submit({ bytes: new Uint8Array(0), fileName: 'empty.pdf' });
    const ok = await ingest.submit({ bytes: minimalPdf([['ok']]), fileName: 'ok.pdf' });
    await bus.whenIdle();
    expect(ok.status).toBe('accepted');
    expect(failed).toHaveLength(1);
    expect(submitted).toHaveLength(1);
  });
});
