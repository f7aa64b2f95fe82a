import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OcrPool } from './ocr-pool.ts';
import { encodeGrayPnm } from './pnm-codec.ts';
import type { GrayImage } from './raster-image.ts';
import { runTesseract } from './tesseract-runner.ts';
import { tsvWord, type TsvWord } from './tesseract-tsv.ts';

/**
 * Pieces of a page read apart from it, all in one tesseract run: the crops are stacked one
 * under another on white, GAP pixels apart and from the edges, and the stack is read as one
 * block of lines (`--psm 6`). Each word read goes back to the crop its centre falls in, its
 * box moved back onto the page.
 *
 * Two readings use it: a ruled table's cells (`table-cell-reading.ts`) and the words
 * tesseract was unsure of (`word-reread.ts`). They stay two runs: the reread takes the
 * cells' unsure words too (a lone `1` read `k` in its cell reads right cut out alone), so
 * it waits for the cells' reading. (Cells and the page's unsure words in one stack saved
 * ≈ 0.1 s a table's page and lost 10 of sample 003's 251 facts.)
 */
export interface StackCrop {
  /** The crop's box on the page, in pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface CropStackOptions {
  dir: string;
  key: string;
  label: string;
  dpi: number;
  timeoutMs?: number;
  pool: OcrPool;
}

const GAP = 30;

/** Each crop's words (page pixels, in the order read), from one run; no run for no crop. */
export async function readCropStack(image: GrayImage, crops: readonly StackCrop[], opts: CropStackOptions): Promise<TsvWord[][]> {
  if (crops.length === 0) return [];
  const { stack, tops } = stackCrops(image, crops);
  const path = join(opts.dir, `${opts.key}-stack.pgm`);
  await writeFile(path, encodeGrayPnm(stack));
  let tsv: string;
  try {
    tsv = await opts.pool.run(() => runTesseract({ imagePath: path, label: opts.label, dpi: opts.dpi, timeoutMs: opts.timeoutMs, mode: 'block' }));
  } finally {
    await rm(path, { force: true });
  }
  return wordsByCrop(tsv, crops, tops);
}

/** The crops one under another on white, GAP pixels apart and from the edges; each crop's top. */
export function stackCrops(image: GrayImage, crops: readonly StackCrop[]): { stack: GrayImage; tops: number[] } {
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

/** The stack's words, each given to the crop its centre falls in and moved back to the page; words between crops are dropped. */
export function wordsByCrop(tsv: string, crops: readonly StackCrop[], tops: readonly number[]): TsvWord[][] {
  const out: TsvWord[][] = crops.map(() => []);
  for (const record of tsv.split('\n')) {
    const word = tsvWord(record);
    if (!word || word.text.trim() === '') continue;
    const centre = word.top + word.height / 2;
    const i = tops.findIndex((top, k) => centre >= top && centre < top + crops[k]!.h);
    if (i < 0) continue;
    out[i]!.push({ ...word, left: word.left - GAP + crops[i]!.x, top: word.top - tops[i]! + crops[i]!.y });
  }
  return out;
}
