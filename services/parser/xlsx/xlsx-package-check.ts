import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { sheetSize, type SheetSize } from './sheet-cell-count.ts';
import type { XlsxLimits } from './xlsx-limits.ts';
import { inflateEntry, readZipDirectory, ZipFormatError, ZipLimitError, type ZipEntry } from '../zip/zip-directory.ts';

/**
 * Decides whether a file may be handed to exceljs at all, and says why not with a coded error:
 *
 *   OLE compound file with an `EncryptedPackage` stream    → TH_ERR_XLSX_ENCRYPTED (Excel's "Encrypt
 *                                                             with Password" wraps the whole XLSX so)
 *   any other OLE compound file (an Excel 97–2003 .xls)    → TH_ERR_XLSX_CORRUPT
 *   not a ZIP, a broken ZIP, no `xl/workbook.xml`          → TH_ERR_XLSX_CORRUPT
 *   a ZIP entry with the encryption bit                     → TH_ERR_XLSX_ENCRYPTED
 *   parts declared, or found when inflated, above
 *   `maxUncompressedBytes` in total                         → TH_ERR_ZIP_BOMB (as for a DOCX)
 *   a worksheet whose `<c>` elements plus merged slots
 *   pass `maxCellsPerSheet`, or whose merged ranges pass
 *   `maxMergesPerSheet` (sheet-cell-count.ts)                 → TH_ERR_XLSX_TOO_LARGE
 *
 * Every part is inflated once here, one at a time, under what is left of the budget, so a header
 * that under-declares its size cannot slip past; exceljs then inflates them again. Worksheet XML
 * is only counted, never parsed.
 */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

export function checkXlsxPackage(bytes: Uint8Array, fileName: string, limits: XlsxLimits): void {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corrupt = (why: string, cause?: unknown) => tonghopError('TH_ERR_XLSX_CORRUPT', [`${fileName} (${why})`], cause);
  if (all.subarray(0, 8).equals(OLE_SIGNATURE)) {
    if (all.includes(Buffer.from('EncryptedPackage', 'utf16le'))) throw tonghopError('TH_ERR_XLSX_ENCRYPTED', [fileName]);
    throw corrupt('an Excel 97–2003 .xls or other OLE file, not an XLSX');
  }
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, limits.maxEntries);
  } catch (err) {
    throw corrupt((err as Error).message, err);
  }
  if (entries.some((e) => e.encrypted)) throw tonghopError('TH_ERR_XLSX_ENCRYPTED', [fileName]);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw corrupt('no xl/workbook.xml: not a spreadsheet');
  const declared = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) throw tonghopError('TH_ERR_ZIP_BOMB', [fileName, declared]);

  let inflated = 0;
  const sizeByPart = new Map<string, SheetSize>();
  const naming: { workbook?: string; rels?: string } = {};
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    let data: Uint8Array;
    try {
      data = inflateEntry(bytes, entry, limits.maxUncompressedBytes - inflated);
    } catch (err) {
      if (err instanceof ZipLimitError) throw tonghopError('TH_ERR_ZIP_BOMB', [fileName, `>${limits.maxUncompressedBytes}`], err);
      if (err instanceof ZipFormatError) throw corrupt(err.message, err);
      throw err;
    }
    inflated += data.length;
    if (WORKSHEET_PART.test(entry.name)) sizeByPart.set(entry.name, sheetSize(Buffer.from(data).toString('latin1')));
    else if (entry.name === 'xl/workbook.xml') naming.workbook = Buffer.from(data).toString('utf8');
    else if (entry.name === 'xl/_rels/workbook.xml.rels') naming.rels = Buffer.from(data).toString('utf8');
  }
  for (const [part, size] of sizeByPart) {
    if (size.cells > limits.maxCellsPerSheet || size.merges > limits.maxMergesPerSheet) {
      throw tonghopError('TH_ERR_XLSX_TOO_LARGE', [
        fileName, `"${sheetNameOf(part, naming) ?? part}"`, size.cells, size.merges, limits.maxCellsPerSheet, limits.maxMergesPerSheet,
      ]);
    }
  }
}

/**
 * The sheet's name as Excel shows it, through workbook.xml (`<sheet name="PL1" r:id="rId1"/>`) and
 * its relationships (`<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>`); best effort.
 */
function sheetNameOf(part: string, naming: { workbook?: string; rels?: string }): string | undefined {
  if (!naming.workbook || !naming.rels) return undefined;
  const target = part.replace(/^xl\//, '');
  for (const rel of naming.rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(rel[0])?.[1];
    const to = /\bTarget="([^"]+)"/.exec(rel[0])?.[1]?.replace(/^\/?xl\//, '');
    if (id === undefined || to !== target) continue;
    for (const sheet of naming.workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      if (/\br:id="([^"]+)"/.exec(sheet[0])?.[1] === id) return /\bname="([^"]*)"/.exec(sheet[0])?.[1];
    }
  }
  return undefined;
}
