import type { GrayImage, RgbImage } from './raster-image.ts';

/**
 * Binary netpbm images: P6 (RGB, what `pdftoppm` writes without `-png`) and P5 (gray,
 * what tesseract reads through leptonica). Only 8-bit samples (maxval 255) are read:
 * that is all pdftoppm writes.
 */
export interface PnmImage {
  width: number;
  height: number;
  channels: 1 | 3;
  data: Uint8Array;
}

export function decodePnm(bytes: Uint8Array): PnmImage {
  const magic = String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0);
  if (magic !== 'P5' && magic !== 'P6') throw new Error(`not a binary netpbm image (${JSON.stringify(magic)})`);
  const header: number[] = [];
  let at = 2;
  while (header.length < 3) {
    const c = bytes[at];
    if (c === undefined) throw new Error('netpbm header is cut short');
    if (c === 35) { // '#': a comment, to the end of its line
      while (at < bytes.length && bytes[at] !== 10) at += 1;
    } else if (c >= 48 && c <= 57) {
      let n = 0;
      for (let d = bytes[at]; d !== undefined && d >= 48 && d <= 57; d = bytes[++at]) n = n * 10 + (d - 48);
      header.push(n);
      continue;
    }
    at += 1;
  }
  at += 1; // the one whitespace byte after maxval
  const [width, height, maxval] = header as [number, number, number];
  if (maxval !== 255) throw new Error(`netpbm maxval ${maxval} is not supported (8-bit samples only)`);
  const channels = magic === 'P6' ? 3 : 1;
  const size = width * height * channels;
  if (bytes.length - at < size) throw new Error('netpbm image data is cut short');
  return { width, height, channels, data: bytes.subarray(at, at + size) };
}

export function decodeRgbPnm(bytes: Uint8Array): RgbImage {
  const { width, height, channels, data } = decodePnm(bytes);
  if (channels !== 3) throw new Error('expected an RGB (P6) image');
  return { width, height, data };
}

export function encodeGrayPnm(image: GrayImage): Uint8Array {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + image.data.length);
  out.set(header, 0);
  out.set(image.data, header.length);
  return out;
}
