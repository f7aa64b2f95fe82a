import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hocrLineSizes } from '../../../../services/parser/ocr/hocr-line-sizes.ts';
import type { GrayImage } from '../../../../services/parser/ocr/raster-image.ts';
import { removeRulings } from '../../../../services/parser/ocr/ruling-removal.ts';
import { OcrPool } from '../../../../services/parser/ocr/ocr-pool.ts';
import { readTableCells, withoutCells } from '../../../../services/parser/ocr/table-cell-reading.ts';
import { tableCells } from '../../../../services/parser/ocr/table-cells.ts';
import { tesseractAvailable } from '../../../../services/parser/ocr/tesseract-runner.ts';
import { tsvWord } from '../../../../services/parser/ocr/tesseract-tsv.ts';

/** A white page at 300 dpi with rules drawn by code: `hline(y, x0, x1)`, `vline(x, y0, y1)`, 3 px thick. */
function page(width = 1500, height = 1200) {
  const data = new Uint8Array(width * height).fill(255);
  const hline = (y: number, x0: number, x1: number) => { for (let t = 0; t < 3; t += 1) data.fill(0, (y + t) * width + x0, (y + t) * width + x1 + 3); };
  const vline = (x: number, y0: number, y1: number) => { for (let y = y0; y < y1 + 3; y += 1) data.fill(0, y * width + x, y * width + x + 3); };
  return { image: { width, height, data } as GrayImage, hline, vline };
}

const cellsOf = (image: GrayImage) => tableCells(removeRulings(image, 300).rules, image.width, image.height, 300);

/**
 * An appendix table: STT and Chỉ tiêu span two header rows, `Các đơn vị …` spans the three
 * year columns above `Năm 2015 | Năm 2016 | Năm 2017`, then two body rows.
 *
 *   x: 100   250        700     900     1100    1300
 *   y: 100 ┌────┬──────────┬───────────────────────┐
 *      200 │    │          ├───────┬───────┬───────┤
 *      320 ├────┼──────────┼───────┼───────┼───────┤
 *      420 ├────┼──────────┼───────┼───────┼───────┤
 *      520 └────┴──────────┴───────┴───────┴───────┘
 */
function appendixTable() {
  const p = page();
  for (const y of [100, 320, 420, 520]) p.hline(y, 100, 1300);
  p.hline(200, 700, 1300);
  for (const x of [100, 250, 700, 1300]) p.vline(x, 100, 520);
  for (const x of [900, 1100]) p.vline(x, 200, 520);
  return p;
}

describe('tableCells', () => {
  it('finds each cell of a ruled table, merged header cells as one, reaching to the rules', () => {
    const { image } = appendixTable();
    const cells = cellsOf(image);
    const near = (x: number, y: number, w: number, h: number) => cells.some((c) =>
      Math.abs(c.x - x) <= 4 && Math.abs(c.y - y) <= 4 && Math.abs(c.width - w) <= 8 && Math.abs(c.height - h) <= 8);
    expect(cells).toHaveLength(3 + 3 + 2 * 5);
    expect(near(103, 103, 147, 217)).toBe(true); // STT, two header rows
    expect(near(703, 103, 597, 97)).toBe(true); // Các đơn vị, three columns
    expect(near(903, 203, 197, 117)).toBe(true); // Năm 2016
    expect(near(1103, 423, 197, 97)).toBe(true); // the last cell
    // Top to bottom, then left to right.
    expect(cells.map((c) => c.y)).toEqual([...cells.map((c) => c.y)].sort((a, b) => a - b));
  });

  it('still closes a cell whose rule a scan broke for a few pixels', () => {
    const { image } = appendixTable();
    for (let y = 420; y < 423; y += 1) image.data.fill(255, y * image.width + 500, y * image.width + 503);
    expect(cellsOf(image)).toHaveLength(16);
  });

  it('finds no cell where rules enclose nothing: underlines, a lone rule, a frame round the whole page', () => {
    const p = page();
    p.hline(300, 100, 900);
    p.hline(340, 100, 900);
    p.vline(1200, 100, 700);
    expect(cellsOf(p.image)).toEqual([]);
    const framed = page();
    framed.hline(20, 20, 1470);
    framed.hline(1170, 20, 1470);
    framed.vline(20, 20, 1170);
    framed.vline(1470, 20, 1170);
    expect(cellsOf(framed.image)).toEqual([]);
  });

  it('leaves the text outside the cells for the page\'s reading', () => {
    const { image } = appendixTable();
    const clean = removeRulings(image, 300).image;
    clean.data[50 * image.width + 400] = 0; // a title's ink above the table
    clean.data[260 * image.width + 800] = 0; // a number in `Năm 2015`'s cell
    const rest = withoutCells(clean, cellsOf(image));
    expect(rest.data[50 * image.width + 400]).toBe(0);
    expect(rest.data[260 * image.width + 800]).toBe(255);
  });
});

describe('hocrLineSizes', () => {
  it('keys each line\'s x_size by its box as the TSV gives it (left top width height)', () => {
    const hocr = `<span class='ocr_line' id='line_1_1' title="bbox 1329 253 1380 291; baseline 0.039 -2; x_size 51.85; x_descenders 10.95; x_ascenders 13.5">
      <span class='ocr_header' id='line_1_2' title="bbox 10 20 110 70; baseline 0 -5; x_size 60; x_descenders 12; x_ascenders 14">
      <span class='ocr_photo' id='block_1_2' title="bbox 390 535 1036 581">`;
    expect([...hocrLineSizes(hocr)]).toEqual([['1329 253 51 38', 51.85], ['10 20 100 50', 60]]);
  });
});

describe.skipIf(!await tesseractAvailable())('readTableCells', () => {
  it('reads the cells in one run, gives a lone dash tesseract drops, and nothing for an empty or specked cell', async () => {
    const { image } = appendixTable();
    const clean = removeRulings(image, 300).image;
    const ink = (x0: number, y0: number, w: number, h: number) => {
      for (let y = y0; y < y0 + h; y += 1) clean.data.fill(0, y * image.width + x0, y * image.width + x0 + w);
    };
    ink(165, 365, 18, 4); // a dash in STT's cell of the first body row
    ink(1200, 370, 2, 2); // a speck of noise in its last cell
    const cells = tableCells(removeRulings(image, 300).rules, image.width, image.height, 300);
    const dir = await mkdtemp(join(tmpdir(), 'tonghop-cells-'));
    let runs = 0;
    const pool = new OcrPool(1);
    const counting = { run: <T>(job: () => Promise<T>) => { runs += 1; return pool.run(job); } } as OcrPool;
    try {
      const records = await readTableCells(clean, cells, { dir, key: 't', label: 'test', dpi: 300, pool: counting });
      expect(runs).toBe(1);
      const words = records.flatMap((r) => tsvWord(r) ?? []);
      expect(words).toHaveLength(1);
      expect(words[0]).toMatchObject({ text: '-', left: 165, top: 365, width: 18, height: 4 });
      // A paragraph and a line record before it: the cell is a block of its own.
      expect(records.map((r) => r.split('\t')[0])).toEqual(['3', '4', '5']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
