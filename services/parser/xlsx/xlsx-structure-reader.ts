import ExcelJS from 'exceljs';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { isTonghopError } from '../../../infra/errors/tonghop-error.ts';
import type { LocalizedText } from '../../../schemas/localized-text.ts';
import type { DocumentPage, StructuredDocument } from '../document-model.ts';
import { layOutPage } from '../docx/page-layout.ts';
import { sheetGrid } from './sheet-grid.ts';
import { sheetRegions } from './sheet-regions.ts';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.ts';
import { checkXlsxPackage } from './xlsx-package-check.ts';

/**
 * XLSX → StructuredDocument (engine `exceljs`): report appendices (`Phụ lục`) sent as Excel, read
 * so that a table gives the same facts as the same table in a DOCX. Steps:
 *
 *   1. xlsx-package-check.ts  refuses what must not reach exceljs: encrypted, not an XLSX, corrupt,
 *                             a zip bomb, a sheet of more than 200 000 cells or 5 000 merged
 *                             ranges (xlsx-limits.ts)
 *   2. exceljs loads the workbook; it throwing → TH_ERR_XLSX_CORRUPT
 *   3. each visible sheet, in workbook order → sheet-grid.ts (what each cell shows: numbers in
 *      their number format the Vietnamese way, cell-display-text.ts; merged cells; hidden rows and
 *      columns left out) → sheet-regions.ts (titles and notes as paragraphs, the ruled region as a
 *      table) → one page, laid out as the DOCX reader lays out its page (docx/page-layout.ts)
 *
 * Pages are numbered 1, 2, … over the sheets that have text; block indexes run on across pages.
 * Warnings (Vietnamese and English) name every sheet skipped (hidden, or empty) and every formula
 * saved without a cached result (shown as an empty cell: formulas are never recomputed), and
 * count hidden rows and columns whose text was left out.
 */
const ENGINE = 'exceljs';

/** How many formula addresses a warning lists before it only counts. */
const LISTED_FORMULAS = 5;

export async function readXlsxStructure(
  bytes: Uint8Array, fileName: string, limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<StructuredDocument> {
  checkXlsxPackage(bytes, fileName, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want its own Buffer type; a Node Buffer over the same memory is one.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw tonghopError('TH_ERR_XLSX_CORRUPT', [`${fileName} (${(err as Error)?.message ?? String(err)})`], err);
  }

  const pages: DocumentPage[] = [];
  const warnings: LocalizedText[] = [];
  let nextIndex = 0;
  for (const worksheet of workbook.worksheets) {
    const name = worksheet.name;
    if (worksheet.state === 'hidden' || worksheet.state === 'veryHidden') {
      warnings.push({ vi: `Trang tính ẩn "${name}" không được đọc`, en: `Hidden sheet "${name}" was not read` });
      continue;
    }
    let grid;
    try {
      grid = sheetGrid(worksheet, fileName, limits);
    } catch (err) {
      if (isTonghopError(err)) throw err;
      throw tonghopError('TH_ERR_XLSX_CORRUPT', [`${fileName}, "${name}" (${(err as Error)?.message ?? String(err)})`], err);
    }
    warnings.push(...gridWarnings(name, grid));
    const blocks = sheetRegions(grid);
    if (blocks.length === 0) {
      warnings.push({ vi: `Trang tính "${name}" trống, bỏ qua`, en: `Sheet "${name}" is empty and was skipped` });
      continue;
    }
    const page = layOutPage(blocks, pages.length + 1, nextIndex);
    nextIndex += page.blocks.length;
    pages.push(page);
  }
  return { engine: ENGINE, pages, warnings };
}

function gridWarnings(name: string, grid: ReturnType<typeof sheetGrid>): LocalizedText[] {
  const out: LocalizedText[] = [];
  const formulas = grid.formulasWithoutResult;
  if (formulas.length > 0) {
    const listed = formulas.slice(0, LISTED_FORMULAS).join(', ') + (formulas.length > LISTED_FORMULAS ? ', …' : '');
    out.push({
      vi: `Trang tính "${name}": ${formulas.length} ô công thức chưa có kết quả lưu sẵn (${listed}) được để trống; mở và lưu lại tệp bằng Excel để có số liệu`,
      en: `Sheet "${name}": ${formulas.length} formula cell(s) saved without a cached result (${listed}) are left empty; open and save the file in Excel to get their values`,
    });
  }
  if (grid.hiddenRows > 0 || grid.hiddenColumns > 0) {
    out.push({
      vi: `Trang tính "${name}": ${grid.hiddenRows} hàng ẩn và ${grid.hiddenColumns} cột ẩn có chữ không được đọc`,
      en: `Sheet "${name}": ${grid.hiddenRows} hidden row(s) and ${grid.hiddenColumns} hidden column(s) holding text were not read`,
    });
  }
  return out;
}
