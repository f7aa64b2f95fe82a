// Layout of hand-made word boxes: tables rebuilt from word geometry, prose left alone.
// Geometry follows LibreOffice's tables: 14 pt word boxes, 12.5 pt between the lines of a
// cell, 15.5 pt between rows (cell padding), words 3.5 pt apart.
import { describe, expect, it } from 'vitest';
import type { DocumentPage, TableBlock } from '../../../../services/parser/document-model.ts';
import { layoutPdfPages } from '../../../../services/parser/pdf/pdf-layout.ts';
import type { BboxWord } from '../../../../services/parser/pdf/bbox-page.ts';
import { LINE_PITCH, bboxBlock, bboxLine, bboxPage, paragraph, place } from './bbox-builder.ts';

const ROW_PITCH = 15.5;

function tables(pages: DocumentPage[]): string[][][] {
  return pages.flatMap((p) => p.blocks.filter((b): b is TableBlock => b.kind === 'table')
    .map((b) => b.rows.map((r) => r.cells.map((c) => p.text.slice(c.start, c.end)))));
}

function spans(pages: DocumentPage[]): (number | undefined)[][][] {
  return pages.flatMap((p) => p.blocks.filter((b): b is TableBlock => b.kind === 'table')
    .map((b) => b.rows.map((r) => r.cells.map((c) => c.colSpan))));
}

function paragraphs(pages: DocumentPage[]): string[] {
  return pages.flatMap((p) => p.blocks.filter((b) => b.kind === 'paragraph').map((b) => p.text.slice(b.start, b.end)));
}

/** STT | Chỉ tiêu | Năm 2019 | Năm 2020, centred numbers, one label wrapped over two lines. */
function yearTable(top: number): BboxWord[][] {
  const r1 = top + ROW_PITCH;
  const r2 = r1 + LINE_PITCH + ROW_PITCH;
  const r3 = r2 + ROW_PITCH;
  return [
    [...place('STT', 66, top, { align: 'center' }), ...place('Chỉ tiêu', 160, top, { align: 'center' }),
      ...place('Năm 2019', 300, top, { align: 'center' }), ...place('Năm 2020', 370, top, { align: 'center' })],
    place('Số lượng văn bản chỉ đạo,', 90, r1),
    [...place('1', 66, r1 + LINE_PITCH / 2, { align: 'center' }), ...place('13', 300, r1 + LINE_PITCH / 2, { align: 'center' }),
      ...place('14', 370, r1 + LINE_PITCH / 2, { align: 'center' })],
    place('điều hành', 90, r1 + LINE_PITCH),
    [...place('2', 66, r2, { align: 'center' }), ...place('Tuyên truyền CCHC', 90, r2),
      ...place('5', 300, r2, { align: 'center' }), ...place('7', 370, r2, { align: 'center' })],
    [...place('-', 66, r3, { align: 'center' }), ...place('Số bản tin', 90, r3),
      ...place('10', 300, r3, { align: 'center' }), ...place('12', 370, r3, { align: 'center' })],
  ];
}

