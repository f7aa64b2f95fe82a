import type { GrayImage } from './raster-image.ts';

/** Turns a page image clockwise by `quarters` × 90°: a page scanned sideways or upside down. */
export function turnClockwise(image: GrayImage, quarters: number): GrayImage {
  const q = ((quarters % 4) + 4) % 4;
  if (q === 0) return image;
  const { width: w, height: h, data } = image;
  const out = new Uint8Array(w * h);
  const width = q === 2 ? w : h;
  const height = q === 2 ? h : w;
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const v = data[y * w + x]!;
      if (q === 1) out[x * width + (h - 1 - y)] = v;
      else if (q === 2) out[(h - 1 - y) * width + (w - 1 - x)] = v;
      else out[(w - 1 - x) * width + y] = v;
    }
  }
  return { width, height, data: out };
}
