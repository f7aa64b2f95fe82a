import { EXTENSION_OF, type FileExtension, type MediaType } from '../../schemas/identifiers.ts';

/**
 * Decides what a file is from its bytes, never from its name.
 *   %PDF-                                           → PDF
 *   PK\x03\x04 + word/document.xml in the archive   → DOCX
 *   PK\x03\x04 + xl/workbook.xml                     → XLSX
 *   OLE compound file with a `WordDocument` stream  → Word 97–2003 .doc
 *   \xFF\xD8\xFF / \x89PNG / II*\0 or MM\0*          → JPEG / PNG / TIFF page images
 * Everything else is described (so the error message can say what it was instead)
 * but not accepted: an encrypted Office file (OLE with an `EncryptedPackage` stream) and
 * Excel 97–2003 .xls among them.
 */
export type Sniffed =
  | { accepted: true; mediaType: MediaType; extension: FileExtension }
  | { accepted: false; detected: string };

const accept = (mediaType: MediaType): Sniffed => ({ accepted: true, mediaType, extension: EXTENSION_OF[mediaType] });

const ascii = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1');

export function sniffMediaType(bytes: Uint8Array): Sniffed {
  // A PDF header may follow a little garbage; readers accept it within the first 1 KiB.
  const head = ascii(bytes, 0, Math.min(bytes.length, 1024));
  if (head.startsWith('%PDF-') || head.indexOf('%PDF-') >= 0) return accept('application/pdf');
  if (head.startsWith('PK\x03\x04')) {
    // Zip entry names are stored uncompressed in local and central headers.
    const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (names.includes('word/document.xml')) {
      return accept('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    }
    if (names.includes('xl/workbook.xml')) return accept('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    if (names.includes('ppt/presentation.xml')) return { accepted: false, detected: 'PowerPoint PPTX' };
    if (names.includes('mimetypeapplication/vnd.oasis.opendocument')) return { accepted: false, detected: 'OpenDocument (ODT/ODS)' };
    return { accepted: false, detected: 'ZIP' };
  }
  if (head.startsWith('\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1')) return sniffCompoundFile(bytes);
  if (head.startsWith('{\\rtf')) return { accepted: false, detected: 'RTF' };
  if (head.startsWith('\x89PNG\r\n\x1a\n')) return accept('image/png');
  if (head.startsWith('\xFF\xD8\xFF')) return accept('image/jpeg');
  if (head.startsWith('II*\x00') || head.startsWith('MM\x00*')) return accept('image/tiff');
  if (/^\s*<(!doctype html|html)/i.test(head)) return { accepted: false, detected: 'HTML' };
  if (bytes.length > 0 && !hasControlBytes(head)) return { accepted: false, detected: 'văn bản thuần / plain text' };
  return { accepted: false, detected: 'không rõ / unknown' };
}

/**
 * An OLE compound file (Office 97–2003, or an encrypted Office 2007+ file) by the names of
 * its streams, which its directory stores in UTF-16LE.
 */
function sniffCompoundFile(bytes: Uint8Array): Sniffed {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (name: string) => all.includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptedPackage')) return { accepted: false, detected: 'tệp Office có mật khẩu / a password-protected Office file' };
  if (has('WordDocument')) return accept('application/msword');
  if (has('Workbook') || has('Book')) return { accepted: false, detected: 'Excel 97–2003 (.xls): lưu lại thành .xlsx / save it as .xlsx' };
  return { accepted: false, detected: 'tệp Office 97–2003 không phải Word / an Office 97–2003 file other than Word' };
}

/** Text files have no C0 control bytes other than tab, newline, form feed and carriage return. */
function hasControlBytes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x09 || (c > 0x0d && c < 0x20)) return true;
  }
  return false;
}
