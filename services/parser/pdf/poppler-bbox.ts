import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import type { BboxBlock, BboxLine, BboxPage } from './bbox-page.ts';

/**
 * Runs poppler's `pdftotext -tsv` (Debian `poppler-utils`) on a PDF and parses it into pages of blocks, lines and words with boxes.
 * Poppler places each glyph by its position, so letters drawn from a substitute font
 * stay where they are printed (pdf.js's plain text moves them to the end of the line).
 *
 * Output (poppler 22): one record a line, `level page par block line word left top width
 * height conf text`; level 1 a page, 3 a block, 4 a line, 5 a word (see StreamingTsvParser).
 * Coordinates are PDF points from the top-left corner. The pages are the layout's input
 * (`bbox-page.ts`); `pdfjs-boxes.ts` makes the same pages where poppler is not installed.
 */
export interface PopplerOptions {
  /** Longest a document may take, ms; default 60 000. */
  timeoutMs?: number;
  /** Poppler processes run at once on page ranges of one document; default: the cores available, at most 4. */
  parallelism?: number;
}

let available: Promise<boolean> | undefined;

/** Whether `pdftotext` can be run here (checked once per process). */
export function popplerAvailable(): Promise<boolean> {
  available ??= new Promise((resolve) => {
    const child = spawn('pdftotext', ['-v'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
  return available;
}

/**
 * Reads a PDF's boxes. TSV rather than `-bbox-layout`'s XHTML: the same boxes (every
 * sample and fixture lays out identically), half the bytes, and parsed in a third of
 * the time. The bytes go to a private temporary file so that several
 * poppler processes can each take a range of pages (a document of 219 pages reads in
 * about half the time on two cores), and each page is parsed as soon as poppler has
 * written it, while poppler goes on with the next.
 */
export async function readPdfBoxes(bytes: Uint8Array, fileName: string, opts: PopplerOptions = {}): Promise<BboxPage[]> {
  const dir = await mkdtemp(join(tmpdir(), 'tonghop-pdf-'));
  try {
    const path = join(dir, 'in.pdf');
    await writeFile(path, bytes);
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const info = await runPoppler('pdfinfo', [path], fileName, timeoutMs);
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info.join(''))?.[1] ?? 0);
    if (!pageCount) throw tonghopError('TH_ERR_PDF_CORRUPT', [`${fileName} (no pages)`]);
    const workers = Math.max(1, Math.min(opts.parallelism ?? Math.min(4, availableParallelism()), Math.floor(pageCount / 8) || 1));
    const per = Math.ceil(pageCount / workers);
    const ranges = Array.from({ length: workers }, (_, i) => [i * per + 1, Math.min(pageCount, (i + 1) * per)] as const).filter(([a, b]) => a <= b);
    const parts = await Promise.all(ranges.map(([first, last]) => {
      const pages: BboxPage[] = [];
      const parser = new StreamingTsvParser((page) => pages.push(page));
      return runPoppler('pdftotext', ['-tsv', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), path, '-'], fileName, timeoutMs, (chunk) => parser.push(chunk))
        .then(() => { parser.end(); return pages; });
    }));
    return parts.flat();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a poppler tool; maps its refusals to coded errors. Returns stdout chunks unless `onText` takes them. */
function runPoppler(command: string, args: string[], fileName: string, timeoutMs: number, onText?: (text: string) => void): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const decoder = new StringDecoder('utf8');
    const out: string[] = [];
    const err: Buffer[] = [];
    let errBytes = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => {
      const text = decoder.write(c);
      if (onText) onText(text);
      else out.push(text);
    });
    // Poppler says why it refused a file only on stderr ("Incorrect password"); keep its first 64 KiB.
    child.stderr.on('data', (c: Buffer) => { if (errBytes < 65_536) { err.push(c); errBytes += c.length; } });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const rest = decoder.end();
      if (onText) onText(rest);
      else out.push(rest);
      const stderr = Buffer.concat(err).toString('utf8');
      if (signal) return reject(tonghopError('TH_ERR_PDF_CORRUPT', [`${fileName} (${command} stopped: ${signal})`]));
      if (code === 0) return resolve(out);
      if (/password/i.test(stderr) || code === 3) return reject(tonghopError('TH_ERR_PDF_ENCRYPTED', [fileName]));
      const reason = stderr.trim().split('\n').at(-1);
      reject(tonghopError('TH_ERR_PDF_CORRUPT', [`${fileName}${reason ? ` (${reason})` : ''}`]));
    });
  });
}

