import { describe, expect, it } from 'vitest';
import { htmlToBlocks } from '../../../../services/parser/docx/html-blocks.ts';
import { parseHtml } from '../../../../services/parser/docx/mammoth-html.ts';
import { layOutPage } from '../../../../services/parser/docx/page-layout.ts';
import { expectWellFormedPage, viewPage } from './page-view.ts';

/** mammoth-shaped HTML → the laid-out page, checked against the layout contract. */
function read(html: string) {
  const { blocks, images } = htmlToBlocks(parseHtml(html));
  const page = layOutPage(blocks);
  expectWellFormedPage(page);
  return { page, view: viewPage(page), images };
}

describe('paragraphs', () => {
  it('puts each paragraph, heading and list item on its own line, in order', () => {
    const { page, view } = read('<p>Số: 17/BC-UBND</p><h2><strong>BÁO CÁO</strong></h2><ul><li>Mục một</li><li>Mục hai</li></ul><p>Kết thúc</p>');
    expect(page.text).toBe('Số: 17/BC-UBND\nBÁO CÁO\nMục một\nMục hai\nKết thúc\n');
    expect(view).toEqual([
      { p: 'Số: 17/BC-UBND' }, { p: 'BÁO CÁO', heading: true }, { p: 'Mục một' }, { p: 'Mục hai' }, { p: 'Kết thúc' },
    ]);
  });

  it('turns <br />, tabs, newlines and NBSP into single spaces and trims', () => {
    const { view } = read('<p>  Tổng kết<br />giai đoạn\t2011 -\n\n2020\u00a0 </p>');
    expect(view).toEqual([{ p: 'Tổng kết giai đoạn 2011 - 2020' }]);
  });

  it('drops paragraphs with no visible text (NBSP, <br />, images, bookmarks)', () => {
    const { page, images } = read('<p>\u00a0</p><p><br /></p><p><img alt="logo" src="" /></p><p><a id="_GoBack"></a></p><p>Nội dung</p>');
    expect(page.text).toBe('Nội dung\n');
    expect(images).toBe(1);
  });

  it('marks <h1>…<h6> and entirely-bold paragraphs as headings, and nothing else', () => {
    const { view } = read(
      '<h3>Phần thứ I</h3><p><strong>TM. ỦY BAN NHÂN DÂN<br />CHỦ TỊCH</strong></p><p><strong>Phụ lục 1</strong> <strong>Thống kê</strong></p>'
      + '<p><strong>1.</strong> Công tác chỉ đạo</p><p><em>Quảng Ngạn, ngày 29 tháng 4 năm 2020</em></p>',
    );
    expect(view).toEqual([
      { p: 'Phần thứ I', heading: true },
      { p: 'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH', heading: true },
      { p: 'Phụ lục 1 Thống kê', heading: true },
      { p: '1. Công tác chỉ đạo' },
      { p: 'Quảng Ngạn, ngày 29 tháng 4 năm 2020' },
    ]);
  });

  it('still calls a bold line with a footnote mark a heading', () => {
    const { view } = read('<p><strong>Kết quả</strong><sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>');
    expect(view).toEqual([{ p: 'Kết quả¹', heading: true }]);
  });

  it('gives a list item with a nested list its own line before the nested items', () => {
    const { view } = read('<ul><li>Mục một<ul><li>Mục con a</li><li>Mục con b</li></ul></li><li>Mục hai</li></ul>');
    expect(view).toEqual([{ p: 'Mục một' }, { p: 'Mục con a' }, { p: 'Mục con b' }, { p: 'Mục hai' }]);
  });

  it('composes decomposed diacritics, also across runs', () => {
    const nfd = 'Ủy ban nhân dân xã'.normalize('NFD');
    const { page } = read(`<p>${nfd}</p><p>Quy<em>\u0301</em>t đi\u0323nh</p>`);
    expect(page.text).toBe('Ủy ban nhân dân xã\nQuýt định\n');
  });

  it('decodes entities', () => {
    expect(read('<p>TN&amp;TKQ &lt;&gt; &quot;Một cửa&quot; &#39;x&#39; &#7907;</p>').view).toEqual([{ p: 'TN&TKQ <> "Một cửa" \'x\' ợ' }]);
  });
});

