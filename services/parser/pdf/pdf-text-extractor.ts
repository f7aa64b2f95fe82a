import { PDFParse, PasswordException, InvalidPDFException, VerbosityLevel } from 'pdf-parse';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { normalizeText, type ExtractedText } from '../page-text.ts';

/**
 * PDF → text per page with pdf-parse (pdf.js). Encrypted files and files pdf.js cannot
 * open are refused with coded errors; a page pdf.js cannot read fails the document
 * (`stopAtErrors`) rather than quietly losing its numbers.
 *
 * Known limit (issue 3 decides the engine by measurement): pdf.js moves glyphs drawn
 * from substitute fonts to the end of their line; poppler's pdftotext does not.
 */
export async function extractPdfText(bytes: Uint8Array, fileName: string): Promise<ExtractedText> {
  // pdf.js may detach the buffer it is given; keep the caller's bytes intact.
  const parser = new PDFParse({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, stopAtErrors: true });
  try {
    const result = await parser.getText();
    return {
      engine: 'pdf-parse',
      pages: result.pages.map((p) => ({ page: p.num, text: normalizeText(p.text) })),
    };
  } catch (err) {
    if (err instanceof PasswordException || (err as Error)?.name === 'PasswordException') {
      throw tonghopError('TH_ERR_PDF_ENCRYPTED', [fileName], err);
    }
    const detail = err instanceof InvalidPDFException ? `${fileName}` : `${fileName} (${(err as Error)?.message ?? String(err)})`;
    throw tonghopError('TH_ERR_PDF_CORRUPT', [detail], err);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
