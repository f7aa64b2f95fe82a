import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeScan } from '../samples/scan/scan-maker.ts';
import { analyzeDocument } from '../services/parser/document-analysis.ts';
import { dropColouredInk } from '../services/parser/ocr/ink-dropout.ts';
import { OcrPool } from '../services/parser/ocr/ocr-pool.ts';
import { renderPdfPage } from '../services/parser/ocr/pdf-page-raster.ts';
import { encodeGrayPnm } from '../services/parser/ocr/pnm-codec.ts';
import { readPdfStructure } from '../services/parser/pdf/pdf-structure-reader.ts';
import { option } from './bench-options.ts';

/**
 * `npm run bench:ocr`: a 30-page scan (sample 003's 29 pages and sample 001's first, scanned
 * by samples/scan/scan-maker.ts: 200 dpi JPEG, seal, signature, 1–3° tilt, noise), read
 * whole by tonghop (render each page at 300 dpi, drop coloured ink, level, erase rules,
 * tesseract, reread unsure words, layout; then the facts) with an OCR pool of 1 and of 2
 * workers, beside tesseract alone on the same pages: the same 300 dpi renderings, gray,
 * made before the clock starts, one single-threaded tesseract a worker (`--psm 3`, TSV).
 * Prints pages/s and tonghop's rate as a share of tesseract's (target ≥ 0.85: within 15 %).
 * Options: --runs N (default 1; the median is reported).
 */
const root = join(import.meta.dirname, '..');
const runs = Number(option('--runs')) || 1;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = await mkdtemp(join(tmpdir(), 'tonghop-bench-ocr-'));
try {
  const first = join(dir, 'first.pdf');
  const united = join(dir, 'united.pdf');
  execFileSync('pdfseparate', ['-f', '1', '-l', '1', join(root, 'samples/001-huyen-cchc-2019.pdf'), first]);
  execFileSync('pdfunite', [join(root, 'samples/003-xa-quang-ngan-cchc-2011-2020.pdf'), first, united]);
  const scan = await makeScan(new Uint8Array(await readFile(united)), { seed: 11 });
  const scanPath = join(dir, 'scan.pdf');
  await writeFile(scanPath, scan);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [scanPath]).toString())?.[1]);

  // Tesseract alone: the pages rendered and made gray beforehand, as tonghop reads them.
  const images: string[] = [];
  for (let n = 1; n <= pages; n += 1) {
    const path = join(dir, `page-${n}.pgm`);
    await writeFile(path, encodeGrayPnm(dropColouredInk(await renderPdfPage(scanPath, n, 300, dir, `scan, trang ${n}`))));
    images.push(path);
  }
  const tesseractAlone = async (workers: number) => {
    let next = 0;
    const one = (path: string) => new Promise<void>((resolve, reject) => {
      const child = spawn('tesseract', [path, 'stdout', '-l', 'vie', '--psm', '3', '--dpi', '300', 'tsv'], { stdio: ['ignore', 'ignore', 'ignore'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tesseract exit ${code}`))));
    });
    await Promise.all(Array.from({ length: workers }, async () => {
      while (next < images.length) await one(images[next++]!);
    }));
  };
  let facts = 0;
  const tonghop = async (workers: number) => {
    const doc = await readPdfStructure(scan, 'scan.pdf', 'auto', { pool: new OcrPool(workers) });
    facts = analyzeDocument('0'.repeat(64), doc).facts.length;
  };
  const time = async (fn: () => Promise<unknown>) => {
    const t: number[] = [];
    for (let i = 0; i < runs; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s); }
    return median(t);
  };
  const row = (name: string, ms: number, base?: number) => `${name.padEnd(44)} ${(ms / 1000).toFixed(1).padStart(6)} s  ${(pages / (ms / 1000)).toFixed(3).padStart(6)} pages/s${base ? `  ${(base / ms).toFixed(2)}× tesseract alone` : ''}`;
  console.log(`${pages}-page scan (200 dpi JPEG; seal, signature, tilt, noise), median of ${runs} run(s)`);
  for (const workers of [1, 2]) {
    const alone = await time(() => tesseractAlone(workers));
    const ours = await time(() => tonghop(workers));
    console.log(row(`tesseract alone, ${workers} worker(s)`, alone));
    console.log(row(`tonghop read + analyze, ${workers} worker(s) (${facts} facts)`, ours, alone));
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
