import { buildZip } from './zip-builder.ts';

/**
 * Writes WordprocessingML in code, so the DOCX reader's tests need no binary fixtures. Covers
 * what the reader has to handle: styled and bold paragraphs, runs with line breaks, tabs and
 * superscript/subscript, tables with merged cells (`w:gridSpan`, `w:vMerge`), header rows
 * (`w:tblHeader`), nested tables, bulleted lists, footnotes, endnotes and an inline image.
 *
 *   docx([heading(1, 'BÁO CÁO'), p('Đã tiếp nhận ', run('54.599', { bold: true }), footnoteRef(1))],
 *        { footnotes: { 1: [p('Số liệu đến 31/3')] } })
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const NAMESPACES = `xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}" xmlns:a="${A}" xmlns:pic="${PIC}"`;

/** The id of the one image relationship every built document carries. */
const IMAGE_REL = 'rIdImage1';
/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RunOptions {
  bold?: boolean;
  italic?: boolean;
  sup?: boolean;
  sub?: boolean;
}

/** A run of text; "\n" in it becomes `<w:br/>` and "\t" becomes `<w:tab/>`. */
export function run(text: string, options: RunOptions = {}): string {
  const props = [
    options.bold ? '<w:b/>' : '',
    options.italic ? '<w:i/>' : '',
    options.sup ? '<w:vertAlign w:val="superscript"/>' : '',
    options.sub ? '<w:vertAlign w:val="subscript"/>' : '',
  ].join('');
  const content = text.split(/(\n|\t)/).map((part) => {
    if (part === '\n') return '<w:br/>';
    if (part === '\t') return '<w:tab/>';
    return part === '' ? '' : `<w:t xml:space="preserve">${xmlEscape(part)}</w:t>`;
  }).join('');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${content}</w:r>`;
}

/** A paragraph of runs; plain strings are unformatted runs. */
export function p(...runs: string[]): string {
  return paragraph({}, ...runs);
}

export function paragraph(options: { style?: string; list?: { level: number } }, ...runs: string[]): string {
  const props = [
    options.style ? `<w:pStyle w:val="${options.style}"/>` : '',
    options.list ? `<w:numPr><w:ilvl w:val="${options.list.level}"/><w:numId w:val="1"/></w:numPr>` : '',
  ].join('');
  const body = runs.map((r) => (r.startsWith('<w:') ? r : run(r))).join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${body}</w:p>`;
}

/** A paragraph in Word's built-in "heading N" style (style id `HeadingN`). */
export function heading(level: 1 | 2 | 3, text: string): string {
  return paragraph({ style: `Heading${level}` }, run(text));
}

/** A bulleted list item, level 0 or 1. */
export function bullet(level: 0 | 1, text: string): string {
  return paragraph({ list: { level } }, run(text));
}

export function footnoteRef(id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="${id}"/></w:r>`;
}

export function endnoteRef(id: number): string {
  return `<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="${id}"/></w:r>`;
}

/** An inline picture (the 1×1 PNG every built document carries) with alt text. */
export function image(alt: string): string {
  return `<w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="Picture 1" descr="${xmlEscape(alt)}"/>`
    + `<a:graphic><a:graphicData uri="${PIC}"><pic:pic><pic:blipFill><a:blip r:embed="${IMAGE_REL}"/></pic:blipFill></pic:pic>`
    + '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
}

export interface CellSpec {
  /** Plain text (one paragraph per "\n\n"-free string) or ready-made block XML (starts with `<w:`). */
  content?: string | string[];
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
}

export type Cell = string | CellSpec;

/** A table; `headerRows` leading rows are marked to repeat as header rows (`w:tblHeader`). */
export function table(rows: Cell[][], options: { headerRows?: number } = {}): string {
  const columns = Math.max(1, ...rows.map((row) => row.reduce((n, cell) => n + (typeof cell === 'string' ? 1 : cell.gridSpan ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>`;
  const body = rows.map((row, r) => {
    const header = r < (options.headerRows ?? 0) ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
    return `<w:tr>${header}${row.map(cellXml).join('')}</w:tr>`;
  }).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${body}</w:tbl>`;
}

function cellXml(cell: Cell): string {
  const spec: CellSpec = typeof cell === 'string' ? { content: cell } : cell;
  const props = [
    spec.gridSpan ? `<w:gridSpan w:val="${spec.gridSpan}"/>` : '',
    spec.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : spec.vMerge === 'continue' ? '<w:vMerge/>' : '',
  ].join('');
  const parts = spec.content === undefined ? [] : Array.isArray(spec.content) ? spec.content : [spec.content];
  // Word requires every cell to end with a paragraph.
  const blocks = parts.map((part) => (part.startsWith('<w:') ? part : p(part)));
  if (!blocks.at(-1)?.startsWith('<w:p>') && !blocks.at(-1)?.startsWith('<w:p ')) blocks.push('<w:p/>');
  return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${blocks.join('')}</w:tc>`;
}

