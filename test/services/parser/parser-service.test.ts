import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvent, type EventOf } from '../../../schemas/events.ts';
import { StructuredDocumentRecordV1 } from '../../../schemas/records/structured-document.ts';
import { MemoryEventBus } from '../../../infra/bus/event-bus.memory.ts';
import { createLocalObjectStore } from '../../../infra/store/object-store.local.ts';
import type { ObjectStore } from '../../../infra/store/object-store.ts';
import { reportObjectKey, sha256Hex } from '../../../infra/store/object-key.ts';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { createParserService } from '../../../services/parser/parser-service.ts';
import { capturingLogger } from '../../support/silent-logger.ts';
import { minimalPdf } from '../../support/minimal-pdf.ts';
import { TEST_RETRY_POLICY } from '../../infra/bus/event-bus.contract.ts';

function submittedEvent(bytes: Uint8Array, objectKey: string): EventOf<'report.submitted'> {
  return createEvent({
    type: 'report.submitted', source: 'test', subject: '79',
    data: {
      reportId: sha256Hex(bytes), objectKey, fileName: 'r.pdf', mediaType: 'application/pdf', bytes: bytes.length,
      submittedBy: 'test', submittedAt: new Date().toISOString(), claimed: { unit: '79', period: '2016' },
    },
  });
}

describe('parser service', () => {
  let dir: string;
  let bus: MemoryEventBus;
  let store: ObjectStore;
  let seen: { parsed: EventOf<'report.parsed'>[]; failed: EventOf<'report.failed'>[]; dead: EventOf<'bus.dead-letter'>[] };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-parser-'));
    bus = new MemoryEventBus({ log: capturingLogger().log, retry: TEST_RETRY_POLICY });
    store = createLocalObjectStore({ root: dir });
    seen = { parsed: [], failed: [], dead: [] };
    await bus.subscribe('probe', {
      'report.parsed': (e) => { seen.parsed.push(e); return Promise.resolve(); },
      'report.failed': (e) => { seen.failed.push(e); return Promise.resolve(); },
      'bus.dead-letter': (e) => { seen.dead.push(e); return Promise.resolve(); },
    });
  });
  afterEach(async () => {
    await bus.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores the page text and announces report.parsed with the page count', async () => {
    const parser = createParserService({ store, bus, log: capturingLogger().log });
    await bus.subscribe('parser', { 'report.submitted': (e) => parser.onSubmitted(e) });
    const pdf = minimalPdf([['Trang mot: tiep nhan 1.234 ho so'], ['Trang hai: dat 99,5%']]);
    const key = reportObjectKey('79', '2016', sha256Hex(pdf), 'pdf');
    await store.put(key, pdf, { contentType: 'application/pdf' });
    await bus.publish(submittedEvent(pdf, key));
    await bus.whenIdle();
    expect(seen.failed).toEqual([]);
    expect(seen.parsed).toHaveLength(1);
    const data = seen.parsed[0]!.data;
    expect(data).toMatchObject({ reportId: sha256Hex(pdf), pages: 2, objectKey: key, textKey: `parsed/${sha256Hex(pdf)}/document.json` });
    const record = StructuredDocumentRecordV1.parse(JSON.parse(Buffer.from(await store.get(data.textKey)).toString('utf8')));
    expect(record.pages[1]!.text).toContain('99,5%');
  });

  it('answers an unreadable document with report.failed, not with retries', async () => {
    let calls = 0;
    const parser = createParserService({
      store, bus, log: capturingLogger().log,
      readers: { 'application/pdf': () => { calls++; return Promise.reject(tonghopError('TH_ERR_PDF_CORRUPT', ['r.pdf'])); } },
    });
    await bus.subscribe('parser', { 'report.submitted': (e) => parser.onSubmitted(e) });
    const pdf = minimalPdf([['x']]);
    await store.put('reports/79/2016/x.pdf', pdf, { contentType: 'application/pdf' });
    await bus.publish(submittedEvent(pdf, 'reports/79/2016/x.pdf'));
    await bus.whenIdle();
    expect(calls).toBe(1);
    expect(seen.failed.map((e) => e.data)).toMatchObject([{ stage: 'parser', code: 'TH_ERR_PDF_CORRUPT', retriable: false, claimed: { unit: '79' } }]);
    expect(seen.dead).toEqual([]);
  });

  it('retries a store that is down, then dead-letters the message and goes on', async () => {
    let gets = 0;
    const flaky: ObjectStore = {
      ...store,
      get: () => { gets++; return Promise.reject(tonghopError('TH_ERR_STORE_UNAVAILABLE', ['connection refused'])); },
      put: (k, b, o) => store.put(k, b, o),
    };
    const parser = createParserService({ store: flaky, bus, log: capturingLogger().log });
    await bus.subscribe('parser', { 'report.submitted': (e) => parser.onSubmitted(e) });
    await bus.publish(submittedEvent(minimalPdf([['x']]), 'reports/79/2016/missing.pdf'));
    await bus.whenIdle();
    expect(gets).toBe(TEST_RETRY_POLICY.maxAttempts);
    expect(seen.dead.map((e) => e.data)).toMatchObject([{ group: 'parser', originalType: 'report.submitted', error: { code: 'TH_ERR_STORE_UNAVAILABLE' } }]);
    expect(seen.parsed).toEqual([]);
  });
});
