import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { htmlToBlocks, type TextBlock } from '../docx/html-blocks.ts';
import { parseHtml, type HtmlElement, type HtmlNode } from '../docx/mammoth-html.ts';
import { lastLine, runTool } from '../tool-process.ts';

/**
 * Reads a Word binary file with antiword 0.37 (Debian `antiword`), the fallback when LibreOffice
 * is not installed: `antiword -x db <file>` prints the document as DocBook 4.1 XML, always UTF-8.
 * Its elements are renamed to the HTML ones the DOCX reader's block rules know (html-blocks.ts),
 * so both readers cut paragraphs, headings and cells the same way:
 *
 *   para                              → p
 *   title (of chapter, sect1 … sect5) → h2 (a heading)
 *   informaltable, table              → table;  tgroup, tbody, thead → tbody;  row → tr;  entry → td
 *   emphasis role="bold"              → strong; other emphasis → em
 *   superscript, subscript            → sup, sub
 *   itemizedlist, orderedlist, listitem → ul, ol, li
 *   footnote                          → its paragraphs, moved to the end of the document (as the
 *                                       DOCX reader's notes are)
 *   bookinfo, the book's own title, colspec → dropped (the title is the file's metadata, and
 *                                       antiword writes it in the wrong encoding)
 *   anything else (book, chapter, sect1 …) → its children
 *
 * What antiword loses (measured on the five samples saved as .doc by LibreOffice; see
 * doc-structure-reader.ts):
 *   - merged cells: antiword has no colspan/rowspan, and the tables of sample 003, whose headers
 *     merge cells, come out garbled or not at all (with the text around them);
 *   - line breaks inside a paragraph (Word's vertical tab): its DocBook writes nothing for them,
 *     so the words either side run together ("54.599⏎hồ sơ" → "54.599hồ sơ"). Its plain-text
 *     mode keeps them, but has no headings and draws tables as ASCII art;
 *   - documents with very little text ("the text stream of this file is too small to handle"),
 *     which it refuses (TH_ERR_DOC_CORRUPT, with its words).
 */
const RENAMED: Readonly<Record<string, string>> = {
  para: 'p', title: 'h2', informaltable: 'table', table: 'table', tgroup: 'tbody', tbody: 'tbody', thead: 'tbody',
  row: 'tr', entry: 'td', superscript: 'sup', subscript: 'sub', itemizedlist: 'ul', orderedlist: 'ol', listitem: 'li',
};
const DROPPED: ReadonlySet<string> = new Set(['bookinfo', 'colspec']);

export interface AntiwordRun {
  inputPath: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** Path of antiword. */
  antiword: string;
  /** What the file is called in errors. */
  fileName: string;
}

/** Runs antiword on one file and returns its DocBook XML. */
export async function runAntiword(job: AntiwordRun): Promise<string> {
  let outcome;
  try {
    outcome = await runTool({ command: job.antiword, args: ['-x', 'db', job.inputPath], timeoutMs: job.timeoutMs, env: job.env });
  } catch (err) {
    throw tonghopError('TH_ERR_DOC_TOOL_MISSING', [`${job.fileName} (${job.antiword}: ${(err as Error).message})`], err);
  }
  const failed = (why: string) => tonghopError('TH_ERR_DOC_CORRUPT', [`${job.fileName} (antiword: ${why})`]);
  if (outcome.timedOut) throw failed(`stopped after ${job.timeoutMs} ms`);
  if (outcome.overflow) throw failed('output too large');
  if (/encrypted/i.test(outcome.stderr)) throw tonghopError('TH_ERR_DOC_ENCRYPTED', [job.fileName]);
  if (outcome.code !== 0) throw failed(lastLine(outcome.stderr) || `exit ${outcome.code ?? outcome.signal}`);
  return outcome.stdout;
}

/** antiword's DocBook → the document's text blocks, in order (NFC, as html-blocks.ts makes them). */
export function docBookBlocks(xml: string): TextBlock[] {
  // The XML declaration and DOCTYPE are not tags to the HTML tokenizer; they would be read as text.
  const body = xml.replace(/^\s*<\?xml[^>]*\?>/, '').replace(/^\s*<!DOCTYPE[^>]*>/, '');
  const notes: HtmlNode[] = [];
  const nodes = renamed(parseHtml(body), notes);
  return htmlToBlocks([...nodes, ...notes]).blocks;
}

function renamed(nodes: readonly HtmlNode[], notes: HtmlNode[]): HtmlNode[] {
  const out: HtmlNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push(node);
      continue;
    }
    if (DROPPED.has(node.name)) continue;
    if (node.name === 'footnote') {
      notes.push(...renamed(node.children, notes));
      continue;
    }
    // The book's own title (its metadata) comes before its first chapter.
    if (node.name === 'book') {
      out.push(element('div', renamed(node.children.filter((c) => !(c.type === 'element' && c.name === 'title')), notes)));
      continue;
    }
    const children = renamed(node.children, notes);
    if (node.name === 'emphasis') out.push(element(node.attributes.get('role') === 'bold' ? 'strong' : 'em', children));
    else out.push(element(RENAMED[node.name] ?? 'div', children));
  }
  return out;
}

function element(name: string, children: HtmlNode[]): HtmlElement {
  return { type: 'element', name, attributes: new Map(), children };
}
