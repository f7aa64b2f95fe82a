import type { MediaType } from '../../schemas/identifiers.ts';
import { tonghopError } from '../../infra/errors/error-catalog.ts';
import type { StructuredDocument } from './document-model.ts';
import { readPdfStructure } from './pdf/pdf-structure-reader.ts';
import { readDocxStructure } from './docx/docx-structure-reader.ts';

/** Every document reader's shape: bytes in, structured pages out, coded TonghopError on unreadable input. */
export type DocumentReader = (bytes: Uint8Array, fileName: string) => Promise<StructuredDocument>;

export const DEFAULT_READERS: Record<MediaType, DocumentReader> = {
  'application/pdf': (bytes, name) => readPdfStructure(bytes, name),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (bytes, name) => readDocxStructure(bytes, name),
};

/**
 * Reads a document with the reader for its media type, and refuses one without a text
 * layer: fewer than `minCharsPerPage` visible characters per page on average (a scan,
 * which needs OCR).
 */
export async function readDocument(
  bytes: Uint8Array, mediaType: MediaType, fileName: string,
  readers: Partial<Record<MediaType, DocumentReader>> = DEFAULT_READERS, minCharsPerPage = 20,
): Promise<StructuredDocument> {
  const read = readers[mediaType] ?? DEFAULT_READERS[mediaType];
  const doc = await read(bytes, fileName);
  const visible = doc.pages.reduce((n, p) => n + p.text.replace(/\s+/g, '').length, 0);
  if (doc.pages.length === 0 || visible < minCharsPerPage * doc.pages.length) {
    throw tonghopError('TH_ERR_NO_TEXT_LAYER', [fileName]);
  }
  return doc;
}
