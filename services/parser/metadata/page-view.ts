import type { Span } from './report-metadata.ts';

/** A page as the detectors read it: `text` is the original, `view` the same text with markup blanked. */
export interface PageView {
  page: number;
  text: string;
  /**
   * `text` with markdown/HTML emphasis (`**`, `##`, `<i>`) replaced by spaces of the same
   * length, so every offset in `view` is an offset in `text`: matching runs on `view`,
   * quotes come from `text`. Converters (pandoc, mammoth markdown) leave such markup in.
   */
  view: string;
}

export interface Line {
  /** Offsets of the line's content in the page, without the line break. */
  start: number;
  end: number;
  /** The blanked line, trimmed on neither side (offsets stay valid). */
  text: string;
}

const MARKUP = /\*+|_{2,}|^[ \t]*#{1,6}(?=[ \t])|<\/?[a-zA-Z][^>\n]*>|\\(?=[-*_#.])/gm;

export function toPageView(page: { page: number; text: string }): PageView {
  return { page: page.page, text: page.text, view: page.text.replace(MARKUP, (m) => ' '.repeat(m.length)) };
}

export function linesOf(view: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const part of view.split('\n')) {
    out.push({ start, end: start + part.length, text: part });
    start += part.length + 1;
  }
  return out;
}

/** The span [start, end) of a page, with surrounding whitespace left out of the quote. */
export function spanOf(page: PageView, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(page.view.charAt(s))) s += 1;
  while (e > s && /\s/.test(page.view.charAt(e - 1))) e -= 1;
  return { page: page.page, start: s, end: e, quote: page.text.slice(s, e) };
}

/** The first page with visible text (a scan's blank cover page is skipped). */
export function firstTextPage(pages: PageView[]): PageView | undefined {
  return pages.find((p) => p.view.trim().length > 0);
}

/**
 * Where the clause holding `pos` begins: after the last `.`, `;`, `:`, `!`, `?` followed by
 * a space, after the last comma, or at a line start. Numbers such as `54.599` or `13.12.16`
 * do not end a clause (no space after the dot).
 */
export function clauseStart(view: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i -= 1) {
    const c = view.charAt(i);
    if (c === '\n' || c === ',') return i + 1;
    if ('.;:!?'.includes(c) && /\s/.test(view.charAt(i + 1))) return i + 1;
  }
  return 0;
}

/** Like `clauseStart`, but commas do not end a sentence. */
export function sentenceStart(view: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i -= 1) {
    const c = view.charAt(i);
    if (c === '\n') return i + 1;
    if ('.;!?'.includes(c) && /\s/.test(view.charAt(i + 1))) return i + 1;
  }
  return 0;
}

/** Where the sentence holding `pos` ends (exclusive), at most `limit` characters on. */
export function sentenceEnd(view: string, pos: number, limit = 600): number {
  const stop = Math.min(view.length, pos + limit);
  for (let i = pos; i < stop; i += 1) {
    const c = view.charAt(i);
    if (c === '\n') return i;
    if ('.;!?'.includes(c) && (i + 1 >= view.length || /\s|\//.test(view.charAt(i + 1)))) return i + 1;
  }
  return stop;
}
