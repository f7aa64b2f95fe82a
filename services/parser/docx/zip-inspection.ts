import { tonghopError } from '../../../infra/errors/error-catalog.ts';

/**
 * Reads a ZIP's central directory (without inflating anything) and refuses archives
 * that would expand beyond the limits: the classic zip bomb is a few KiB that inflates
 * to gigabytes. Layout used (APPNOTE.TXT):
 *   EOCD  = sig 0x06054b50, …, u16 entries @10, u32 cdSize @12, u32 cdOffset @16, u16 commentLen @20
 *   CDFH  = sig 0x02014b50, …, u32 compSize @20, u32 uncompSize @24, u16 nameLen @28, u16 extraLen @30, u16 commentLen @32, name @46
 */
export interface ZipLimits {
  /** Largest total uncompressed size, in bytes; default 256 MiB. */
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio of any entry; default 200. */
  maxRatio: number;
  /** Most entries; default 10 000. */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 10_000,
});

export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
  names: string[];
}

export function inspectZip(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string) => tonghopError('TH_ERR_DOCX_CORRUPT', [`${fileName} (${why})`]);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw corrupt('no ZIP end-of-central-directory record');
  const entries = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries > limits.maxEntries) throw corrupt(`${entries} entries`);
  let pos = cdOffset;
  let total = 0;
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== 0x02014b50) throw corrupt('broken central directory');
    const compressed = view.getUint32(pos + 20, true);
    const uncompressed = view.getUint32(pos + 24, true);
    const nameLen = view.getUint16(pos + 28, true);
    const extraLen = view.getUint16(pos + 30, true);
    const commentLen = view.getUint16(pos + 32, true);
    names.push(Buffer.from(bytes.subarray(pos + 46, pos + 46 + nameLen)).toString('utf8'));
    total += uncompressed;
    const ratio = uncompressed / Math.max(compressed, 1);
    if (total > limits.maxUncompressedBytes || (uncompressed > 1_048_576 && ratio > limits.maxRatio)) {
      throw tonghopError('TH_ERR_ZIP_BOMB', [fileName, total]);
    }
    pos += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, uncompressedBytes: total, names };
}
