import { tonghopError } from '../../../infra/errors/error-catalog.ts';

/**
 * Reads just enough of an OLE2 compound file (MS-CFB), the container of a Word 97–2003 .doc,
 * to list its streams and read the head of one, so that a .doc can be checked before any
 * converter sees it (LibreOffice imports anything it cannot parse as plain text). Layout:
 *
 *   header (512 bytes)
 *     signature D0 CF 11 E0 A1 B1 1A E1 @0 · major version u16 @0x1A (3 or 4) · byte order u16 @0x1C = 0xFFFE
 *     · sector shift u16 @0x1E (9 with version 3, 12 with version 4) · mini sector shift u16 @0x20 = 6
 *     · FAT sectors u32 @0x2C · first directory sector u32 @0x30 · mini stream cutoff u32 @0x38 = 4096
 *     · first mini FAT sector u32 @0x3C · first DIFAT sector u32 @0x44 · DIFAT sectors u32 @0x48
 *     · the first 109 FAT sector numbers u32 @0x4C
 *   sector n       = bytes [(n + 1) << shift, (n + 2) << shift)   (the header fills "sector −1")
 *   FAT            = one u32 per sector, the next sector of its chain; 0xFFFFFFFE ends a chain
 *   DIFAT sector   = (sector size / 4 − 1) more FAT sector numbers, then the next DIFAT sector
 *   directory      = a chain of 128-byte entries: name UTF-16LE @0 (64 bytes) · name length u16 @0x40
 *                    (bytes, with the closing NUL) · type u8 @0x42 (1 storage, 2 stream, 5 root)
 *                    · start sector u32 @0x74 · size u64 @0x78 (version 3: only its low 32 bits count)
 *   mini stream    = a stream shorter than the cutoff lives in 64-byte mini sectors inside the root
 *                    entry's stream, chained by the mini FAT (a regular chain from the header)
 *
 * Every sector number, chain step and size is checked against the file: a loop, a sector past
 * the end or a truncated sector is TH_ERR_DOC_CORRUPT, never an endless walk or a read past the end.
 */
export interface DirectoryEntry {
  name: string;
  type: 'storage' | 'stream' | 'root';
  startSector: number;
  size: number;
}

