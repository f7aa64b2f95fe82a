import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, type EventOf } from '../../../schemas/events.ts';
import { StructuredDocumentRecordV1 } from '../../../schemas/records/structured-document.ts';
import { MemoryEventBus } from '../../../infra/bus/event-bus.memory.ts';
import { createLocalObjectStore } from '../../../infra/store/object-store.local.ts';
import { reportObjectKey, sha256Hex } from '../../../infra/store/object-key.ts';
import { makeScan } from '../../../samples/scan/scan-maker.ts';
import { createParserService } from '../../../services/parser/parser-service.ts';
import { tesseractAvailable } from '../../../services/parser/ocr/tesseract-runner.ts';
import { popplerAvailable } from '../../../services/parser/pdf/poppler-bbox.ts';
import { capturingLogger } from '../../support/silent-logger.ts';
import { TEST_RETRY_POLICY } from '../../infra/bus/event-bus.contract.ts';

const root = resolve(import.meta.dirname, '../../..');
const ready = await tesseractAvailable() && await popplerAvailable();
if (!ready) console.warn('skipping the parser\'s scan test: tesseract-ocr with tesseract-ocr-vie, and poppler-utils, are needed (.ci/run installs them)');

describe.skipIf(!ready)('parser service on a scanned report', () => {
  let dir: string;
  let bus: MemoryEventBus;
  const progress: EventOf<'report.progress'>[] = [];
  const facts: EventOf<'facts.extracted'>[] = [];
  const parsed: EventOf<'report.parsed'>[] = [];
  let scan: Uint8Array;
  let key: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-parser-scan-'));
    bus = new MemoryEventBus({ log: capturingLogger().log, retry: TEST_RETRY_POLICY });
    const store = createLocalObjectStore({ root: join(dir, 'objects') });
    await bus.subscribe('probe', {
      'report.progress': (e) => { progress.push(e); return Promise.resolve(); },
      'facts.extracted': (e) => { facts.push(e); return Promise.resolve(); },
      'report.parsed': (e) => { parsed.push(e); return Promise.resolve(); },
    });
    const parser = createParserService({ store, bus, log: capturingLogger().log });
    await bus.subscribe('parser', { 'report.submitted': (e) => parser.onSubmitted(e) });
    scan = await makeScan(new Uint8Array(await readFile(join(root, 'samples/001-huyen-cchc-2019.pdf'))), { seed: 2 });
    key = reportObjectKey('unknown', 'unknown', sha256Hex(scan), 'pdf');
    await store.put(key, scan, { contentType: 'application/pdf' });
    await bus.publish(createEvent({
      type: 'report.submitted', source: 'test', subject: 'unknown',
      data: {
        reportId: sha256Hex(scan), objectKey: key, fileName: 'bao-cao-scan.pdf', mediaType: 'application/pdf', bytes: scan.length,
        submittedBy: 'test', submittedAt: new Date().toISOString(), claimed: { unit: 'unknown', period: 'unknown' },
      },
    }));
    await bus.whenIdle();
    // The stored document is checked below through its schema.
    const stored = await store.get(`parsed/${sha256Hex(scan)}/document.json`);
    storedDocument = StructuredDocumentRecordV1.parse(JSON.parse(new TextDecoder().decode(stored)));
  }, 120_000);
  let storedDocument: ReturnType<typeof StructuredDocumentRecordV1.parse>;
  afterAll(async () => {
    await bus.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('publishes a report.progress per OCR page, in order, then report.parsed', () => {
    expect(progress.map((e) => [e.data.done, e.data.total])).toEqual([[1, 2], [2, 2]]);
    expect(progress.every((e) => e.data.step === 'ocr' && e.data.confidence > 80 && e.data.fileName === 'bao-cao-scan.pdf')).toBe(true);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]!.data.warnings.map((w) => w.vi).join(' ')).toMatch(/Trang 1–2 là ảnh quét/);
  });

  it('sends every figure with its OCR confidence, and stores the pages with their numbers\' confidence', () => {
    const all = facts.flatMap((e) => e.data.facts);
    expect(all.length).toBeGreaterThan(40);
    for (const f of all) expect(f.evidence.ocrConfidence).toBeGreaterThanOrEqual(0);
    expect(storedDocument.engine).toBe('tesseract-ocr');
    expect(storedDocument.pages.every((p) => p.ocr !== undefined && p.ocr.numbers.length > 0)).toBe(true);
  });
});
