import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_XLSX_LIMITS } from '../../../../services/parser/xlsx/xlsx-limits.ts';
import { readXlsxStructure } from '../../../../services/parser/xlsx/xlsx-structure-reader.ts';
import { buildZip, type ZipEntry } from '../../../support/zip-builder.ts';
import { workbookBytes } from './docx-table-workbook.ts';
import { minimalXlsx, minimalXlsxEntries, textCell } from './minimal-xlsx.ts';

/**
 * What the XLSX reader refuses, and with which code, before exceljs sees the file. All inputs are
 * made in code: OLE headers, archives with patched headers, sheets that would expand.
 */
const ONE_CELL = `<sheetData><row r="1">${textCell('A1', 'Tổng số hồ sơ')}${textCell('B1', '17.108')}</row></sheetData>`;

/** Offsets of every central directory header in an archive from buildZip. */
function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const out: number[] = [];
  let pos = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    out.push(pos);
    pos += 46 + view.getUint16(pos + 28, true) + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  return out;
}

/** A compound-file (OLE) header followed by directory entry names in UTF-16LE. */
function oleFile(streams: string[]): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  streams.forEach((name, i) => directory.write(name, i * 128, 'utf16le'));
  return new Uint8Array(Buffer.concat([header, Buffer.alloc(512), directory]));
}

/** The same archive as buildZip, in ZIP64 form: all-ones 32-bit fields, sizes in ZIP64 extras and records. */
function buildZip64(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(entry.data);
    const body = deflateRawSync(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(45, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(raw.length), 4);
    extra.writeBigUInt64LE(BigInt(body.length), 12);
    extra.writeBigUInt64LE(BigInt(offset), 20);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(0xffffffff, 20);
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(0xffffffff, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries.length), 24);
  record.writeBigUInt64LE(BigInt(entries.length), 32);
  record.writeBigUInt64LE(BigInt(cd.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0xffff, 8);
  eocd.writeUInt16LE(0xffff, 10);
  eocd.writeUInt32LE(0xffffffff, 12);
  eocd.writeUInt32LE(0xffffffff, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, record, locator, eocd]));
}

