import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { readZipDirectory, ZipFormatError, ZipLimitError, type ZipEntry } from '../zip/zip-directory.ts';

/**
 * Reads a DOCX's ZIP central directory (`zip/zip-directory.ts`, without inflating anything)
 * and refuses archives that would expand beyond the limits: the classic zip bomb is a few
 * KiB that inflates to gigabytes. An unreadable directory is TH_ERR_DOCX_CORRUPT.
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
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, limits.maxEntries);
  } catch (err) {
    if (err instanceof ZipFormatError || err instanceof ZipLimitError) throw tonghopError('TH_ERR_DOCX_CORRUPT', [`${fileName} (${err.message})`], err);
    throw err;
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (total > limits.maxUncompressedBytes || (entry.uncompressedSize > 1_048_576 && ratio > limits.maxRatio)) {
      throw tonghopError('TH_ERR_ZIP_BOMB', [fileName, total]);
    }
  }
  return { entries: entries.length, uncompressedBytes: total, names: entries.map((e) => e.name) };
}
