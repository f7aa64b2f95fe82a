import { describe, expect, it } from 'vitest';
import { openCompoundFile } from '../../../../services/parser/doc/compound-file.ts';
import { buildCompoundFile, countingBytes } from './compound-file-builder.ts';

const name = 'test.doc';

function expectCorrupt(fn: () => unknown, why: RegExp) {
  expect(fn).toThrow(expect.objectContaining({ code: 'TH_ERR_DOC_CORRUPT', message: expect.stringMatching(why) as unknown }) as unknown);
}

describe('openCompoundFile', () => {
  const big = countingBytes(5000, 7);
  const small = countingBytes(150, 3);
  const built = buildCompoundFile([{ name: 'Big', data: big }, { name: '\u0005SummaryInformation', data: small }]);

  it('lists the root and the streams with their sizes', () => {
    const file = openCompoundFile(built.bytes, name);
    expect(file.entries.map(({ name: n, type, size }) => ({ n, type, size }))).toEqual([
      { n: 'Root Entry', type: 'root', size: 192 },
      { n: 'Big', type: 'stream', size: 5000 },
      { n: '\u0005SummaryInformation', type: 'stream', size: 150 },
    ]);
  });

  it('reads a regular stream across sectors, and a mini stream across mini sectors', () => {
    const file = openCompoundFile(built.bytes, name);
    const [, bigEntry, smallEntry] = file.entries;
    expect(file.readStreamHead(bigEntry!, 1200)).toEqual(big.subarray(0, 1200));
    expect(file.readStreamHead(smallEntry!, 1000)).toEqual(small);
    expect(file.readStreamHead(smallEntry!, 100)).toEqual(small.subarray(0, 100));
  });

  it('refuses what is not a compound file, or has a bad header', () => {
    expectCorrupt(() => openCompoundFile(new TextEncoder().encode('{\\rtf1 not a doc}'.padEnd(600, ' ')), name), /no OLE2 compound-file header/);
    const badOrder = built.bytes.slice();
    badOrder[0x1c] = 0xff;
    badOrder[0x1d] = 0xff;
    expectCorrupt(() => openCompoundFile(badOrder, name), /bad compound-file header/);
    const badShift = built.bytes.slice();
    badShift[0x1e] = 12; // version 3 with 4096-byte sectors
    expectCorrupt(() => openCompoundFile(badShift, name), /bad compound-file header/);
  });

  it('refuses a directory that starts past the end of the file', () => {
    const bytes = built.bytes.slice();
    const view = new DataView(bytes.buffer);
    view.setUint32(0x30, 100, true);
    expectCorrupt(() => openCompoundFile(bytes, name), /chain leaves its table/); // the FAT says sector 100 is free
    view.setUint32(512 + 4 * 100, 0xfffffffe, true); // now a one-sector chain, past the 14 sectors the file has
    expectCorrupt(() => openCompoundFile(bytes, name), /sector 100 outside the file/);
  });

  it('refuses a FAT chain that loops instead of walking it for ever', () => {
    const bytes = built.bytes.slice();
    const [first, second] = built.layout.streams['Big']!.sectors;
    // The FAT is sector 0 (file offset 512): make the stream's second sector point back to its first.
    new DataView(bytes.buffer).setUint32(512 + 4 * second!, first!, true);
    const file = openCompoundFile(bytes, name);
    expectCorrupt(() => file.readStreamHead(file.entries[1]!, 5000), /chain loops/);
  });

  it('refuses a stream cut off by truncation, and a file whose FAT sector is gone', () => {
    const lastSector = built.layout.streams['Big']!.sectors.at(-1)!;
    const cut = built.bytes.subarray(0, (lastSector + 1) * 512 + 100);
    const file = openCompoundFile(cut, name);
    expect(file.readStreamHead(file.entries[1]!, 4608)).toEqual(big.subarray(0, 4608));
    expectCorrupt(() => file.readStreamHead(file.entries[1]!, 5000), /stream runs past the end of the file/);
    expectCorrupt(() => openCompoundFile(built.bytes.subarray(0, 700), name), /sector 0 cut short/);
  });

  it('refuses a mini stream whose chain leaves the mini FAT', () => {
    const bytes = built.bytes.slice();
    const view = new DataView(bytes.buffer);
    // The directory's third entry (index 2) is the small stream: point its start far beyond the mini FAT.
    const entryAt = (built.layout.directorySectors[0]! + 1) * 512 + 2 * 128;
    view.setUint32(entryAt + 0x74, 5000, true);
    const file = openCompoundFile(bytes, name);
    expectCorrupt(() => file.readStreamHead(file.entries[2]!, 10), /chain leaves its table at 5000/);
  });
});
