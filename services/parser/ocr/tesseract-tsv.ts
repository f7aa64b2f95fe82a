import type { BboxBlock, BboxLine, BboxPage, BboxWord } from '../pdf/bbox-page.ts';
import { unionBox } from '../pdf/box-union.ts';
import { normalizeText } from '../page-text.ts';
import { mendOcrCase } from './ocr-word-case.ts';
import type { VerticalRule } from './ruling-removal.ts';

/**
 * Tesseract's TSV as the layout's page of blocks, lines and words (`pdf/bbox-page.ts`),
 * so a scanned page goes through the same layout (paragraphs, tables, furniture) as a
 * born-digital one.
 *
 * TSV: `level page_num block_num par_num line_num word_num left top width height conf text`,
 * level 1 a page, 2 a block, 3 a paragraph, 4 a line, 5 a word; boxes in image pixels.
 *
 * - A tesseract *paragraph* is the layout's block (what poppler calls a block: a run of
 *   lines that belong together), cut where a line stands far below the one before it; a
 *   line is cut at a table's column borders (`verticals`, in pixels) and where its words
 *   sit at different heights.
 * - Coordinates are scaled by `scale` (points per pixel), so the page has the size in
 *   points of the PDF page it was rendered from.
 * - A word's box is an ink box: `a` is shorter than `Đ`, `g` reaches lower. A text layer's
 *   words all have their line's font height, and the layout reads a short, raised word as
 *   a footnote marker and matches lines by baseline; so each word gets its line's font box
 *   (`onBaseline`).
 * - Words keep tesseract's confidence (0–100) and get their case mended (`sỐ` → `số`,
 *   `ocr-word-case.ts`); empty words (tesseract's placeholders) and traces of table rules
 *   (`_`, `__`, `|`) are dropped, and so are lines and blocks left empty.
 */
const RULE_TRACE = /^[_|~¦]+$/u;

/** A word record (level 5) of tesseract's TSV: its box in image pixels, confidence, text as printed, and its line (`block:par:line`). */
export interface TsvWord {
  left: number;
  top: number;
  width: number;
  height: number;
  confidence: number;
  text: string;
  line: string;
}

/** The record as a word, or undefined for a page, block, paragraph or line record. */
export function tsvWord(record: string): TsvWord | undefined {
  const cells = record.split('\t');
  if (cells[0] !== '5' || cells.length < 12) return undefined;
  return {
    left: Number(cells[6]), top: Number(cells[7]), width: Number(cells[8]), height: Number(cells[9]),
    confidence: Number(cells[10]), text: cells.slice(11).join('\t'), line: cells.slice(2, 5).join(':'),
  };
}

/** A word record with another text (and confidence), its box and place kept. */
export function rewordTsvRecord(record: string, text: string, confidence?: number): string {
  const cells = record.split('\t');
  return [...cells.slice(0, 10), confidence === undefined ? cells[10] : confidence.toFixed(6), text].join('\t');
}

/** The mean confidence of a page's words, 0–100 (0 when none was read). */
export function meanConfidence(page: BboxPage): number {
  const words = page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words));
  return words.length ? words.reduce((s, w) => s + (w.confidence ?? 0), 0) / words.length : 0;
}

/** A gap between lines, in line heights, that no paragraph's line spacing leaves. */
const BLOCK_GAP = 0.8;

