// Ground truth for PDF tables: the same report as a DOCX, whose tables are real Word tables.
// Reads the DOCX's rows straight from word/document.xml and scores the PDF layout's tables
// against them: for every DOCX data row (one with a number in a value column), the PDF row
// with the same label must hold the same numbers under the same column headers.
import { documentXml } from '../../../../samples/docx-text.ts';
import type { DocumentPage } from '../../../../services/parser/document-model.ts';

/** One table row as text cells, each with the grid column it starts in. */
export interface TruthRow {
  cells: { text: string; column: number; span: number }[];
}

const NUMBER = /^[-+]?\d[\d.,]*%?$/;
const MARKER = /^(?:\d{1,3}[.)]?|[IVXLC]{1,6}[.)]?|[a-zđ][.)]|[-+•–*])$/u;

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, c: string) => String.fromCodePoint(Number(c))).replace(/&amp;/g, '&');
}

/** The DOCX's tables, rows of cells (paragraphs of a cell joined by a space). */
export function docxTableRows(docx: Buffer): TruthRow[][] {
  const xml = documentXml(docx);
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) => {
      let column = 0;
      const cells = [...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => {
        const paragraphs = [...cell[1]!.matchAll(/<w:p[ >]([\s\S]*?)<\/w:p>/g)]
          .map((p) => [...p[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join(''));
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(cell[1]!)?.[1] ?? 1);
        const out = { text: paragraphs.join(' ').replace(/\s+/g, ' ').trim().normalize('NFC'), column, span };
        column += span;
        return out;
      });
      return { cells };
    }));
}

/** The tables of a laid-out PDF, in document order, as the same kind of rows. */
export function pdfTableRows(pages: DocumentPage[]): TruthRow[][] {
  const tables: TruthRow[][] = [];
  for (const page of pages) {
    for (const block of page.blocks) {
      if (block.kind !== 'table') continue;
      tables.push(block.rows.map((row) => {
        let column = 0;
        return {
          cells: row.cells.map((c) => {
            const out = { text: page.text.slice(c.start, c.end), column, span: c.colSpan ?? 1 };
            column += out.span;
            return out;
          }),
        };
      }));
    }
  }
  return tables;
}

const isValue = (row: TruthRow) => row.cells.some((c) => c.column > 0 && NUMBER.test(c.text));

/** Per column, the header text nearest the data: the last header row with text there. */
function headerKeys(rows: TruthRow[]): string[] {
  const keys: string[] = [];
  for (const row of rows) {
    if (isValue(row)) break;
    for (const c of row.cells) {
      if (c.text === '') continue;
      for (let k = c.column; k < c.column + c.span; k++) keys[k] = headerKey(c.text);
    }
  }
  return keys;
}

/** `Năm 2020 (Tính đến 31/3)` → `2020`; other headers by their letters. */
function headerKey(text: string): string {
  return /\b(?:19|20)\d\d\b/.exec(text)?.[0] ?? normalizeLabel(text);
}

export function normalizeLabel(text: string): string {
  return text.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface DataRow {
  table: number;
  label: string;
  values: Map<string, string>;
  numbers: string[];
}

function dataRows(tables: TruthRow[][]): DataRow[] {
  const out: DataRow[] = [];
  let lastKeys: string[] = [];
  tables.forEach((rows, t) => {
    let keys = headerKeys(rows);
    const valueColumns = new Set(rows.filter(isValue).flatMap((r) => r.cells.filter((c) => c.column > 0 && NUMBER.test(c.text)).map((c) => c.column)));
    // A continuation on the next page without its header: the previous table's headers.
    if (![...valueColumns].some((k) => keys[k] !== undefined)) keys = lastKeys;
    lastKeys = keys;
    for (const row of rows) {
      if (!isValue(row)) continue;
      const values = new Map<string, string>();
      const numbers: string[] = [];
      const label: string[] = [];
      for (const c of row.cells) {
        if (c.column > 0 && NUMBER.test(c.text)) {
          numbers.push(c.text);
          values.set(keys[c.column] ?? `#${c.column}`, c.text);
        } else if (c.text !== '' && !MARKER.test(c.text)) {
          label.push(c.text);
        }
      }
      out.push({ table: t, label: normalizeLabel(label.join(' ')), values, numbers });
    }
  });
  return out;
}

export interface TableScore {
  /** Numeric cells in the DOCX's data rows. */
  total: number;
  /** Of those, found in the PDF row with the same label, under the same column header. */
  recovered: number;
  /** DOCX data rows with no PDF row of that label. */
  unmatched: string[];
  /** Rows whose numbers differ: `label: docx [..] pdf [..]`. */
  wrong: string[];
  /** PDF cells holding two numbers, and PDF labels that end in a number the DOCX label lacks. */
  glued: string[];
}

export function scoreTables(docx: TruthRow[][], pdf: TruthRow[][]): TableScore {
  const truth = dataRows(docx);
  const found = dataRows(pdf);
  const score: TableScore = { total: 0, recovered: 0, unmatched: [], wrong: [], glued: [] };
  let cursor = 0;
  for (const row of truth) {
    score.total += row.values.size;
    const same = (r: DataRow) => r.label === row.label;
    const prefix = (r: DataRow) => r.label.length >= 8 && row.label.length >= 8 && (r.label.startsWith(row.label) || row.label.startsWith(r.label));
    const pick = (test: (r: DataRow) => boolean) => {
      const after = found.findIndex((r, i) => i >= cursor && test(r));
      return after >= 0 ? after : found.findIndex(test);
    };
    let at = pick(same);
    if (at < 0) at = pick(prefix);
    if (at < 0) { score.unmatched.push(row.label); continue; }
    cursor = at + 1;
    const match = found[at]!;
    if (match.label !== row.label && /^\d[\d.,]*%?$/.test(match.label.slice(row.label.length).trim())) {
      score.glued.push(`${match.label} (docx: ${row.label})`);
    }
    let ok = 0;
    for (const [key, value] of row.values) if (match.values.get(key) === value) ok++;
    score.recovered += ok;
    if (ok < row.values.size) score.wrong.push(`${row.label}: docx [${row.numbers.join(' ')}] pdf [${match.numbers.join(' ')}]`);
  }
  for (const table of pdf) {
    for (const row of table) {
      for (const c of row.cells) {
        const words = c.text.split(' ');
        if (words.length >= 2 && words.every((w) => NUMBER.test(w))) score.glued.push(c.text);
      }
    }
  }
  return score;
}
