import { tonghopError } from '../../infra/errors/error-catalog.ts';
import { sniffMediaType } from './media-type-sniffer.ts';
import type { FileExtension, MediaType } from '../../schemas/identifiers.ts';

export interface AcceptedUpload {
  mediaType: MediaType;
  extension: FileExtension;
}

/**
 * The checks every upload passes before anything else looks at it, in this order:
 * not empty, not over `maxBytes`, and one of the accepted kinds by its content
 * (`media-type-sniffer.ts`). Throws a coded
 * TonghopError naming the file; `ingest` and `analyze` both use it.
 */
export function checkUpload(bytes: Uint8Array, fileName: string, maxBytes: number): AcceptedUpload {
  if (bytes.length === 0) throw tonghopError('TH_ERR_EMPTY_FILE', [fileName]);
  if (bytes.length > maxBytes) throw tonghopError('TH_ERR_FILE_TOO_LARGE', [fileName, bytes.length, maxBytes]);
  const sniffed = sniffMediaType(bytes);
  if (!sniffed.accepted) throw tonghopError('TH_ERR_UNSUPPORTED_TYPE', [fileName, sniffed.detected]);
  return { mediaType: sniffed.mediaType, extension: sniffed.extension };
}
