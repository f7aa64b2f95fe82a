import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import type { StructuredDocument } from '../document-model.ts';
import type { BboxPage } from '../pdf/bbox-page.ts';
import { layoutPdfPages } from '../pdf/pdf-layout.ts';
import { decodePageImage } from './image-decoding.ts';
import { dropColouredInk } from './ink-dropout.ts';
import { ocrNumberSpans } from './ocr-number-spans.ts';
import { sharedOcrPool, type OcrPool } from './ocr-pool.ts';
import { ocrWarning } from './ocr-warnings.ts';
import { ocrPage } from './page-ocr.ts';
import type { OcrPageProgress } from './scanned-pdf-pages.ts';
import { tesseractAvailable, runTesseract } from './tesseract-runner.ts';
import { meanConfidence, tesseractTsvPage } from './tesseract-tsv.ts';

/**
 * A page sent as an image (a phone photo, a scanner's JPEG, PNG or TIFF) → the document
 * model, by OCR and the same layout as a PDF's pages.
 *
 * JPEG and PNG are decoded here and go the way of a scanned PDF page (`page-ocr.ts`):
 * seal and signature ink dropped, tilt levelled, orientation checked. TIFF (often several
 * pages, often bilevel fax-style) goes to tesseract as it is, one page per TIFF page, without
 * those steps. An image has no size in points: its width is taken as an A4 page's
 * (595 pt), which is what the layout's measures assume.
 */
export type ImageKind = 'jpeg' | 'png' | 'tiff';

const A4_WIDTH_PT = 595.28;

export async function readImageStructure(
  bytes: Uint8Array, fileName: string, kind: ImageKind, onPage?: (progress: OcrPageProgress) => void, pool: OcrPool = sharedOcrPool(),
): Promise<StructuredDocument> {
  if (!await tesseractAvailable()) throw tonghopError('TH_ERR_OCR_MISSING', [fileName]);
  const dir = await mkdtemp(join(tmpdir(), 'tonghop-image-'));
  try {
    const read = kind === 'tiff'
      ? await readTiff(bytes, fileName, dir, pool)
      : [await ocrPage(dropColouredInk(decodePageImage(bytes, kind, fileName)), { widthPt: A4_WIDTH_PT, dir, key: 'img', label: fileName, pool })];
    read.forEach((r, i) => onPage?.({ page: i + 1, done: i + 1, total: read.length, confidence: r.confidence }));
    const pages = layoutPdfPages(read.map((r) => r.page));
    pages.forEach((p, i) => { p.ocr = ocrNumberSpans(p.text, read[i]!.page, read[i]!.confidence); });
    return { engine: 'tesseract-ocr', pages, warnings: [ocrWarning(read.map((r, i) => [i + 1, { skew: r.skew, turned: r.turned, confidence: r.confidence }]))] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function readTiff(bytes: Uint8Array, fileName: string, dir: string, pool: OcrPool): Promise<{ page: BboxPage; skew: number; turned: number; confidence: number }[]> {
  const path = join(dir, 'in.tif');
  await writeFile(path, bytes);
  const tsv = await pool.run(() => runTesseract({ imagePath: path, label: fileName, dpi: 300 }));
  // One TSV for all the TIFF's pages: split at each page record (level 1).
  const chunks = tsv.split(/\n(?=1\t)/).filter((c) => /^1\t/m.test(c));
  return chunks.map((chunk) => {
    const widthPx = Number(chunk.split('\n').find((l) => l.startsWith('1\t'))?.split('\t')[8] ?? 0);
    const page = tesseractTsvPage(chunk, widthPx > 0 ? A4_WIDTH_PT / widthPx : 1);
    return { page, skew: 0, turned: 0, confidence: meanConfidence(page) };
  });
}
