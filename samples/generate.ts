// Builds samples/*.docx and samples/*.pdf from the seed report texts.
//
//   npm run samples:generate
//   npx tsx samples/generate.ts [--seeds <dir>] [--out <dir>] [--html-dir <dir>] [--timeout <seconds>]
//
// Each seed becomes HTML, LibreOffice turns the HTML into a DOCX, and the PDF is exported from
// that DOCX, the way an office prints its Word file, so both share one pagination.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { convertWithLibreOffice, findSoffice, LibreOfficeMissingError } from './libreoffice.ts';
import { renderReadme } from './readme.ts';
import type { GeneratedSample } from './readme.ts';
import { reportToHtml } from './report-html.ts';
import { sampleForPrefix } from './seed-catalog.ts';
import { parseSeed } from './seed-parser.ts';
import { readSeedText } from './seed-text.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SEEDS = resolve(REPO_ROOT, '../shared/seeds');
const DEFAULT_OUT = resolve(REPO_ROOT, 'samples');
const DEFAULT_TIMEOUT_SECONDS = 300;

interface Options {
  readonly seedsDir: string;
  readonly outDir: string;
  readonly htmlDir: string | undefined;
  readonly timeoutMs: number;
}

function readOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seeds: { type: 'string' },
      out: { type: 'string' },
      'html-dir': { type: 'string' },
      timeout: { type: 'string' },
    },
    strict: true,
  });
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new Error(`--timeout must be a positive number of seconds, got ${values.timeout}`);
  return {
    seedsDir: resolve(values.seeds ?? DEFAULT_SEEDS),
    outDir: resolve(values.out ?? DEFAULT_OUT),
    htmlDir: values['html-dir'] === undefined ? undefined : resolve(values['html-dir']),
    timeoutMs: timeoutSeconds * 1000,
  };
}

interface SeedJob extends GeneratedSample {
  readonly seedPath: string;
}

function listSeeds(seedsDir: string): SeedJob[] {
  if (!existsSync(seedsDir) || !statSync(seedsDir).isDirectory()) throw new Error(`seed directory not found: ${seedsDir}`);
  const files = readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  if (files.length === 0) throw new Error(`no *.txt seeds in ${seedsDir}`);
  const jobs = files.map((seedFile) => {
    const prefix = /^(\d+)/.exec(seedFile)?.[1] ?? basename(seedFile, '.txt');
    return { seedFile, seedPath: join(seedsDir, seedFile), sample: sampleForPrefix(prefix) };
  });
  const slugs = new Set<string>();
  for (const job of jobs) {
    if (slugs.has(job.sample.slug)) throw new Error(`two seeds map to ${job.sample.slug}; give them distinct prefixes`);
    slugs.add(job.sample.slug);
  }
  return jobs;
}

async function generate(options: Options): Promise<void> {
  const started = Date.now();
  const soffice = findSoffice();
  const jobs = listSeeds(options.seedsDir);
  const work = mkdtempSync(join(tmpdir(), 'tonghop-samples-'));
  try {
    const htmlDir = join(work, 'html');
    const docxDir = join(work, 'docx');
    const pdfDir = join(work, 'pdf');
    for (const dir of [htmlDir, docxDir, pdfDir]) mkdirSync(dir);

    const htmlFiles = jobs.map((job) => {
      const path = join(htmlDir, `${job.sample.slug}.html`);
      writeFileSync(path, reportToHtml(job.sample.title, parseSeed(readSeedText(job.seedPath))));
      return path;
    });
    const docxFiles = jobs.map((job) => join(docxDir, `${job.sample.slug}.docx`));
    const pdfFiles = jobs.map((job) => join(pdfDir, `${job.sample.slug}.pdf`));

    await convertWithLibreOffice(
      {
        soffice,
        inputs: htmlFiles,
        inputFilter: 'HTML (StarWriter)',
        convertTo: 'docx:MS Word 2007 XML',
        outDir: docxDir,
        profileDir: join(work, 'profile-docx'),
        timeoutMs: options.timeoutMs,
      },
      docxFiles,
    );
    await convertWithLibreOffice(
      {
        soffice,
        inputs: docxFiles,
        convertTo: 'pdf:writer_pdf_Export',
        outDir: pdfDir,
        profileDir: join(work, 'profile-pdf'),
        timeoutMs: options.timeoutMs,
      },
      pdfFiles,
    );

    // Outputs land only after both conversions succeeded, so a failed run leaves old samples intact.
    mkdirSync(options.outDir, { recursive: true });
    jobs.forEach((job, index) => {
      copyFileSync(docxFiles[index] ?? '', join(options.outDir, `${job.sample.slug}.docx`));
      copyFileSync(pdfFiles[index] ?? '', join(options.outDir, `${job.sample.slug}.pdf`));
      if (options.htmlDir) {
        mkdirSync(options.htmlDir, { recursive: true });
        copyFileSync(htmlFiles[index] ?? '', join(options.htmlDir, `${job.sample.slug}.html`));
      }
    });
    writeFileSync(join(options.outDir, 'README.md'), renderReadme(jobs));

    const shown = relative(process.cwd(), options.outDir) || '.';
    for (const job of jobs) {
      console.log(`${job.seedFile} -> ${shown}/${job.sample.slug}.{docx,pdf}`);
    }
    console.log(`generated ${jobs.length * 2} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  await generate(readOptions(process.argv.slice(2)));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof LibreOfficeMissingError ? message : `samples:generate failed: ${message}`);
  process.exitCode = 1;
}
