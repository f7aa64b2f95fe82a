// The sample generator's parser: structure may be inferred, but text must pass through untouched.
import { describe, expect, it } from 'vitest';
import { inlineToHtml, inlineToPlain } from '../../samples/inline-markup.ts';
import { tableToHtml } from '../../samples/table-html.ts';
import { blockPlainText, parseSeed } from '../../samples/seed-parser.ts';
import { normaliseSeedText } from '../../samples/seed-text.ts';

describe('inline markup', () => {
  it('turns markdown emphasis and the seed HTML tags into formatting, keeping every character of text', () => {
    expect(inlineToHtml('**Phụ lục 5****Thống kê**')).toBe('<b>Phụ lục 5</b><b>Thống kê</b>');
    expect(inlineToHtml('***Nơi nhận:***')).toBe('<b><i>Nơi nhận:</i></b>');
    expect(inlineToHtml('Nghị định số <a href="#">43/2011/NĐ-CP</a> & <i>x</i> < y')).toBe('Nghị định số 43/2011/NĐ-CP &amp; <i>x</i> &lt; y');
    expect(inlineToPlain('**TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH**')).toBe('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH');
  });
});

describe('parseSeed', () => {
  it('normalises to NFC and keeps figures and typos verbatim', () => {
    const decomposed = 'Tỉnh hình thực hiện: 845.938/846.314 hồ sơ, đạt tỷ lệ 89,39%.'.normalize('NFD');
    const [block] = parseSeed(normaliseSeedText(decomposed));
    expect(block && blockPlainText(block)).toBe('Tỉnh hình thực hiện: 845.938/846.314 hồ sơ, đạt tỷ lệ 89,39%.');
  });

  it('reads numbered section lines as headings but enumerated tasks as paragraphs', () => {
    const blocks = parseSeed('I. ĐÁNH GIÁ CHUNG\n\n1. Ưu điểm\n\n1.1. Kết quả\n\na) Về công tác\n\n1. Triển khai A.\n2. Kiểm soát B.');
    expect(blocks.map((block) => (block.kind === 'heading' ? `h${block.level}` : block.kind))).toEqual(['h2', 'h3', 'h4', 'h5', 'paragraph', 'paragraph']);
  });

  it('joins markdown hard breaks and lays out title, subject, date and signature', () => {
    const blocks = parseSeed(
      'Quảng Ngạn, ngày 29 tháng 4 năm 2020\n\n## **BÁO CÁO**\n\n**Tổng kết  \ngiai đoạn 2011 - 2020**\n\n**TM. ỦY BAN NHÂN DÂN  \nCHỦ TỊCH**\n\n**Nguyễn Chiến**',
    );
    expect(blocks.map((block) => (block.kind === 'paragraph' ? block.role : `${block.kind}${block.kind === 'heading' && block.centred ? ' centred' : ''}`))).toEqual([
      'place-date',
      'heading centred',
      'subject',
      'signature',
      'signature',
    ]);
    expect(blocks[2]?.kind === 'paragraph' && blocks[2].text).toBe('**Tổng kết\ngiai đoạn 2011 - 2020**');
  });

  it('turns tab-separated appendix rows into a table with a merged two-row header', () => {
    const seed = [
      'STT\tChỉ tiêu\tCác đơn vị, địa phương thuộc huyện\t',
      '\t\tNăm 2015\tNăm 2016',
      '1\tSố lượng văn bản chỉ đạo, điều hành\t13\t13',
      '',
      'STT\tChỉ tiêu\tCác đơn vị, địa phương thuộc huyện\t',
      '\t\tNăm 2015\tNăm 2016',
      '\tkhảo sát\t\t',
    ].join('\n');
    const [first, continuation] = parseSeed(seed);
    expect(first).toMatchObject({ kind: 'table', headerRows: 2, pageBreakBefore: false });
    expect(continuation).toMatchObject({ kind: 'table', headerRows: 2, pageBreakBefore: true });
    const html = first?.kind === 'table' ? tableToHtml(first) : '';
    expect(html).toMatch(/<td rowspan="2"[^>]*>STT<\/td>/);
    expect(html).toMatch(/<td colspan="2"[^>]*>Các đơn vị, địa phương thuộc huyện<\/td>/);
    expect(html).toContain('>13</td>');
  });
});
