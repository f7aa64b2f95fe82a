import { deflateSync } from 'node:zlib';
import { glyphWidth, type FontFace } from './glyph-widths.ts';

/**
 * Writes a small, valid PDF whose text layer is exact Unicode: what `pdftotext` and pdf.js
 * extract is the NFC text given, Vietnamese letters included. Pure TypeScript, no font file.
 *
 *   file      = header, objects, xref table with byte offsets, trailer
 *   objects   = 1 Catalog, 2 Pages, 3 Info, 4–6 regular face, 7–9 bold face, 10 ToUnicode,
 *               then per page its content stream and its Page object
 *   face      = Type0 font, Encoding Identity-H → CIDFontType2 (Adobe-Identity-0) with a
 *               W array for every code used, and a FontDescriptor (no FontFile2)
 *   code      = 2 bytes, the UTF-16 unit of the character (CID = Unicode code point)
 *   ToUnicode = a CMap sending each code used back to its character
 *   content   = per text run `BT /Fn size Tf 1 0 0 1 x y Tm <hex> Tj ET`, per rule
 *               `w x1 y1 m x2 y2 l S`; FlateDecode
 *
 * Why this shape: a simple (8-bit) font cannot carry Vietnamese, and any CID font needs a
 * ToUnicode CMap for extraction. With no font embedded, a viewer draws the glyphs of a
 * substitute font (rendering is approximate); extraction does not depend on it — readers
 * place each glyph by the W widths (glyph-widths.ts, Helvetica metrics) and name it by
 * the CMap. Nothing here depends on time or randomness, so equal input gives equal bytes.
 *
 * Coordinates are points from the page's top-left corner; `y` is the text baseline.
 */
export interface PdfText {
  x: number;
  y: number;
  text: string;
  size: number;
  face?: FontFace;
}

/** A straight rule (table borders), `width` in points (default 0.5). */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width?: number;
}

export interface PdfPage {
  texts: readonly PdfText[];
  rules?: readonly PdfRule[];
}

export interface PdfOptions {
  /** Page width in points; default 595.28 (A4). */
  width?: number;
  /** Page height in points; default 841.89 (A4). */
  height?: number;
  /** Document title (Info dictionary). */
  title?: string;
}

export const A4 = { width: 595.28, height: 841.89 } as const;

const FONT_NAMES: Readonly<Record<FontFace, string>> = { regular: 'ArialMT', bold: 'Arial-BoldMT' };
const RESOURCE: Readonly<Record<FontFace, string>> = { regular: 'F1', bold: 'F2' };

export function writePdf(pages: readonly PdfPage[], options: PdfOptions = {}): Uint8Array {
  if (pages.length === 0) throw new RangeError('a PDF needs at least one page');
  const width = options.width ?? A4.width;
  const height = options.height ?? A4.height;
  const used: Record<FontFace, Set<number>> = { regular: new Set(), bold: new Set() };
  const contents = pages.map((page) => pageContent(page, height, used));

  const objects: Buffer[] = [];
  const set = (id: number, body: string | Buffer) => { objects[id - 1] = typeof body === 'string' ? Buffer.from(body, 'latin1') : body; };
  const firstPageObject = 11;
  const pageIds = pages.map((_, i) => firstPageObject + 2 * i + 1);
  set(1, '<< /Type /Catalog /Pages 2 0 R >>');
  set(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  set(3, `<< /Producer (tonghop synthetic pdf-writer)${options.title ? ` /Title ${utf16Hex(options.title)}` : ''} >>`);
  (['regular', 'bold'] as const).forEach((face, i) => {
    const base = 4 + 3 * i;
    set(base, `<< /Type /Font /Subtype /Type0 /BaseFont /${FONT_NAMES[face]} /Encoding /Identity-H /DescendantFonts [${base + 1} 0 R] /ToUnicode 10 0 R >>`);
    set(base + 1, `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${FONT_NAMES[face]} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> `
      + `/FontDescriptor ${base + 2} 0 R /DW 556 /W ${widthArray(used[face], face)} /CIDToGIDMap /Identity >>`);
    set(base + 2, `<< /Type /FontDescriptor /FontName /${FONT_NAMES[face]} /Flags 32 /FontBBox [-665 -325 2000 1040] /ItalicAngle 0 `
      + `/Ascent 905 /Descent -212 /CapHeight 716 /StemV ${face === 'bold' ? 120 : 80} >>`);
  });
  set(10, stream(toUnicodeCMap(new Set([...used.regular, ...used.bold]))));
  contents.forEach((content, i) => {
    const contentId = firstPageObject + 2 * i;
    set(contentId, stream(content));
    set(contentId + 1, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(width)} ${num(height)}] `
      + `/Resources << /Font << /F1 4 0 R /F2 7 0 R >> >> /Contents ${contentId} 0 R >>`);
  });
  return serialize(objects);
}

function pageContent(page: PdfPage, height: number, used: Record<FontFace, Set<number>>): string {
  const ops: string[] = [];
  for (const rule of page.rules ?? []) {
    ops.push(`${num(rule.width ?? 0.5)} w ${num(rule.x1)} ${num(height - rule.y1)} m ${num(rule.x2)} ${num(height - rule.y2)} l S`);
  }
  for (const run of page.texts) {
    if (run.text === '') continue;
    const face = run.face ?? 'regular';
    const text = run.text.normalize('NFC');
    let hex = '';
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdfff) throw new RangeError(`outside the Basic Multilingual Plane: ${JSON.stringify(text)}`);
      if (code < 0x20) throw new RangeError(`control character U+${code.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`);
      used[face].add(code);
      hex += code.toString(16).padStart(4, '0');
    }
    ops.push(`BT /${RESOURCE[face]} ${num(run.size)} Tf 1 0 0 1 ${num(run.x)} ${num(height - run.y)} Tm <${hex}> Tj ET`);
  }
  return ops.join('\n');
}

/** `[32 [278] 97 [556 556 500]]`: consecutive codes share one bracket. */
function widthArray(codes: ReadonlySet<number>, face: FontFace): string {
  const sorted = [...codes].sort((a, b) => a - b);
  const groups: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!;
    const widths: number[] = [];
    while (i < sorted.length && sorted[i] === start + widths.length) {
      widths.push(glyphWidth(sorted[i]!, face));
      i += 1;
    }
    groups.push(`${start} [${widths.join(' ')}]`);
  }
  return `[${groups.join(' ')}]`;
}

function toUnicodeCMap(codes: ReadonlySet<number>): string {
  const sorted = [...codes].sort((a, b) => a - b);
  const hex = (n: number) => `<${n.toString(16).padStart(4, '0')}>`;
  const chunks: string[] = [];
  for (let i = 0; i < sorted.length; i += 100) {
    const part = sorted.slice(i, i + 100);
    chunks.push(`${part.length} beginbfchar\n${part.map((c) => `${hex(c)} ${hex(c)}`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
    '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange',
    ...chunks,
    'endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end',
  ].join('\n');
}

function stream(text: string): Buffer {
  const data = deflateSync(Buffer.from(text, 'latin1'));
  return Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

function serialize(objects: readonly Buffer[]): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(part);
    length += part.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 3 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

/** A PDF text string in UTF-16BE with its byte order mark. */
function utf16Hex(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i += 1) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** At most two decimals, no exponent, no trailing zeros: `12`, `70.87`. */
function num(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite coordinate: ${n}`);
  return String(Math.round(n * 100) / 100);
}
