import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import type { RgbImage } from './raster-image.ts';

/**
 * A photographed or scanned page sent as an image file, decoded to RGB: JPEG (jpeg-js) and
 * PNG (pngjs), both pure JavaScript. Transparency is laid over white paper. An image of
 * more than `maxPixels` (default 100 million: an A4 page at 1,200 dpi is 140 million) is
 * refused before it is decoded, so a small file cannot claim gigabytes.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;

export function decodePageImage(bytes: Uint8Array, kind: 'jpeg' | 'png', fileName: string, maxPixels = MAX_IMAGE_PIXELS): RgbImage {
  let rgba: { width: number; height: number; data: Uint8Array };
  try {
    if (kind === 'jpeg') {
      rgba = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: maxPixels / 1e6, maxMemoryUsageInMB: Math.ceil((maxPixels * 4) / 1e6) + 64 });
    } else {
      const size = pngSize(bytes);
      if (size && size.width * size.height > maxPixels) throw tonghopError('TH_ERR_IMAGE_TOO_LARGE', [fileName, size.width * size.height, maxPixels]);
      const png = PNG.sync.read(Buffer.from(bytes));
      rgba = { width: png.width, height: png.height, data: png.data };
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'TH_ERR_IMAGE_TOO_LARGE') throw err;
    const message = (err as Error | undefined)?.message ?? String(err);
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(message)) throw tonghopError('TH_ERR_IMAGE_TOO_LARGE', [fileName, '?', maxPixels], err);
    throw tonghopError('TH_ERR_IMAGE_CORRUPT', [`${fileName} (${message})`], err);
  }
  const { width, height, data } = rgba;
  if (width * height > maxPixels) throw tonghopError('TH_ERR_IMAGE_TOO_LARGE', [fileName, width * height, maxPixels]);
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0, i = 0; p < data.length; p += 4, i += 3) {
    const a = data[p + 3]! / 255;
    rgb[i] = data[p]! * a + 255 * (1 - a);
    rgb[i + 1] = data[p + 1]! * a + 255 * (1 - a);
    rgb[i + 2] = data[p + 2]! * a + 255 * (1 - a);
  }
  return { width, height, data: rgb };
}

/** A PNG's size from its IHDR chunk, before anything is inflated. */
function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