/**
 * Reads poppler's TSV as it arrives: one record a line, tab-separated —
 *   level page_num par_num block_num line_num word_num left top width height conf text
 * level 1 is a page (its width and height), 3 a block, 4 a line, 5 a word; each belongs
 * to the last one opened above it. A page is handed over when the next one starts, or at
 * the end. TSV is half the size of `-bbox-layout`'s XHTML and needs no entity decoding
 * (a word never holds a tab or a line break).
 */
export class StreamingTsvParser {
  private rest = '';
  private page: BboxPage | undefined;
  private block: BboxBlock | undefined;
  private line: BboxLine | undefined;
  constructor(private readonly onPage: (page: BboxPage) => void) {}

  push(text: string): void {
    const data = this.rest + text;
    const last = data.lastIndexOf('\n');
    if (last < 0) {
      this.rest = data;
      return;
    }
    this.rest = data.slice(last + 1);
    let from = 0;
    while (from <= last) {
      const to = data.indexOf('\n', from);
      this.record(data, from, to);
      from = to + 1;
    }
  }

  end(): void {
    if (this.rest !== '') this.record(this.rest, 0, this.rest.length);
    this.rest = '';
    if (this.page) this.onPage(this.page);
    this.page = undefined;
  }

  private record(data: string, from: number, to: number): void {
    const level = data.charCodeAt(from) - 48;
    if (level < 1 || level > 5 || data.charCodeAt(from + 1) !== 9) return; // the header, or a blank line
    // Skip page, paragraph, block, line and word numbers: the boxes start at the 7th cell.
    let at = from;
    for (let cell = 0; cell < 6; cell += 1) {
      at = data.indexOf('\t', at) + 1;
      if (at === 0 || at > to) return;
    }
    const left = readDecimal(data, at);
    const top = readDecimal(data, (at = data.indexOf('\t', at) + 1));
    const width = readDecimal(data, (at = data.indexOf('\t', at) + 1));
    const height = readDecimal(data, (at = data.indexOf('\t', at) + 1));
    at = data.indexOf('\t', data.indexOf('\t', at) + 1) + 1; // past conf: the text
    if (at === 0 || at > to) return;
    if (level === 5) {
      this.line?.words.push({ xMin: left, yMin: top, xMax: left + width, yMax: top + height, text: data.slice(at, to) });
    } else if (level === 4) {
      this.line = { xMin: left, yMin: top, xMax: left + width, yMax: top + height, words: [] };
      this.block?.lines.push(this.line);
    } else if (level === 3) {
      this.block = { xMin: left, yMin: top, xMax: left + width, yMax: top + height, lines: [] };
      this.line = undefined;
      this.page?.blocks.push(this.block);
    } else if (level === 1) {
      if (this.page) this.onPage(this.page);
      this.page = { width, height, blocks: [] };
      this.block = undefined;
      this.line = undefined;
    }
  }
}

/** A decimal as poppler prints it (`-12.5`, `595.303937`) read in place, without cutting a substring. */
function readDecimal(text: string, at: number): number {
  let i = at;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i += 1;
  let value = 0;
  let c = text.charCodeAt(i);
  for (; c >= 48 && c <= 57; c = text.charCodeAt(++i)) value = value * 10 + (c - 48);
  if (c === 46) {
    let scale = 1;
    for (c = text.charCodeAt(++i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) {
      value = value * 10 + (c - 48);
      scale *= 10;
    }
    value /= scale;
  }
  return negative ? -value : value;
}

/** Parses a whole TSV text at once (tests, tools). */
export function parseBboxTsv(tsv: string): BboxPage[] {
  const pages: BboxPage[] = [];
  const parser = new StreamingTsvParser((page) => pages.push(page));
  parser.push(tsv);
  parser.end();
  return pages;
}
