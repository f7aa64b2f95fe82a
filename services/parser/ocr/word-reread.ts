import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OcrPool } from './ocr-pool.ts';
import { encodeGrayPnm } from './pnm-codec.ts';
import type { GrayImage } from './raster-image.ts';
import { runTesseract } from './tesseract-runner.ts';
import { rewordTsvRecord, tsvWord } from './tesseract-tsv.ts';

/**
 * A second reading of the words tesseract was unsure of, each on its own line.
 *
 * In a table tesseract often strings a row's numbers onto the line of the label beside them,
 * whose baseline is not theirs, and then reads `100 100 99,14` as `TUỜ TỔỦ: (H4`, with
 * confidences of 0–60. Cut out and stacked one under the other on a blank page, with room
 * around each, the same pixels read right (`--psm 6`, one block of lines). So every word
 * under REREAD_BELOW is cut out (a quarter of its height to the left and right, a fifth
 * above and below), all of a page's are read in one more tesseract run, and a word takes
 * the second reading when that one is surer. The TSV is rewritten in place: text and
 * confidence of the words reread, nothing else.
 */
export const REREAD_BELOW = 85;
const MAX_WORDS = 400;
const GAP = 30;

interface Doubtful {
  record: number;
  x: number;
  y: number;
  w: number;
  h: number;
  confidence: number;
}

export interface Reread {
  tsv: string;
  /** Words read again, and how many took the second reading. */
  reread: number;
  improved: number;
}

export async function rereadDoubtfulWords(
  tsv: string, image: GrayImage, opts: { dir: string; key: string; label: string; dpi: number; timeoutMs?: number; pool: OcrPool },
): Promise<Reread> {
  const records = tsv.split('\n');
  const doubtful: Doubtful[] = [];
  records.forEach((record, i) => {
    const word = tsvWord(record);
    if (!word || word.text.trim() === '') return;
    const { confidence, left: x, top: y, width: w, height: h } = word;
    if (!(confidence < REREAD_BELOW) || doubtful.length >= MAX_WORDS) return;
    const mx = Math.round(h / 4);
    const my = Math.round(h / 5);
    const x0 = Math.max(0, x - mx);
    const y0 = Math.max(0, y - my);
    doubtful.push({ record: i, x: x0, y: y0, w: Math.min(image.width, x + w + mx) - x0, h: Math.min(image.height, y + h + my) - y0, confidence });
  });
  if (doubtful.length === 0) return { tsv, reread: 0, improved: 0 };
  const { stack, tops } = stackCrops(image, doubtful);
  const path = join(opts.dir, `${opts.key}-reread.pgm`);
  await writeFile(path, encodeGrayPnm(stack));
  let second: string;
  try {
    second = await opts.pool.run(() => runTesseract({ imagePath: path, label: opts.label, dpi: opts.dpi, timeoutMs: opts.timeoutMs, mode: 'block' }));
  } finally {
    await rm(path, { force: true });
  }
  const readings = readingsByCrop(second, tops, doubtful);
  let improved = 0;
  readings.forEach((reading, i) => {
    const d = doubtful[i]!;
    if (!reading || reading.confidence <= d.confidence) return;
    records[d.record] = rewordTsvRecord(records[d.record]!, reading.text, reading.confidence);
    improved += 1;
  });
  return { tsv: records.join('\n'), reread: doubtful.length, improved };
}

/** The crops one under another on white, GAP pixels apart and from the edges; each crop's top. */
function stackCrops(image: GrayImage, crops: Doubtful[]): { stack: GrayImage; tops: number[] } {
  const width = Math.max(...crops.map((c) => c.w)) + 2 * GAP;
  const tops: number[] = [];
  let height = GAP;
  for (const c of crops) {
    tops.push(height);
    height += c.h + GAP;
  }
  const data = new Uint8Array(width * height).fill(255);
  crops.forEach((c, i) => {
    for (let row = 0; row < c.h; row += 1) {
      const from = (c.y + row) * image.width + c.x;
      data.set(image.data.subarray(from, from + c.w), (tops[i]! + row) * width + GAP);
    }
  });
  return { stack: { width, height, data }, tops };
}

/** The second reading of each crop: the words of the one line whose centre falls in it, left to right, at their lowest confidence. */
function readingsByCrop(tsv: string, tops: number[], crops: Doubtful[]): ({ text: string; confidence: number } | undefined)[] {
  const words: { x: number; line: string; text: string; confidence: number }[][] = crops.map(() => []);
  for (const record of tsv.split('\n')) {
    const word = tsvWord(record);
    const text = word?.text.trim();
    if (!word || !text) continue;
    const centre = word.top + word.height / 2;
    const i = tops.findIndex((top, k) => centre >= top && centre < top + crops[k]!.h);
    if (i >= 0) words[i]!.push({ x: word.left, line: word.line, text, confidence: word.confidence });
  }
  // One word was cut out, so one line must come back (two words where tesseract had glued
  // them, `dâncấp` → `dân cấp`); lines more mean the crop took in a neighbour (a header
  // cell's lines stand close) and the reading is not the word's.
  return words.map((ws) => (ws.length === 0 || new Set(ws.map((w) => w.line)).size > 1 ? undefined : {
    text: ws.sort((a, b) => a.x - b.x).map((w) => w.text).join(' '),
    confidence: Math.min(...ws.map((w) => w.confidence)),
  }));
}
