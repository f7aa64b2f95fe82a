import { normalizeText } from '../page-text.ts';
import type { Block, DocumentPage, TableRow } from '../document-model.ts';
import type { BboxBlock, BboxPage, Box } from './bbox-page.ts';
import { lineText } from './line-text.ts';
import { joinLines } from './line-join.ts';
import { findFurniture, type FurnitureCandidate } from './running-furniture.ts';
import { buildTextLines } from './text-lines.ts';
import { detectTables, newTableContext, type DetectedTable } from './table-detector.ts';
import type { GridCell } from './table-grid.ts';

/**
 * Lays out positioned PDF text as the document model: paragraphs in reading order,
 * tables as rows of cells, page furniture dropped.
 *
 * - Furniture (page numbers, running headers) is found on poppler's blocks first and
 *   left out of everything else. A bare number that shares its height with other text
 *   is a table value, not a page number, and is never furniture.
 * - Tables are rebuilt from word geometry (`table-detector.ts`); the lines they use are
 *   taken out of poppler's blocks.
 * - What is left of each block is prose: each run of its remaining lines is a paragraph,
 *   top to bottom, then left to right (the reports here are single-column). Lines are
 *   joined as `line-join.ts` says (`18/KH-` + `UBND` → `18/KH-UBND`).
 * - A paragraph is a heading when it is one or two short lines opening with a section
 *   number (`I.`, `2.`, `1.2.`, `a)`) or written in capitals.
 * - The last paragraph of a page `continues` when it does not end a sentence and the
 *   next page opens with running text.
 */
interface Laid extends Box {
  text: string;
  lineCount: number;
}

type Item = ({ kind: 'paragraph' } & Laid) | ({ kind: 'table' } & DetectedTable);

export function layoutPdfPages(pages: BboxPage[]): DocumentPage[] {
  const furniture = findFurniture(furnitureCandidates(pages), pages.length);
  const tableContext = newTableContext();
  let index = 0;
  return pages.map((page, p): DocumentPage => {
    const skip = (b: number) => furniture.has(`${p}:${b}`);
    const tables = detectTables(buildTextLines(page.blocks, skip), tableContext);
    const used = new Set<string>();
    for (const t of tables) for (const l of t.lines) for (const r of l.sources) used.add(`${r.block}:${r.line}`);
    const items: Item[] = tables.map((t) => ({ kind: 'table', ...t }));
    page.blocks.forEach((block, b) => {
      if (skip(b)) return;
      for (const laid of layProse(block, (l) => used.has(`${b}:${l}`))) items.push({ kind: 'paragraph', ...laid });
    });
    items.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    const last = items[items.length - 1];
    tableContext.carried = last?.kind === 'table' ? { columns: last.columns, height: last.lines[0]!.height } : undefined;
    const out = { text: '' };
    const blocks: Block[] = [];
    for (const item of items) {
      const start = out.text.length;
      if (item.kind === 'paragraph') {
        out.text += `${item.text}\n`;
        blocks.push({ kind: 'paragraph', index: index++, start, end: start + item.text.length, ...(isHeading(item) ? { heading: true } : {}) });
      } else {
        const rows = writeTable(item.rows, out);
        blocks.push({ kind: 'table', index: index++, start, end: out.text.length - 1, rows });
      }
    }
    return { page: p + 1, text: out.text, blocks };
  }).map((page, p, all) => markContinuation(page, all[p + 1]));
}

/** Appends a table to the page text, one line per row, cells separated by tabs. */
function writeTable(grid: GridCell[][], out: { text: string }): TableRow[] {
  const rows: TableRow[] = [];
  for (const row of grid) {
    const cells = row.map((cell, i) => {
      if (i > 0) out.text += '\t';
      const start = out.text.length;
      out.text += cell.text;
      return { start, end: out.text.length, ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}) };
    });
    out.text += '\n';
    rows.push({ cells });
  }
  return rows;
}

function furnitureCandidates(pages: BboxPage[]): (FurnitureCandidate & { key: string })[] {
  return pages.flatMap((page, p) => page.blocks.flatMap((block, b) => {
    // Only the top and bottom tenths of a page can hold furniture (`isInMargin`).
    if (block.yMax >= page.height * 0.1 && block.yMin <= page.height * 0.9) return [];
    const laid = layLines(block, block.lines.map((_, i) => i));
    if (!laid || (/^\d+$/.test(laid.text) && sharesHeight(block, page.blocks))) return [];
    return [{ ...laid, key: `${p}:${b}`, page: p, pageHeight: page.height }];
  }));
}

function sharesHeight(block: BboxBlock, all: BboxBlock[]): boolean {
  const h = block.yMax - block.yMin;
  return all.some((o) => o !== block && Math.min(o.yMax, block.yMax) - Math.max(o.yMin, block.yMin) > 0.5 * h);
}

/** The block's lines not used by a table, as paragraphs: one per run of consecutive lines. */
function layProse(block: BboxBlock, used: (line: number) => boolean): Laid[] {
  const out: Laid[] = [];
  let run: number[] = [];
  const flush = () => {
    const laid = layLines(block, run);
    if (laid) out.push(laid);
    run = [];
  };
  block.lines.forEach((_, l) => {
    if (used(l)) flush();
    else run.push(l);
  });
  flush();
  return out;
}

function layLines(block: BboxBlock, indices: number[]): Laid | undefined {
  const lines: string[] = [];
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (const i of indices) {
    const line = block.lines[i]!;
    const t = normalizeText(lineText(line)).trim();
    if (t === '') continue;
    lines.push(t);
    xMin = Math.min(xMin, line.xMin);
    yMin = Math.min(yMin, line.yMin);
    xMax = Math.max(xMax, line.xMax);
    yMax = Math.max(yMax, line.yMax);
  }
  const text = joinLines(lines);
  if (text.trim() === '') return undefined;
  return { xMin, yMin, xMax, yMax, text, lineCount: lines.length };
}

const SECTION_NUMBER = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|Phần thứ|PHẦN THỨ|Phụ lục|PHỤ LỤC|Chương|CHƯƠNG)\s/u;

function isHeading(b: Laid): boolean {
  if (b.lineCount > 2 || b.text.length > 160) return false;
  const letters = b.text.replace(/[^\p{L}]/gu, '');
  return SECTION_NUMBER.test(b.text) || (letters.length >= 4 && letters === letters.toUpperCase());
}

function markContinuation(page: DocumentPage, next: DocumentPage | undefined): DocumentPage {
  const last = page.blocks[page.blocks.length - 1];
  const first = next?.blocks[0];
  if (last?.kind !== 'paragraph' || last.heading || first?.kind !== 'paragraph' || first.heading) return page;
  const tail = page.text.slice(last.start, last.end);
  if (/[.:;!?…"”)]$/.test(tail)) return page;
  last.continues = true;
  return page;
}
