// What a DOCX says, read straight from word/document.xml: body text and Word table count.
import { readZipEntry } from './zip-entry.ts';

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_whole, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

export function documentXml(docx: Buffer): string {
  const xml = readZipEntry(docx, 'word/document.xml');
  if (xml === undefined) throw new Error('DOCX has no word/document.xml');
  return xml.toString('utf8');
}

/** The body's text runs concatenated; headers, footers and field results live elsewhere. */
export function docxBodyText(docx: Buffer): string {
  return [...documentXml(docx).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1] ?? '')).join('');
}

export function countDocxTables(docx: Buffer): number {
  return (documentXml(docx).match(/<w:tbl>/g) ?? []).length;
}
