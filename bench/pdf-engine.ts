import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdfStructure } from '../services/parser/pdf/pdf-structure-reader.ts';
import { analyzeDocument } from '../services/parser/document-analysis.ts';

/**
 * `npm run bench:pdf`: a ~200-page PDF made from the sample reports (poppler's `pdfunite`),
 * read by tonghop's PDF engines, and analysed whole (read, facts, metadata: what
 * `tonghop analyze` does), side by side with plain `pdftotext` in the same run.
 * Reports pages/s for each and tonghop's rate as a share of pdftotext's (target ≥ 1/3).
 * Both box sources feed the same layout: poppler's TSV, and pdf.js's operator list (what
 * a machine without poppler reads with); pdf-parse's plain text, the fallback before it,
 * is kept for comparison.
 * Options: --runs N (default 5; the median is reported).
 */
const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = await mkdtemp(join(tmpdir(), 'tonghop-bench-pdf-'));
try {
  const samples = (await readdir(join(root, 'samples'))).filter((f) => f.endsWith('.pdf')).map((f) => join(root, 'samples', f));
  const big = join(dir, 'big.pdf');
  execFileSync('pdfunite', [...samples, ...samples, ...samples, big]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [big]).toString())?.[1]);
  const bytes = new Uint8Array(await readFile(big));

  const time = async (fn: () => unknown) => {
    const t: number[] = [];
    for (let i = 0; i < runs; i++) { const s = performance.now(); await fn(); t.push(performance.now() - s); }
    return median(t);
  };
  const pdftotext = await time(() => execFileSync('pdftotext', [big, '-'], { maxBuffer: 1 << 28 }));
  const factCount = { poppler: 0, pdfjs: 0 };
  const analyze = (engine: 'poppler' | 'pdfjs') => time(async () => {
    const doc = await readPdfStructure(bytes, 'big.pdf', engine);
    factCount[engine] = analyzeDocument('0'.repeat(64), doc).facts.length;
  });
  // Poppler first: pdf.js, once loaded, slows some builtins for the whole process
  // (pdf-structure-reader.ts), and a process reading with poppler never loads it.
  const poppler = await time(() => readPdfStructure(bytes, 'big.pdf', 'poppler'));
  const analyzePoppler = await analyze('poppler');
  const pdfjs = await time(() => readPdfStructure(bytes, 'big.pdf', 'pdfjs'));
  const analyzePdfjs = await analyze('pdfjs');
  const pdfParse = await time(() => readPdfStructure(bytes, 'big.pdf', 'pdf-parse'));
  const row = (name: string, ms: number) => `${name.padEnd(38)} ${ms.toFixed(0).padStart(6)} ms  ${(pages / (ms / 1000)).toFixed(0).padStart(6)} pages/s  ${(ms / pages).toFixed(2).padStart(6)} ms/page  ${(pdftotext / ms).toFixed(2)}× pdftotext's rate`;
  console.log(`${pages}-page PDF from the samples, median of ${runs} runs`);
  console.log(row('pdftotext (plain text)', pdftotext));
  console.log(row('tonghop: poppler TSV + layout', poppler));
  console.log(row(`tonghop analyze, poppler (${factCount.poppler} facts)`, analyzePoppler));
  console.log(row('tonghop: pdf.js boxes + layout', pdfjs));
  console.log(row(`tonghop analyze, pdf.js (${factCount.pdfjs} facts)`, analyzePdfjs));
  console.log(row('pdf-parse plain text (old fallback)', pdfParse));
} finally {
  await rm(dir, { recursive: true, force: true });
}
