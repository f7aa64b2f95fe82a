/**
 * A tokenizer and tree builder for the HTML that mammoth writes, and nothing more. It is not a
 * general HTML parser: there are no implied end tags, no foster parenting, no scripts or CDATA.
 * mammoth's writer (lib/writers/html-writer.js) emits only this grammar:
 *
 *   html      = *( text / comment / start-tag / end-tag )
 *   start-tag = "<" name *( 1*ws attribute ) *ws [ "/" ] ">"     ; "<br />", "<img ... />" self-close
 *   end-tag   = "</" name *ws ">"
 *   attribute = name [ *ws "=" *ws ( DQUOTE *(not DQUOTE) DQUOTE / "'" *(not "'") "'" / 1*(not ws or ">") ) ]
 *   comment   = "<!--" *char "-->"                                ; never written by mammoth; skipped
 *   text      = 1*( char / entity )                               ; "<" not starting a tag is kept as text
 *   entity    = "&amp;" / "&lt;" / "&gt;" / "&quot;" / "&#39;" / "&apos;" / "&nbsp;" / "&#" 1*DIGIT ";" / "&#x" 1*HEXDIG ";"
 *
 * Tag and attribute names are lower-cased. An unknown entity stays as written. Tree building
 * matches each end tag with the nearest open element of that name, closing what lies between;
 * an end tag with no open match is dropped, and elements still open at the end are closed.
 */

export type HtmlToken =
  | { type: 'start'; name: string; attributes: ReadonlyMap<string, string>; selfClosing: boolean }
  | { type: 'end'; name: string }
  | { type: 'text'; text: string };

export interface HtmlElement {
  type: 'element';
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: HtmlNode[];
}

export interface HtmlText {
  type: 'text';
  text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

/** Elements that never have content, whether or not written as `<x />`. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set(['br', 'img', 'input', 'hr', 'col', 'wbr', 'meta', 'link']);

/**
 * Deepest element nesting kept as elements; deeper start tags are dropped (their text is kept
 * in the enclosing element), so that the recursive walks over the tree have a bounded depth.
 * Real reports nest a few levels (table › tr › td › p › strong); 200 is far beyond that.
 */
export const MAX_HTML_DEPTH = 200;

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0'],
]);

/** Decodes the entities of the grammar above; anything else that starts with `&` is kept as is. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      // Surrogates and out-of-range code points are not characters; keep the entity visible.
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES.get(body) ?? whole;
  });
}

const NAME = /[A-Za-z][A-Za-z0-9:-]*/y;
const WHITESPACE = /[ \t\n\r\f]*/y;
const ATTRIBUTE_NAME = /[^\s"'<>/=]+/y;
const UNQUOTED_VALUE = /[^\s>]+/y;

function match(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/** Splits mammoth's HTML into start tags, end tags and decoded text, in order. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let text = '';
  const flushText = () => {
    if (text !== '') tokens.push({ type: 'text', text: decodeEntities(text) });
    text = '';
  };
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      text += html.slice(pos);
      break;
    }
    text += html.slice(pos, lt);
    const tag = html.startsWith('<!--', lt) ? skipComment(html, lt) : readTag(html, lt);
    if (tag === undefined) {
      // A "<" that opens no tag is literal text.
      text += '<';
      pos = lt + 1;
      continue;
    }
    flushText();
    if (tag.token) tokens.push(tag.token);
    pos = tag.end;
  }
  flushText();
  return tokens;
}

function skipComment(html: string, at: number): { token?: HtmlToken; end: number } {
  const close = html.indexOf('-->', at + 4);
  return { end: close < 0 ? html.length : close + 3 };
}

/** Reads the tag at `at` (which holds "<"), or undefined when no well-formed tag starts there. */
function readTag(html: string, at: number): { token: HtmlToken; end: number } | undefined {
  const closing = html[at + 1] === '/';
  let pos = at + (closing ? 2 : 1);
  const rawName = match(NAME, html, pos);
  if (rawName === undefined) return undefined;
  const name = rawName.toLowerCase();
  pos += rawName.length;
  const attributes = new Map<string, string>();
  for (;;) {
    pos += match(WHITESPACE, html, pos)?.length ?? 0;
    const ch = html[pos];
    if (ch === undefined) return undefined;
    if (ch === '>') {
      const token: HtmlToken = closing ? { type: 'end', name } : { type: 'start', name, attributes, selfClosing: false };
      return { token, end: pos + 1 };
    }
    if (ch === '/' && html[pos + 1] === '>') {
      const token: HtmlToken = closing ? { type: 'end', name } : { type: 'start', name, attributes, selfClosing: true };
      return { token, end: pos + 2 };
    }
    const attributeName = match(ATTRIBUTE_NAME, html, pos);
    if (attributeName === undefined) return undefined;
    pos += attributeName.length;
    const afterName = pos + (match(WHITESPACE, html, pos)?.length ?? 0);
    let value = '';
    if (html[afterName] === '=') {
      pos = afterName + 1;
      pos += match(WHITESPACE, html, pos)?.length ?? 0;
      const quote = html[pos];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, pos + 1);
        if (close < 0) return undefined;
        value = html.slice(pos + 1, close);
        pos = close + 1;
      } else {
        const bare = match(UNQUOTED_VALUE, html, pos) ?? '';
        value = bare;
        pos += bare.length;
      }
    }
    const key = attributeName.toLowerCase();
    // The first of duplicated attributes wins, as in browsers.
    if (!attributes.has(key)) attributes.set(key, decodeEntities(value));
  }
}

/** Builds the element tree of a fragment of mammoth's HTML (see the file header for the rules). */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { type: 'element', name: '#root', attributes: new Map(), children: [] };
  const stack: HtmlElement[] = [root];
  let dropped = 0; // start tags past MAX_HTML_DEPTH whose end tags must be swallowed too
  for (const token of tokenizeHtml(html)) {
    const top = stack[stack.length - 1] ?? root;
    if (token.type === 'text') {
      const last = top.children[top.children.length - 1];
      if (last?.type === 'text') last.text += token.text;
      else top.children.push({ type: 'text', text: token.text });
    } else if (token.type === 'start') {
      const element: HtmlElement = { type: 'element', name: token.name, attributes: token.attributes, children: [] };
      const isVoid = token.selfClosing || VOID_ELEMENTS.has(token.name);
      if (isVoid) {
        top.children.push(element);
      } else if (stack.length > MAX_HTML_DEPTH) {
        dropped += 1;
      } else {
        top.children.push(element);
        stack.push(element);
      }
    } else {
      let open = -1;
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i]?.name === token.name) { open = i; break; }
      }
      if (dropped > 0 && (open < 0 || stack.length > MAX_HTML_DEPTH)) {
        dropped -= 1;
      } else if (open > 0) {
        stack.length = open;
      }
    }
  }
  return root.children;
}

/** The concatenated text of a node and its descendants. */
export function textContent(node: HtmlNode): string {
  if (node.type === 'text') return node.text;
  return node.children.map(textContent).join('');
}
