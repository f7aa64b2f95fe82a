import type { StructuredDocument, DocumentPage, Block } from '../document-model.ts';
import { ocrNumberSpans } from '../ocr/ocr-number-spans.ts';
import { ocrMissingWarning, ocrWarning } from '../ocr/ocr-warnings.ts';
import { mayNeedOcr, pagesNeedingOcr, readScannedPages, type PdfOcrOptions, type ScannedPagesResult } from '../ocr/scanned-pdf-pages.ts';
import { tesseractAvailable } from '../ocr/tesseract-runner.ts';
import type { BboxPage } from './bbox-page.ts';
import { popplerAvailable, readPdfBoxes } from './poppler-bbox.ts';
import { layoutPdfPages } from './pdf-layout.ts';

/**
 * PDF → StructuredDocument: one layout (`pdf-layout.ts`: paragraphs, tables, furniture)
 * over word boxes from one of two box sources, chosen by `engine`:
 *
 * - `poppler` (engine name `poppler-bbox`): poppler's `pdftotext -tsv` (Debian
 *   poppler-utils). `auto` takes it when `pdftotext` runs here: it is 2–3 times as fast.
 * - `pdfjs` (`pdfjs-bbox`): pdf.js, in-process (`pdfjs-boxes.ts`). `auto` takes it when
 *   poppler is missing, and then says once per process, on stderr (a Node process warning,
 *   code TH_POPPLER_MISSING), that installing poppler-utils is recommended. It places
 *   glyphs and cuts words and blocks as pdftotext does, so the facts and flags are the
 *   same (test/services/parser/pdf/pdf-box-sources.samples.test.ts).
 * - `pdf-parse`: pdf-parse's plain text, one paragraph per line, no tables, substitute-font
 *   letters misplaced. Never chosen by `auto`; kept to measure what the box sources gain
 *   (`npm run bench:pdf`).
 *
 * Pages without a text layer (scans) are read by OCR (`ocr/scanned-pdf-pages.ts`) and go
 * through the same layout; the engine name then says so (`tesseract-ocr` for a scan,
 * `poppler-bbox+tesseract-ocr` for a mixed file), and a warning names the pages.
 *
 * Encrypted and unreadable files are refused with TH_ERR_PDF_ENCRYPTED and
 * TH_ERR_PDF_CORRUPT by every engine.
 */
export type PdfEngine = 'auto' | 'poppler' | 'pdfjs' | 'pdf-parse';

export const POPPLER_MISSING_WARNING = {
  code: 'TH_POPPLER_MISSING',
  vi: 'Chưa cài poppler-utils (pdftotext): PDF được đọc bằng pdf.js, cùng kết quả nhưng chậm hơn. Nên cài poppler-utils (Debian/Ubuntu: apt-get install poppler-utils).',
  en: 'poppler-utils (pdftotext) is not installed: PDFs are read with pdf.js, with the same results but more slowly. Installing poppler-utils is recommended (Debian/Ubuntu: apt-get install poppler-utils).',
} as const;

let recommended = false;

export async function readPdfStructure(bytes: Uint8Array, fileName: string, engine: PdfEngine = 'auto', ocr: PdfOcrOptions | false = {}): Promise<StructuredDocument> {
  if (engine === 'poppler' || (engine === 'auto' && await popplerAvailable())) {
    return laidOut('poppler-bbox', await readPdfBoxes(bytes, fileName), bytes, fileName, ocr);
  }
  if (engine === 'pdf-parse') return readPlainText(bytes, fileName);
  if (engine === 'auto' && !recommended) {
    recommended = true;
    process.emitWarning(`${POPPLER_MISSING_WARNING.vi} / ${POPPLER_MISSING_WARNING.en}`, { code: POPPLER_MISSING_WARNING.code });
  }
  // pdf.js is loaded only when it is used: its legacy build takes ≈ 0.1 s to load and
  // replaces some builtins, Array.prototype.push among them, process-wide with slower
  // core-js versions, which a process reading with poppler has no need of.
  const { readPdfjsBoxes } = await import('./pdfjs-boxes.ts');
  return laidOut('pdfjs-bbox', await readPdfjsBoxes(bytes, fileName), bytes, fileName, ocr);
}

/**
 * Lays out a box source's pages, after OCR of the pages without a text layer
 * (`ocr/scanned-pdf-pages.ts`) when tesseract and poppler's renderer are here; where they
 * are not, such pages stay empty and a warning says so.
 */
async function laidOut(engine: string, boxes: BboxPage[], bytes: Uint8Array, fileName: string, ocr: PdfOcrOptions | false): Promise<StructuredDocument> {
  let pages = boxes;
  let read: ScannedPagesResult['ocr'] = new Map();
  if (ocr !== false && mayNeedOcr(boxes)) {
    if (await tesseractAvailable() && await popplerAvailable()) {
      ({ pages, ocr: read } = await readScannedPages(bytes, fileName, boxes, ocr));
    } else {
      const unread = pagesNeedingOcr(boxes, new Map());
      if (unread.length > 0) return { engine, pages: layoutPdfPages(boxes), warnings: [ocrMissingWarning(unread)], unreadPages: unread };
    }
  }
  const laid = layoutPdfPages(pages);
  if (read.size === 0) return { engine, pages: laid, warnings: [] };
  for (const [n, how] of read) laid[n - 1]!.ocr = ocrNumberSpans(laid[n - 1]!.text, pages[n - 1]!, how.confidence);
  return { engine: read.size === boxes.length ? 'tesseract-ocr' : `${engine}+tesseract-ocr`, pages: laid, warnings: [ocrWarning([...read.entries()])] };
}

async function readPlainText(bytes: Uint8Array, fileName: string): Promise<StructuredDocument> {
  const { extractPdfText } = await import('./pdf-text-extractor.ts');
  const text = await extractPdfText(bytes, fileName);
  let index = 0;
  const pages = text.pages.map(({ page, text: pageText }): DocumentPage => {
    const lines = pageText.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
    let out = '';
    const blocks: Block[] = [];
    for (const line of lines) {
      blocks.push({ kind: 'paragraph', index: index++, start: out.length, end: out.length + line.length });
      out += `${line}\n`;
    }
    return { page, text: out, blocks };
  });
  return {
    engine: 'pdf-parse',
    pages,
    warnings: [{
      vi: 'Đọc PDF bằng văn bản thuần của pdf-parse, không theo vị trí chữ (như poppler-utils hay pdf.js): không dựng lại bảng, chữ từ phông thay thế có thể sai vị trí',
      en: 'PDF read as pdf-parse plain text, not by word position (as with poppler-utils or pdf.js): tables not rebuilt, substitute-font letters may be misplaced',
    }],
  };
}