describe('layoutPdfPages: tables from word geometry', () => {
  it('rebuilds rows and columns whatever poppler\'s blocks say, wrapped label in one cell', () => {
    const lines = yearTable(100);
    // Poppler-like blocks: the number line and the label lines in one block, a row's words in one line.
    const page = bboxPage(
      paragraph(['Bảng 1. Kết quả thực hiện'], 90, 50),
      bboxBlock(bboxLine(lines[0]!)),
      bboxBlock(bboxLine(lines[1]!), bboxLine(lines[2]!), bboxLine(lines[3]!)),
      bboxBlock(bboxLine(lines[4]!), bboxLine(lines[5]!)),
      paragraph(['Trên đây là kết quả thực hiện năm 2020 của xã, đề nghị cấp trên xem xét.'], 90, 220),
    );
    const pages = layoutPdfPages([page]);
    expect(tables(pages)).toEqual([[
      ['STT', 'Chỉ tiêu', 'Năm 2019', 'Năm 2020'],
      ['1', 'Số lượng văn bản chỉ đạo, điều hành', '13', '14'],
      ['2', 'Tuyên truyền CCHC', '5', '7'],
      ['-', 'Số bản tin', '10', '12'],
    ]]);
    expect(paragraphs(pages)).toEqual(['Bảng 1. Kết quả thực hiện', 'Trên đây là kết quả thực hiện năm 2020 của xã, đề nghị cấp trên xem xét.']);
    // Reading order: caption, table, closing paragraph; table text is one line per row, cells tab-separated.
    expect(pages[0]!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(pages[0]!.text).toContain('1\tSố lượng văn bản chỉ đạo, điều hành\t13\t14\n');
  });

  it('gives a header merged over several columns its colSpan', () => {
    const lines = yearTable(100);
    const merged = place('Các đơn vị thuộc huyện', 335, 100 - ROW_PITCH, { align: 'center' });
    const pages = layoutPdfPages([bboxPage(bboxBlock(bboxLine(merged), ...lines.map((l) => bboxLine(l))))]);
    const [table] = tables(pages);
    expect(table?.[0]).toEqual(['', '', 'Các đơn vị thuộc huyện']);
    expect(spans(pages)[0]?.[0]).toEqual([undefined, undefined, 2]);
    expect(table?.[1]).toEqual(['STT', 'Chỉ tiêu', 'Năm 2019', 'Năm 2020']);
    expect(table?.[2]).toEqual(['1', 'Số lượng văn bản chỉ đạo, điều hành', '13', '14']);
  });

  it('keeps right-aligned numbers of different widths in their column', () => {
    const rows = [['Chỉ tiêu', 'Kế hoạch', 'Thực hiện'], ['Hồ sơ tiếp nhận', '5', '1.234'], ['Hồ sơ đúng hạn', '123', '99,14'], ['Hồ sơ trễ hạn', '7', '0']];
    const page = bboxPage(...rows.map((r, i) => {
      const top = 100 + i * ROW_PITCH;
      return bboxBlock(bboxLine(place(r[0]!, 90, top), place(r[1]!, 330, top, { align: 'right' }), place(r[2]!, 420, top, { align: 'right' })));
    }));
    expect(tables(layoutPdfPages([page]))).toEqual([rows]);
  });

  it('cuts a label that runs up to the next cell off the number there', () => {
    // Left-aligned cells; one label fills its cell and ends 4.5 pt (0.32 of the line) before
    // the number: less than 1.5 word spaces, so only the column's edge can separate them.
    const rows: [string, string, string][] = [['Chỉ tiêu', 'Năm 2015', 'Năm 2016'], ['Tổng số biên chế công chức', '2', '24'], ['Tổng số được giao', '25', '25'], ['Tổng số có mặt', '22', '24']];
    const labelEnd = 90 + place(rows[1]![0], 90, 0).at(-1)!.xMax - 90;
    const page = bboxPage(bboxBlock(...rows.map((r, i) => {
      const top = 100 + i * ROW_PITCH;
      return bboxLine(place(r[0], 90, top), place(r[1], labelEnd + 4.5, top), place(r[2], labelEnd + 80, top));
    })));
    expect(tables(layoutPdfPages([page]))).toEqual([rows]);
  });

  it('separates rows by their values when cells have no padding', () => {
    // Word-style table: row pitch equals line pitch; numbers sit on the first line of each row.
    const line = (i: number) => 100 + i * LINE_PITCH;
    const page = bboxPage(bboxBlock(
      bboxLine(place('Chỉ tiêu', 90, line(0)), place('2019', 300, line(0)), place('2020', 360, line(0))),
      bboxLine(place('Số hồ sơ tiếp nhận', 90, line(1)), place('845', 300, line(1)), place('912', 360, line(1))),
      bboxLine(place('trong kỳ báo cáo', 90, line(2))),
      bboxLine(place('Số hồ sơ giải quyết', 90, line(3)), place('840', 300, line(3)), place('910', 360, line(3))),
      bboxLine(place('đúng hạn', 90, line(4))),
      bboxLine(place('Số hồ sơ trễ hạn', 90, line(5)), place('5', 300, line(5)), place('2', 360, line(5))),
    ));
    expect(tables(layoutPdfPages([page]))).toEqual([[
      ['Chỉ tiêu', '2019', '2020'],
      ['Số hồ sơ tiếp nhận trong kỳ báo cáo', '845', '912'],
      ['Số hồ sơ giải quyết đúng hạn', '840', '910'],
      ['Số hồ sơ trễ hạn', '5', '2'],
    ]]);
  });

  it('keeps one-line rows apart when no cell wraps, label-only rows too', () => {
    // All steps are row pitch (15.5), the header sits a little further up (20): no cell stacks.
    const rows = [['Chỉ tiêu', 'Số lượng'], ['Tổng số văn bản', '13'], ['Tuyên truyền CCHC', ''], ['Số bản tin', '10'], ['Số chuyên mục', '']];
    const top = (i: number) => (i === 0 ? 80 : 100 + (i - 1) * ROW_PITCH);
    const page = bboxPage(bboxBlock(...rows.map((r, i) => bboxLine(place(r[0]!, 90, top(i)), r[1] ? place(r[1], 300, top(i), { align: 'center' }) : []))));
    expect(tables(layoutPdfPages([page]))).toEqual([rows]);
  });

  it('continues a table at the top of the next page in the same columns', () => {
    const p1 = bboxPage(bboxBlock(...yearTable(600).map((l) => bboxLine(l))));
    const p2 = bboxPage(
      bboxBlock(
        bboxLine(place('phạm pháp luật', 90, 50)),
        bboxLine(place('+', 66, 50 + ROW_PITCH, { align: 'center' }), place('Số bài viết', 90, 50 + ROW_PITCH)),
        bboxLine(place('trên trang tin', 90, 50 + ROW_PITCH + LINE_PITCH)),
      ),
      paragraph(['Phụ lục 2'], 90, 120),
    );
    const pages = layoutPdfPages([p1, p2]);
    expect(tables([pages[1]!])).toEqual([[
      ['', 'phạm pháp luật', '', ''],
      ['+', 'Số bài viết trên trang tin', '', ''],
    ]]);
    expect(paragraphs([pages[1]!])).toEqual(['Phụ lục 2']);
  });

  it('splits two tables stacked without a gap where the header repeats', () => {
    const first = yearTable(100);
    const second = yearTable(100 + 4 * ROW_PITCH + LINE_PITCH + 2).map((l) => l.map((w) => ({ ...w, xMin: w.xMin + 4, xMax: w.xMax + 4 })));
    const pages = layoutPdfPages([bboxPage(bboxBlock(...[...first, ...second].map((l) => bboxLine(l))))]);
    expect(tables(pages).map((t) => t[0])).toEqual([['STT', 'Chỉ tiêu', 'Năm 2019', 'Năm 2020'], ['STT', 'Chỉ tiêu', 'Năm 2019', 'Năm 2020']]);
    expect(tables(pages).map((t) => t.length)).toEqual([4, 4]);
  });

  it('sets a two-column document header as a small table (issuer | national motto)', () => {
    const page = bboxPage(
      bboxBlock(
        bboxLine(place('ỦY BAN NHÂN DÂN', 150, 50, { align: 'center' }), place('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 400, 50, { align: 'center' })),
        bboxLine(place('XÃ QUẢNG NGẠN', 150, 50 + LINE_PITCH + 3, { align: 'center' }), place('Độc lập - Tự do - Hạnh phúc', 400, 50 + LINE_PITCH + 3, { align: 'center' })),
      ),
      paragraph(['Số: 17/BC-UBND'], 90, 110),
    );
    const pages = layoutPdfPages([page]);
    expect(tables(pages)).toEqual([[['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['XÃ QUẢNG NGẠN', 'Độc lập - Tự do - Hạnh phúc']]]);
    expect(paragraphs(pages)).toEqual(['Số: 17/BC-UBND']);
  });
});

describe('layoutPdfPages: prose', () => {
  it('keeps a justified paragraph, wide spaces and all, one paragraph', () => {
    // Justification stretches every space of a line alike (here to 0.5 of the line height).
    const page = bboxPage(bboxBlock(
      bboxLine(place('Ủy ban nhân dân xã đã tổ chức Hội nghị để triển khai', 90, 100, { space: 7 })),
      bboxLine(place('kịp thời, sâu rộng đến toàn thể cán bộ, công chức và', 90, 100 + LINE_PITCH, { space: 7.4 })),
      bboxLine(place('nhân dân trên địa bàn xã.', 90, 100 + 2 * LINE_PITCH)),
    ));
    const pages = layoutPdfPages([page]);
    expect(tables(pages)).toEqual([]);
    expect(paragraphs(pages)).toEqual(['Ủy ban nhân dân xã đã tổ chức Hội nghị để triển khai kịp thời, sâu rộng đến toàn thể cán bộ, công chức và nhân dân trên địa bàn xã.']);
  });

  it('keeps a list with hanging indents prose', () => {
    const item = (marker: string, lines: string[], top: number) => bboxBlock(
      bboxLine(place(marker, 85, top), place(lines[0]!, 120, top)),
      ...lines.slice(1).map((l, i) => bboxLine(place(l, 120, top + (i + 1) * LINE_PITCH))),
    );
    const pages = layoutPdfPages([bboxPage(
      item('a)', ['Rà soát, đánh giá thủ tục hành chính thuộc', 'thẩm quyền giải quyết của xã;'], 100),
      item('b)', ['Niêm yết công khai thủ tục hành chính tại', 'Bộ phận một cửa;'], 100 + 2 * LINE_PITCH + 4),
      item('c)', ['Tiếp nhận, giải quyết hồ sơ đúng hạn.'], 100 + 4 * LINE_PITCH + 8),
    )]);
    expect(tables(pages)).toEqual([]);
    expect(paragraphs(pages)).toEqual([
      'a) Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết của xã;',
      'b) Niêm yết công khai thủ tục hành chính tại Bộ phận một cửa;',
      'c) Tiếp nhận, giải quyết hồ sơ đúng hạn.',
    ]);
  });

  it('does not take prose lines cut by a stray wide gap for a table', () => {
    // `Công văn số 120   ngày …`: a blank left for a number, twice, in a justified paragraph.
    const right = 538;
    const line = (left: string, rest: string, top: number) => {
      const tail = place(rest, right, top, { align: 'right' });
      return bboxLine(place(left, 85, top), tail);
    };
    const page = bboxPage(bboxBlock(
      line('hành chính theo Công văn số 120', 'ngày 19/01/2022 về đăng ký rà soát', 100),
      line('tục hành chính năm 2022; Kế hoạch số 87', 'ngày 05/4/2022 về rà soát', 100 + LINE_PITCH),
      bboxLine(place('thủ tục hành chính năm 2022.', 85, 100 + 2 * LINE_PITCH)),
    ));
    const pages = layoutPdfPages([page]);
    expect(tables(pages)).toEqual([]);
    expect(paragraphs(pages)).toHaveLength(1);
  });

  it('joins hyphenated codes, marks headings and paragraphs that go on over the page', () => {
    const pages = layoutPdfPages([
      bboxPage(paragraph(['I. TÌNH HÌNH TRIỂN KHAI'], 85, 100), paragraph(['Ngày 05/02/2016, UBND tỉnh đã ban hành Kế hoạch số 18/KH-', 'UBND về việc kiểm tra công tác cải cách hành chính'], 85, 130)),
      bboxPage(paragraph(['trên địa bàn tỉnh.'], 85, 100)),
    ]);
    expect(pages[0]!.blocks).toMatchObject([{ kind: 'paragraph', heading: true }, { kind: 'paragraph', continues: true }]);
    expect(paragraphs(pages)).toEqual([
      'I. TÌNH HÌNH TRIỂN KHAI',
      'Ngày 05/02/2016, UBND tỉnh đã ban hành Kế hoạch số 18/KH-UBND về việc kiểm tra công tác cải cách hành chính',
      'trên địa bàn tỉnh.',
    ]);
  });

  it('drops page numbers but keeps a number that stands in a row with other text', () => {
    const number = (n: string) => bboxBlock(bboxLine(place(n, 297, 40, { align: 'center' })));
    // Page 3 opens with table rows in its top tenth; poppler gives each number its own block.
    const row = (top: number, label: string, a: string, b: string) => [
      bboxBlock(bboxLine(place(label, 90, top))),
      bboxBlock(bboxLine(place(a, 300, top, { align: 'center' }))),
      bboxBlock(bboxLine(place(b, 370, top, { align: 'center' }))),
    ];
    const pages = layoutPdfPages([
      bboxPage(number('1'), paragraph(['Nội dung trang một.'], 85, 100)),
      bboxPage(number('2'), paragraph(['Nội dung trang hai.'], 85, 100)),
      bboxPage(...row(40, 'Số lượng dịch vụ', '42', '265'), ...row(40 + ROW_PITCH, 'Số lượng mẫu', '42', '86'), paragraph(['Nội dung trang ba.'], 85, 150)),
    ]);
    expect(paragraphs(pages)).toEqual(['Nội dung trang một.', 'Nội dung trang hai.', 'Nội dung trang ba.']);
    expect(tables(pages)).toEqual([[['Số lượng dịch vụ', '42', '265'], ['Số lượng mẫu', '42', '86']]]);
  });
});
