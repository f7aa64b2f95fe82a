import type { Borders } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../../services/parser/document-analysis.ts';
import { readXlsxStructure } from '../../../../services/parser/xlsx/xlsx-structure-reader.ts';
import { expectWellFormedPage, viewPage } from '../docx/page-view.ts';
import { workbookBytes } from './docx-table-workbook.ts';
import { minimalXlsx, textCell } from './minimal-xlsx.ts';

const THIN: Partial<Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

describe('readXlsxStructure', () => {
  it('reads a sheet as one page: titles as headings, the ruled region as a table with its merged header', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('PL1');
      sheet.getCell('B2').value = 'PHỤ LỤC I';
      sheet.mergeCells('B2:G2');
      sheet.getCell('B3').value = 'Kết quả giải quyết thủ tục hành chính năm 2022';
      sheet.getCell('B3').font = { bold: true };
      sheet.mergeCells('B3:G3');
      const rows: (string | number | null)[][] = [
        ['STT', 'Cấp', 'Số hồ sơ đã giải quyết', 'Kết quả', null, 'Tỷ lệ đúng hạn'],
        [null, null, null, 'Đúng hạn', 'Trễ hạn', null],
        [1, 'Cấp huyện', 4845, 4001, 844, 0.8258],
        [2, 'Cấp xã', 17108, 4846, 12262, 0.2833],
      ];
      rows.forEach((row, r) => row.forEach((value, c) => {
        const cell = sheet.getCell(4 + r, 2 + c);
        if (value !== null) cell.value = value;
        cell.border = THIN;
        if (r >= 2 && c >= 2) cell.numFmt = c === 5 ? '0.0%' : '#,##0';
      }));
      for (const range of ['B4:B5', 'C4:C5', 'D4:D5', 'E4:F4', 'G4:G5']) sheet.mergeCells(range);
      sheet.getCell('B9').value = 'Ghi chú: số liệu tính đến ngày 15/12/2022';
    });
    const doc = await readXlsxStructure(bytes, 'pl1.xlsx');
    expect(doc).toMatchObject({ engine: 'exceljs', warnings: [] });
    expect(doc.pages).toHaveLength(1);
    expectWellFormedPage(doc.pages[0]!);
    expect(viewPage(doc.pages[0]!)).toEqual([
      { p: 'PHỤ LỤC I', heading: true },
      { p: 'Kết quả giải quyết thủ tục hành chính năm 2022', heading: true },
      { table: [
        [{ text: 'STT', rowSpan: 2 }, { text: 'Cấp', rowSpan: 2 }, { text: 'Số hồ sơ đã giải quyết', rowSpan: 2 }, { text: 'Kết quả', colSpan: 2 }, { text: 'Tỷ lệ đúng hạn', rowSpan: 2 }],
        ['Đúng hạn', 'Trễ hạn'],
        ['1', 'Cấp huyện', '4.845', '4.001', '844', '82,6%'],
        ['2', 'Cấp xã', '17.108', '4.846', '12.262', '28,3%'],
      ] },
      { p: 'Ghi chú: số liệu tính đến ngày 15/12/2022' },
    ]);
    const late = analyzeDocument('r1', doc).facts.find((f) => f.kind === 'table-cell' && f.value === 12262);
    expect(late).toMatchObject({ label: 'Cấp xã', role: 'late', table: { columnHeader: 'Kết quả › Trễ hạn' } });
  });

  it('skips hidden and empty sheets with a warning, numbers pages over the rest and runs block indexes on', async () => {
    const bytes = await workbookBytes((workbook) => {
      const first = workbook.addWorksheet('PL1');
      first.getCell('A1').value = 'PHỤ LỤC I';
      first.getCell('A2').value = 'Tổng số hồ sơ';
      first.getCell('B2').value = 17108;
      const hidden = workbook.addWorksheet('Dữ liệu gốc');
      hidden.state = 'hidden';
      hidden.getCell('A1').value = 'Số liệu nháp 99.999';
      const veryHidden = workbook.addWorksheet('Macro');
      veryHidden.state = 'veryHidden';
      veryHidden.getCell('A1').value = 'x';
      workbook.addWorksheet('Sheet3');
      const second = workbook.addWorksheet('PL2');
      second.getCell('A1').value = 'PHỤ LỤC II';
    });
    const doc = await readXlsxStructure(bytes, 'pl.xlsx');
    expect(doc.pages.map((p) => [p.page, p.text])).toEqual([[1, 'PHỤ LỤC I\nTổng số hồ sơ\t17108\n'], [2, 'PHỤ LỤC II\n']]);
    expect(doc.pages.flatMap((p) => p.blocks.map((b) => b.index))).toEqual([0, 1, 2]);
    expectWellFormedPage(doc.pages[1]!, 2);
    expect(doc.warnings).toEqual([
      { vi: 'Trang tính ẩn "Dữ liệu gốc" không được đọc', en: 'Hidden sheet "Dữ liệu gốc" was not read' },
      { vi: 'Trang tính ẩn "Macro" không được đọc', en: 'Hidden sheet "Macro" was not read' },
      { vi: 'Trang tính "Sheet3" trống, bỏ qua', en: 'Sheet "Sheet3" is empty and was skipped' },
    ]);
    expect(doc.pages.some((p) => p.text.includes('99.999'))).toBe(false);
  });

  it('leaves out hidden rows and columns, shrinking the merged cells that cross them', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('PL');
      const rows = [
        ['Cấp', 'Kết quả', 'nháp', null],
        [null, 'Đúng hạn', 'nháp', 'Trễ hạn'],
        ['Cấp xã', 4846, 1, 12262],
        ['tạm', 1, 1, 1],
      ];
      rows.forEach((row, r) => row.forEach((value, c) => { if (value !== null) sheet.getCell(r + 1, c + 1).value = value; }));
      sheet.mergeCells('A1:A2');
      sheet.mergeCells('B1:D1');
      sheet.getColumn(3).hidden = true;
      sheet.getRow(4).hidden = true;
    });
    const doc = await readXlsxStructure(bytes, 'hidden.xlsx');
    expect(viewPage(doc.pages[0]!)).toEqual([{ table: [
      [{ text: 'Cấp', rowSpan: 2 }, { text: 'Kết quả', colSpan: 2 }],
      ['Đúng hạn', 'Trễ hạn'],
      ['Cấp xã', '4846', '12262'],
    ] }]);
    expect(doc.warnings).toEqual([{
      vi: 'Trang tính "PL": 1 hàng ẩn và 1 cột ẩn có chữ không được đọc',
      en: 'Sheet "PL": 1 hidden row(s) and 1 hidden column(s) holding text were not read',
    }]);
  });

  it('shows formulas by their cached results and warns of those saved without one', async () => {
    const bytes = minimalXlsx([
      '<sheetData>'
      + `<row r="1">${textCell('A1', 'Chỉ tiêu')}${textCell('B1', 'Năm 2022')}</row>`
      + `<row r="2">${textCell('A2', 'Đúng hạn')}<c r="B2"><v>4846</v></c></row>`
      + `<row r="3">${textCell('A3', 'Trễ hạn')}<c r="B3"><v>12262</v></c></row>`
      // The cached 99 is what the file says; recomputing B2+B3 would give 17108.
      + `<row r="4">${textCell('A4', 'Tổng')}<c r="B4"><f>B2+B3</f><v>99</v></c></row>`
      + `<row r="5">${textCell('A5', 'Tỷ lệ')}<c r="B5"><f>B2/B4</f></c></row>`
      + `<row r="6">${textCell('A6', 'Ghi chú')}<c r="B6" t="str"><f>A2&amp;"!"</f><v>Đúng hạn!</v></c></row>`
      + '</sheetData>',
    ]);
    const doc = await readXlsxStructure(bytes, 'formulas.xlsx');
    expect(doc.pages[0]!.text).toBe('Chỉ tiêu\tNăm 2022\nĐúng hạn\t4846\nTrễ hạn\t12262\nTổng\t99\nTỷ lệ\t\nGhi chú\tĐúng hạn!\n');
    expect(doc.warnings).toEqual([{
      vi: 'Trang tính "Sheet1": 1 ô công thức chưa có kết quả lưu sẵn (B5) được để trống; mở và lưu lại tệp bằng Excel để có số liệu',
      en: 'Sheet "Sheet1": 1 formula cell(s) saved without a cached result (B5) are left empty; open and save the file in Excel to get their values',
    }]);
  });

  it('writes dates as dd/mm/yyyy, flattens rich text and normalizes to NFC', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('PL');
      sheet.getCell('A1').value = 'Ngày báo cáo';
      sheet.getCell('B1').value = new Date(Date.UTC(2022, 11, 15));
      sheet.getCell('B1').numFmt = 'mm-dd-yy';
      sheet.getCell('A2').value = { richText: [{ text: 'Số hồ sơ ', font: { bold: true } }, { text: 'trực\ntuyến' }] };
      sheet.getCell('B2').value = 'Cấp xã'.normalize('NFD');
    });
    const doc = await readXlsxStructure(bytes, 'misc.xlsx');
    expect(doc.pages[0]!.text).toBe('Ngày báo cáo\t15/12/2022\nSố hồ sơ trực tuyến\tCấp xã\n');
    expectWellFormedPage(doc.pages[0]!);
  });

  it('trims the empty rows and columns around what a sheet shows', async () => {
    const bytes = minimalXlsx([
      '<sheetData>'
      + '<row r="1"><c r="A1" s="0"/></row>'
      + `<row r="5">${textCell('D5', 'Cấp')}${textCell('E5', 'Số')}<c r="F5"/></row>`
      + `<row r="6">${textCell('D6', 'Cấp xã')}<c r="E6"><v>12</v></c></row>`
      + '<row r="40"><c r="Z40" t="inlineStr"><is><t>   </t></is></c></row>'
      + '</sheetData>',
    ]);
    const doc = await readXlsxStructure(bytes, 'trim.xlsx');
    expect(viewPage(doc.pages[0]!)).toEqual([{ table: [['Cấp', 'Số'], ['Cấp xã', '12']] }]);
  });
});
