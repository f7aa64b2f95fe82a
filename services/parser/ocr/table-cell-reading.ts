import { readCropStack, type CropStackOptions, type StackCrop } from './crop-stack.ts';
import type { GrayImage } from './raster-image.ts';
import type { TableCell } from './table-cells.ts';
import type { TsvWord } from './tesseract-tsv.ts';

/**
 * Reads a page's ruled-table cells one by one, in one tesseract run, and gives their words
 * back as TSV records at their place on the page.
 *
 * Read as part of the page, a table comes back badly: tesseract strings a header row's
 * cells into one line (`Năm Năm Năm Năm Năm 2020`) whose words then lie between the cells'
 * lines, misreads a lone digit beside a long label, and loses or merges numbers. Cut out
 * along its rules (`table-cells.ts`), each cell is a small block of text of its own. The
 * cells' ink is cut out (INK_MARGIN around it, `cellCrops`) and read in a stack of crops
 * (`crop-stack.ts`): one run per page, not one per cell. Each word read goes back to the
 * cell its centre falls in; each cell becomes a paragraph of its own (TSV level 3, its
 * lines level 4, `cellRecords`), as a text layer has one block per cell.
 *
 * A cell with less ink than a short dash (INK_PIXELS at 300 dpi) is empty: scan noise. A
 * cell of which tesseract read nothing but whose ink is one flat stroke holds a dash.
 */
const INK = 128;
const INK_MARGIN = 8;
const INK_PIXELS = 24;
/**
 * A cell whose only ink is a flat stroke this thin and short holds a dash (a hyphen at 14 pt
 * is ≈ 0.015 inch thick, an em dash 0.2 inch long); a longer one is what is left of a rule.
 */
const DASH_HEIGHT_INCH = 0.03;
const DASH_WIDTH_INCH = 0.25;
const DASH_CONFIDENCE = 90;
/** Block numbers of the cells' paragraphs: far above tesseract's own for the page. */
const FIRST_BLOCK = 10_000;

/** A cell's crop: the box of its ink, INK_MARGIN wider on every side but inside the cell. */
interface CellCrop extends StackCrop {
  /** The box of the ink in it. */
  ink: { left: number; top: number; width: number; height: number };
}

/** The cells of a page read in a stack of their own, as TSV records at their place on the page (`cellCrops`, `cellRecords`). */
export async function readTableCells(image: GrayImage, cells: readonly TableCell[], opts: CropStackOptions): Promise<string[]> {
  const crops = cellCrops(image, cells, opts.dpi);
  return cellRecords(crops, await readCropStack(image, crops, opts), opts.dpi);
}

/** The crops of the cells that hold ink enough to read, top to bottom. */
function cellCrops(image: GrayImage, cells: readonly TableCell[], dpi: number): CellCrop[] {
  const minInk = INK_PIXELS * (dpi / 300) ** 2;
  return cells.flatMap((c) => inkCrop(image, c, minInk) ?? []);
}

/** The page's image with its cells whitened: what is left for the page's own reading. */
export function withoutCells(image: GrayImage, cells: readonly TableCell[]): GrayImage {
  const data = new Uint8Array(image.data);
  for (const c of cells) for (let y = c.y; y < c.y + c.height; y += 1) data.fill(255, y * image.width + c.x, y * image.width + c.x + c.width);
  return { width: image.width, height: image.height, data };
}

/** The box of a cell's ink, INK_MARGIN wider on every side but inside the cell; none when it holds too little ink. */
function inkCrop(image: GrayImage, cell: TableCell, minInk: number): CellCrop | undefined {
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1, ink = 0;
  for (let y = cell.y; y < cell.y + cell.height; y += 1) {
    const row = y * image.width;
    for (let x = cell.x; x < cell.x + cell.width; x += 1) {
      if (image.data[row + x]! >= INK) continue;
      ink += 1;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (ink < minInk) return undefined;
  const x = Math.max(cell.x, x0 - INK_MARGIN);
  const y = Math.max(cell.y, y0 - INK_MARGIN);
  return {
    x, y, w: Math.min(cell.x + cell.width, x1 + 1 + INK_MARGIN) - x, h: Math.min(cell.y + cell.height, y1 + 1 + INK_MARGIN) - y,
    ink: { left: x0, top: y0, width: x1 + 1 - x0, height: y1 + 1 - y0 },
  };
}

/**
 * The cells' words as TSV records on the page: per cell, a paragraph record, then each of
 * its lines (in the order read) with its words. `words[i]` are crop i's (`readCropStack`).
 */
function cellRecords(crops: readonly CellCrop[], words: readonly TsvWord[][], dpi: number): string[] {
  const lines = crops.map((_, i) => {
    const byLine = new Map<string, { left: number; top: number; width: number; height: number; confidence: number; text: string }[]>();
    for (const w of words[i] ?? []) byLine.set(w.line, [...byLine.get(w.line) ?? [], w]);
    return byLine;
  });
  const out: string[] = [];
  lines.forEach((cellLines, i) => {
    const dash = crops[i]!.ink;
    // Tesseract drops a line that is a lone dash as noise; in a table it marks a sub-item
    // (`-` in the STT column), which the layout needs to tell the item's row.
    if (cellLines.size === 0 && dash.width >= 2 * dash.height && dash.height <= DASH_HEIGHT_INCH * dpi && dash.width <= DASH_WIDTH_INCH * dpi) {
      cellLines.set('dash', [{ ...dash, confidence: DASH_CONFIDENCE, text: '-' }]);
    }
    if (cellLines.size === 0) return;
    const block = FIRST_BLOCK + i;
    const words = [...cellLines.values()].flat();
    out.push(record(3, block, 0, 0, boxOf(words), -1, ''));
    [...cellLines.values()].forEach((ws, l) => {
      out.push(record(4, block, l + 1, 0, boxOf(ws), -1, ''));
      ws.forEach((w, k) => out.push(record(5, block, l + 1, k + 1, w, w.confidence, w.text)));
    });
  });
  return out;
}

type PixelBox = { left: number; top: number; width: number; height: number };

function boxOf(words: PixelBox[]): PixelBox {
  const left = Math.min(...words.map((w) => w.left));
  const top = Math.min(...words.map((w) => w.top));
  return { left, top, width: Math.max(...words.map((w) => w.left + w.width)) - left, height: Math.max(...words.map((w) => w.top + w.height)) - top };
}

/** A TSV record: `level page block par line word left top width height conf text`. */
function record(level: number, block: number, line: number, word: number, box: PixelBox, confidence: number, text: string): string {
  return [level, 1, block, 1, line, word, box.left, box.top, box.width, box.height, confidence, text].join('\t');
}
