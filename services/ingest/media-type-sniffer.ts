import type { MediaType } from '../../schemas/identifiers.ts';

/**
 * Decides what a file is from its first bytes, never from its name.
 *   %PDF-                       → PDF
 *   PK\x03\x04 + word/document.xml in the archive → DOCX (an OOXML word-processing file)
 * Everything else is described (so the error message can say what it was instead)
 * but not accepted.
 */
export type Sniffed =
  | { accepted: true; mediaType: MediaType; extension: 'pdf' | 'docx' }
  | { accepted: false; detected: string };

const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

export function sniffMediaType(bytes: Uint8Array): Sniffed {
  // A PDF header may follow a little garbage; readers accept it within the first 1 KiB.
  const head = ascii(bytes, 0, Math.min(bytes.length, 1024));
  if (head.startsWith('%PDF-') || head.indexOf('%PDF-') >= 0) {
    return { accepted: true, mediaType: 'application/pdf', extension: 'pdf' };
  }
  if (head.startsWith('PK\x03\x04')) {
    // Zip entry names are stored uncompressed in local and central headers.
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (names.includes('word/document.xml')) {
      return { accepted: true, mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    }
    if (names.includes('xl/workbook.xml')) return { accepted: false, detected: 'Excel XLSX' };
    if (names.includes('ppt/presentation.xml')) return { accepted: false, detected: 'PowerPoint PPTX' };
    if (names.includes('mimetypeapplication/vnd.oasis.opendocument')) return { accepted: false, detected: 'OpenDocument (ODT/ODS)' };
    return { accepted: false, detected: 'ZIP' };
  }
  if (head.startsWith('\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1')) {
    return { accepted: false, detected: 'Word 97–2003 (.doc) hoặc DOCX có mật khẩu / or a password-protected DOCX' };
  }
  if (head.startsWith('{\\rtf')) return { accepted: false, detected: 'RTF' };
  if (head.startsWith('\x89PNG')) return { accepted: false, detected: 'PNG' };
  if (head.startsWith('\xFF\xD8\xFF')) return { accepted: false, detected: 'JPEG' };
  if (/^\s*<(!doctype html|html)/i.test(head)) return { accepted: false, detected: 'HTML' };
  if (bytes.length > 0 && !hasControlBytes(head)) return { accepted: false, detected: 'văn bản thuần / plain text' };
  return { accepted: false, detected: 'không rõ / unknown' };
}

/** Text files have no C0 control bytes other than tab, newline, form feed and carriage return. */
function hasControlBytes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20)) return true;
  }
  return false;
}
