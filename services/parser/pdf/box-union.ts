import type { Box } from './bbox-page.ts';

/** The smallest box holding every given box (all-infinite for none). */
export function unionBox(boxes: Iterable<Box>): Box {
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (const b of boxes) {
    xMin = Math.min(xMin, b.xMin);
    yMin = Math.min(yMin, b.yMin);
    xMax = Math.max(xMax, b.xMax);
    yMax = Math.max(yMax, b.yMax);
  }
  return { xMin, yMin, xMax, yMax };
}
