import { normalizeText } from '../page-text.ts';
import { toScriptDigits } from '../numbers/script-digits.ts';
import { textContent, type HtmlNode } from './mammoth-html.ts';

/**
 * The text of one paragraph (or list item, heading, table-cell paragraph) from mammoth's inline
 * HTML. Rules, in the order they apply:
 *
 *   `<br />`, tabs, newlines, NBSP and any other whitespace  → one space; the ends are trimmed
 *   `<strong>` / `<b>`                                        → bold (decides "entirely bold")
 *   `<sup>` holding only digits (and commas)                  → Unicode superscript digits: 54.599<sup>1</sup> → "54.599¹"
 *   `<sup>` holding anything else                             → its text as a separate word: 5<sup>a</sup>6 → "5 a 6"
 *                                                               (the spaces go only where a letter or digit
 *                                                               touches it: x<sup>n</sup>, → "x n,")
 *   `<sub>`                                                   → the same with subscript digits (₀…₉)
 *   footnote/endnote reference `<a href="#footnote-7">[3]</a>` → the label as superscript: "³"
 *   back-link `<a href="#footnote-ref-7">↑</a>`               → dropped
 *   `<img>`, `<input>`                                        → no text (images are counted)
 *   any other element (`em`, `u`, `s`, `a`, …)                → its text
 *
 * Superscript digits keep a footnote mark from gluing onto the figure it follows: "54.599" + "1"
 * would read as 54.5991, while "54.599¹" still parses as 54.599 (`\d` matches ASCII digits only).
 * NFC is applied to the joined paragraph, so a base letter and a combining mark split across
 * two runs still compose.
 */
export interface InlineContext {
  /** Footnote/endnote ids (`footnote-7`) → the label mammoth numbered its reference with (`3`). */
  noteLabels: Map<string, string>;
  /** Images seen so far; their content is not text. */
  images: number;
}

export interface InlineRun {
  text: string;
  /** Bold, not bold, or neutral (spaces, superscript marks) for the "entirely bold" test. */
  bold: boolean | undefined;
  /** A space that is kept only between a letter or digit on each side. */
  soft?: true;
}

export interface InlineText {
  text: string;
  /** Some text, and every non-space character of it outside superscript marks is bold. */
  allBold: boolean;
}

const MARK_DIGITS = /^[0-9⁰¹²³⁴-⁹₀-₉]+(?:,[0-9⁰¹²³⁴-⁹₀-₉]+)*$/;
const SOFT_SPACE: InlineRun = { text: ' ', bold: undefined, soft: true };
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const NOTE_REFERENCE = /^#((?:footnote|endnote)-(?!ref-).+)$/;
const NOTE_BACK_LINK = /^#(?:footnote|endnote|comment)-ref-/;

/** A superscript or subscript span: digits in the small script, anything else as its own word. */
function scriptRuns(inner: InlineRun[], script: 'sup' | 'sub'): InlineRun[] {
  const text = inner.map((run) => run.text).join('').trim();
  if (text === '') return [];
  if (MARK_DIGITS.test(text)) return [{ text: toScriptDigits(text, script), bold: undefined }];
  return [SOFT_SPACE, ...inner, SOFT_SPACE];
}

/** Flattens inline nodes into runs of text with their boldness (see the file header). */
export function inlineRuns(nodes: readonly HtmlNode[], context: InlineContext, bold = false): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      runs.push({ text: node.text, bold });
      continue;
    }
    switch (node.name) {
      case 'br':
        runs.push({ text: ' ', bold: undefined });
        break;
      case 'img':
        context.images += 1;
        break;
      case 'input':
        break;
      case 'strong':
      case 'b':
        runs.push(...inlineRuns(node.children, context, true));
        break;
      case 'sup':
      case 'sub':
        runs.push(...scriptRuns(inlineRuns(node.children, context, bold), node.name));
        break;
      case 'a': {
        const href = node.attributes.get('href') ?? '';
        if (NOTE_BACK_LINK.test(href)) break;
        const note = NOTE_REFERENCE.exec(href)?.[1];
        if (note !== undefined) {
          const label = textContent(node).replace(/[[\]\s]/g, '');
          context.noteLabels.set(note, label);
          runs.push(...scriptRuns([{ text: label, bold: undefined }], 'sup'));
          break;
        }
        runs.push(...inlineRuns(node.children, context, bold));
        break;
      }
      default:
        runs.push(...inlineRuns(node.children, context, bold));
    }
  }
  return runs;
}

/** Whitespace collapsed and trimmed, NFC. */
export function collapseText(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}

/** The paragraph text of some runs, and whether it is entirely bold. */
export function inlineText(runs: readonly InlineRun[]): InlineText {
  const text = collapseText(joinRuns(runs));
  let boldSeen = false;
  let plainSeen = false;
  for (const run of runs) {
    if (run.bold === undefined || !/\S/.test(run.text)) continue;
    if (run.bold) boldSeen = true;
    else plainSeen = true;
  }
  return { text, allBold: text !== '' && boldSeen && !plainSeen };
}

/** The runs' text, each soft space kept only if a letter or digit is on both sides of it. */
function joinRuns(runs: readonly InlineRun[]): string {
  let joined = '';
  runs.forEach((run, i) => {
    if (!run.soft) {
      joined += run.text;
      return;
    }
    const before = joined.at(-1) ?? '';
    let after = '';
    for (let j = i + 1; j < runs.length && after === ''; j++) after = runs[j]?.text[0] ?? '';
    if (WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after)) joined += ' ';
  });
  return joined;
}
