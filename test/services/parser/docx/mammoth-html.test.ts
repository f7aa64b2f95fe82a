import { describe, expect, it } from 'vitest';
import {
  decodeEntities, MAX_HTML_DEPTH, parseHtml, textContent, tokenizeHtml, type HtmlElement, type HtmlNode,
} from '../../../../services/parser/docx/mammoth-html.ts';

/** The tree as nested arrays, [name, {attributes}, ...children] or text, for compact expectations. */
type Shape = string | [string, Record<string, string>, ...Shape[]];
function shape(nodes: readonly HtmlNode[]): Shape[] {
  return nodes.map((node) => (node.type === 'text' ? node.text : [node.name, Object.fromEntries(node.attributes), ...shape(node.children)]));
}

function element(node: HtmlNode | undefined): HtmlElement {
  if (node?.type !== 'element') throw new Error('expected an element');
  return node;
}

describe('decodeEntities', () => {
  it('decodes the entities mammoth writes, and numeric ones', () => {
    expect(decodeEntities('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &apos;f&apos;')).toBe('a & b <c> "d" \'e\' \'f\'');
    expect(decodeEntities('&#7907;&#x1EE3;&#X1ee3;&nbsp;')).toBe('ợợợ\u00a0');
  });

  it('keeps unknown entities, bare ampersands and non-characters as written', () => {
    expect(decodeEntities('R&D &copy; &foo; & &#0; &#xD800; &#x110000; &#;')).toBe('R&D &copy; &foo; & &#0; &#xD800; &#x110000; &#;');
  });

  it('does not decode twice', () => {
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });
});

describe('tokenizeHtml', () => {
  it('splits start tags, end tags and text, lower-casing names', () => {
    expect(tokenizeHtml('<P>Số: 17/BC-UBND</P>')).toEqual([
      { type: 'start', name: 'p', attributes: new Map(), selfClosing: false },
      { type: 'text', text: 'Số: 17/BC-UBND' },
      { type: 'end', name: 'p' },
    ]);
  });

  it('reads quoted, single-quoted, bare and valueless attributes, decoding entities in values', () => {
    const [token] = tokenizeHtml('<td colspan="2" ROWSPAN=\'3\' data-x=4 hidden title="a &amp; &quot;b&quot;">');
    expect(token).toEqual({
      type: 'start', name: 'td', selfClosing: false,
      attributes: new Map([['colspan', '2'], ['rowspan', '3'], ['data-x', '4'], ['hidden', ''], ['title', 'a & "b"']]),
    });
  });

  it('keeps the first of duplicated attributes', () => {
    const [token] = tokenizeHtml('<a href="#one" href="#two">');
    expect(token).toMatchObject({ attributes: new Map([['href', '#one']]) });
  });

  it('marks self-closing tags such as <br /> and <img ... />', () => {
    expect(tokenizeHtml('a<br />b<img alt="x" src="" />')).toEqual([
      { type: 'text', text: 'a' },
      { type: 'start', name: 'br', attributes: new Map(), selfClosing: true },
      { type: 'text', text: 'b' },
      { type: 'start', name: 'img', attributes: new Map([['alt', 'x'], ['src', '']]), selfClosing: true },
    ]);
  });

  it('keeps a "<" that opens no tag, and an unterminated tag, as text', () => {
    expect(tokenizeHtml('1 < 2 <3 <p')).toEqual([{ type: 'text', text: '1 < 2 <3 <p' }]);
    expect(tokenizeHtml('a <b title="x>y')).toEqual([{ type: 'text', text: 'a <b title="x>y' }]);
  });

  it('skips comments', () => {
    expect(tokenizeHtml('a<!-- <p>x</p> -->b<!-- open')).toEqual([{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }]);
  });

  it('keeps tabs and newlines in text (whitespace is the layout step\'s business)', () => {
    expect(tokenizeHtml('Cột\tmột\n')).toEqual([{ type: 'text', text: 'Cột\tmột\n' }]);
  });

  it('accepts whitespace before ">" in end tags and after the name', () => {
    expect(tokenizeHtml('<p >x</p >')).toEqual([
      { type: 'start', name: 'p', attributes: new Map(), selfClosing: false },
      { type: 'text', text: 'x' },
      { type: 'end', name: 'p' },
    ]);
  });
});

describe('parseHtml', () => {
  it('builds the tree of a table with merged cells and a nested table', () => {
    const html = '<table><tr><td rowspan="2"><p><strong>STT</strong></p></td><td colspan="6"><p>Năm</p></td></tr>'
      + '<tr><td><table><tr><td><p>a</p></td></tr></table></td></tr></table><p>sau</p>';
    expect(shape(parseHtml(html))).toEqual([
      ['table', {},
        ['tr', {}, ['td', { rowspan: '2' }, ['p', {}, ['strong', {}, 'STT']]], ['td', { colspan: '6' }, ['p', {}, 'Năm']]],
        ['tr', {}, ['td', {}, ['table', {}, ['tr', {}, ['td', {}, ['p', {}, 'a']]]]]]],
      ['p', {}, 'sau'],
    ]);
  });

  it('treats br, img and input as void even without "/>"', () => {
    expect(shape(parseHtml('<p>a<br>b<img src="">c</p>'))).toEqual([['p', {}, 'a', ['br', {}], 'b', ['img', { src: '' }], 'c']]);
  });

  it('closes the elements between an end tag and its open match, and drops unmatched end tags', () => {
    expect(shape(parseHtml('<p><strong>a<em>b</p>c</em>d'))).toEqual([['p', {}, ['strong', {}, 'a', ['em', {}, 'b']]], 'cd']);
  });

  it('closes elements left open at the end', () => {
    expect(shape(parseHtml('<ul><li>a<li>b'))).toEqual([['ul', {}, ['li', {}, 'a', ['li', {}, 'b']]]]);
  });

  it('merges adjacent text (text around a skipped comment)', () => {
    const [p] = parseHtml('<p>a<!-- x -->b</p>');
    expect(element(p).children).toEqual([{ type: 'text', text: 'ab' }]);
  });

  it('flattens elements nested deeper than MAX_HTML_DEPTH but keeps their text and the structure around them', () => {
    const depth = MAX_HTML_DEPTH + 50;
    const html = `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}<p>after</p>`;
    const nodes = parseHtml(html);
    expect(nodes).toHaveLength(2);
    let levels = 0;
    let node: HtmlNode | undefined = nodes[0];
    while (node?.type === 'element') {
      levels += 1;
      node = node.children[0];
    }
    expect(levels).toBe(MAX_HTML_DEPTH);
    expect(textContent(element(nodes[0]))).toBe('deep');
    expect(shape(nodes.slice(1))).toEqual([['p', {}, 'after']]);
  });

  it('parses a large document quickly', () => {
    const row = `<tr>${'<td><p>12.345</p></td>'.repeat(8)}</tr>`;
    const html = `${'<p>Đoạn văn &amp; số liệu 54.599</p>'.repeat(5000)}<table>${row.repeat(2000)}</table>`;
    const started = performance.now();
    const nodes = parseHtml(html);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(nodes).toHaveLength(5001);
  });
});
