import mammoth from 'mammoth';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { normalizeText, type ExtractedText } from '../page-text.ts';
import { inspectZip, type ZipLimits } from './zip-inspection.ts';

/**
 * DOCX → text with mammoth. A DOCX has no pages, so the whole text is page 1 and
 * provenance is given by position in it. The archive's declared sizes are checked
 * first so that a zip bomb is refused before anything is inflated.
 */
export async function extractDocxText(bytes: Uint8Array, fileName: string, limits?: ZipLimits): Promise<ExtractedText> {
  inspectZip(bytes, fileName, limits);
  let text: string;
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    text = result.value;
  } catch (err) {
    throw tonghopError('TH_ERR_DOCX_CORRUPT', [`${fileName} (${(err as Error)?.message ?? String(err)})`], err);
  }
  return { engine: 'mammoth', pages: [{ page: 1, text: normalizeText(text) }] };
}
