import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BboxPage } from '../pdf/bbox-page.ts';
import { dropColouredInk } from './ink-dropout.ts';
import { OcrPool, sharedOcrPool } from './ocr-pool.ts';
import { ocrPage, type PageOcr } from './page-ocr.ts';
import { pdfImageCover } from './pdf-image-cover.ts';
import { renderPdfPage } from './pdf-page-raster.ts';

/**
 * OCR for the pages of a PDF that have no text layer: a scan, or a born-digital report
 * with scanned pages in it (the signed last page, an appendix). Pages with text keep it;
 * only the others are rendered and read, so a mixed PDF costs OCR only where it needs it.
 *
 * A page needs OCR when its text layer is empty, or holds fewer than 200 visible characters
 * while an image covers at least 30 % of it: a scan with a digital-signature stamp
 * (`Ký bởi: …`, `Thời gian ký: …`) or a scanner's header line on it. A short page of real
 * text (`PHỤ LỤC`) with no image keeps its text layer. The stamp's text
 * is then left for the OCR'd page; a scanned report with a real text layer (a scanner's
 * own OCR) is taken as it is.
 *
 * Each page is rendered (pdftoppm, 300 dpi), its seal and signature ink dropped, levelled
 * and read (tesseract); every tesseract run takes a slot of the shared pool (`ocr-pool.ts`),
 * and one page more than the pool's size is in hand at a time, being prepared while the
 * others are read: a 60-page scan needs the memory of three or four pages.
 */
export interface PdfOcrOptions {
  /** Rendering resolution; default 300 dpi. */
  dpi?: number;
  pool?: OcrPool;
  /** Called as each page is read: the page (1-based), pages read so far, pages to read. */
  onPage?: (progress: OcrPageProgress) => void;
  /** Longest one page may take to read, ms; default 120 000. */
  pageTimeoutMs?: number;
}

export interface OcrPageProgress {
  page: number;
  done: number;
  total: number;
  confidence: number;
}

export interface ScannedPagesResult {
  pages: BboxPage[];
  /** The pages read by OCR, 1-based, with how they were read. */
  ocr: Map<number, Omit<PageOcr, 'page'>>;
}

const STAMP_CHARACTERS = 200;
const SCAN_COVER = 0.3;

export function visibleCharacters(page: BboxPage): number {
  let n = 0;
  for (const b of page.blocks) {
    for (const l of b.lines) {
      for (const w of l.words) n += WHITE.test(w.text) ? w.text.replace(WHITES, '').length : w.text.length;
    }
  }
  return n;
}

const WHITE = /\s/;
const WHITES = /\s+/g;

/** 1-based numbers of the pages whose text is short but not empty: an image decides them. */
function shortPages(pages: readonly BboxPage[]): number[] {
  const out: number[] = [];
  pages.forEach((page, i) => {
    const chars = visibleCharacters(page);
    if (chars > 0 && chars < STAMP_CHARACTERS) out.push(i + 1);
  });
  return out;
}

/** 1-based numbers of the pages to read by OCR. */
export function pagesNeedingOcr(pages: readonly BboxPage[], cover: ReadonlyMap<number, number>): number[] {
  const out: number[] = [];
  pages.forEach((page, i) => {
    const chars = visibleCharacters(page);
    if (chars === 0 || (chars < STAMP_CHARACTERS && (cover.get(i + 1) ?? 0) >= SCAN_COVER)) out.push(i + 1);
  });
  return out;
}

/** Whether any page might need OCR at all, before anything is run: the cheap first test. */
export function mayNeedOcr(pages: readonly BboxPage[]): boolean {
  return pages.some((p) => visibleCharacters(p) < STAMP_CHARACTERS);
}

export async function readScannedPages(bytes: Uint8Array, fileName: string, pages: BboxPage[], opts: PdfOcrOptions = {}): Promise<ScannedPagesResult> {
  const ocr = new Map<number, Omit<PageOcr, 'page'>>();
  if (!mayNeedOcr(pages)) return { pages, ocr };
  const dir = await mkdtemp(join(tmpdir(), 'tonghop-ocr-'));
  try {
    const pdfPath = join(dir, 'in.pdf');
    await writeFile(pdfPath, bytes);
    const short = shortPages(pages);
    const wanted = pagesNeedingOcr(pages, short.length > 0 ? await pdfImageCover(pdfPath, pages, short) : new Map());
    if (wanted.length === 0) return { pages, ocr };
    const pool = opts.pool ?? sharedOcrPool();
    const dpi = opts.dpi ?? 300;
    let done = 0;
    const out = [...pages];
    // Every page's job ends before the folder goes: allSettled, then the first failure.
    // One page more in hand than tesseract runs: it is rendered and cleaned while the others are read.
    const inHand = new OcrPool(pool.size + 1);
    const settled = await Promise.allSettled(wanted.map((n) => inHand.run(async () => {
      const label = `${fileName}, trang ${n}`;
      const image = dropColouredInk(await renderPdfPage(pdfPath, n, dpi, dir, label));
      const read = await ocrPage(image, { widthPt: pages[n - 1]!.width || (image.width * 72) / dpi, dir, key: `p${n}`, label, timeoutMs: opts.pageTimeoutMs, pool });
      out[n - 1] = read.page;
      ocr.set(n, { skew: read.skew, turned: read.turned, confidence: read.confidence });
      done += 1;
      opts.onPage?.({ page: n, done, total: wanted.length, confidence: read.confidence });
    })));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return { pages: out, ocr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
