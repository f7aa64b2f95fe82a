import type { MediaType } from '../../schemas/identifiers.ts';
import { tonghopError } from '../../infra/errors/error-catalog.ts';
import type { StructuredDocument } from './document-model.ts';
import { readPdfStructure } from './pdf/pdf-structure-reader.ts';
import { readDocxStructure } from './docx/docx-structure-reader.ts';
import { readDocStructure } from './doc/doc-structure-reader.ts';
import { readXlsxStructure } from './xlsx/xlsx-structure-reader.ts';
import { readImageStructure } from './ocr/image-structure-reader.ts';
import type { OcrPageProgress } from './ocr/scanned-pdf-pages.ts';

/**
 * Every document reader's shape: bytes in, structured pages out, coded TonghopError on
 * unreadable input. A reader with a long step (OCR) says how far it has gone through `progress`.
 */
export type DocumentReader = (bytes: Uint8Array, fileName: string, progress?: (p: ReadProgress) => void) => Promise<StructuredDocument>;

/** A page read by OCR: which, how many so far of how many, and how sure. */
export type ReadProgress = OcrPageProgress;

/**
 * One reader per kind of file a unit sends. Scans are first-class: a PDF's pages without a
 * text layer and page images are read by OCR (`ocr/`) into the same layout.
 */
export const DEFAULT_READERS: Record<MediaType, DocumentReader> = {
  'application/pdf': (bytes, name, progress) => readPdfStructure(bytes, name, 'auto', { onPage: progress }),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (bytes, name) => readDocxStructure(bytes, name),
  'application/msword': (bytes, name) => readDocStructure(bytes, name),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (bytes, name) => readXlsxStructure(bytes, name),
  'image/jpeg': (bytes, name, progress) => readImageStructure(bytes, name, 'jpeg', progress),
  'image/png': (bytes, name, progress) => readImageStructure(bytes, name, 'png', progress),
  'image/tiff': (bytes, name, progress) => readImageStructure(bytes, name, 'tiff', progress),
};

/**
 * Reads a document with the reader for its media type, and refuses one with no text to
 * read: fewer than `minCharsPerPage` visible characters per page on average, even after
 * OCR of its scanned pages (blank pages, or an image too faint to read).
 */
export async function readDocument(
  bytes: Uint8Array, mediaType: MediaType, fileName: string,
  readers: Partial<Record<MediaType, DocumentReader>> = DEFAULT_READERS, minCharsPerPage = 20,
  progress?: (p: ReadProgress) => void,
): Promise<StructuredDocument> {
  const read = readers[mediaType] ?? DEFAULT_READERS[mediaType];
  const doc = await read(bytes, fileName, progress);
  const visible = doc.pages.reduce((n, p) => n + p.text.replace(/\s+/g, '').length, 0);
  if (doc.pages.length === 0 || visible < minCharsPerPage * doc.pages.length) {
    if (doc.unreadPages?.length) throw tonghopError('TH_ERR_OCR_MISSING', [fileName]);
    throw tonghopError('TH_ERR_NO_TEXT_LAYER', [fileName]);
  }
  return doc;
}
