/**
 * The cells of a page's ruled tables: the spaces its rules enclose, found on the mask of
 * rule pixels that `ruling-removal.ts` erased.
 *
 * A cell is what a table's rules close on every side, whatever the grid: a header cell
 * spanning six year columns (`Các đơn vị, địa phương thuộc huyện`), `STT` spanning two
 * rows, a ragged last row. So cells are not built from rows and columns of rules but found
 * as the connected spaces of the page with the rules as walls:
 *
 * - The mask is coarsened to blocks of CELL_PX pixels (a block is a wall when any of its
 *   pixels is a rule) and the walls are thickened by one block: a rule broken by scan noise
 *   or JPEG for a few pixels still closes its cell. The cell returned reaches back to its
 *   rules' edges.
 * - The space around the tables touches the page's edge: it is no cell.
 * - A space is a cell when it is nearly a rectangle (at least RECTANGULAR of its box:
 *   walls of a tilted scan are stairs), at least MIN_CELL_INCH high and wide (the gap
 *   of a double rule is thinner), and under MAX_CELL_SHARE of the page: a frame around
 *   a whole page encloses text, not a table's cell.
 *
 * Cells are returned in image pixels, top to bottom, then left to right.
 */
export interface TableCell {
  x: number;
  y: number;
  width: number;
  height: number;
}

const CELL_PX = 4;
const RECTANGULAR = 0.85;
const MIN_CELL_INCH = 0.08;
const MAX_CELL_SHARE = 0.25;

export function tableCells(rules: Uint8Array, width: number, height: number, dpi: number): TableCell[] {
  const w = Math.ceil(width / CELL_PX);
  const h = Math.ceil(height / CELL_PX);
  const wall = coarseWalls(rules, width, height, w, h);
  const label = new Int32Array(w * h).fill(-1);
  const cells: TableCell[] = [];
  const stack: number[] = [];
  const min = (MIN_CELL_INCH * dpi) / CELL_PX;
  for (let start = 0; start < w * h; start += 1) {
    if (wall[start] || label[start]! >= 0) continue;
    // One space, filled four-ways: its box, its area, and whether it reaches the page's edge.
    label[start] = start;
    stack.push(start);
    let area = 0;
    let edge = false;
    let x0 = w, y0 = h, x1 = -1, y1 = -1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      area += 1;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) edge = true;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      // The four neighbours, written out: a closure made per pixel costs more than the fill
      // itself (tsx names every function it makes, `__name`: 0.3 s a 300 dpi page).
      for (let k = 0; k < 4; k += 1) {
        const j = k === 0 ? (x > 0 ? i - 1 : -1) : k === 1 ? (x < w - 1 ? i + 1 : -1) : k === 2 ? (y > 0 ? i - w : -1) : (y < h - 1 ? i + w : -1);
        if (j >= 0 && !wall[j] && label[j]! < 0) {
          label[j] = start;
          stack.push(j);
        }
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (edge || bw < min || bh < min || area < RECTANGULAR * bw * bh || bw * bh > MAX_CELL_SHARE * w * h) continue;
    // Out by the block the walls were thickened by: to the rules' edge, so a letter set
    // close to its cell's rule keeps its ink (the rules themselves are erased).
    const left = (x0 - 1) * CELL_PX;
    const top = (y0 - 1) * CELL_PX;
    cells.push({ x: left, y: top, width: Math.min(width, (x1 + 2) * CELL_PX) - left, height: Math.min(height, (y1 + 2) * CELL_PX) - top });
  }
  return cells.sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The coarse mask: a block is a wall when one of its pixels is a rule, or a block beside it is. */
function coarseWalls(rules: Uint8Array, width: number, height: number, w: number, h: number): Uint8Array {
  const coarse = new Uint8Array(w * h);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    const cy = ((y / CELL_PX) | 0) * w;
    for (let bx = 0, x = 0; bx < w; bx += 1) {
      const end = Math.min(width, x + CELL_PX);
      for (; x < end; x += 1) if (rules[row + x]) coarse[cy + bx] = 1;
    }
  }
  const wall = new Uint8Array(w * h);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const i = y * w + x;
      wall[i] = coarse[i]! | (x > 0 ? coarse[i - 1]! : 0) | (x < w - 1 ? coarse[i + 1]! : 0)
        | (y > 0 ? coarse[i - w]! : 0) | (y < h - 1 ? coarse[i + w]! : 0);
    }
  }
  return wall;
}