export interface CompoundFile {
  /** The storages and streams, in directory order (the root entry first). */
  entries: DirectoryEntry[];
  /** The first `length` bytes of a stream, fewer when the stream is shorter. */
  readStreamHead(entry: DirectoryEntry, length: number): Uint8Array;
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTOR = 0xfffffffa;
const ENTRY_BYTES = 128;
const HEADER_FAT_SLOTS = 109;
const ENTRY_TYPES: Readonly<Record<number, DirectoryEntry['type']>> = { 1: 'storage', 2: 'stream', 5: 'root' };

export function openCompoundFile(bytes: Uint8Array, fileName: string): CompoundFile {
  const corrupt = (why: string) => tonghopError('TH_ERR_DOC_CORRUPT', [`${fileName} (${why})`]);
  if (bytes.length < 512 || SIGNATURE.some((b, i) => bytes[i] !== b)) throw corrupt('no OLE2 compound-file header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const major = u16(0x1a);
  const shift = u16(0x1e);
  if (u16(0x1c) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12)) || u16(0x20) !== 6) {
    throw corrupt('bad compound-file header');
  }
  const sectorSize = 1 << shift;
  // A last sector cut short is tolerated for stream data (only the bytes a read needs must exist),
  // not for the FAT, DIFAT, directory and mini FAT, which are read whole.
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);
  const perSector = sectorSize / 4;
  const miniCutoff = u32(0x38);

  const sectorOffset = (n: number): number => {
    if (n > MAX_SECTOR || n >= sectorCount) throw corrupt(`sector ${n} outside the file`);
    return (n + 1) * sectorSize;
  };
  const wholeSector = (n: number): number => {
    const at = sectorOffset(n);
    if (at + sectorSize > bytes.length) throw corrupt(`sector ${n} cut short`);
    return at;
  };
  const readTable = (sectors: readonly number[]): Uint32Array => {
    const table = new Uint32Array(sectors.length * perSector);
    sectors.forEach((sector, k) => {
      const at = wholeSector(sector);
      for (let i = 0; i < perSector; i++) table[k * perSector + i] = u32(at + 4 * i);
    });
    return table;
  };

  // FAT: the sectors the header and the DIFAT chain list, read in order.
  const fatSectors = u32(0x2c);
  if (fatSectors > sectorCount) throw corrupt(`${fatSectors} FAT sectors in ${sectorCount}`);
  const fatSectorNumbers: number[] = [];
  for (let i = 0; i < Math.min(fatSectors, HEADER_FAT_SLOTS); i++) fatSectorNumbers.push(u32(0x4c + 4 * i));
  let difat = u32(0x44);
  for (let hops = 0; fatSectorNumbers.length < fatSectors; hops++) {
    if (hops > sectorCount) throw corrupt('DIFAT chain loops');
    const at = wholeSector(difat);
    for (let i = 0; i < perSector - 1 && fatSectorNumbers.length < fatSectors; i++) fatSectorNumbers.push(u32(at + 4 * i));
    difat = u32(at + sectorSize - 4);
  }
  const fat = readTable(fatSectorNumbers);

  /** The sectors of a chain in order, at most `limit` of them. */
  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let sector = start; sector !== END_OF_CHAIN && out.length < limit;) {
      if (sector >= table.length) throw corrupt(`chain leaves its table at ${sector}`);
      if (seen.has(sector)) throw corrupt('chain loops');
      seen.add(sector);
      out.push(sector);
      sector = table[sector]!;
    }
    return out;
  };

  const entries: DirectoryEntry[] = [];
  for (const sector of chain(u32(0x30), fat, sectorCount)) {
    const base = wholeSector(sector);
    for (let at = base; at < base + sectorSize; at += ENTRY_BYTES) {
      const type = ENTRY_TYPES[bytes[at + 0x42]!];
      const nameBytes = u16(at + 0x40);
      if (type === undefined || nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
      const name = Buffer.from(bytes.subarray(at, at + nameBytes - 2)).toString('utf16le');
      const size = major === 3 ? u32(at + 0x78) : u32(at + 0x78) + u32(at + 0x7c) * 2 ** 32;
      entries.push({ name, type, startSector: u32(at + 0x74), size });
    }
  }
  const root = entries.find((e) => e.type === 'root');
  if (!root) throw corrupt('no root directory entry');

  let mini: { fat: Uint32Array; rootSectors: number[] } | undefined;
  const miniStream = () => {
    if (mini) return mini;
    mini = { fat: readTable(chain(u32(0x3c), fat, sectorCount)), rootSectors: chain(root.startSector, fat, sectorCount) };
    return mini;
  };

  const readStreamHead = (entry: DirectoryEntry, length: number): Uint8Array => {
    const wanted = Math.max(0, Math.min(length, entry.size));
    const out = new Uint8Array(wanted);
    let filled = 0;
    const copy = (from: number, size: number) => {
      const n = Math.min(size, wanted - filled);
      if (from + n > bytes.length) throw corrupt('stream runs past the end of the file');
      out.set(bytes.subarray(from, from + n), filled);
      filled += n;
    };
    if (entry.type !== 'root' && entry.size < miniCutoff) {
      const { fat: miniFat, rootSectors } = miniStream();
      for (const m of chain(entry.startSector, miniFat, Math.ceil(wanted / 64))) {
        const offset = m * 64;
        const host = rootSectors[Math.floor(offset / sectorSize)];
        if (host === undefined) throw corrupt('mini sector outside the mini stream');
        copy(sectorOffset(host) + (offset % sectorSize), 64);
      }
    } else {
      for (const sector of chain(entry.startSector, fat, Math.ceil(wanted / sectorSize))) copy(sectorOffset(sector), sectorSize);
    }
    if (filled < wanted) throw corrupt(`stream ${entry.name} shorter than its size`);
    return out;
  };

  return { entries, readStreamHead };
}
