import type { Box } from './bbox-page.ts';

/**
 * The frame text is grouped in: `p` runs along the line in reading direction, `s` across
 * it towards the next line. Words, lines and blocks are found in this frame, so text
 * turned by a quarter turn is grouped by the same rules as upright text; boxes go back
 * to page coordinates (points from the top-left corner, y down) at the end.
 *
 *   rotation 0  upright        p =  x   s =  y
 *   rotation 1  reads downward p =  y   s = -x
 *   rotation 2  upside down    p = -x   s = -y
 *   rotation 3  reads upward   p = -y   s =  x
 */
export type Rotation = 0 | 1 | 2 | 3;

/** The rotation whose reading direction is closest to `(dx, dy)`, a vector in page coordinates. */
export function rotationOf(dx: number, dy: number): Rotation {
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 0 : 2;
  return dy > 0 ? 1 : 3;
}

/** A page point in the frame of `rot` (the map is linear: it turns vectors too). */
export function toFrame(rot: Rotation, x: number, y: number): { p: number; s: number } {
  switch (rot) {
    case 0: return { p: x, s: y };
    case 1: return { p: y, s: -x };
    case 2: return { p: -x, s: -y };
    case 3: return { p: -y, s: x };
  }
}

/** The page box of the frame rectangle [p0, p1] × [s0, s1]. */
export function toPageBox(rot: Rotation, p0: number, p1: number, s0: number, s1: number): Box {
  switch (rot) {
    case 0: return { xMin: p0, xMax: p1, yMin: s0, yMax: s1 };
    case 1: return { xMin: -s1, xMax: -s0, yMin: p0, yMax: p1 };
    case 2: return { xMin: -p1, xMax: -p0, yMin: -s1, yMax: -s0 };
    case 3: return { xMin: s0, xMax: s1, yMin: -p1, yMax: -p0 };
  }
}
