/**
 * Builds small OLE2 compound files (MS-CFB version 3, 512-byte sectors) for the tests, so that
 * the compound-file reader and the Word check can be tried on exact, hand-made layouts without
 * LibreOffice. Streams of 4096 bytes or more get regular sectors, shorter ones 64-byte mini
 * sectors in the root entry's stream. Sector order:
 *
 *   [FAT] [directory] [mini FAT] [mini stream] [stream 1] [stream 2] …
 *
 * `layout` says where everything went, so a test can break one thing on purpose.
 */
export interface BuiltStream {
  name: string;
  data: Uint8Array;
}

export interface BuiltCompoundFile {
  bytes: Uint8Array;
  layout: {
    fatSectors: number[];
    directorySectors: number[];
    /** Regular sectors of each regular stream; mini sectors of each mini stream. */
    streams: Record<string, { mini: boolean; sectors: number[] }>;
  };
}

const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;

export function buildCompoundFile(streams: readonly BuiltStream[]): BuiltCompoundFile {
  const count = (bytes: number, size: number) => Math.ceil(bytes / size);
  const miniStreams = streams.filter((s) => s.data.length < CUTOFF);
  const miniSectorCount = miniStreams.reduce((n, s) => n + count(s.data.length, MINI), 0);
  const dirCount = count((streams.length + 1) * 128, SECTOR);
  const miniFatCount = count(miniSectorCount * 4, SECTOR);
  const miniContainerCount = count(miniSectorCount * MINI, SECTOR);
  const regularCount = streams.filter((s) => s.data.length >= CUTOFF).reduce((n, s) => n + count(s.data.length, SECTOR), 0);
  const others = dirCount + miniFatCount + miniContainerCount + regularCount;
  let fatCount = 1;
  while (fatCount * 128 < fatCount + others) fatCount++;
  const total = fatCount + others;
  const bytes = new Uint8Array(SECTOR * (total + 1));
  const view = new DataView(bytes.buffer);
  const fat = new Uint32Array(fatCount * 128).fill(FREE);

  let next = 0;
  const allocate = (n: number): number[] => {
    const sectors = Array.from({ length: n }, (_, i) => next + i);
    next += n;
    sectors.forEach((s, i) => (fat[s] = sectors[i + 1] ?? END));
    return sectors;
  };
  const fatSectors = Array.from({ length: fatCount }, (_, i) => i);
  next = fatCount;
  for (const s of fatSectors) fat[s] = FAT_SECTOR;
  const directorySectors = allocate(dirCount);
  const miniFatSectors = allocate(miniFatCount);
  const miniContainer = allocate(miniContainerCount);
  const offset = (sector: number) => (sector + 1) * SECTOR;

  const miniFat = new Uint32Array(miniFatCount * 128).fill(FREE);
  const layout: BuiltCompoundFile['layout'] = { fatSectors, directorySectors, streams: {} };
  let nextMini = 0;
  const placed = streams.map((stream) => {
    if (stream.data.length < CUTOFF) {
      const sectors = Array.from({ length: count(stream.data.length, MINI) }, (_, i) => nextMini + i);
      nextMini += sectors.length;
      sectors.forEach((m, i) => {
        miniFat[m] = sectors[i + 1] ?? END;
        const at = m * MINI;
        const host = miniContainer[Math.floor(at / SECTOR)]!;
        bytes.set(stream.data.subarray(i * MINI, (i + 1) * MINI), offset(host) + (at % SECTOR));
      });
      layout.streams[stream.name] = { mini: true, sectors };
      return { stream, start: sectors[0] ?? END };
    }
    const sectors = allocate(count(stream.data.length, SECTOR));
    sectors.forEach((s, i) => bytes.set(stream.data.subarray(i * SECTOR, (i + 1) * SECTOR), offset(s)));
    layout.streams[stream.name] = { mini: false, sectors };
    return { stream, start: sectors[0]! };
  });

  const writeTable = (table: Uint32Array, sectors: number[]) => {
    sectors.forEach((s, k) => {
      for (let i = 0; i < 128; i++) view.setUint32(offset(s) + 4 * i, table[k * 128 + i]!, true);
    });
  };
  writeTable(fat, fatSectors);
  writeTable(miniFat, miniFatSectors);

  const entry = (index: number, name: string, type: number, start: number, size: number, child: number, right: number) => {
    const at = offset(directorySectors[Math.floor(index / 4)]!) + (index % 4) * 128;
    const encoded = Buffer.from(name, 'utf16le');
    bytes.set(encoded, at);
    view.setUint16(at + 0x40, encoded.length + 2, true);
    bytes[at + 0x42] = type;
    bytes[at + 0x43] = 1; // black
    view.setUint32(at + 0x44, FREE, true);
    view.setUint32(at + 0x48, right, true);
    view.setUint32(at + 0x4c, child, true);
    view.setUint32(at + 0x74, start, true);
    view.setUint32(at + 0x78, size, true);
  };
  entry(0, 'Root Entry', 5, miniContainer[0] ?? END, miniSectorCount * MINI, streams.length > 0 ? 1 : FREE, FREE);
  // The streams hang from the root as a chain of right siblings (a degenerate but valid tree).
  placed.forEach(({ stream, start }, i) => entry(i + 1, stream.name, 2, start, stream.data.length, FREE, i + 1 < streams.length ? i + 2 : FREE));
  for (let i = streams.length + 1; i < dirCount * 4; i++) {
    const at = offset(directorySectors[Math.floor(i / 4)]!) + (i % 4) * 128;
    view.setUint32(at + 0x44, FREE, true);
    view.setUint32(at + 0x48, FREE, true);
    view.setUint32(at + 0x4c, FREE, true);
  }

  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, fatCount, true);
  view.setUint32(0x30, directorySectors[0]!, true);
  view.setUint32(0x38, CUTOFF, true);
  view.setUint32(0x3c, miniFatSectors[0] ?? END, true);
  view.setUint32(0x40, miniFatCount, true);
  view.setUint32(0x44, END, true);
  view.setUint32(0x48, 0, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + 4 * i, fatSectors[i] ?? FREE, true);
  return { bytes, layout };
}

/** A WordDocument stream of `size` bytes starting with a FibBase: wIdent, nFib and the flags word. */
export function wordDocumentStream(fib: { ident?: number; nFib?: number; flags?: number }, size = 4096): Uint8Array {
  const data = new Uint8Array(size);
  const view = new DataView(data.buffer);
  view.setUint16(0, fib.ident ?? 0xa5ec, true);
  view.setUint16(2, fib.nFib ?? 0xc1, true);
  view.setUint16(0x0a, fib.flags ?? 0x0200, true);
  return data;
}

/** Bytes 0, 1, 2, … (mod 251), so that any misplaced byte shows. */
export function countingBytes(length: number, seed = 0): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i + seed) % 251);
}
