import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
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
  await new Promise<void>((resolve, reject) => {
    const child = spawn('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdfPath, stem], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.on('data', (c: Buffer) => { if (err.length < 65_536) err += c.toString('utf8'); });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? tonghopError('TH_ERR_OCR_MISSING', [`${label} (pdftoppm)`], e) : e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      reject(tonghopError('TH_ERR_PDF_CORRUPT', [`${label} (pdftoppm: ${signal ?? err.trim().split('\n').at(-1) ?? `exit ${code}`})`]));
    });
  });
  const path = `${stem}.ppm`;
  try {
    return decodeRgbPnm(new Uint8Array(await readFile(path)));
  } finally {
    await rm(path, { force: true });
  }
}
