import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BboxPage } from '../pdf/bbox-page.ts';
import { hocrLineSizes } from './hocr-line-sizes.ts';
import { levelImage } from './image-levelling.ts';
import type { OcrPool } from './ocr-pool.ts';
import { encodeGrayPnm } from './pnm-codec.ts';
import { turnClockwise } from './quarter-turn.ts';
import type { GrayImage } from './raster-image.ts';
import { removeRulings, type VerticalRule } from './ruling-removal.ts';
import { skewAngle } from './skew-angle.ts';
import { markSuperscripts } from './superscript-digits.ts';
import { readTableCells, withoutCells } from './table-cell-reading.ts';
import { tableCells, type TableCell } from './table-cells.ts';
import { parseOrientation, runTesseract, runTesseractPage } from './tesseract-runner.ts';
import { meanConfidence, tesseractTsvPage, tsvWord } from './tesseract-tsv.ts';
import { rereadDoubtfulWords } from './word-reread.ts';

/**
 * One page image → the layout's page of positioned words (`pdf/bbox-page.ts`), in points.
 *
 *   gray page ─ skewAngle/levelImage ─ removeRulings ─▶ clean page, rules ─ tableCells ─▶ ruled cells
 *   clean page less its cells ─ tesseract (TSV + hOCR) ─ markSuperscripts (`13/295` → `13/29⁵`) ─┐
 *   the cells, stacked ─ tesseract (`table-cell-reading.ts`) ─ words put back in their cells ─────┴▶ first reading
 *     └ too little read? orientation (OSD), turn, read again; keep the surer reading
 *   reading ─ rereadDoubtfulWords (the unsure words again, each on its own line) ─ tesseractTsvPage ─▶ words
 *
 * The image comes with its coloured ink already dropped (`ink-dropout.ts`). `widthPt` is the
 * page's width in points (a PDF page's own; A4's 595 pt for a photo), which sets both the
 * scale of the boxes and the resolution tesseract is told.
 *
 * A ruled table is read cell by cell, apart from the page: read with the page, tesseract
 * strings a header row's cells into one line and loses numbers beside long labels. Both
 * runs take a slot of the pool each, side by side. The hOCR's line sizes
 * (`hocr-line-sizes.ts`) size the lines whose words cannot (a title above a table).
 *
 * Orientation: tesseract's orientation detection costs about 1.5 s a page, more than half a
 * reading, so it runs only when a page with ink reads badly (fewer than 20 words, or a
 * mean confidence under 50): a page scanned sideways or upside down.
 */
export interface PageOcr {
  page: BboxPage;
  /** The tilt levelled before reading, degrees (`skew-angle.ts`). */
  skew: number;
  /** Quarter turns clockwise applied after orientation detection. */
  turned: number;
  /** Mean word confidence, 0–100 (0 when no word was read). */
  confidence: number;
}

export interface PageOcrOptions {
  widthPt: number;
  /** A private folder for the page's image files, and their names' prefix (one per page read at once). */
  dir: string;
  key: string;
  /** `report.pdf, trang 3`, for errors. */
  label: string;
  timeoutMs?: number;
  /** Every tesseract run of the page takes a slot of this pool; the steps between run outside it. */
  pool: OcrPool;
}

const BAD_READ_WORDS = 20;
const BAD_READ_CONFIDENCE = 50;

