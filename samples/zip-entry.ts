// Reads one member of a ZIP archive (a DOCX) without an unzip binary or a dependency, so the
// samples test runs anywhere Node does. Handles stored and deflated members, no ZIP64.
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

function findEndOfCentralDirectory(zip: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let offset = zip.length - 22; offset >= earliest; offset -= 1) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  throw new Error('not a ZIP archive: end of central directory not found');
}

export function listZipEntries(zip: Buffer): string[] {
  return [...centralDirectory(zip)].map((entry) => entry.name);
}

interface CentralEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

function* centralDirectory(zip: Buffer): Generator<CentralEntry> {
  const end = findEndOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) throw new Error('corrupt ZIP central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    yield {
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    };
    offset += 46 + nameLength + extraLength + commentLength;
  }
}

/** The uncompressed bytes of `name`, or undefined when the archive has no such member. */
export function readZipEntry(zip: Buffer, name: string): Buffer | undefined {
  for (const entry of centralDirectory(zip)) {
    if (entry.name !== name) continue;
    const local = entry.localHeaderOffset;
    if (zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error(`corrupt ZIP local header for ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + entry.compressedSize);
    if (entry.method === 0) return Buffer.from(data);
    if (entry.method === 8) return inflateRawSync(data);
    throw new Error(`unsupported ZIP compression method ${entry.method} for ${name}`);
  }
  return undefined;
}