describe('superscript and subscript', () => {
  it('renders digit superscripts as Unicode superscript digits, so they do not extend the number', () => {
    const { view } = read('<p>tiếp nhận 54.599<sup>1</sup> hồ sơ, 12/12<sup>4</sup> đơn vị, 10<sup>23</sup>, mục<sup>1,2</sup>, m<sup>2</sup></p>');
    expect(view).toEqual([{ p: 'tiếp nhận 54.599¹ hồ sơ, 12/12⁴ đơn vị, 10²³, mục¹,², m²' }]);
  });

  it('separates a non-digit superscript from the letters and digits around it by spaces', () => {
    expect(read('<p>ngày 10<sup>th</sup> và 5<sup>a</sup>6</p>').view).toEqual([{ p: 'ngày 10 th và 5 a 6' }]);
    expect(read('<p>x<sup>n</sup>, (<sup>*</sup>) 5<sup>a</sup><sup>b</sup></p>').view).toEqual([{ p: 'x n, (*) 5 a b' }]);
  });

  it('renders digit subscripts as Unicode subscript digits', () => {
    expect(read('<p>khí CO<sub>2</sub> và x<sub>i</sub></p>').view).toEqual([{ p: 'khí CO₂ và x i' }]);
  });

  it('drops an empty superscript', () => {
    expect(read('<p>54.599<sup> </sup> hồ sơ</p>').view).toEqual([{ p: '54.599 hồ sơ' }]);
  });
});

describe('footnotes and endnotes', () => {
  const html = '<p>Đã tiếp nhận 54.599<sup><sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></sup> hồ sơ'
    + '<sup><a href="#endnote-3" id="endnote-ref-3">[2]</a></sup>.</p><p>Đoạn sau</p>'
    + '<ol><li id="footnote-1"><p> Số liệu đến 31/3</p><p>Dòng hai <a href="#footnote-ref-1">↑</a></p></li>'
    + '<li id="endnote-3"><p> Ghi chú cuối <a href="#endnote-ref-3">↑</a></p></li></ol>';

  it('turns a reference link into the superscript label, not "[1]" glued to the number', () => {
    const { page } = read(html);
    expect(page.text.split('\n')[0]).toBe('Đã tiếp nhận 54.599¹ hồ sơ².');
    expect(page.text).not.toContain('[1]');
  });

  it('puts note bodies at the end as paragraphs, the first one marked with the label, back-links dropped', () => {
    expect(read(html).view).toEqual([
      { p: 'Đã tiếp nhận 54.599¹ hồ sơ².' },
      { p: 'Đoạn sau' },
      { p: '¹ Số liệu đến 31/3' },
      { p: 'Dòng hai' },
      { p: '² Ghi chú cuối' },
    ]);
  });

  it('labels a note that was never referenced with its id', () => {
    expect(read('<ol><li id="footnote-7"><p>Chú thích</p></li></ol>').view).toEqual([{ p: '⁷ Chú thích' }]);
  });

  it('leaves ordinary links and list items alone', () => {
    const { view } = read('<ol><li id="x-1"><a href="https://example.vn/#footnote">Cổng TTĐT</a></li></ol>');
    expect(view).toEqual([{ p: 'Cổng TTĐT' }]);
  });
});

