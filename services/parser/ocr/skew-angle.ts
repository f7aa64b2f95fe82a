import type { GrayImage } from './raster-image.ts';

/**
 * The small angle (degrees) by which a scanned page's lines of text are tilted, a page laid
 * crooked on the scanner or photographed: positive when the lines fall to the right (image
 * rows grow downward), so that `levelImage(image, angle)` lays them flat.
 *
 * Projection profiles: the page's ink, seen along the right angle, piles into sharp rows
 * (the lines of text) with blank rows between; at any other angle the rows smear. The
 * angle whose row counts have the largest sum of squares wins. Columns are shrunk 4 times
 * (at 300 dpi, 75 dpi is still ≈ 4 rows a line of text); the angle is searched from −`range`
 * to +`range` in 0.2° steps, then refined in 0.05° steps. Tables' ruled lines help: they are
 * the longest rows of all.
 *
 * Why not tesseract's own deskew: tesseract finds tilted lines, but the word boxes it
 * reports are upright rectangles of the tilted page, so a table's columns would drift
 * sideways from top to bottom (≈ 13 pt over an A4 page at 1.5°), and the layout finds
 * columns by position.
 */
const SHRINK = 4;
const INK = 128;

export function skewAngle(image: GrayImage, range = 5): number {
  const points = inkPoints(image);
  if (points.xs.length < 800) return 0;
  // Half-row bins: at a quarter of the resolution a whole row is too coarse to tell 0.1°.
  const rows = Math.ceil(Math.hypot(image.width, image.height) / SHRINK) * 4 + 4;
  const counts = new Float64Array(rows);
  const score = (degrees: number): number => {
    const t = Math.tan((degrees * Math.PI) / 180);
    counts.fill(0);
    const offset = rows / 2;
    for (let i = 0; i < points.xs.length; i += 1) counts[Math.floor(2 * (points.ys[i]! - points.xs[i]! * t) + offset)]! += 1;
    let sum = 0;
    for (let r = 0; r < rows; r += 1) sum += counts[r]! * counts[r]!;
    return sum;
  };
  let best = 0;
  let bestScore = score(0);
  for (let a = -range; a <= range + 1e-9; a += 0.2) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  const coarse = best;
  for (let a = coarse - 0.2; a <= coarse + 0.2 + 1e-9; a += 0.05) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  // row = y − x·tan(a) is constant along a line that falls tan(a) rows per column.
  return Math.round(best * 100) / 100;
}

/**
 * Ink pixels of the page, columns shrunk SHRINK times and rows kept at full resolution
 * (in shrunk units: y / SHRINK), so that the half-row bins are all reachable at angle 0
 * too; whole-row points would fill only the even bins there and make 0° win by artefact.
 */
function inkPoints(image: GrayImage): { xs: Float32Array; ys: Float32Array } {
  const w = Math.floor(image.width / SHRINK);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y += 1) {
    const row = y * image.width;
    for (let x = 0; x < w; x += 1) {
      let dark = 255;
      for (let dx = 0; dx < SHRINK; dx += 1) {
        const v = image.data[row + x * SHRINK + dx]!;
        if (v < dark) dark = v;
      }
      if (dark < INK) {
        xs.push(x);
        ys.push(y / SHRINK);
      }
    }
  }
  return { xs: Float32Array.from(xs), ys: Float32Array.from(ys) };
}
