import { inflateRawSync } from 'node:zlib';

/**
 * A ZIP's central directory, and one entry's bytes inflated under a ceiling: what the DOCX
 * (`docx/zip-inspection.ts`) and XLSX (`xlsx/xlsx-package-check.ts`) checks read before a
 * library opens the file. No writing, no streaming, no encryption. Layout (APPNOTE.TXT):
 *
 *   EOCD        sig 0x06054b50 · u16 entries @10 · u32 cdSize @12 · u32 cdOffset @16 · u16 commentLen @20
 *   ZIP64 EOCD  locator sig 0x07064b50 just before the EOCD, u64 offset @8 → record sig 0x06064b50,
 *               u64 entries @32 · u64 cdSize @40 · u64 cdOffset @48 (used when a 32-bit field is all ones)
 *   CDFH        sig 0x02014b50 · u16 flags @8 · u16 method @10 · u32 compSize @20 · u32 uncompSize @24 ·
 *               u16 nameLen @28 · u16 extraLen @30 · u16 commentLen @32 · u32 localOffset @42 · name @46
 *   ZIP64 extra id 0x0001: u64 uncompSize, u64 compSize, u64 localOffset, each present only when
 *               the CDFH field is 0xFFFFFFFF, in that order
 *   LFH         sig 0x04034b50 · u16 nameLen @26 · u16 extraLen @28 · data @30 + nameLen + extraLen
 *
 * Errors are `ZipFormatError` (the bytes are not a readable ZIP) and `ZipLimitError` (an entry
 * inflates past its ceiling); the caller turns them into coded errors.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when inflated. */
  method: number;
  /** General-purpose bit 0: the entry is encrypted. */
  encrypted: boolean;
  compressedSize: number;
  /** As declared; a forged header can lie, which is why `inflateEntry` has a ceiling of its own. */
  uncompressedSize: number;
  localOffset: number;
}

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

export class ZipLimitError extends Error {
  override readonly name = 'ZipLimitError';
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CDFH = 0x02014b50;
const LFH = 0x04034b50;
const ALL_ONES_32 = 0xffffffff;

export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipFormatError('no ZIP end-of-central-directory record');
  let entries = view.getUint16(eocd + 10, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === ALL_ONES_32) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw new ZipFormatError('broken ZIP64 locator');
    const record = safeNumber(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) throw new ZipFormatError('broken ZIP64 record');
    entries = safeNumber(view.getBigUint64(record + 32, true));
    cdOffset = safeNumber(view.getBigUint64(record + 48, true));
  }
  if (entries > maxEntries) throw new ZipLimitError(`${entries} entries, limit ${maxEntries}`);
  const out: ZipEntry[] = [];
  let pos = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== CDFH) throw new ZipFormatError('broken central directory');
    const nameLen = view.getUint16(pos + 28, true);
    const extraLen = view.getUint16(pos + 30, true);
    const commentLen = view.getUint16(pos + 32, true);
    if (pos + 46 + nameLen + extraLen > bytes.length) throw new ZipFormatError('broken central directory');
    const sizes = {
      uncompressedSize: view.getUint32(pos + 24, true),
      compressedSize: view.getUint32(pos + 20, true),
      localOffset: view.getUint32(pos + 42, true),
    };
    readZip64Extra(view, pos + 46 + nameLen, extraLen, sizes);
    out.push({
      name: Buffer.from(bytes.subarray(pos + 46, pos + 46 + nameLen)).toString('utf8'),
      method: view.getUint16(pos + 10, true),
      encrypted: (view.getUint16(pos + 8, true) & 1) === 1,
      ...sizes,
    });
    pos += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Replaces the all-ones 32-bit sizes and offset by the ZIP64 extra field's 64-bit values. */
function readZip64Extra(view: DataView, start: number, length: number, sizes: Pick<ZipEntry, 'uncompressedSize' | 'compressedSize' | 'localOffset'>): void {
  for (let p = start; p + 4 <= start + length;) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      for (const key of ['uncompressedSize', 'compressedSize', 'localOffset'] as const) {
        if (sizes[key] !== ALL_ONES_32) continue;
        if (q + 8 > p + 4 + size) throw new ZipFormatError('broken ZIP64 extra field');
        sizes[key] = safeNumber(view.getBigUint64(q, true));
        q += 8;
      }
      return;
    }
    p += 4 + size;
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('ZIP64 size beyond 2^53');
  return Number(value);
}

/** The entry's bytes; `ZipLimitError` as soon as they would pass `maxBytes`, whatever the header declared. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LFH) throw new ZipFormatError(`no local header for ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`${entry.name} is cut short`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipLimitError(`${entry.name} holds more than ${maxBytes} bytes`);
    return data;
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  try {
    // maxOutputLength makes zlib stop (RangeError) instead of allocating whatever the data expands to.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    if (err instanceof RangeError) throw new ZipLimitError(`${entry.name} inflates to more than ${maxBytes} bytes`);
    throw new ZipFormatError(`${entry.name}: ${(err as Error).message}`);
  }
}