export function tesseractTsvPage(tsv: string, scale: number, verticals: readonly VerticalRule[] = [], lineSizes: ReadonlyMap<string, number> = new Map()): BboxPage {
  const borders = verticals.map((v) => ({ x: v.x * scale, top: v.top * scale, bottom: v.bottom * scale }));
  const page: BboxPage = { width: 0, height: 0, blocks: [] };
  // Tesseract's size of each line (`hocr-line-sizes.ts`), in points; the pieces a line is cut into keep it.
  const sizes = new Map<BboxLine, number>();
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
      const previous = block?.lines.at(-1);
      // A line far below the last one of its paragraph starts a block, as in a text layer
      // (`22` above `Phụ lục 2`: a page number, then a title).
      if (block && previous && box.yMin - previous.yMax > BLOCK_GAP * Math.max(box.yMax - box.yMin, previous.yMax - previous.yMin)) {
        block = { ...box, lines: [] };
        page.blocks.push(block);
      }
      line = { ...box, words: [] };
      const size = lineSizes.get(cells.slice(6, 10).join(' '));
      if (size) sizes.set(line, size * scale);
      block?.lines.push(line);
    } else if (level === 5 && line) {
      const text = mendOcrCase(normalizeText(cells.slice(11).join('\t')).trim());
      // Left of an erased table rule: `_`, `__`, `|`, `~` are never a report's words.
      if (text === '' || RULE_TRACE.test(text)) continue;
      line.words.push({ ...box, text, confidence: Math.max(0, Number(cells[10])) });
    }
  }
  for (const b of [...page.blocks]) {
    const kept: BboxLine[] = [];
    for (const l of b.lines) {
      if (l.words.length === 0) continue;
      const pieces = splitAtBorders(l, borders).flatMap(splitMisaligned);
      const size = sizes.get(l);
      if (size) for (const piece of pieces) sizes.set(piece, size);
      const [first, ...others] = pieces;
      kept.push(first!);
      for (const other of others) page.blocks.push({ ...unionBox(other.words), lines: [other] });
    }
    b.lines = kept;
  }
  const lines = page.blocks.flatMap((b) => b.lines);
  const pageEm = median(lines.flatMap(emEstimates));
  // Ems per point of tesseract's line size, on this page's lines that tell both.
  const emPerSize = median(lines.flatMap((l) => {
    const own = median(emEstimates(l));
    const size = sizes.get(l);
    return own && size ? [own / size] : [];
  }));
  for (const l of lines) onBaseline(l, pageEm, emPerSize * (sizes.get(l) ?? 0));
  // Blocks take the box of the lines they hold now (lines moved out, boxes made font boxes).
  for (const b of page.blocks) Object.assign(b, unionBox(b.lines));
  page.blocks = page.blocks.filter((b) => b.lines.length > 0);
  return page;
}

/**
 * Cuts a tesseract line where a table's column border (a vertical rule found before it was
 * erased) runs between two of its words: tesseract strings a header row's cells into one
 * line (`Năm Năm Năm Năm Năm 2020`), a text layer has one block per cell.
 */
function splitAtBorders(line: BboxLine, borders: readonly VerticalRule[]): BboxLine[] {
  if (borders.length === 0) return [line];
  const middle = (line.yMin + line.yMax) / 2;
  const crossing = borders.filter((b) => b.top <= middle && b.bottom >= middle);
  const pieces: BboxWord[][] = [[]];
  line.words.forEach((w, i) => {
    const before = line.words[i - 1];
    if (before && crossing.some((b) => b.x >= before.xMax - 1 && b.x <= w.xMin + 1)) pieces.push([]);
    pieces[pieces.length - 1]!.push(w);
  });
  return pieces.length === 1 ? [line] : pieces.map((words) => ({ ...unionBox(words), words }));
}

/**
 * Splits a tesseract line whose words do not sit at one height. In a table tesseract often
 * runs a line from a cell's wrapped label across to a number centred in the row beside it
 * (`1` level with the gap between `Tổng số văn bản quy` and `phạm pháp luật`); a text
 * layer has them on two baselines. Words whose ink centres lie more than 0.35 of the
 * line's ink height apart are on different lines; the first group stays in its block, each
 * other one becomes a block of its own. A small word (under half the line's ink height: a
 * footnote marker, a stray mark) stays with the word before it.
 */
function splitMisaligned(line: BboxLine): BboxLine[] {
  const inkHeight = median(line.words.map((w) => w.yMax - w.yMin));
  const tolerance = 0.35 * inkHeight;
  const groups: BboxWord[][] = [];
  const centres: number[][] = [];
  let last: BboxWord[] | undefined;
  for (const w of line.words) {
    const centre = (w.yMin + w.yMax) / 2;
    if (last && w.yMax - w.yMin < 0.5 * inkHeight) {
      last.push(w);
      continue;
    }
    const at = centres.findIndex((cs) => Math.abs(median(cs) - centre) <= tolerance);
    if (at >= 0) {
      groups[at]!.push(w);
      centres[at]!.push(centre);
      last = groups[at];
    } else {
      groups.push([w]);
      centres.push([centre]);
      last = groups[groups.length - 1];
    }
  }
  if (groups.length === 1) return [line];
  return groups.map((words) => ({ ...unionBox(words), words }));
}