export interface DocxOptions {
  /** Footnote bodies by id (ids from 1; Word reserves -1 and 0 for separators). */
  footnotes?: Record<number, string[]>;
  endnotes?: Record<number, string[]>;
}

const STYLES = `<w:styles xmlns:w="${W}">`
  + [
    ['Normal', 'Normal', 'paragraph'],
    ['Heading1', 'heading 1', 'paragraph'],
    ['Heading2', 'heading 2', 'paragraph'],
    ['Heading3', 'heading 3', 'paragraph'],
    ['Title', 'Title', 'paragraph'],
    ['FootnoteText', 'footnote text', 'paragraph'],
    ['EndnoteText', 'endnote text', 'paragraph'],
    ['FootnoteReference', 'footnote reference', 'character'],
    ['EndnoteReference', 'endnote reference', 'character'],
  ].map(([id, name, type]) => `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`).join('')
  + '</w:styles>';

const NUMBERING = `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">`
  + '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>'
  + '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="◦"/></w:lvl>'
  + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';

function notesXml(kind: 'footnote' | 'endnote', notes: Record<number, string[]>): string {
  const reference = kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference';
  const textStyle = kind === 'footnote' ? 'FootnoteText' : 'EndnoteText';
  const body = Object.entries(notes).map(([id, paragraphs]) => {
    const first = paragraphs[0] ?? p('');
    // Word puts the note's own number (w:footnoteRef) at the start of its first paragraph.
    const marked = first.replace(/^<w:p>/, `<w:p><w:pPr><w:pStyle w:val="${textStyle}"/></w:pPr><w:r><w:rPr><w:rStyle w:val="${reference}"/></w:rPr><w:${kind}Ref/></w:r>`);
    return `<w:${kind} w:id="${id}">${[marked, ...paragraphs.slice(1)].join('')}</w:${kind}>`;
  }).join('');
  return `<w:${kind}s xmlns:w="${W}"><w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>`
    + `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>${body}</w:${kind}s>`;
}

/** A DOCX whose body is the given block XML (paragraphs and tables), with styles, numbering and notes. */
export function docx(blocks: string[], options: DocxOptions = {}): Uint8Array {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`;
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        + '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + `${rel('rId1', 'officeDocument', 'word/document.xml')}</Relationships>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + rel('rIdStyles', 'styles', 'styles.xml') + rel('rIdNumbering', 'numbering', 'numbering.xml')
        + rel('rIdFootnotes', 'footnotes', 'footnotes.xml') + rel('rIdEndnotes', 'endnotes', 'endnotes.xml')
        + rel(IMAGE_REL, 'image', 'media/image1.png') + '</Relationships>',
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><w:document ${NAMESPACES}><w:body>${blocks.join('')}</w:body></w:document>`,
    },
    { name: 'word/styles.xml', data: `<?xml version="1.0" encoding="UTF-8"?>${STYLES}` },
    { name: 'word/numbering.xml', data: `<?xml version="1.0" encoding="UTF-8"?>${NUMBERING}` },
    { name: 'word/footnotes.xml', data: `<?xml version="1.0" encoding="UTF-8"?>${notesXml('footnote', options.footnotes ?? {})}` },
    { name: 'word/endnotes.xml', data: `<?xml version="1.0" encoding="UTF-8"?>${notesXml('endnote', options.endnotes ?? {})}` },
    { name: 'word/media/image1.png', data: PNG, deflate: false },
  ]);
}
