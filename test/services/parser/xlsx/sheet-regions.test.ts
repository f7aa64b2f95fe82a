import { describe, expect, it } from 'vitest';
import type { GridSlot, SheetGrid } from '../../../../services/parser/xlsx/sheet-grid.ts';
import { sheetRegions } from '../../../../services/parser/xlsx/sheet-regions.ts';

/**
 * Titles against tables, on grids written by hand: `rows` are the shown texts ('' empty),
 * `merges` are [row, column, rowSpan, colSpan], `ruled` the rows with borders.
 */
function grid(rows: string[][], options: { merges?: [number, number, number, number][]; ruled?: number[]; bold?: [number, number][] } = {}): SheetGrid {
  const width = Math.max(...rows.map((r) => r.length));
  const slots: GridSlot[][] = rows.map((row) => Array.from({ length: width }, (_, c) => {
    const text = row[c] ?? '';
    return text === '' ? undefined : { kind: 'cell', cell: { text, rowSpan: 1, colSpan: 1, bold: false } };
  }));
  for (const [r, c, rowSpan, colSpan] of options.merges ?? []) {
    for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) slots[r + dr]![c + dc] = { kind: 'covered', row: r, column: c };
    slots[r]![c] = { kind: 'cell', cell: { text: rows[r]![c] ?? '', rowSpan, colSpan, bold: false } };
  }
  for (const [r, c] of options.bold ?? []) {
    const slot = slots[r]![c];
    if (slot?.kind === 'cell') slot.cell.bold = true;
  }
  const ruled = new Set(options.ruled ?? []);
  return {
    slots, width,
    bordered: rows.map((_, r) => Array.from({ length: width }, () => ruled.has(r))),
    formulasWithoutResult: [], hiddenRows: 0, hiddenColumns: 0,
  };
}

