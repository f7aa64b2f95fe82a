import { describe, expect, it } from 'vitest';
import { readDocxStructure } from '../../../../services/parser/docx/docx-structure-reader.ts';
import { buildZip, minimalDocx } from '../../../support/zip-builder.ts';
import {
  bullet, docx, endnoteRef, footnoteRef, heading, image, p, paragraph, run, table,
} from '../../../support/docx-builder.ts';
import { expectWellFormedPage, viewPage } from './page-view.ts';

async function read(bytes: Uint8Array) {
  const doc = await readDocxStructure(bytes, 'bao-cao.docx');
  expect(doc.engine).toBe('mammoth-html');
  expect(doc.pages).toHaveLength(1);
  const page = doc.pages[0]!;
  expect(page.page).toBe(1);
  expectWellFormedPage(page);
  return { doc, page, view: viewPage(page) };
}

describe('readDocxStructure', () => {
  it('reads paragraphs and headings in document order, dropping empty ones', async () => {
    const { page, view, doc } = await read(docx([
      p('Số: 17/BC-UBND'),
      heading(1, 'BÁO CÁO'),
      paragraph({ style: 'Title' }, run('Tổng kết')),
      p(run('Phụ lục 1', { bold: true }), run('\n'), run('Thống kê các chỉ tiêu', { bold: true })),
      p(''),
      p('   '),
      p(run('1.', { bold: true }), ' Công tác chỉ đạo, điều hành'),
    ]));
    expect(view).toEqual([
      { p: 'Số: 17/BC-UBND' },
      { p: 'BÁO CÁO', heading: true },
      { p: 'Tổng kết', heading: true },
      { p: 'Phụ lục 1 Thống kê các chỉ tiêu', heading: true },
      { p: '1. Công tác chỉ đạo, điều hành' },
    ]);
    expect(page.text).toBe('Số: 17/BC-UBND\nBÁO CÁO\nTổng kết\nPhụ lục 1 Thống kê các chỉ tiêu\n1. Công tác chỉ đạo, điều hành\n');
    expect(doc.warnings).toEqual([]);
  });

  it('turns tabs and line breaks inside a paragraph into spaces', async () => {
    const { view } = await read(docx([p('Tổng số:\t24 người\ntrong đó\t\tnữ 10')]));
    expect(view).toEqual([{ p: 'Tổng số: 24 người trong đó nữ 10' }]);
  });

  it('keeps superscript footnote marks off the numbers they follow', async () => {
    const { view } = await read(docx([
      p('Đã giải quyết 54.599', run('1', { sup: true }), ' hồ sơ; 12/12', run('4', { sup: true }), ' đơn vị; ngày 10', run('th', { sup: true }), '; CO', run('2', { sub: true })),
    ]));
    expect(view).toEqual([{ p: 'Đã giải quyết 54.599¹ hồ sơ; 12/12⁴ đơn vị; ngày 10 th; CO₂' }]);
  });

  it('turns footnote and endnote references into superscript labels and puts the notes last', async () => {
    const { page, view } = await read(docx(
      [
        p('Tiếp nhận 845.938/846.314', footnoteRef(2), ' hồ sơ, đạt 89,39%', endnoteRef(1), '.'),
        p(run('Kết quả', { bold: true }), footnoteRef(5)),
        p('Đoạn cuối'),
      ],
      { footnotes: { 2: [p(' Số liệu đến 01/12/2016'), p('Nguồn: Sở Nội vụ')], 5: [p(' Chú thích hai')] }, endnotes: { 1: [p(' Ghi chú cuối')] } },
    ));
    expect(view).toEqual([
      { p: 'Tiếp nhận 845.938/846.314¹ hồ sơ, đạt 89,39%².' },
      { p: 'Kết quả³', heading: true },
      { p: 'Đoạn cuối' },
      { p: '¹ Số liệu đến 01/12/2016' },
      { p: 'Nguồn: Sở Nội vụ' },
      // mammoth numbers footnote and endnote references in one sequence, notes in reference order.
      { p: '² Ghi chú cuối' },
      { p: '³ Chú thích hai' },
    ]);
    expect(page.text).not.toMatch(/\[\d\]|↑/);
  });

  it('reads list items one per line, nested items after their parent', async () => {
    const { view } = await read(docx([bullet(0, 'Mục một'), bullet(1, 'Mục con'), bullet(0, 'Mục hai'), p('Sau danh sách')]));
    expect(view).toEqual([{ p: 'Mục một' }, { p: 'Mục con' }, { p: 'Mục hai' }, { p: 'Sau danh sách' }]);
  });

  it('reads a table with a two-row merged header (w:vMerge, w:gridSpan), cells pointing into the text', async () => {
    const { page, view } = await read(docx([
      p(run('Phụ lục 1', { bold: true })),
      table([
        [{ content: 'STT', vMerge: 'restart' }, { content: 'Chỉ tiêu', vMerge: 'restart' }, { content: 'Các đơn vị, địa phương thuộc huyện', gridSpan: 3 }],
        [{ vMerge: 'continue' }, { vMerge: 'continue' }, 'Năm 2018', 'Năm 2019', 'Năm 2020 (Tính đến 31/3)'],
        ['1', 'Số lượng văn bản chỉ đạo, điều hành', '23', '23', '14'],
        [{}, { content: ['- Văn bản của cấp ủy', 'cùng cấp'] }, '1', '', '1'],
      ]),
      p('Sau bảng'),
    ]));
    expect(view).toEqual([
      { p: 'Phụ lục 1', heading: true },
      {
        table: [
          [{ text: 'STT', rowSpan: 2 }, { text: 'Chỉ tiêu', rowSpan: 2 }, { text: 'Các đơn vị, địa phương thuộc huyện', colSpan: 3 }],
          ['Năm 2018', 'Năm 2019', 'Năm 2020 (Tính đến 31/3)'],
          ['1', 'Số lượng văn bản chỉ đạo, điều hành', '23', '23', '14'],
          ['', '- Văn bản của cấp ủy cùng cấp', '1', '', '1'],
        ],
      },
      { p: 'Sau bảng' },
    ]);
    // Every cell, spelled out against the raw text.
    const table1 = page.blocks[1];
    if (table1?.kind !== 'table') throw new Error('expected a table');
    const row = table1.rows[2]!;
    expect(row.cells.map((c) => page.text.slice(c.start, c.end))).toEqual(['1', 'Số lượng văn bản chỉ đạo, điều hành', '23', '23', '14']);
    expect(page.text.slice(table1.start, table1.end).split('\n')).toHaveLength(4);
  });

  it('keeps repeated header rows (w:tblHeader) as ordinary rows', async () => {
    const { view } = await read(docx([table([['STT', 'Năm 2019'], ['1', '265']], { headerRows: 1 })]));
    expect(view).toEqual([{ table: [['STT', 'Năm 2019'], ['1', '265']] }]);
  });

  it('flattens a nested table into the cell that holds it', async () => {
    const { view } = await read(docx([
      table([['1', { content: ['Trên', table([['a', 'b'], ['c', 'd']]), 'Dưới'] }, '14']]),
    ]));
    expect(view).toEqual([{ table: [['1', 'Trên a b c d Dưới', '14']] }]);
  });

  it('composes decomposed (NFD) diacritics', async () => {
    const nfd = 'Ủy ban nhân dân xã đã tiếp nhận hồ sơ'.normalize('NFD');
    const { page } = await read(docx([p(nfd), table([[nfd]])]));
    expect(page.text).toBe(`${'Ủy ban nhân dân xã đã tiếp nhận hồ sơ'.normalize('NFC')}\n${'Ủy ban nhân dân xã đã tiếp nhận hồ sơ'.normalize('NFC')}\n`);
  });

  it('does not read images, but says how many there were', async () => {
    const { view, doc } = await read(docx([p('Trước'), p(image('Bảng số liệu')), p('Sau ', image('Biểu đồ'))]));
    expect(view).toEqual([{ p: 'Trước' }, { p: 'Sau' }]);
    expect(doc.warnings).toEqual([{ vi: expect.stringContaining('2 hình ảnh') as string, en: expect.stringContaining('2 image') as string }]);
  });

  it('reads the minimal DOCX the other tests use', async () => {
    const { view } = await read(minimalDocx(['Báo cáo số 17/BC-UBND', 'đã tiếp nhận 14.322 hồ sơ']));
    expect(view).toEqual([{ p: 'Báo cáo số 17/BC-UBND' }, { p: 'đã tiếp nhận 14.322 hồ sơ' }]);
  });

  it('reads an empty body as an empty page', async () => {
    const { page } = await read(docx([]));
    expect(page).toEqual({ page: 1, text: '', blocks: [] });
  });

  it('refuses a ZIP that is not a DOCX with TH_ERR_DOCX_CORRUPT', async () => {
    const notDocx = buildZip([{ name: 'hello.txt', data: 'xin chào' }]);
    await expect(readDocxStructure(notDocx, 'x.docx')).rejects.toMatchObject({ code: 'TH_ERR_DOCX_CORRUPT', retriable: false });
  });

  it('refuses bytes that are not a ZIP with TH_ERR_DOCX_CORRUPT', async () => {
    await expect(readDocxStructure(new TextEncoder().encode('%PDF-1.7 not a zip'), 'x.docx')).rejects.toMatchObject({ code: 'TH_ERR_DOCX_CORRUPT' });
  });

  it('refuses a DOCX whose document XML is broken with TH_ERR_DOCX_CORRUPT', async () => {
    const broken = buildZip([
      { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
      { name: 'word/document.xml', data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>' },
    ]);
    await expect(readDocxStructure(broken, 'broken.docx')).rejects.toMatchObject({ code: 'TH_ERR_DOCX_CORRUPT' });
  });

  it('refuses a zip bomb before inflating it, with TH_ERR_ZIP_BOMB', async () => {
    const bomb = buildZip([{ name: 'word/document.xml', data: 'A'.repeat(3_000_000) }]);
    await expect(readDocxStructure(bomb, 'bomb.docx')).rejects.toMatchObject({ code: 'TH_ERR_ZIP_BOMB' });
  });

  it('applies the given ZIP limits', async () => {
    const limits = { maxUncompressedBytes: 1000, maxRatio: 200, maxEntries: 10 };
    await expect(readDocxStructure(minimalDocx(['x'.repeat(2000)]), 'big.docx', limits)).rejects.toMatchObject({ code: 'TH_ERR_ZIP_BOMB' });
  });
});