/**
 * Letters and marks that reach below the baseline: `g`, `p`, `(`, `,`, the dot below (`ộ`,
 * `ị`): their ink ends ≈ 0.18 em under it (`g` of `Tổng` and `ạ` of `phạm` alike, measured
 * on 13–14 pt scans).
 */
const DESCENT_INK = 0.18;
const DESCENDS = /[gjpqyQJ(),;[\]{}|ạặậẹệịọộợụựỵẠẶẬẸỆỊỌỘỢỤỰỴ]/u;
/** A word with a letter or digit in it: its ink reaches the baseline. */
const ON_BASELINE = /[\p{L}\p{N}]/u;

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
 * A text layer's word box is the font's ascent and descent: 0.95 and 0.35 em where the font
 * does not state them (LibreOffice's PDFs, `pdf/bbox-page.ts`), 1.19 em measured on Word's
 * Times New Roman in LibreOffice. Single-spaced lines step 1.15 em, so a box is a little
 * taller than a line step: the layout tells a cell's wrapped lines from the next row by it.
 */
const ASCENT = 0.95;
const DESCENT = 0.3;

/**
 * Gives a line's words the box a text layer would (ASCENT above the baseline, DESCENT below),
 * the same for every word. The box must be the type size's, not the ink's (ink of `Năm` is
 * 0.6 em, of `Ệ` 0.95).
 *
 * - The baseline is the median bottom of the words with nothing below it (`DESCENDS`), so
 *   two cells side by side, one holding `(Tính` or `lòng chung`, share a baseline; in a line
 *   of such words only (`phạm pháp luật`), their median bottom less DESCENT_INK. Signs
 *   alone (`=` in `(Có xây dựng = 1;`) end above the baseline and are not counted beside
 *   letters or digits: a baseline set by `=` put a cell's second line 0.2 em high, and its
 *   first line then fell in another row.
 * - The type size is the line's own (`emEstimates`; a heading is larger); else tesseract's
 *   size of the line (`sizeEm`, `hocr-line-sizes.ts`), scaled by what it is in ems on the
 *   page's lines that tell their own; else the page's.
 * - A small word whose ink ends above the line's middle is a footnote marker and keeps
 *   its own box.
 */
function onBaseline(line: BboxLine, pageEm: number, sizeEm: number): void {
  const middle = (line.yMin + line.yMax) / 2;
  const raised = (w: BboxWord) => w.yMax - w.yMin < 0.5 * (line.yMax - line.yMin) && w.yMax < middle;
  const body = line.words.filter((w) => !raised(w));
  if (body.length === 0) return;
  const own = median(emEstimates({ ...line, words: body }));
  // Without a page size either, the line's ink height stands for 1.1 em.
  const em = own || sizeEm || pageEm || median(body.map((w) => w.yMax - w.yMin)) / 1.1;
  // A word of signs only (`=`, `-`, `+`) floats above the baseline: beside letters or
  // digits it tells nothing of it. (A line of a sign alone, a `-` in the STT column, keeps
  // its ink bottom as baseline, as the layout's row grouping was measured with.)
  const lettered = body.filter((w) => ON_BASELINE.test(w.text));
  const basis = lettered.length > 0 ? lettered : body;
  const flat = basis.filter((w) => !DESCENDS.test(w.text));
  // A word with nothing below the baseline sits on it; another reaches ≈ 0.18 em below it.
  const baseline = flat.length > 0 ? median(flat.map((w) => w.yMax)) : median(basis.map((w) => w.yMax - DESCENT_INK * em));
  for (const w of body) {
    w.yMin = baseline - ASCENT * em;
    w.yMax = baseline + DESCENT * em;
  }
  line.yMin = Math.min(...line.words.map((w) => w.yMin));
  line.yMax = Math.max(...line.words.map((w) => w.yMax));
}
