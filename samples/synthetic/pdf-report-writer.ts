import { textWidth, type FontFace } from './glyph-widths.ts';
import { A4, writePdf, type PdfPage, type PdfRule, type PdfText } from './pdf-writer.ts';
import type { ReportBlock, ReportDocument } from './report-document.ts';

/**
 * A report document → PDF bytes: lays the blocks out on A4 pages the way an office
 * template does, then hands positioned text to pdf-writer.ts.
 *
 *   letterhead  two centred columns, 11 pt (issuer left, motto and date right)
 *   title       13 pt, centred, bold, wrapped, three lines below the letterhead
 *   paragraph   12 pt on 17 pt lines, first line indented, ragged right, 6 pt after
 *   heading     bold, flush left
 *   signature   bold, centred in the right half
 *   table       10 pt, ruled cells, labels wrapped in their column, values and headers centred;
 *               a row that does not fit starts a new page under a repeated header row
 */
export function writeReportPdf(document: ReportDocument): Uint8Array {
  const layout = new PageLayout();
  for (const block of document.blocks) layout.add(block);
  return writePdf(layout.finish(), { title: document.title });
}

const MARGIN = { left: 70, right: 50, top: 56, bottom: 60 } as const;
const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY = { size: 12, leading: 17, indent: 28, after: 6 } as const;
/** Larger than the letterhead by more than the table detector's 12 %, and set well below it, so the two stay apart. */
const TITLE = { size: 13, leading: 18 } as const;
const LETTERHEAD = { size: 11, leading: 15 } as const;
const TABLE = { size: 10, leading: 13, padding: 4 } as const;

interface DraftPage {
  texts: PdfText[];
  rules: PdfRule[];
}

class PageLayout {
  private readonly pages: DraftPage[] = [];
  private page!: DraftPage;
  /** Top of the free space on the current page. */
  private y = 0;

  constructor() {
    this.newPage();
  }

  finish(): PdfPage[] {
    return this.pages.map((p) => ({ texts: p.texts, rules: p.rules }));
  }

  add(block: ReportBlock): void {
    switch (block.kind) {
      case 'letterhead': return this.letterhead(block.left, block.right);
      case 'title': return this.title(block.lines);
      case 'heading': return this.lines(wrap(block.text, CONTENT_WIDTH, BODY.size, 'bold'), { face: 'bold', after: BODY.after });
      case 'paragraph': return this.paragraph(block.text);
      case 'signature': return this.signature(block.lines);
      case 'page-break': return this.newPage();
      case 'table': return this.table(block.header, block.rows, block.widths);
    }
  }

  private newPage(): void {
    this.page = { texts: [], rules: [] };
    this.pages.push(this.page);
    this.y = MARGIN.top;
  }

  /** Room for `height` more points, on a new page if need be. */
  private ensure(height: number): void {
    if (this.y + height > A4.height - MARGIN.bottom) this.newPage();
  }

  private text(x: number, baseline: number, text: string, size: number, face: FontFace): void {
    this.page.texts.push({ x, y: baseline, text, size, face });
  }

  private letterhead(left: string[], right: string[]): void {
    const columns = [{ lines: left, from: MARGIN.left - 30, to: 250 }, { lines: right, from: 255, to: A4.width - MARGIN.right + 20 }];
    const rows = Math.max(left.length, right.length);
    this.ensure(rows * LETTERHEAD.leading);
    columns.forEach(({ lines, from, to }, c) => {
      lines.forEach((line, i) => {
        const face: FontFace = (c === 0 && i > 0) || (c === 1 && i < 2) ? 'bold' : 'regular';
        // A long name is set smaller rather than run into the other column.
        const size = Math.min(LETTERHEAD.size, (LETTERHEAD.size * (to - from)) / textWidth(line, LETTERHEAD.size, face));
        const width = textWidth(line, size, face);
        this.text(from + (to - from - width) / 2, this.y + LETTERHEAD.size + i * LETTERHEAD.leading, line, size, face);
      });
    });
    this.y += rows * LETTERHEAD.leading + 3 * LETTERHEAD.leading;
  }

