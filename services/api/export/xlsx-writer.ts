import ExcelJS from 'exceljs';
import type { SqlValue } from '../../../infra/db/sql-database.ts';

/** One sheet: a bold, frozen header row (Vietnamese labels), then the rows; numbers stay numbers. */
export async function toXlsx(sheetName: string, headers: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tonghop';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((c, i) => { c.width = Math.min(60, Math.max(10, (headers[i] ?? '').length + 2)); });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
