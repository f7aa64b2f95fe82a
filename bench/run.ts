import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '../pipelines/config.ts';
import { startEmbedded } from '../pipelines/embedded-runner.ts';
import { storeTotals } from '../services/consolidator/report-store.ts';
import { extractPdfText } from '../services/parser/pdf/pdf-text-extractor.ts';
import { createLogger } from '../infra/log/logger.ts';
import { MemoryEventBus } from '../infra/bus/event-bus.memory.ts';
import { KafkaEventBus } from '../infra/bus/event-bus.kafka.ts';
import type { EventBus } from '../infra/bus/event-bus.ts';
import { createEvent } from '../schemas/events.ts';
import { startMockBroker } from '../test/support/kafka-mock-broker.ts';

/**
 * `npm run bench`: bounded benchmarks, each printing its figures.
 *   1. embedded pipeline on the samples (ingest → parse → DuckDB), fresh data folder per run
 *   2. PDF text extraction: pdf-parse vs poppler's pdftotext on the sample PDFs, pages/s
 *   3. event bus round trip (publish → validated delivery): in-process, and Kafka on kcat's mock cluster
 * Options: --runs N (default 3) for 1 and 2.
 */
const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const log = createLogger({ level: 'silent' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function embeddedSamples(): Promise<void> {
  const files = (await readdir(join(root, 'samples'))).filter((f) => /\.(pdf|docx)$/.test(f)).map((f) => join(root, 'samples', f));
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(join(tmpdir(), 'tonghop-bench-'));
    const started = performance.now();
    const pipeline = await startEmbedded(loadConfig({}, { dataDir: dir }), log);
    for (const f of files) await pipeline.ingest.submitFile(f);
    await pipeline.whenIdle();
    pages = (await storeTotals(pipeline.db)).pages;
    await pipeline.stop();
    times.push(performance.now() - started);
    await rm(dir, { recursive: true, force: true });
  }
  const ms = median(times);
  console.log(`embedded pipeline, ${files.length} sample files (${pages} pages): median ${ms.toFixed(0)} ms over ${runs} runs `
    + `(${(pages / (ms / 1000)).toFixed(1)} pages/s, ${(ms / files.length).toFixed(0)} ms/file)`);
}

async function pdfExtraction(): Promise<void> {
  const pdfs = (await readdir(join(root, 'samples'))).filter((f) => f.endsWith('.pdf')).map((f) => join(root, 'samples', f));
  const bytes = await Promise.all(pdfs.map(async (f) => new Uint8Array(await readFile(f))));
  const timeIt = async (fn: () => Promise<number>) => {
    const t: number[] = [];
    let pages = 0;
    for (let i = 0; i < runs; i++) { const s = performance.now(); pages = await fn(); t.push(performance.now() - s); }
    return { ms: median(t), pages };
  };
  const pdfParse = await timeIt(async () => {
    let pages = 0;
    for (const [i, b] of bytes.entries()) pages += (await extractPdfText(b, pdfs[i]!)).pages.length;
    return pages;
  });
  console.log(`pdf-parse: ${pdfParse.pages} pages in ${pdfParse.ms.toFixed(0)} ms (${(pdfParse.pages / (pdfParse.ms / 1000)).toFixed(0)} pages/s)`);
  try {
    const poppler = await timeIt(() => {
      for (const f of pdfs) execFileSync('pdftotext', ['-layout', f, '-']);
      return Promise.resolve(pdfParse.pages);
    });
    console.log(`pdftotext -layout (process per file): ${poppler.pages} pages in ${poppler.ms.toFixed(0)} ms `
      + `(${(poppler.pages / (poppler.ms / 1000)).toFixed(0)} pages/s); pdf-parse runs at ${(poppler.ms / pdfParse.ms).toFixed(2)}× its page rate`);
  } catch {
    console.log('pdftotext not installed (apt-get install poppler-utils): comparison skipped');
  }
}

async function busRoundTrip(name: string, bus: EventBus, count: number, budgetMs: number): Promise<void> {
  let received = 0;
  let done!: () => void;
  const all = new Promise<void>((r) => (done = r));
  await bus.subscribe(`bench-${randomUUID().slice(0, 6)}`, {
    'report.failed': () => { if (++received === count) done(); return Promise.resolve(); },
  });
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    await bus.publish(createEvent({
      type: 'report.failed', source: 'bench', subject: String(10 + (i % 63)),
      data: { reportId: i.toString(16).padStart(64, '0'), stage: 'parser', code: 'TH_ERR_PDF_CORRUPT', reason: { vi: 'hỏng', en: 'corrupt' }, retriable: false },
    }));
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((r) => { timer = setTimeout(r, budgetMs); });
  await Promise.race([all, timeout]);
  clearTimeout(timer);
  const ms = performance.now() - started;
  console.log(`${name}: ${received}/${count} events published and consumed in ${ms.toFixed(0)} ms (${(received / (ms / 1000)).toFixed(0)} events/s, one await per publish)`);
  await bus.close();
}

await embeddedSamples();
await pdfExtraction();
await busRoundTrip('in-process bus', new MemoryEventBus({ log }), 20_000, 60_000);
try {
  const broker = await startMockBroker();
  try {
    await busRoundTrip('kafka bus (kcat mock cluster)', new KafkaEventBus({ brokers: [broker.bootstrap], topicPrefix: `b${randomUUID().slice(0, 6)}.`, log, fetchMaxWaitMs: 100 }), 2_000, 60_000);
  } finally {
    await broker.stop();
  }
} catch (err) {
  console.log(`kafka bus skipped: ${(err as Error).message}`);
}
