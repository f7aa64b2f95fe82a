import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../../schemas/fact/v1.ts';
import type { StructuredDocument } from '../../../../services/parser/document-model.ts';
import { statementFacts } from '../../../../services/parser/statements/statement-facts.ts';

const ID = 'e'.repeat(64);

/** A one-page document of paragraphs, laid out as the readers do. */
function doc(...paragraphs: string[]): StructuredDocument {
  let text = '';
  const blocks = paragraphs.map((p, index) => {
    const start = text.length;
    text += `${p}\n`;
    return { kind: 'paragraph' as const, index, start, end: start + p.length };
  });
  return { engine: 'test', warnings: [], pages: [{ page: 1, text, blocks }] };
}

const facts = (...paragraphs: string[]) => statementFacts(ID, doc(...paragraphs));
const only = (list: Fact[], kind: Fact['kind']) => list.filter((f) => f.kind === kind);

describe('statementFacts (sentences from the seed reports)', () => {
  it('reads a ratio with its noun and reported rate (seed 002)', () => {
    const list = facts('Kết quả có 845.938/846.314 hồ sơ được giải quyết đúng hạn, đạt tỷ lệ 89,39%.');
    expect(only(list, 'ratio')).toMatchObject([{ numerator: 845938, denominator: 846314, rate: 89.39, unit: 'hồ sơ' }]);
    expect(only(list, 'rate')).toEqual([]);
  });

  it('keeps a footnote marker off the number and finds a rate introduced by "đạt tỷ lệ" far after it (seed 002)', () => {
    const list = facts('Có 13/29⁵ đơn vị hành chính đã hoàn thiện nội dung Đề án và triển khai thực hiện phân công bố trí công chức theo đúng vị trí việc làm, đạt tỷ lệ 41,93%.');
    expect(only(list, 'coverage')).toMatchObject([{ numerator: 13, denominator: 29, rate: 41.93, unit: 'đơn vị' }]);
  });

  it('reads coverage of units (seed 001)', () => {
    expect(only(facts('qua đó tiếp nhận và giải quyết 44/44 ý kiến phản ánh, kiến nghị. Đã kiểm tra 18/18 xã, thị trấn.'), 'coverage'))
      .toMatchObject([{ numerator: 18, denominator: 18, unit: 'xã, thị trấn' }]);
  });

  it('takes an implicit denominator from the sentence before', () => {
    const list = facts('Đã giải quyết 14.322 hồ sơ. Trong đó, đúng hạn 14.283 hồ sơ, đạt tỷ lệ 98,03%.');
    expect(only(list, 'rate')).toMatchObject([{ rate: 98.03, numerator: 14283, denominator: 14322, unit: 'hồ sơ' }]);
    expect(only(list, 'count').map((f) => f.value)).toEqual([14322, 14283]);
  });

  it('reads a bracketed breakdown and its parts (seed 001)', () => {
    const list = facts('cấp huyện và cấp xã đã tiếp nhận và giải quyết 54.599 hồ sơ (cấp huyện 10.289 hồ sơ, cấp xã 44.310 hồ sơ) trên các lĩnh vực.');
    expect(only(list, 'breakdown')).toMatchObject([{ total: 54599, parts: [{ value: 10289 }, { value: 44310 }], unit: 'hồ sơ', cue: '(' }]);
    expect(only(list, 'breakdown')[0]!.parts!.map((p) => p.label)).toEqual(['cấp huyện hồ sơ', 'cấp xã hồ sơ']);
  });

  it('reads money in VND, a lower bound, and parts listed in the next sentence (seed 001)', () => {
    const list = facts('với tổng số tiền tiết kiệm được trên 15,08 tỷ đồng. Trong đó, tiết kiệm 10% dự toán chi thường xuyên 5,778 tỷ đồng; tiết kiệm kinh phí chi hội nghị, tiếp khách, công tác phí,... 606 triệu đồng; tiết kiệm kinh phí mua sắm tập trung 122 triệu đồng.');
    expect(only(list, 'money')[0]).toMatchObject({ value: 15_080_000_000, qualifier: 'above', unit: 'VND' });
    const [breakdown] = only(list, 'breakdown');
    expect(breakdown).toMatchObject({ total: 15_080_000_000, qualifier: 'above', cue: 'trong đó', parts: [{ value: 5_778_000_000 }, { value: 606_000_000 }, { value: 122_000_000 }] });
    expect(breakdown!.evidence.quote).toMatch(/^với tổng số tiền.*122 triệu đồng\.$/);
  });

  it('reads changes and percentages of a stated base', () => {
    expect(only(facts('Tổng số văn bản đi tăng 6,5% so với năm 2018.'), 'change')).toMatchObject([{ value: 6.5, unit: '%' }]);
    const shares = only(facts('Tổng số 109 cán bộ, công chức, trong đó trình độ: Đại học 66,06%, cao đẳng 2,75%, trung cấp 20,18%.'), 'share');
    expect(shares.map((s) => [s.label, s.rate, s.total])).toEqual([['Đại học', 66.06, 109], ['cao đẳng', 2.75, 109], ['trung cấp', 20.18, 109]]);
  });

  it('does not read a list of percentages of different groups as shares (seed 001)', () => {
    const list = facts('Đối với cấp xã, có 91,87% cán bộ chuyên trách, 100% công chức đạt chuẩn theo quy định.');
    expect(only(list, 'share')).toEqual([]);
    expect(only(list, 'rate').map((r) => r.rate)).toEqual([91.87, 100]);
  });

  it('reads an enumeration: a count, then the names it promises', () => {
    const list = facts('Có 05 xã: A Ngo; Hồng Kim; Hồng Bắc; Sơn Thủy; Bắc Sơn.');
    expect(only(list, 'enumeration')).toMatchObject([{ value: 5, names: ['A Ngo', 'Hồng Kim', 'Hồng Bắc', 'Sơn Thủy', 'Bắc Sơn'] }]);
    expect(only(facts('Có 03 xã đã đăng ký gồm: Phan Hiệp; Phan Hòa; Hòa Thắng.'), 'enumeration')).toMatchObject([{ value: 3, names: ['Phan Hiệp', 'Phan Hòa', 'Hòa Thắng'] }]);
  });

  it('never turns dates, document numbers, year ranges, levels or standards into facts', () => {
    const list = facts(
      'Căn cứ Nghị định số 16/2015/NĐ-CP ngày 14/02/2015 và Quyết định số 65/QĐ-UBND ngày 31/3, giai đoạn 2011 - 2020.',
      'Cung cấp dịch vụ công trực tuyến mức độ 3, 4 và áp dụng ISO 9001:2008 từ tháng 01/2021, quý III/2021.',
    );
    expect(list).toEqual([]);
  });

  it('gives evidence whose quote is the sentence at its span', () => {
    const d = doc('Mở đầu.', 'UBND huyện ban hành 04 văn bản quy phạm pháp luật. Câu sau.');
    const [fact] = statementFacts(ID, d);
    expect(fact).toMatchObject({ kind: 'count', value: 4, unit: 'văn bản quy phạm pháp luật', evidence: { page: 1, quote: 'UBND huyện ban hành 04 văn bản quy phạm pháp luật.' } });
    expect(d.pages[0]!.text.slice(fact!.evidence.start, fact!.evidence.end)).toBe(fact!.evidence.quote);
  });

  it('joins a sentence cut by a page break', () => {
    const d: StructuredDocument = {
      engine: 'test', warnings: [],
      pages: [
        { page: 1, text: 'UBND tỉnh đã ban hành Kế hoạch số 18/KH-UBND về kiểm tra\n', blocks: [{ kind: 'paragraph', index: 0, start: 0, end: 56, continues: true }] },
        { page: 2, text: 'tại 12/12 đơn vị, đạt 100%.\n', blocks: [{ kind: 'paragraph', index: 1, start: 0, end: 27 }] },
      ],
    };
    const list = statementFacts(ID, d);
    expect(only(list, 'coverage')).toMatchObject([{ numerator: 12, denominator: 12, rate: 100, evidence: { page: 1, quote: 'UBND tỉnh đã ban hành Kế hoạch số 18/KH-UBND về kiểm tra tại 12/12 đơn vị, đạt 100%.' } }]);
  });
});
