import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OcrPool } from './ocr-pool.ts';
import { encodeGrayPnm } from './pnm-codec.ts';
import type { GrayImage } from './raster-image.ts';
import type { TableCell } from './table-cells.ts';
import { runTesseract } from './tesseract-runner.ts';
import { tsvWord } from './tesseract-tsv.ts';

/**
 * Reads a page's ruled-table cells one by one, in one tesseract run, and gives their words
 * back as TSV records at their place on the page.
 *
 * Read as part of the page, a table comes back badly: tesseract strings a header row's
 * cells into one line (`Năm Năm Năm Năm Năm 2020`) whose words then lie between the cells'
 * lines, misreads a lone digit beside a long label, and loses or merges numbers. Cut out
 * along its rules (`table-cells.ts`), each cell is a small block of text of its own. The
 * cells' ink is cut out (INK_MARGIN around it) and stacked one under another on white,
 * GAP pixels apart, and the stack is read as one block of lines (`--psm 6`): one run per
 * page, not one per cell. Each word read goes back to the cell its centre falls in, moved
 * by the cell's offset; each cell becomes a paragraph of its own (TSV level 3, its lines
 * level 4), as a text layer has one block per cell.
 *
 * A cell with less ink than a short dash (INK_PIXELS at 300 dpi) is empty: scan noise. A
 * cell of which tesseract read nothing but whose ink is one flat stroke holds a dash.
 */
const GAP = 30;
const INK = 128;
const INK_MARGIN = 8;
const INK_PIXELS = 24;
/**
 * A cell whose only ink is a flat stroke this thin and short holds a dash (a hyphen at 14 pt
 * is ≈ 0.015 inch thick, an em dash 0.2 inch long); a longer one is what is left of a rule.
 */
const DASH_HEIGHT_INCH = 0.03;
const DASH_WIDTH_INCH = 0.25;
const DASH_CONFIDENCE = 90;
/** Block numbers of the cells' paragraphs: far above tesseract's own for the page. */
const FIRST_BLOCK = 10_000;

interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The box of the ink in it. */
  ink: { left: number; top: number; width: number; height: number };
}

export async function readTableCells(
  image: GrayImage, cells: readonly TableCell[], opts: { dir: string; key: string; label: string; dpi: number; timeoutMs?: number; pool: OcrPool },
): Promise<string[]> {
  const minInk = INK_PIXELS * (opts.dpi / 300) ** 2;
  const crops = cells.flatMap((c) => inkCrop(image, c, minInk) ?? []);
  if (crops.length === 0) return [];
  const { stack, tops } = stackCrops(image, crops);
  const path = join(opts.dir, `${opts.key}-cells.pgm`);
  await writeFile(path, encodeGrayPnm(stack));
  let tsv: string;
  try {
    tsv = await opts.pool.run(() => runTesseract({ imagePath: path, label: opts.label, dpi: opts.dpi, timeoutMs: opts.timeoutMs, mode: 'block' }));
  } finally {
    await rm(path, { force: true });
  }
  return recordsOnPage(tsv, crops, tops, opts.dpi);
}

/** The page's image with its cells whitened: what is left for the page's own reading. */
export function withoutCells(image: GrayImage, cells: readonly TableCell[]): GrayImage {
  const data = new Uint8Array(image.data);
  for (const c of cells) for (let y = c.y; y < c.y + c.height; y += 1) data.fill(255, y * image.width + c.x, y * image.width + c.x + c.width);
  return { width: image.width, height: image.height, data };
}

/** The box of a cell's ink, INK_MARGIN wider on every side but inside the cell; none when it holds too little ink. */
function inkCrop(image: GrayImage, cell: TableCell, minInk: number): Crop | undefined {
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1, ink = 0;
  for (let y = cell.y; y < cell.y + cell.height; y += 1) {
    const row = y * image.width;
    for (let x = cell.x; x < cell.x + cell.width; x += 1) {
      if (image.data[row + x]! >= INK) continue;
      ink += 1;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (ink < minInk) return undefined;
  const x = Math.max(cell.x, x0 - INK_MARGIN);
  const y = Math.max(cell.y, y0 - INK_MARGIN);
  return {
    x, y, w: Math.min(cell.x + cell.width, x1 + 1 + INK_MARGIN) - x, h: Math.min(cell.y + cell.height, y1 + 1 + INK_MARGIN) - y,
    ink: { left: x0, top: y0, width: x1 + 1 - x0, height: y1 + 1 - y0 },
  };
}

/** The crops one under another on white, GAP pixels apart and from the edges; each crop's top. */
function stackCrops(image: GrayImage, crops: Crop[]): { stack: GrayImage; tops: number[] } {
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

/**
 * The stack's words as TSV records on the page: per cell, a paragraph record, then each of
 * its lines (in the order read) with its words, boxes moved from the stack to the page.
 */
function recordsOnPage(tsv: string, crops: Crop[], tops: number[], dpi: number): string[] {
  const lines = crops.map(() => new Map<string, { left: number; top: number; width: number; height: number; confidence: number; text: string }[]>());
  for (const record of tsv.split('\n')) {
    const word = tsvWord(record);
    if (!word || word.text.trim() === '') continue;
    const centre = word.top + word.height / 2;
    const i = tops.findIndex((top, k) => centre >= top && centre < top + crops[k]!.h);
    if (i < 0) continue;
    const c = crops[i]!;
    const placed = { ...word, left: word.left - GAP + c.x, top: word.top - tops[i]! + c.y };
    const line = lines[i]!.get(word.line) ?? [];
    line.push(placed);
    lines[i]!.set(word.line, line);
  }
  const out: string[] = [];
  lines.forEach((cellLines, i) => {
    const dash = crops[i]!.ink;
    // Tesseract drops a line that is a lone dash as noise; in a table it marks a sub-item
    // (`-` in the STT column), which the layout needs to tell the item's row.
    if (cellLines.size === 0 && dash.width >= 2 * dash.height && dash.height <= DASH_HEIGHT_INCH * dpi && dash.width <= DASH_WIDTH_INCH * dpi) {
      cellLines.set('dash', [{ ...dash, confidence: DASH_CONFIDENCE, text: '-' }]);
    }
    if (cellLines.size === 0) return;
    const block = FIRST_BLOCK + i;
    const words = [...cellLines.values()].flat();
    out.push(record(3, block, 0, 0, boxOf(words), -1, ''));
    [...cellLines.values()].forEach((ws, l) => {
      out.push(record(4, block, l + 1, 0, boxOf(ws), -1, ''));
      ws.forEach((w, k) => out.push(record(5, block, l + 1, k + 1, w, w.confidence, w.text)));
    });
  });
  return out;
}

type PixelBox = { left: number; top: number; width: number; height: number };

function boxOf(words: PixelBox[]): PixelBox {
  const left = Math.min(...words.map((w) => w.left));
  const top = Math.min(...words.map((w) => w.top));
  return { left, top, width: Math.max(...words.map((w) => w.left + w.width)) - left, height: Math.max(...words.map((w) => w.top + w.height)) - top };
}

/** A TSV record: `level page block par line word left top width height conf text`. */
function record(level: number, block: number, line: number, word: number, box: PixelBox, confidence: number, text: string): string {
  return [level, 1, block, 1, line, word, box.left, box.top, box.width, box.height, confidence, text].join('\t');
}
