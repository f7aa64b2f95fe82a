// Checks generated samples against their seeds:
//   - the DOCX body text equals the seed text minus markdown (whitespace aside), so nothing was
//     dropped, reordered or "corrected";
//   - every number in the seed appears in the PDF text layer (pdftotext);
//   - page and table counts, for the record.
//
//   npx tsx samples/verify.ts [--seeds <dir>] [--samples <dir>]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { countDocxTables, docxBodyText } from './docx-text.ts';
import { sampleForPrefix } from './seed-catalog.ts';
import { blockPlainText, parseSeed } from './seed-parser.ts';
import { readSeedText } from './seed-text.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NUMBER = /\d+(?:[.,:/]\d+)*%?/g;

function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The seed with markdown syntax stripped by brute force, independent of the parser: heading
 * hashes, asterisks and the HTML tags seed 003 carries. What remains must be the DOCX text.
 */
function seedWithoutMarkup(seed: string): string {
  return seed
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*/g, '')
    .replace(/<\/?(?:i|b|em|strong|u|sup|sub)>|<a\s[^>]*>|<\/a>|<br\s*\/?>/gi, '');
}

function firstDifference(expected: string, actual: string): string {
  let index = 0;
  while (index < expected.length && expected[index] === actual[index]) index += 1;
  return `at ${index}: expected …${expected.slice(Math.max(0, index - 30), index + 30)}… got …${actual.slice(Math.max(0, index - 30), index + 30)}…`;
}

interface Report {
  readonly name: string;
  readonly pages: number;
  readonly tables: number;
  readonly numbers: number;
  readonly problems: readonly string[];
}

function verifySeed(seedPath: string, samplesDir: string): Report {
  const prefix = /^(\d+)/.exec(basename(seedPath))?.[1] ?? '';
  const sample = sampleForPrefix(prefix);
  const docxPath = join(samplesDir, `${sample.slug}.docx`);
  const pdfPath = join(samplesDir, `${sample.slug}.pdf`);
  const problems: string[] = [];
  if (!existsSync(docxPath) || !existsSync(pdfPath)) {
    return { name: sample.slug, pages: 0, tables: 0, numbers: 0, problems: ['missing output files'] };
  }

  const seed = readSeedText(seedPath);
  const expected = parseSeed(seed).map(blockPlainText).join('\n');
  const docx = readFileSync(docxPath);
  const docxText = withoutWhitespace(docxBodyText(docx));
  const seedText = withoutWhitespace(seedWithoutMarkup(seed));
  if (docxText !== seedText) problems.push(`DOCX text differs from seed ${firstDifference(seedText, docxText)}`);

  const pdfText = withoutWhitespace(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }));
  const numbers = new Set([...expected.matchAll(NUMBER)].map((match) => match[0]));
  for (const figure of [...numbers, ...sample.keyFigures]) {
    if (!pdfText.includes(withoutWhitespace(figure))) problems.push(`PDF lacks "${figure}"`);
  }

  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1] ?? 0);
  const tables = countDocxTables(docx);
  if (tables !== sample.tableCount) problems.push(`DOCX has ${tables} tables, catalog expects ${sample.tableCount}`);
  return { name: sample.slug, pages, tables, numbers: numbers.size, problems };
}

function main(): void {
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, samples: { type: 'string' } } });
  const seedsDir = resolve(values.seeds ?? join(REPO_ROOT, '../shared/seeds'));
  const samplesDir = resolve(values.samples ?? join(REPO_ROOT, 'samples'));
  const seeds = readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  let failed = false;
  for (const seed of seeds) {
    const report = verifySeed(join(seedsDir, seed), samplesDir);
    const status = report.problems.length === 0 ? 'ok' : 'FAIL';
    console.log(`${status.padEnd(4)} ${report.name}: ${report.pages} pages, ${report.tables} tables, ${report.numbers} distinct numbers checked`);
    for (const problem of report.problems) console.log(`     ${problem}`);
    failed ||= report.problems.length > 0;
  }
  if (failed) process.exitCode = 1;
}

main();