export async function ocrPage(image: GrayImage, opts: PageOcrOptions): Promise<PageOcr> {
  const skew = skewAngle(image);
  const { image: level, verticals, rules } = removeRulings(levelImage(image, skew), dpiOf(image, opts.widthPt));
  const cells = tableCells(rules, level.width, level.height, dpiOf(level, opts.widthPt));
  const first = await readOnce(level, opts, cells);
  if (!readBadly(first) || !hasInk(level)) return { ...await settle(level, first, opts, verticals), skew, turned: 0 };
  const path = await writePage(level, opts, 'osd');
  try {
    const { rotate } = parseOrientation(await opts.pool.run(() => runTesseract({ imagePath: path, label: opts.label, dpi: dpiOf(level, opts.widthPt), mode: 'orientation', timeoutMs: opts.timeoutMs })));
    const quarters = Math.round(rotate / 90) % 4;
    if (quarters === 0) return { ...await settle(level, first, opts, verticals), skew, turned: 0 };
    const upright = turnClockwise(level, quarters);
    // A page turned a quarter is as wide as it was tall: its width in points scales with it.
    const widthPt = quarters % 2 === 0 ? opts.widthPt : (opts.widthPt * upright.width) / level.width;
    const second = await readOnce(upright, { ...opts, widthPt });
    return second.confidence > first.confidence
      ? { ...await settle(upright, second, { ...opts, widthPt }), skew, turned: quarters }
      : { ...await settle(level, first, opts, verticals), skew, turned: 0 };
  } finally {
    await rm(path, { force: true });
  }
}

/** A first reading: tesseract's TSV (the page's, then its cells') with glued footnote markers written as superscripts, and its mean confidence. */
interface FirstReading {
  tsv: string;
  /** Tesseract's size of each line of the page's run (`hocr-line-sizes.ts`). */
  lineSizes: Map<string, number>;
  confidence: number;
  words: number;
}

async function readOnce(image: GrayImage, opts: PageOcrOptions, cells: readonly TableCell[] = []): Promise<FirstReading> {
  const dpi = dpiOf(image, opts.widthPt);
  const path = await writePage(cells.length > 0 ? withoutCells(image, cells) : image, opts, 'page');
  try {
    const [read, cellRecords] = await Promise.all([
      opts.pool.run(() => runTesseractPage({ imagePath: path, outBase: join(opts.dir, `${opts.key}-out`), label: opts.label, dpi, timeoutMs: opts.timeoutMs })),
      readTableCells(image, cells, { ...opts, dpi }),
    ]);
    const tsv = [markSuperscripts(read.tsv, read.hocr).replace(/\n+$/, ''), ...cellRecords].join('\n');
    const confidences = tsv.split('\n').flatMap((r) => {
      const word = tsvWord(r);
      return word && word.text.trim() !== '' ? [Math.max(0, word.confidence)] : [];
    });
    return { tsv, lineSizes: hocrLineSizes(read.hocr), words: confidences.length, confidence: mean(confidences) };
  } finally {
    await rm(path, { force: true });
  }
}

/**
 * The reading kept: its unsure words read again (`word-reread.ts`), laid out as a page in
 * points, its lines cut at the column borders found (none on a page turned upright).
 */
async function settle(image: GrayImage, first: FirstReading, opts: PageOcrOptions, verticals: VerticalRule[] = []): Promise<Omit<PageOcr, 'skew' | 'turned'>> {
  const { tsv } = await rereadDoubtfulWords(first.tsv, image, { ...opts, dpi: dpiOf(image, opts.widthPt) });
  const page = tesseractTsvPage(tsv, opts.widthPt / image.width, verticals, first.lineSizes);
  page.width = opts.widthPt;
  page.height = (image.height * opts.widthPt) / image.width;
  return { page, confidence: meanConfidence(page) };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function readBadly(read: FirstReading): boolean {
  return read.words < BAD_READ_WORDS || read.confidence < BAD_READ_CONFIDENCE;
}

/** At least 0.5 % of the page dark: a blank page is not turned around. */
function hasInk(image: GrayImage): boolean {
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 7) if (image.data[i]! < 128) dark += 1;
  return dark * 7 > image.data.length * 0.005;
}

function dpiOf(image: GrayImage, widthPt: number): number {
  return Math.max(70, Math.round((image.width * 72) / widthPt));
}

async function writePage(image: GrayImage, opts: PageOcrOptions, name: string): Promise<string> {
  const path = join(opts.dir, `${opts.key}-${name}.pgm`);
  await writeFile(path, encodeGrayPnm(image));
  return path;
}