describe('XLSX refusals', () => {
  it('reads the minimal workbook these cases start from', async () => {
    const doc = await readXlsxStructure(minimalXlsx([ONE_CELL]), 'ok.xlsx');
    expect(doc.pages[0]!.text).toBe('Tổng số hồ sơ\t17.108\n');
  });

  it('reads a ZIP64 archive', async () => {
    const doc = await readXlsxStructure(buildZip64(minimalXlsxEntries([ONE_CELL])), 'zip64.xlsx');
    expect(doc.pages[0]!.text).toBe('Tổng số hồ sơ\t17.108\n');
  });

  it('refuses bytes that are not a ZIP, a truncated XLSX and a ZIP without a workbook with TH_ERR_XLSX_CORRUPT', async () => {
    const good = await workbookBytes((workbook) => { workbook.addWorksheet('PL').getCell('A1').value = 'PHỤ LỤC I'; });
    await expect(readXlsxStructure(new TextEncoder().encode('STT;Chỉ tiêu;Năm 2022\n1;Hồ sơ;17108\n'), 'x.xlsx'))
      .rejects.toMatchObject({ code: 'TH_ERR_XLSX_CORRUPT', retriable: false });
    await expect(readXlsxStructure(good.subarray(0, good.length - 30), 'cut.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_XLSX_CORRUPT' });
    await expect(readXlsxStructure(good.subarray(0, Math.floor(good.length / 2)), 'half.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_XLSX_CORRUPT' });
    const docxLike = buildZip([{ name: 'word/document.xml', data: '<w:document/>' }]);
    await expect(readXlsxStructure(docxLike, 'word.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_XLSX_CORRUPT' });
  });

  it('refuses broken compressed data and broken sheet XML with TH_ERR_XLSX_CORRUPT', async () => {
    const zip = minimalXlsx([ONE_CELL]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const sheet = centralHeaders(zip).at(-1)!;
    const local = view.getUint32(sheet + 42, true);
    const data = local + 30 + view.getUint16(local + 26, true);
    const garbled = zip.slice();
    garbled.fill(0xff, data, data + 8);
    await expect(readXlsxStructure(garbled, 'garbled.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_XLSX_CORRUPT' });
    const badXml = minimalXlsx(['<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></oops>']);
    await expect(readXlsxStructure(badXml, 'bad.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_XLSX_CORRUPT' });
  });

  it('refuses a password-protected workbook with TH_ERR_XLSX_ENCRYPTED, and an Excel 97–2003 file with TH_ERR_XLSX_CORRUPT', async () => {
    const encrypted = oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
    await expect(readXlsxStructure(encrypted, 'matkhau.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_XLSX_ENCRYPTED', retriable: false });
    const xls = oleFile(['Root Entry', 'Workbook', '\u0005SummaryInformation']);
    const refused = readXlsxStructure(xls, 'cu.xlsx');
    await expect(refused).rejects.toMatchObject({ code: 'TH_ERR_XLSX_CORRUPT' });
    await expect(refused).rejects.toThrow(/Excel 97–2003/);
  });

  it('refuses a ZIP whose entries carry the encryption flag with TH_ERR_XLSX_ENCRYPTED', async () => {
    const zip = minimalXlsx([ONE_CELL]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (const at of centralHeaders(zip)) view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    await expect(readXlsxStructure(zip, 'zipcrypto.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_XLSX_ENCRYPTED' });
  });

  it('refuses a zip bomb before exceljs inflates it, with TH_ERR_ZIP_BOMB, whether its headers tell the truth or not', async () => {
    const padding = { name: 'xl/media/padding.bin', data: new Uint8Array(DEFAULT_XLSX_LIMITS.maxUncompressedBytes + 1) };
    const honest = buildZip([...minimalXlsxEntries([ONE_CELL]), padding]);
    expect(honest.length).toBeLessThan(200_000);
    await expect(readXlsxStructure(honest, 'bomb.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_ZIP_BOMB' });

    // The same archive declaring 100 bytes for the padding: only inflating under a ceiling catches it.
    const lying = honest.slice();
    const view = new DataView(lying.buffer);
    const at = centralHeaders(lying).at(-1)!;
    view.setUint32(at + 24, 100, true);
    const started = Date.now();
    await expect(readXlsxStructure(lying, 'lying.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_ZIP_BOMB' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses more parts than the limit with TH_ERR_XLSX_CORRUPT', async () => {
    const bytes = minimalXlsx([ONE_CELL]);
    await expect(readXlsxStructure(bytes, 'many.xlsx', { ...DEFAULT_XLSX_LIMITS, maxEntries: 3 })).rejects.toMatchObject({ code: 'TH_ERR_XLSX_CORRUPT' });
  });

  it('refuses a sheet of more cells than the limit with TH_ERR_XLSX_TOO_LARGE, naming the sheet', async () => {
    const cells = Array.from({ length: 30 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"><v>1</v></c></row>`).join('');
    const bytes = minimalXlsx([ONE_CELL, `<sheetData>${cells}</sheetData>`]);
    const refused = readXlsxStructure(bytes, 'big.xlsx', { ...DEFAULT_XLSX_LIMITS, maxCellsPerSheet: 50 });
    await expect(refused).rejects.toMatchObject({
      code: 'TH_ERR_XLSX_TOO_LARGE',
      reason: {
        vi: 'Tệp big.xlsx bị từ chối: trang tính "Sheet2" có 60 ô và 0 vùng gộp ô, vượt giới hạn mỗi trang tính (50 ô, 5000 vùng gộp ô)',
        en: 'File big.xlsx refused: sheet "Sheet2" has 60 cells and 0 merged ranges, over the limits per sheet (50 cells, 5000 merged ranges)',
      },
    });
    await expect(readXlsxStructure(bytes, 'big.xlsx', { ...DEFAULT_XLSX_LIMITS, maxCellsPerSheet: 60 })).resolves.toMatchObject({ engine: 'exceljs' });
  });

  it('refuses a sheet of more merged ranges than the limit (exceljs loads them in quadratic time) with TH_ERR_XLSX_TOO_LARGE', async () => {
    const rows = Array.from({ length: 8 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`).join('');
    const merges = [1, 3, 5, 7].map((r) => `<mergeCell ref="A${r}:A${r + 1}"/>`).join('');
    const bytes = minimalXlsx([`<sheetData>${rows}</sheetData><mergeCells count="4">${merges}</mergeCells>`]);
    await expect(readXlsxStructure(bytes, 'merges.xlsx', { ...DEFAULT_XLSX_LIMITS, maxMergesPerSheet: 3 }))
      .rejects.toThrow('File merges.xlsx refused: sheet "Sheet1" has 16 cells and 4 merged ranges, over the limits per sheet (200000 cells, 3 merged ranges)');
    const doc = await readXlsxStructure(bytes, 'merges.xlsx', { ...DEFAULT_XLSX_LIMITS, maxMergesPerSheet: 4 });
    // One column of cells two rows high: every second row of the table holds no cell of its own.
    expect(doc.pages[0]!.text).toBe('0\n\n2\n\n4\n\n6\n\n');
  });

  it('refuses a tiny file that merges the whole sheet, before exceljs would build its 17 billion cells', async () => {
    const bytes = minimalXlsx([`${ONE_CELL}<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`]);
    expect(bytes.length).toBeLessThan(2_000);
    const started = Date.now();
    await expect(readXlsxStructure(bytes, 'merge-bomb.xlsx')).rejects.toMatchObject({ code: 'TH_ERR_XLSX_TOO_LARGE' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses two filled cells at opposite corners of the sheet, whose grid would be 17 billion slots', async () => {
    const bytes = minimalXlsx([`<sheetData><row r="1">${textCell('A1', 'x')}</row><row r="1048576">${textCell('XFD1048576', 'y')}</row></sheetData>`]);
    const refused = readXlsxStructure(bytes, 'corners.xlsx');
    await expect(refused).rejects.toMatchObject({ code: 'TH_ERR_XLSX_TOO_LARGE' });
    await expect(refused).rejects.toThrow(/17179869184 cells/);
  });
});
