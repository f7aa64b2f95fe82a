import { AnnotationMode, getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { isTonghopError } from '../../../infra/errors/tonghop-error.ts';
import type { BboxPage } from './bbox-page.ts';
import { glyphWords } from './glyph-words.ts';
import { pageGlyphs, type PdfjsFont } from './pdfjs-glyphs.ts';
import { wordBlocks } from './word-blocks.ts';

/**
 * The second box source: a PDF's pages of blocks, lines and words read with pdf.js, for
 * machines without poppler. It gives the layout (`pdf-layout.ts`) what `readPdfBoxes`
 * (poppler's `pdftotext -tsv`) gives it, so both read a report the same way:
 *
 *   operator list ─ pageGlyphs ─▶ glyphs ─ glyphWords ─▶ words ─ wordBlocks ─▶ blocks
 *
 * Glyphs are placed by pdf.js's operator list, not its text content (`pdfjs-glyphs.ts`
 * says why); words and blocks are cut by pdftotext's rules (`glyph-words.ts`,
 * `word-blocks.ts`). On the sample reports and the hazard fixtures both sources give the
 * same words, lines and blocks (test/services/parser/pdf/pdf-box-sources.samples.test.ts).
 *
 * pdf.js is pdf-parse's own, pinned copy (pdfjs-dist), run in this thread: 2–3 times
 * slower than poppler, which reads page ranges in parallel (`npm run bench:pdf`).
 * Coordinates start at the corner of the crop box (pdf.js's viewport), pdftotext's at the
 * media box's: the same in every PDF here. Annotations are left out (links carry no text
 * here; the text of a filled form field would be missed). An encrypted file is refused with
 * TH_ERR_PDF_ENCRYPTED and one pdf.js cannot open, or a page it cannot read, with
 * TH_ERR_PDF_CORRUPT: a document is never read with pages missing.
 */
export async function readPdfjsBoxes(bytes: Uint8Array, fileName: string): Promise<BboxPage[]> {
  // pdf.js may detach the buffer it is given; keep the caller's bytes intact.
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    stopAtErrors: true,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages === 0) throw tonghopError('TH_ERR_PDF_CORRUPT', [`${fileName} (no pages)`]);
    const pages: BboxPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
      const fontOf = (name: string) => (page.commonObjs.has(name) ? page.commonObjs.get(name) as PdfjsFont : undefined);
      const size = { width: viewport.width, height: viewport.height };
      pages.push({ ...size, blocks: wordBlocks(glyphWords(pageGlyphs(ops, viewport.transform, size, fontOf))) });
      page.cleanup();
    }
    return pages;
  } catch (err) {
    if (isTonghopError(err)) throw err;
    const name = (err as Error | undefined)?.name;
    if (name === 'PasswordException') throw tonghopError('TH_ERR_PDF_ENCRYPTED', [fileName], err);
    const detail = name === 'InvalidPDFException' ? fileName : `${fileName} (${(err as Error | undefined)?.message ?? String(err)})`;
    throw tonghopError('TH_ERR_PDF_CORRUPT', [detail], err);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
