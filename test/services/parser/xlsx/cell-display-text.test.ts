import type { CellValue } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellDisplayText } from '../../../../services/parser/xlsx/cell-display-text.ts';

const shown = (value: CellValue, numFmt?: string) => cellDisplayText(value, numFmt);

describe('cellDisplayText', () => {
  it('formats numbers by their number format and dates as dd/mm/yyyy', () => {
    expect(shown(12262, '#,##0')).toEqual({ text: '12.262', formulaWithoutResult: false });
    expect(shown(0.971, '0.0%').text).toBe('97,1%');
    expect(shown(new Date(Date.UTC(2022, 11, 15)), 'mm-dd-yy').text).toBe('15/12/2022');
  });

  it('shows a formula by its cached result, formatted, and never recomputes it', () => {
    // The formula would give 4; the file says 36786, and that is what the cell shows.
    expect(shown({ formula: '2+2', result: 36786 }, '#,##0')).toEqual({ text: '36.786', formulaWithoutResult: false });
    expect(shown({ sharedFormula: 'D3', result: 0.5 }, '0.0%')).toEqual({ text: '50,0%', formulaWithoutResult: false });
    expect(shown({ formula: 'A1&B1', result: 'Cấp xã' }).text).toBe('Cấp xã');
    expect(shown({ formula: '1/0', result: { error: '#DIV/0!' } }).text).toBe('#DIV/0!');
  });

  it('leaves a formula without a cached result empty, and says so', () => {
    expect(shown({ formula: 'SUM(C3:C9)' }, '#,##0')).toEqual({ text: '', formulaWithoutResult: true });
    expect(shown({ sharedFormula: 'C3' })).toEqual({ text: '', formulaWithoutResult: true });
  });

  it('flattens rich text and hyperlinks, and shows booleans and errors as Excel does', () => {
    expect(shown({ richText: [{ text: 'Tổng ', font: { bold: true } }, { text: 'cộng' }] }).text).toBe('Tổng cộng');
    expect(shown({ text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn' }).text).toBe('Cổng dịch vụ công');
    expect(shown(true).text).toBe('TRUE');
    expect(shown({ error: '#N/A' }).text).toBe('#N/A');
    expect(shown(null)).toEqual({ text: '', formulaWithoutResult: false });
  });

  it('makes one trimmed NFC line of a cell with line breaks, tabs and decomposed accents', () => {
    const decomposed = 'Số hồ sơ\nđã giải quyết'.normalize('NFD');
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    expect(shown(`  ${decomposed}\t(đúng hạn)  `).text).toBe('Số hồ sơ đã giải quyết (đúng hạn)');
    expect(shown({ richText: [{ text: 'Tỷ lệ\r\n' }, { text: '  (%)' }] }).text).toBe('Tỷ lệ (%)');
  });
});