describe('tables', () => {
  const appendix = '<table><tr><td rowspan="2"><p><strong>STT</strong></p></td><td rowspan="2"><p><strong>Chỉ tiêu</strong></p></td>'
    + '<td colspan="3"><p><strong>Các đơn vị</strong></p></td></tr>'
    + '<tr><td><p><strong>Năm 2015</strong></p></td><td><p><strong>Năm 2016</strong></p></td><td><p><strong>Năm 2020 (Tính đến 31/3)</strong></p></td></tr>'
    + '<tr><td><p>1</p></td><td><p>Số lượng văn bản chỉ đạo, điều hành</p></td><td><p>13</p></td><td></td><td><p>14</p></td></tr></table>';

  it('lays a table out one row per line, cells separated by tabs, merged cells kept as spans', () => {
    const { page, view } = read(`<p>Phụ lục 1</p>${appendix}<p>Sau bảng</p>`);
    expect(page.text).toBe(
      'Phụ lục 1\nSTT\tChỉ tiêu\tCác đơn vị\nNăm 2015\tNăm 2016\tNăm 2020 (Tính đến 31/3)\n'
      + '1\tSố lượng văn bản chỉ đạo, điều hành\t13\t\t14\nSau bảng\n',
    );
    expect(view).toEqual([
      { p: 'Phụ lục 1' },
      {
        table: [
          [{ text: 'STT', rowSpan: 2 }, { text: 'Chỉ tiêu', rowSpan: 2 }, { text: 'Các đơn vị', colSpan: 3 }],
          ['Năm 2015', 'Năm 2016', 'Năm 2020 (Tính đến 31/3)'],
          ['1', 'Số lượng văn bản chỉ đạo, điều hành', '13', '', '14'],
        ],
      },
      { p: 'Sau bảng' },
    ]);
    const table = page.blocks[1];
    expect(table).toMatchObject({ kind: 'table', index: 1, start: 10 });
    expect(page.text.slice(table!.start, table!.end)).toBe(page.text.split('\n').slice(1, 4).join('\n'));
  });

  it('joins a cell\'s paragraphs with a space and collapses whitespace inside cells', () => {
    const { view } = read('<table><tr><td><p>Khẩu hiệu,</p><p>niêm yết\tcông khai</p><p>\u00a0</p></td><td><p>a<br />b</p></td></tr></table>');
    expect(view).toEqual([{ table: [['Khẩu hiệu, niêm yết công khai', 'a b']] }]);
  });

  it('reads rows through <thead> and <tbody>, and <th> cells like <td>', () => {
    const { view } = read('<table><thead><tr><th colspan="2"><p>Năm</p></th></tr></thead><tbody><tr><td><p>2015</p></td><td><p>2016</p></td></tr></tbody></table>');
    expect(view).toEqual([{ table: [[{ text: 'Năm', colSpan: 2 }], ['2015', '2016']] }]);
  });

  it('flattens a nested table into its parent cell, cells in row order joined by spaces', () => {
    const { view } = read('<table><tr><td><p>1</p></td><td><p>Trên</p><table><tr><td><p>a</p></td><td></td><td><p>b</p></td></tr>'
      + '<tr><td><p>c</p><table><tr><td><p>d</p></td></tr></table></td></tr></table><p>Dưới</p></td><td><p>14</p></td></tr></table>');
    expect(view).toEqual([{ table: [['1', 'Trên a b c d Dưới', '14']] }]);
  });

  it('does not take a nested table\'s rows as the parent\'s', () => {
    const { page } = read('<table><tr><td><table><tr><td><p>x</p></td></tr><tr><td><p>y</p></td></tr></table></td></tr></table>');
    expect(page.blocks).toHaveLength(1);
    expect(page.blocks[0]).toMatchObject({ kind: 'table', rows: [{ cells: [{}] }] });
  });

  it('keeps an empty row as an empty line, and drops a table without rows', () => {
    const { page, view } = read('<table><tr><td rowspan="2"><p>A</p></td></tr><tr></tr><tr><td><p>B</p></td></tr></table><table></table><p>x</p>');
    expect(page.text).toBe('A\n\nB\nx\n');
    expect(view).toEqual([{ table: [[{ text: 'A', rowSpan: 2 }], [], ['B']] }, { p: 'x' }]);
  });

  it('ignores malformed or absurd spans', () => {
    const { view } = read('<table><tr><td colspan="0"><p>a</p></td><td colspan="x"><p>b</p></td><td rowspan="99999999"><p>c</p></td><td colspan="1"><p>d</p></td></tr></table>');
    expect(view).toEqual([{ table: [['a', 'b', { text: 'c', rowSpan: 65_534 }, 'd']] }]);
  });

  it('gives blocks consecutive indices, tables included', () => {
    const { page } = read(`<p>a</p>${appendix}<p>b</p>${appendix}`);
    expect(page.blocks.map((b) => [b.index, b.kind])).toEqual([[0, 'paragraph'], [1, 'table'], [2, 'paragraph'], [3, 'table']]);
  });
});

describe('page layout', () => {
  it('is an empty page for an empty document', () => {
    const { page } = read('');
    expect(page).toEqual({ page: 1, text: '', blocks: [] });
  });

  it('numbers blocks from a given index', () => {
    const page = layOutPage([{ kind: 'paragraph', text: 'a', heading: false }, { kind: 'table', rows: [[{ text: 'b', colSpan: 1, rowSpan: 1 }]] }], 3, 7);
    expect(page).toEqual({
      page: 3,
      text: 'a\nb\n',
      blocks: [{ kind: 'paragraph', index: 7, start: 0, end: 1 }, { kind: 'table', index: 8, start: 2, end: 3, rows: [{ cells: [{ start: 2, end: 3 }] }] }],
    });
  });
});
