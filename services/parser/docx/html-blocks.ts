import { toScriptDigits } from '../numbers/script-digits.ts';
import { inlineRuns, inlineText, type InlineContext } from './html-inline.ts';
import type { HtmlElement, HtmlNode } from './mammoth-html.ts';

/**
 * mammoth's HTML tree → the document's blocks in order, as text (no positions yet; see
 * page-layout.ts). What becomes what:
 *
 *   `<p>`, `<h1>`…`<h6>`, `<li>`, `<dt>`, `<dd>`   → one paragraph each; empty ones are dropped
 *   `<h1>`…`<h6>`, or a paragraph entirely bold    → `heading: true`
 *   `<li>` with a nested list                      → its own text, then each nested item
 *   `<table>`                                      → a table; rows in order, through `<thead>`/`<tbody>`
 *   `<td>`/`<th>`                                  → a cell: its paragraphs joined by one space,
 *                                                    `colspan`/`rowspan` kept
 *   a table inside a cell                          → flattened into that cell's text: its cells'
 *                                                    texts in row order, joined by one space
 *   `<li id="footnote-7">` (the notes mammoth puts in an `<ol>` at the end)
 *                                                  → paragraphs; the first starts with the note's
 *                                                    superscript label, "³ Nội dung chú thích"
 *   anything else (`<ul>`, `<ol>`, `<div>`, …)     → its children, in order
 *
 * Text that sits directly in a container next to blocks (e.g. a list item's own text before its
 * nested list) is a paragraph of its own.
 */
export interface TextParagraph {
  kind: 'paragraph';
  text: string;
  heading: boolean;
}

export interface TextCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface TextTable {
  kind: 'table';
  rows: TextCell[][];
}

export type TextBlock = TextParagraph | TextTable;

export interface HtmlBlocks {
  blocks: TextBlock[];
  /** Images in the document; their content is not read. */
  images: number;
}

const HEADINGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const TABLE_SECTIONS: ReadonlySet<string> = new Set(['thead', 'tbody', 'tfoot']);
const BLOCKS: ReadonlySet<string> = new Set([
  ...HEADINGS, ...TABLE_SECTIONS, 'p', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th',
  'div', 'blockquote', 'pre', 'hr', 'caption', 'section', 'article', 'figure', 'figcaption',
]);
const NOTE_BODY = /^((?:footnote|endnote)-(?!ref-)(.+))$/;
/** HTML's own caps on spans (colspan ≤ 1000, rowspan ≤ 65534). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65_534;

interface FlowOptions {
  heading: boolean;
  /** A footnote's label, waiting for the note's first paragraph. */
  mark: { pending: string | undefined };
}

export function htmlToBlocks(nodes: readonly HtmlNode[]): HtmlBlocks {
  const context: InlineContext = { noteLabels: new Map(), images: 0 };
  const blocks: TextBlock[] = [];
  flow(nodes, context, blocks, { heading: false, mark: { pending: undefined } });
  return { blocks, images: context.images };
}

function isBlock(node: HtmlNode): node is HtmlElement {
  return node.type === 'element' && BLOCKS.has(node.name);
}

function flow(nodes: readonly HtmlNode[], context: InlineContext, out: TextBlock[], options: FlowOptions): void {
  let inline: HtmlNode[] = [];
  const flush = () => {
    if (inline.length > 0) paragraph(inline, context, out, options);
    inline = [];
  };
  for (const node of nodes) {
    if (!isBlock(node)) {
      inline.push(node);
      continue;
    }
    flush();
    if (node.name === 'table') {
      const table = readTable(node, context);
      if (table.rows.length > 0) out.push(table);
    } else if (node.name === 'li' && NOTE_BODY.test(node.attributes.get('id') ?? '')) {
      const id = node.attributes.get('id') ?? '';
      const label = context.noteLabels.get(id) ?? NOTE_BODY.exec(id)?.[2] ?? '';
      flow(node.children, context, out, { heading: false, mark: { pending: toScriptDigits(label, 'sup') } });
    } else {
      flow(node.children, context, out, { ...options, heading: options.heading || HEADINGS.has(node.name) });
    }
  }
  flush();
}

function paragraph(nodes: readonly HtmlNode[], context: InlineContext, out: TextBlock[], options: FlowOptions): void {
  const runs = inlineRuns(nodes, context);
  const { text, allBold } = inlineText(runs);
  if (text === '') return;
  const mark = options.mark.pending;
  if (mark !== undefined && mark !== '') {
    options.mark.pending = undefined;
    out.push({ kind: 'paragraph', text: `${mark} ${text}`, heading: options.heading });
    return;
  }
  out.push({ kind: 'paragraph', text, heading: options.heading || allBold });
}

function readTable(table: HtmlElement, context: InlineContext): TextTable {
  const rows: TextCell[][] = [];
  const visit = (nodes: readonly HtmlNode[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.name === 'tr') rows.push(readRow(node, context));
      else if (TABLE_SECTIONS.has(node.name)) visit(node.children);
    }
  };
  visit(table.children);
  return { kind: 'table', rows };
}

function readRow(row: HtmlElement, context: InlineContext): TextCell[] {
  const cells: TextCell[] = [];
  for (const node of row.children) {
    if (node.type === 'element' && (node.name === 'td' || node.name === 'th')) cells.push(readCell(node, context));
  }
  return cells;
}

function readCell(cell: HtmlElement, context: InlineContext): TextCell {
  const blocks: TextBlock[] = [];
  flow(cell.children, context, blocks, { heading: false, mark: { pending: undefined } });
  return {
    text: flatText(blocks),
    colSpan: span(cell.attributes.get('colspan'), MAX_COLSPAN),
    rowSpan: span(cell.attributes.get('rowspan'), MAX_ROWSPAN),
  };
}

/** Paragraph texts and (nested) table cell texts, in order, joined by one space. */
function flatText(blocks: readonly TextBlock[]): string {
  return blocks
    .flatMap((block) => (block.kind === 'paragraph' ? [block.text] : block.rows.flatMap((row) => row.map((cell) => cell.text))))
    .filter((text) => text !== '')
    .join(' ');
}

function span(value: string | undefined, max: number): number {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return 1;
  const n = Number.parseInt(value, 10);
  return n < 1 ? 1 : Math.min(n, max);
}
