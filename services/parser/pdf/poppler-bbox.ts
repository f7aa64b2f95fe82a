import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';

/**
 * Runs poppler's `pdftotext -bbox-layout` (Debian `poppler-utils`) on a PDF and parses its XHTML into pages of blocks, lines and words with boxes.
 * Poppler places each glyph by its position, so letters drawn from a substitute font
 * stay where they are printed (pdf.js moves them to the end of the line).
 *
 * Output grammar (poppler 22):
 *   <page width= height=> ( <flow> ( <block xMin= yMin= xMax= yMax=> ( <line …> ( <word …>text</word> )* </line> )* </block> )* </flow> )* </page>
 * Coordinates are PDF points from the top-left corner.
 */
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface BboxWord extends Box { text: string }
export interface BboxLine extends Box { words: BboxWord[] }
export interface BboxBlock extends Box { lines: BboxLine[] }
export interface BboxPage {
  width: number;
  height: number;
  blocks: BboxBlock[];
}

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
 * Reads a PDF's boxes. The bytes go to a private temporary file so that several
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
      const parser = new StreamingBboxParser((page) => pages.push(page));
      return runPoppler('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-f', String(first), '-l', String(last), path, '-'], fileName, timeoutMs, (chunk) => parser.push(chunk))
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

/** Feeds XHTML text as it arrives; hands over each page once its closing tag is in. */
class StreamingBboxParser {
  private buffer = '';
  constructor(private readonly onPage: (page: BboxPage) => void) {}

  push(text: string): void {
    this.buffer += text;
    const cut = this.buffer.lastIndexOf('</page>');
    if (cut < 0) return;
    const complete = this.buffer.slice(0, cut + 7);
    this.buffer = this.buffer.slice(cut + 7);
    for (const page of parseBboxXhtml(complete)) this.onPage(page);
  }

  end(): void {
    for (const page of parseBboxXhtml(this.buffer)) this.onPage(page);
    this.buffer = '';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const ELEMENT = new RegExp([
  '<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>',
  '<(line|block) xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">',
  '<page width="([0-9.]+)" height="([0-9.]+)">',
].join('|'), 'g');

/**
 * Parses poppler's bbox-layout XHTML. Only the opening tags matter: words carry their
 * text, and each line, block or page belongs to the last one opened above it.
 */
export function parseBboxXhtml(xhtml: string): BboxPage[] {
  const pages: BboxPage[] = [];
  let page: BboxPage | undefined;
  let block: BboxBlock | undefined;
  let line: BboxLine | undefined;
  ELEMENT.lastIndex = 0;
  for (let m = ELEMENT.exec(xhtml); m; m = ELEMENT.exec(xhtml)) {
    if (m[5] !== undefined) {
      const text = m[5].includes('&') ? decode(m[5]) : m[5];
      line?.words.push({ xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text });
    } else if (m[6] === 'line') {
      line = { xMin: +m[7]!, yMin: +m[8]!, xMax: +m[9]!, yMax: +m[10]!, words: [] };
      block?.lines.push(line);
    } else if (m[6] === 'block') {
      block = { xMin: +m[7]!, yMin: +m[8]!, xMax: +m[9]!, yMax: +m[10]!, lines: [] };
      line = undefined;
      page?.blocks.push(block);
    } else {
      page = { width: +m[11]!, height: +m[12]!, blocks: [] };
      block = undefined;
      line = undefined;
      pages.push(page);
    }
  }
  return pages;
}