describe('sheetRegions', () => {
  it('reads titles above and a note below a table, with blank rows between', () => {
    const blocks = sheetRegions(grid([
      ['PHỤ LỤC I', '', ''],
      ['Kết quả giải quyết TTHC năm 2022', '', ''],
      ['', '', ''],
      ['STT', 'Cấp', 'Số hồ sơ'],
      ['1', 'Cấp xã', '17.108'],
      ['', '', ''],
      ['Ghi chú: số liệu đến 15/12/2022', '', ''],
    ], { merges: [[0, 0, 1, 3], [1, 0, 1, 3]], bold: [[1, 0]] }));
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'PHỤ LỤC I', heading: true },
      { kind: 'paragraph', text: 'Kết quả giải quyết TTHC năm 2022', heading: true },
      { kind: 'table', rows: [
        [{ text: 'STT', rowSpan: 1, colSpan: 1 }, { text: 'Cấp', rowSpan: 1, colSpan: 1 }, { text: 'Số hồ sơ', rowSpan: 1, colSpan: 1 }],
        [{ text: '1', rowSpan: 1, colSpan: 1 }, { text: 'Cấp xã', rowSpan: 1, colSpan: 1 }, { text: '17.108', rowSpan: 1, colSpan: 1 }],
      ] },
      { kind: 'paragraph', text: 'Ghi chú: số liệu đến 15/12/2022', heading: false },
    ]);
  });

  it('tells a ruled table from the unruled letterhead and titles typed right against it', () => {
    const blocks = sheetRegions(grid([
      ['UBND HUYỆN BẮC BÌNH', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
      ['PHỤ LỤC II', '', ''],
      ['Đơn vị tính: hồ sơ', '', ''],
      ['Cấp', 'Tiếp nhận', 'Đã giải quyết'],
      ['Cấp xã', '17.108', '17.041'],
      ['Ghi chú: không tính hồ sơ trực tuyến', '', ''],
    ], { ruled: [3, 4] }));
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : `table ×${b.rows.length}`))).toEqual([
      'table ×1', 'PHỤ LỤC II', 'Đơn vị tính: hồ sơ', 'table ×2', 'Ghi chú: không tính hồ sơ trực tuyến',
    ]);
  });

  it('keeps a single-cell row between table rows in the table, and cuts an unruled table by its shape', () => {
    const blocks = sheetRegions(grid([
      ['Biểu 1', '', ''],
      ['STT', 'Chỉ tiêu', 'Năm 2022'],
      ['A', 'CẤP HUYỆN', ''],
      ['1', 'Số hồ sơ', '4.845'],
      ['', 'khảo sát', ''],
      ['2', 'Số TTHC', '299'],
      ['Nguồn: Văn phòng HĐND-UBND', '', ''],
    ]));
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.text : `table ×${b.rows.length}`))).toEqual([
      'Biểu 1', 'table ×5', 'Nguồn: Văn phòng HĐND-UBND',
    ]);
  });

  it('keeps merged header cells as spans and fills the gaps with empty cells', () => {
    const blocks = sheetRegions(grid([
      ['STT', 'Chỉ tiêu', 'Kết quả', ''],
      ['', '', 'Đúng hạn', 'Tỷ lệ'],
      ['1', 'Cấp xã', '', '97,1%'],
    ], { merges: [[0, 0, 2, 1], [0, 1, 2, 1], [0, 2, 1, 2]] }));
    expect(blocks).toEqual([{ kind: 'table', rows: [
      [{ text: 'STT', rowSpan: 2, colSpan: 1 }, { text: 'Chỉ tiêu', rowSpan: 2, colSpan: 1 }, { text: 'Kết quả', rowSpan: 1, colSpan: 2 }],
      [{ text: 'Đúng hạn', rowSpan: 1, colSpan: 1 }, { text: 'Tỷ lệ', rowSpan: 1, colSpan: 1 }],
      [{ text: '1', rowSpan: 1, colSpan: 1 }, { text: 'Cấp xã', rowSpan: 1, colSpan: 1 }, { text: '', rowSpan: 1, colSpan: 1 }, { text: '97,1%', rowSpan: 1, colSpan: 1 }],
    ] }]);
  });

  it('keeps a table\'s columns from its first to its last occupied slot', () => {
    const blocks = sheetRegions(grid([
      ['Tiêu đề rộng của biểu', '', '', ''],
      ['', '', '', ''],
      ['', 'Cấp', 'Số', ''],
      ['', 'Cấp xã', '12', ''],
    ]));
    expect(blocks[1]).toEqual({ kind: 'table', rows: [
      [{ text: 'Cấp', rowSpan: 1, colSpan: 1 }, { text: 'Số', rowSpan: 1, colSpan: 1 }],
      [{ text: 'Cấp xã', rowSpan: 1, colSpan: 1 }, { text: '12', rowSpan: 1, colSpan: 1 }],
    ] });
  });

  it('does not cut a ruled table at a blank ruled row, and drops blank ruled rows at its edges', () => {
    const blocks = sheetRegions(grid([
      ['Cấp', 'Số'],
      ['', ''],
      ['Cấp xã', '12'],
      ['', ''],
    ], { ruled: [0, 1, 2, 3] }));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind === 'table' && blocks[0]!.rows.map((row) => row.map((c) => c.text))).toEqual([['Cấp', 'Số'], ['', ''], ['Cấp xã', '12']]);
  });

  it('makes a heading of capitals or bold, not of a long or lower-case line', () => {
    const blocks = sheetRegions(grid([
      ['UBND HUYỆN A LƯỚI'],
      ['Kết quả năm 2022'],
      ['Ghi chú: ' + 'số liệu '.repeat(30)],
      ['Kèm theo Báo cáo số 125/BC-UBND'],
    ], { bold: [[1, 0], [2, 0]] }));
    expect(blocks.map((b) => b.kind === 'paragraph' && b.heading)).toEqual([true, true, false, false]);
  });
});