  /** The first line (`BÁO CÁO`, `Phụ lục`) a size larger and set apart: a reader must not run it into the subject. */
  private title(lines: string[]): void {
    lines.forEach((line, i) => {
      const size = i === 0 ? TITLE.size + 1 : TITLE.size;
      for (const piece of wrap(line, CONTENT_WIDTH - 40, size, 'bold')) {
        this.ensure(TITLE.leading);
        this.text(MARGIN.left + (CONTENT_WIDTH - textWidth(piece, size, 'bold')) / 2, this.y + size, piece, size, 'bold');
        this.y += TITLE.leading;
      }
      if (i === 0) this.y += TITLE.leading / 2;
    });
    this.y += 2 * BODY.after;
  }

  private paragraph(text: string): void {
    // Only the first line is indented.
    const pieces = wrap(text, CONTENT_WIDTH, BODY.size, 'regular', CONTENT_WIDTH - BODY.indent);
    pieces.forEach((piece, i) => {
      this.ensure(BODY.leading);
      this.text(MARGIN.left + (i === 0 ? BODY.indent : 0), this.y + BODY.size, piece, BODY.size, 'regular');
      this.y += BODY.leading;
    });
    this.y += BODY.after;
  }

  private lines(pieces: string[], options: { face: FontFace; after: number }): void {
    for (const piece of pieces) {
      this.ensure(BODY.leading);
      this.text(MARGIN.left, this.y + BODY.size, piece, BODY.size, options.face);
      this.y += BODY.leading;
    }
    this.y += options.after;
  }

  private signature(lines: string[]): void {
    this.y += BODY.after;
    this.ensure(lines.length * BODY.leading + 40);
    const centre = MARGIN.left + CONTENT_WIDTH * 0.72;
    lines.forEach((line, i) => {
      // A gap for the signature itself before the name.
      const extra = i === lines.length - 1 ? 40 : 0;
      this.text(centre - textWidth(line, BODY.size, 'bold') / 2, this.y + BODY.size + extra, line, BODY.size, 'bold');
      this.y += BODY.leading + extra;
    });
  }

  private table(header: string[], rows: string[][], widths: number[]): void {
    const scale = CONTENT_WIDTH / widths.reduce((s, w) => s + w, 0);
    const columns = widths.map((w) => w * scale);
    const lefts = columns.map((_, i) => MARGIN.left + columns.slice(0, i).reduce((s, w) => s + w, 0));
    const right = MARGIN.left + CONTENT_WIDTH;
    const cellLines = (row: string[], face: FontFace) => row.map((cell, c) => wrap(cell, columns[c]! - 2 * TABLE.padding, TABLE.size, face));
    const rowHeight = (lines: string[][]) => Math.max(...lines.map((l) => l.length)) * TABLE.leading + 2 * TABLE.padding;
    const headerLines = cellLines(header, 'bold');
    const drawRow = (lines: string[][], face: FontFace) => {
      const height = rowHeight(lines);
      const top = this.y;
      lines.forEach((cell, c) => {
        cell.forEach((piece, i) => {
          const width = textWidth(piece, TABLE.size, face);
          // STT and the values are centred, as are header cells: a value column then shares one
          // centre line with its header, so the reader sees one column.
          const centred = c === 0 || c === lines.length - 1 || face === 'bold';
          const x = centred ? lefts[c]! + (columns[c]! - width) / 2 : lefts[c]! + TABLE.padding;
          this.text(x, top + TABLE.padding + TABLE.size + i * TABLE.leading - 1, piece, TABLE.size, face);
        });
      });
      this.page.rules.push({ x1: MARGIN.left, y1: top + height, x2: right, y2: top + height });
      for (const x of [...lefts, right]) this.page.rules.push({ x1: x, y1: top, x2: x, y2: top + height });
      this.y += height;
    };
    const startTable = () => {
      this.page.rules.push({ x1: MARGIN.left, y1: this.y, x2: right, y2: this.y });
      drawRow(headerLines, 'bold');
    };
    this.ensure(rowHeight(headerLines) + rowHeight(cellLines(rows[0] ?? [], 'regular')));
    startTable();
    for (const row of rows) {
      const lines = cellLines(row, 'regular');
      if (this.y + rowHeight(lines) > A4.height - MARGIN.bottom) {
        this.newPage();
        startTable();
      }
      drawRow(lines, 'regular');
    }
    this.y += BODY.after;
  }
}

/** Greedy word wrap to a width in points (the first line may be narrower); a word longer than the width stands alone. */
export function wrap(text: string, width: number, size: number, face: FontFace, firstWidth = width): string[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, face) > (out.length === 0 ? firstWidth : width)) {
      out.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) out.push(line);
  return out.length > 0 ? out : [''];
}
