import type { GrayImage, RgbImage } from './raster-image.ts';

/**
 * Drops coloured ink from a page before OCR: the red seal (con dấu) stamped over the
 * signature block and the blue-ink signature itself, so that neither is read as text or,
 * worse, as numbers (a seal's ring holds the unit's name and often a code).
 *
 * Printed text is black or gray: its three channels are close. Seal and signature inks are
 * saturated: one channel far from the others. Each pixel becomes gray by its luminance,
 * lifted toward white by its saturation (max − min of its channels) so that a saturated
 * pixel ends white: red (200, 40, 40) → 255, dark blue (20, 20, 120) → 220, black text
 * (30, 30, 30) → 30. Black text printed over the seal stays dark: where black ink covers
 * red, the pixel is dark in every channel.
 */
const LIFT = 2;

export function dropColouredInk(image: RgbImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < out.length; p += 1, i += 3) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    const max = r > g ? (r > b ? r : b) : (g > b ? g : b);
    const min = r < g ? (r < b ? r : b) : (g < b ? g : b);
    const luminance = (r * 299 + g * 587 + b * 114) / 1000;
    const lifted = luminance + LIFT * (max - min);
    out[p] = lifted >= 255 ? 255 : lifted;
  }
  return { width, height, data: out };
}
