import { normalizeText } from '../page-text.ts';
import type { Block, DocumentPage, TableRow } from '../document-model.ts';
import type { BboxBlock, BboxPage, Box } from './poppler-bbox.ts';
import { lineText } from './line-text.ts';
import { findFurniture } from './running-furniture.ts';
import { buildGrid } from './table-grid.ts';

/**
 * Lays out positioned PDF text as the document model: paragraphs in reading order,
 * tables as rows of cells, page furniture dropped.
 *
 * - Blocks (poppler's paragraphs) are grouped into bands of vertically overlapping
 *   blocks. A band of two or more side-by-side blocks is a table row; consecutive rows
 *   are one table, and a lone full-width block squeezed between two rows (a section row)
 *   belongs to it. Everything else is a paragraph, top to bottom (the reports here are
 *   single-column).
 * - A paragraph's lines are joined with a space, except after a line ending in `-`
 *   that the next line continues without a space (`18/KH-` + `UBND` → `18/KH-UBND`).
 * - A paragraph is a heading when it is one short line opening with a section number
 *   (`I.`, `2.`, `1.2.`, `a)`) or written in capitals.
 * - The last paragraph of a page `continues` when it does not end a sentence and the
 *   next page opens with running text.
 */
interface Laid extends Box {
  text: string;
  lineCount: number;
  lineHeight: number;
}

type Region = { kind: 'paragraph'; block: Laid } | { kind: 'table'; rows: Laid[][] };

export function layoutPdfPages(pages: BboxPage[]): DocumentPage[] {
  const laidPages = pages.map((p) => p.blocks.map(layBlock).filter((b) => b.text.trim() !== ''));
  const furniture = findFurniture(
    laidPages.flatMap((blocks, p) => blocks.map((b, i) => ({ ...b, key: `${p}:${i}`, page: p, pageHeight: pages[p]!.height }))),
    pages.length,
  );
  const regionsPerPage = laidPages.map((blocks, p) => toRegions(blocks.filter((_, i) => !furniture.has(`${p}:${i}`))));
  let index = 0;
  return regionsPerPage.map((regions, p) => {
    let text = '';
    const blocks: Block[] = [];
    for (const region of regions) {
      const start = text.length;
      if (region.kind === 'paragraph') {
        text += `${region.block.text}\n`;
        blocks.push({ kind: 'paragraph', index: index++, start, end: start + region.block.text.length, ...(isHeading(region.block) ? { heading: true } : {}) });
        continue;
      }
      const rows: TableRow[] = [];
      for (const row of buildGrid(region.rows)) {
        const cells: TableRow['cells'] = [];
        row.forEach((cell, i) => {
          if (i > 0) text += '\t';
          const cellStart = text.length;
          text += cell.item?.text ?? '';
          cells.push({ start: cellStart, end: text.length, ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}) });
        });
        text += '\n';
        rows.push({ cells });
      }
      blocks.push({ kind: 'table', index: index++, start, end: text.length - 1, rows });
    }
    return { page: p + 1, text, blocks };
  }).map((page, p, all) => markContinuation(page, all[p + 1]));
}

function layBlock(block: BboxBlock): Laid {
  const lines = block.lines.map((l) => normalizeText(lineText(l)).trim()).filter((l) => l !== '');
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else if (/[^\s-]-$/.test(text) && /^[\p{Lu}\d]/u.test(line)) text += line;
    else text += ` ${line}`;
  }
  const lineHeight = block.lines.length > 0 ? (block.yMax - block.yMin) / block.lines.length : 0;
  return { xMin: block.xMin, yMin: block.yMin, xMax: block.xMax, yMax: block.yMax, text: text.replace(/\s+/g, ' '), lineCount: lines.length, lineHeight };
}

/** Groups blocks into bands of vertical overlap, then bands into paragraphs and tables. */
function toRegions(blocks: Laid[]): Region[] {
  const sorted = [...blocks].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const bands: { yMin: number; yMax: number; items: Laid[] }[] = [];
  for (const b of sorted) {
    const band = bands[bands.length - 1];
    const minHeight = Math.min(b.lineHeight || b.yMax - b.yMin, band ? band.yMax - band.yMin : Infinity);
    if (band && b.yMin < band.yMax - 0.3 * minHeight) {
      band.items.push(b);
      band.yMax = Math.max(band.yMax, b.yMax);
    } else {
      bands.push({ yMin: b.yMin, yMax: b.yMax, items: [b] });
    }
  }
  const isRow = (band: { items: Laid[] }) => band.items.length >= 2 && sideBySide(band.items);
  const regions: Region[] = [];
  for (let i = 0; i < bands.length; i++) {
    const band = bands[i]!;
    if (isRow(band)) {
      const rows: Laid[][] = [band.items];
      while (i + 1 < bands.length) {
        const next = bands[i + 1]!;
        if (isRow(next)) { rows.push(next.items); i++; continue; }
        const after = bands[i + 2];
        const prevBottom = bands[i]!.yMax;
        const gapLimit = 1.5 * (next.items[0]!.lineHeight || 14);
        if (after && isRow(after) && next.yMin - prevBottom < gapLimit && after.yMin - next.yMax < gapLimit) {
          rows.push(next.items);
          i++;
          continue;
        }
        break;
      }
      regions.push({ kind: 'table', rows: rows.map((r) => [...r].sort((a, b) => a.xMin - b.xMin)) });
    } else {
      for (const item of [...band.items].sort((a, b) => a.yMin - b.yMin)) regions.push({ kind: 'paragraph', block: item });
    }
  }
  return regions;
}

function sideBySide(items: Laid[]): boolean {
  const byX = [...items].sort((a, b) => a.xMin - b.xMin);
  return byX.every((b, i) => i === 0 || b.xMin >= byX[i - 1]!.xMax - 1);
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
