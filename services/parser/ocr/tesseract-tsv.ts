import type { BboxBlock, BboxLine, BboxPage, BboxWord } from '../pdf/bbox-page.ts';
import { normalizeText } from '../page-text.ts';
import { mendOcrCase } from './ocr-word-case.ts';

/**
 * Tesseract's TSV as the layout's page of blocks, lines and words (`pdf/bbox-page.ts`),
 * so a scanned page goes through the same layout (paragraphs, tables, furniture) as a
 * born-digital one.
 *
 * TSV: `level page_num block_num par_num line_num word_num left top width height conf text`,
 * level 1 a page, 2 a block, 3 a paragraph, 4 a line, 5 a word; boxes in image pixels.
 *
 * - A tesseract *paragraph* is the layout's block (what poppler calls a block: a run of
 *   lines that belong together).
 * - Coordinates are scaled by `scale` (points per pixel), so the page has the size in
 *   points of the PDF page it was rendered from.
 * - A word's box is an ink box: `a` is shorter than `Đ`, `g` reaches lower. A text layer's
 *   words all have their line's font height, and the layout reads a short, raised word as
 *   a footnote marker and matches lines by baseline; so each word gets its line's font box
 *   (`onBaseline`).
 * - Words keep tesseract's confidence (0–100) and get their case mended (`sỐ` → `số`,
 *   `ocr-word-case.ts`); empty words (tesseract's placeholders) are dropped, and so are
 *   lines and blocks left empty.
 */
export function tesseractTsvPage(tsv: string, scale: number): BboxPage {
  const page: BboxPage = { width: 0, height: 0, blocks: [] };
  let block: BboxBlock | undefined;
  let line: BboxLine | undefined;
  for (const record of tsv.split('\n')) {
    const cells = record.split('\t');
    if (cells.length < 12 || !/^[1-5]$/.test(cells[0]!)) continue;
    const level = Number(cells[0]);
    const left = Number(cells[6]) * scale;
    const top = Number(cells[7]) * scale;
    const box = { xMin: left, yMin: top, xMax: left + Number(cells[8]) * scale, yMax: top + Number(cells[9]) * scale };
    if (level === 1) {
      page.width = box.xMax;
      page.height = box.yMax;
    } else if (level === 3) {
      block = { ...box, lines: [] };
      page.blocks.push(block);
      line = undefined;
    } else if (level === 4) {
      line = { ...box, words: [] };
      block?.lines.push(line);
    } else if (level === 5 && line) {
      const text = mendOcrCase(normalizeText(cells.slice(11).join('\t')).trim());
      if (text === '') continue;
      line.words.push({ ...box, text, confidence: Math.max(0, Number(cells[10])) });
    }
  }
  for (const b of page.blocks) b.lines = b.lines.filter((l) => l.words.length > 0);
  const lines = page.blocks.flatMap((b) => b.lines);
  const pageEm = median(lines.flatMap(emEstimates));
  for (const l of lines) onBaseline(l, pageEm);
  page.blocks = page.blocks.filter((b) => b.lines.length > 0);
  return page;
}

/** Letters and marks that reach below the baseline: `g`, `p`, `(`, `,`, the dot below (`ộ`, `ị`). */
const DESCENDS = /[gjpqyQJ(),;[\]{}|ạặậẹệịọộợụựỵẠẶẬẸỆỊỌỘỢỤỰỴ]/u;

/**
 * The type size (em) a word's ink tells, where its letters have a known height: digits
 * and unmarked capitals stand 0.66 em tall in the serif faces reports use (Times New
 * Roman: digits 0.676, capitals 0.662), unmarked small letters without ascenders 0.45 em
 * (x-height 0.448). Other words (marks, ascenders, mixed) tell nothing sure.
 */
function emEstimates(line: BboxLine): number[] {
  const out: number[] = [];
  for (const w of line.words) {
    const h = w.yMax - w.yMin;
    if (/^[0-9.%]{2,}$/u.test(w.text) || /^[A-HK-PR-Z]{2,}$/u.test(w.text)) out.push(h / 0.66);
    else if (/^[acemnorsuvwxz]{2,}$/u.test(w.text)) out.push(h / 0.45);
  }
  return out;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Gives a line's words the box a text layer would: a font box from 0.9 em above the
 * baseline to 0.25 em below it (a text layer's word boxes are the font's ascent and
 * descent, ≈ 1.15 em for Times New Roman), the same for every word. The layout tells a
 * cell's wrapped lines from the next row by comparing line steps with box heights, so the
 * box must be the type size's, not the ink's (ink of `Năm` is 0.6 em, of `Ệ` 0.95).
 *
 * - The baseline is the median bottom of the words with nothing below it (`DESCENDS`), so
 *   two cells side by side, one holding `(Tính` or `lòng chung`, share a baseline.
 * - The type size is the line's own (`emEstimates`; a heading is larger), else the page's.
 * - A small word whose ink ends above the line's middle is a footnote marker and keeps
 *   its own box.
 */
function onBaseline(line: BboxLine, pageEm: number): void {
  const middle = (line.yMin + line.yMax) / 2;
  const raised = (w: BboxWord) => w.yMax - w.yMin < 0.5 * (line.yMax - line.yMin) && w.yMax < middle;
  const body = line.words.filter((w) => !raised(w));
  if (body.length === 0) return;
  const flat = body.filter((w) => !DESCENDS.test(w.text));
  const bottoms = (flat.length > 0 ? flat : body).map((w) => w.yMax).sort((a, b) => a - b);
  const baseline = flat.length > 0 ? bottoms[Math.floor((bottoms.length - 1) / 2)]! : bottoms[0]!;
  const own = median(emEstimates({ ...line, words: body }));
  // Without a page size either, the tallest ink above the baseline stands for 0.9 em.
  const em = own || pageEm || Math.max(...body.map((w) => baseline - w.yMin)) / 0.9;
  for (const w of body) {
    w.yMin = baseline - 0.9 * em;
    w.yMax = baseline + 0.25 * em;
  }
  line.yMin = Math.min(...line.words.map((w) => w.yMin));
  line.yMax = Math.max(...line.words.map((w) => w.yMax));
}
