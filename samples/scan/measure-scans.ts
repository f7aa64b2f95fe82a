// Scans each sample the way an office does (samples/scan/scan-maker.ts), reads the scan and
// the born-digital PDF, and prints how much of the born-digital reading the scan keeps.
//
//   npm run samples:scans [-- --only 004 --dpi 200 --out <dir> --verbose]
//
// Needs poppler-utils and tesseract-ocr with tesseract-ocr-vie.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareReadings, factKey, flagKey, readReport } from './scan-comparison.ts';
import { makeScan } from './scan-maker.ts';

const SAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { only: { type: 'string' }, dpi: { type: 'string' }, out: { type: 'string' }, verbose: { type: 'boolean' } } });
// Each sample keeps its seed (its place among all samples), so `--only` scans it as a full run does.
const all = readdirSync(SAMPLES).filter((f) => f.endsWith('.pdf')).sort();
const files = all.filter((f) => !values.only || f.startsWith(values.only));
let facts = 0;
let recalled = 0;
for (const file of files) {
  const pdf = new Uint8Array(readFileSync(join(SAMPLES, file)));
  const started = performance.now();
  const scan = await makeScan(pdf, { seed: all.indexOf(file) + 1, dpi: Number(values.dpi ?? 200) });
  const made = performance.now();
  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    writeFileSync(join(values.out, file.replace(/\.pdf$/, '.scan.pdf')), scan);
  }
  const digital = await readReport(pdf, 'application/pdf', file);
  const scanned = await readReport(scan, 'application/pdf', file);
  const read = performance.now();
  const c = compareReadings(digital, scanned);
  facts += c.facts;
  recalled += c.recalled;
  process.stdout.write(`${file}: facts ${c.recalled}/${c.facts} (${(c.recalled / Math.max(1, c.facts)).toFixed(3)}), extra ${c.extra.length}; `
    + `flags kept ${c.flags.length - c.flagsMissed.length}/${c.flags.length}, new errors ${c.newErrors.length}; `
    + `unit ${scanned.unit ?? '-'} / ${digital.unit ?? '-'}, period ${scanned.period ?? '-'} / ${digital.period ?? '-'}; `
    + `scan made ${((made - started) / 1000).toFixed(1)} s, both read ${((read - made) / 1000).toFixed(1)} s\n`);
  for (const f of c.flagsMissed) process.stdout.write(`    flag missed: ${flagKey(f)} ${f.message.vi}\n`);
  for (const f of c.newErrors) process.stdout.write(`    new error: ${flagKey(f)} ${f.message.vi}\n`);
  if (values.verbose) {
    for (const f of c.missed) process.stdout.write(`    missed: ${factKey(f)} «${f.evidence.quote.slice(0, 120)}»\n`);
    for (const f of c.extra) process.stdout.write(`    extra: ${factKey(f)} «${f.evidence.quote.slice(0, 120)}»\n`);
  }
}
process.stdout.write(`all: facts ${recalled}/${facts} (${(recalled / Math.max(1, facts)).toFixed(3)})\n`);
