import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { lastLine, runTool } from '../tool-process.ts';
import { decodeRgbPnm } from './pnm-codec.ts';
import type { RgbImage } from './raster-image.ts';

/**
 * Renders one page of a PDF (already written to `pdfPath`) to an RGB image with poppler's
 * `pdftoppm` at `dpi`, for OCR. Colour, not gray: the seal and the signature are dropped by
 * their colour (`ink-dropout.ts`). 300 dpi is tesseract's documented sweet spot and what
 * the samples were measured at (`npm run bench:ocr`).
 */
export async function renderPdfPage(pdfPath: string, page: number, dpi: number, dir: string, label: string, timeoutMs = 60_000): Promise<RgbImage> {
  const stem = join(dir, `render-${page}`);
  let outcome;
  try {
    outcome = await runTool({ command: 'pdftoppm', args: ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdfPath, stem], timeoutMs });
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? tonghopError('TH_ERR_OCR_MISSING', [`${label} (pdftoppm)`], e) : e;
  }
  if (outcome.code !== 0) {
    throw tonghopError('TH_ERR_PDF_CORRUPT', [`${label} (pdftoppm: ${outcome.signal ?? (lastLine(outcome.stderr) || `exit ${outcome.code}`)})`]);
  }
  const path = `${stem}.ppm`;
  try {
    return decodeRgbPnm(new Uint8Array(await readFile(path)));
  } finally {
    await rm(path, { force: true });
  }
}
