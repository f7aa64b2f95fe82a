import { spawn } from 'node:child_process';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';

/**
 * Runs poppler's `pdftotext -bbox-layout` (Debian `poppler-utils`) on PDF bytes given
 * on stdin and parses its XHTML into pages of blocks, lines and words with boxes.
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
  /** The pdftotext executable; default `pdftotext` on PATH. */
  command?: string;
}

let available: Promise<boolean> | undefined;

/** Whether `pdftotext` can be run here (checked once per process). */
export function popplerAvailable(command = 'pdftotext'): Promise<boolean> {
  available ??= new Promise((resolve) => {
    const child = spawn(command, ['-v'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
  return available;
}

export async function readPdfBoxes(bytes: Uint8Array, fileName: string, opts: PopplerOptions = {}): Promise<BboxPage[]> {
  const xhtml = await runPdftotext(bytes, fileName, opts);
  return parseBboxXhtml(xhtml);
}

function runPdftotext(bytes: Uint8Array, fileName: string, opts: PopplerOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(opts.command ?? 'pdftotext', ['-bbox-layout', '-enc', 'UTF-8', '-', '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    // Poppler reports why it refused a file only on stderr ("Incorrect password"); keep its first 64 KiB.
    let errBytes = 0;
    child.stderr.on('data', (c: Buffer) => { if (errBytes < 65_536) { err.push(c); errBytes += c.length; } });
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (signal) return reject(tonghopError('TH_ERR_PDF_CORRUPT', [`${fileName} (pdftotext stopped: ${signal})`]));
      if (code === 0) return resolve(Buffer.concat(out).toString('utf8'));
      if (/password/i.test(stderr) || code === 3) return reject(tonghopError('TH_ERR_PDF_ENCRYPTED', [fileName]));
      const reason = stderr.trim().split('\n').at(-1);
      reject(tonghopError('TH_ERR_PDF_CORRUPT', [`${fileName}${reason ? ` (${reason})` : ''}`]));
    });
    // A PDF poppler refuses early closes stdin; the error is reported through the exit code.
    child.stdin.on('error', () => undefined);
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
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
