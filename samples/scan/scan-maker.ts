// Makes a scanned copy of a born-digital PDF the way an office does: print, sign in blue
// ink, stamp the red seal over the signature, scan each page a little crooked to JPEG
// (noise, compression), or photograph a page with a phone. Used by the tests and by
// `npm run samples:scans`; needs poppler-utils (pdftoppm, pdfseparate, pdfunite).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { renderPdfPage } from '../../services/parser/ocr/pdf-page-raster.ts';
import type { RgbImage } from '../../services/parser/ocr/raster-image.ts';
import { readPdfBoxes } from '../../services/parser/pdf/poppler-bbox.ts';
import type { BboxPage } from '../../services/parser/pdf/bbox-page.ts';
import { jpegPagesPdf } from './image-pdf.ts';
import { addNoise, multiply, mulberry32, photograph, tilt } from './page-effects.ts';
import { stampOverlayPdf } from './stamp-overlay.ts';

export interface ScanOptions {
  /** Scanner resolution; offices scan at 150–300 dpi. Default 200. */
  dpi?: number;
  /** Seeds the tilt and the noise. */
  seed?: number;
  /** JPEG quality, 1–100; default 70. */
  quality?: number;
  /** Each page is turned by 1–3° (random sign); `[0, 0]` keeps pages straight. */
  tiltRange?: readonly [number, number];
  /** Noise amplitude per sample; default 10. */
  noise?: number;
  /** Seal and signature on the last page (the signature block); default true. */
  stamp?: boolean;
  /** 1-based pages to scan; the others keep their text layer (a mixed PDF). Default: all. */
  pages?: readonly number[];
}

export interface SealText {
  ring: string;
  centre: string;
}

/** The seal's default text: letters and digits that are not in any report. */
export const DEFAULT_SEAL: SealText = { ring: 'UY BAN NHAN DAN * HUYEN MAU * 49-0731 *', centre: 'UBND' };

export async function makeScan(pdf: Uint8Array, opts: ScanOptions = {}, seal: SealText = DEFAULT_SEAL): Promise<Uint8Array> {
  const dpi = opts.dpi ?? 200;
  const random = mulberry32(opts.seed ?? 1);
  const [lo, hi] = opts.tiltRange ?? [1, 3];
  const dir = await mkdtemp(join(tmpdir(), 'tonghop-scan-'));
  try {
    const path = join(dir, 'in.pdf');
    await writeFile(path, pdf);
    const boxes = await readPdfBoxes(pdf, 'in.pdf');
    const scanned = new Set(opts.pages ?? boxes.map((_, i) => i + 1));
    const pieces: string[] = [];
    for (let n = 1; n <= boxes.length; n += 1) {
      const angle = (lo + random() * (hi - lo)) * (random() < 0.5 ? -1 : 1);
      const noiseSeed = Math.floor(random() * 2 ** 31);
      if (!scanned.has(n)) {
        pieces.push(await separatePage(path, n, dir));
        continue;
      }
      const size = boxes[n - 1]!;
      let image = await renderPdfPage(path, n, dpi, dir, `in.pdf, trang ${n}`);
      if ((opts.stamp ?? true) && n === boxes.length) image = multiply(image, await stampImage(size, dpi, dir, seal));
      image = addNoise(tilt(image, angle), opts.noise ?? 10, noiseSeed);
      const one = join(dir, `scan-${n}.pdf`);
      await writeFile(one, jpegPagesPdf([{ jpeg: encodeJpeg(image, opts.quality ?? 70), width: image.width, height: image.height, widthPt: size.width, heightPt: size.height }]));
      pieces.push(one);
    }
    const out = join(dir, 'out.pdf');
    await run('pdfunite', [...pieces, out]);
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One page photographed with a phone: keystoned, shaded, noisy, as a JPEG. */
export async function photographPage(pdf: Uint8Array, page: number, opts: { dpi?: number; seed?: number; quality?: number } = {}): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'tonghop-photo-'));
  try {
    const path = join(dir, 'in.pdf');
    await writeFile(path, pdf);
    const image = await renderPdfPage(path, page, opts.dpi ?? 200, dir, `in.pdf, trang ${page}`);
    return encodeJpeg(addNoise(photograph(tilt(image, 1.5), 0.06, 0.3), 12, opts.seed ?? 7), opts.quality ?? 75);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The seal and signature rendered alone, over the page's signature block. */
async function stampImage(page: BboxPage, dpi: number, dir: string, seal: SealText): Promise<RgbImage> {
  const where = signatureBlock(page);
  const path = join(dir, 'stamp.pdf');
  await writeFile(path, stampOverlayPdf({ width: page.width, height: page.height, x: where.x, y: where.y, radius: 50, ...seal }));
  return renderPdfPage(path, 1, dpi, dir, 'stamp.pdf');
}

/** Where the signer's title stands (`TM. ỦY BAN NHÂN DÂN`, `CHỦ TỊCH`, `KT.`), else the lower right. */
function signatureBlock(page: BboxPage): { x: number; y: number } {
  for (const block of page.blocks) {
    const text = block.lines.map((l) => l.words.map((w) => w.text).join(' ')).join(' ');
    if (block.yMin > page.height * 0.4 && /\b(TM\.|KT\.|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG)/u.test(text)) {
      return { x: (block.xMin + block.xMax) / 2 - 25, y: block.yMax + 20 };
    }
  }
  return { x: page.width * 0.7, y: page.height * 0.8 };
}

function encodeJpeg(image: RgbImage, quality: number): Uint8Array {
  const rgba = Buffer.alloc(image.width * image.height * 4);
  for (let p = 0, i = 0; i < image.data.length; p += 4, i += 3) {
    rgba[p] = image.data[i]!;
    rgba[p + 1] = image.data[i + 1]!;
    rgba[p + 2] = image.data[i + 2]!;
    rgba[p + 3] = 255;
  }
  return new Uint8Array(jpeg.encode({ data: rgba, width: image.width, height: image.height }, quality).data);
}

async function separatePage(path: string, n: number, dir: string): Promise<string> {
  const out = join(dir, `text-${n}.pdf`);
  await run('pdfseparate', ['-f', String(n), '-l', String(n), path, out]);
  return out;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => { err += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${err.trim()}`))));
  });
}
