import { describe, expect, it } from 'vitest';
import { readDocxStructure } from '../../../../services/parser/docx/docx-structure-reader.ts';
import { tableFacts } from '../../../../services/parser/tables/table-facts.ts';
import type { TableBlock } from '../../../../services/parser/document-model.ts';
import { docx, p, table } from '../../../support/docx-builder.ts';

const ID = 'f'.repeat(64);

async function factsOf(rows: Parameters<typeof table>[0]) {
  const doc = await readDocxStructure(docx([p('Phụ lục 1'), table(rows)]), 't.docx');
  const page = doc.pages[0]!;
  const block = page.blocks.find((b): b is TableBlock => b.kind === 'table')!;
  return tableFacts(ID, page, block);
}

describe('tableFacts', () => {
  it('gives each number its row label, merged column header, year and parent row', async () => {
    const facts = await factsOf([
      [{ content: 'STT', vMerge: 'restart' }, { content: 'Chỉ tiêu', vMerge: 'restart' }, { content: 'Các đơn vị thuộc huyện', gridSpan: 2 }],
      [{ vMerge: 'continue' }, { vMerge: 'continue' }, 'Năm 2015', 'Năm 2016'],
      ['1', 'Số lượng văn bản chỉ đạo, điều hành', '13', '14'],
      ['-', 'Văn bản của cấp ủy cùng cấp', '1', '1'],
      ['-', 'Văn bản của cơ quan, đơn vị', '12', '13'],
      ['2', 'Mức độ hài lòng chung', '95,4%', ''],
    ]);
    expect(facts.map((f) => [f.label, f.value, f.unit, f.period, f.table?.parentRowLabel ?? null])).toEqual([
      ['Số lượng văn bản chỉ đạo, điều hành', 13, '', '2015', null],
      ['Số lượng văn bản chỉ đạo, điều hành', 14, '', '2016', null],
      ['Văn bản của cấp ủy cùng cấp', 1, '', '2015', 'Số lượng văn bản chỉ đạo, điều hành'],
      ['Văn bản của cấp ủy cùng cấp', 1, '', '2016', 'Số lượng văn bản chỉ đạo, điều hành'],
      ['Văn bản của cơ quan, đơn vị', 12, '', '2015', 'Số lượng văn bản chỉ đạo, điều hành'],
      ['Văn bản của cơ quan, đơn vị', 13, '', '2016', 'Số lượng văn bản chỉ đạo, điều hành'],
      ['Mức độ hài lòng chung', 95.4, '%', '2015', null],
    ]);
    expect(facts[0]!.table).toMatchObject({ row: 2, column: 2, columnHeader: 'Các đơn vị thuộc huyện › Năm 2015' });
  });

  it('takes column 0 as STT under a title row spanning the table, whatever its misread ordinals', async () => {
    const facts = await factsOf([
      [{ content: 'của các cơ quan, đơn vị, địa phương', gridSpan: 3 }],
      ['STT', 'Chỉ tiêu', 'Năm 2020'],
      ['1,', 'Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử', '100%'],
      ['Đề', 'Số lượng chữ ký số', '24'],
      ['L2,', 'Số đơn vị xây dựng, sử dụng', '1'],
    ]);
    expect(facts.map((f) => [f.label, f.value])).toEqual([
      ['Tỷ lệ văn bản hành chính được trao đổi dưới dạng điện tử', 100],
      ['Số lượng chữ ký số', 24],
      ['Số đơn vị xây dựng, sử dụng', 1],
    ]);
  });

  it('restores a two-row header whose merged cells were lost (Thừa Thiên Huế a-12, a district shape)', async () => {
    const province = await factsOf([
      ['Mức độ', 'Tổng', 'Đã xử lý', 'Trước hạn', 'Đúng hạn', 'Trễ hạn'],
      ['Tổng', '%', 'Tổng', '%', 'Tổng', '%'],
      ['Mức 3', '68544', '61827', '43434', '70,3%', '11795', '19,1%', '4331', '7%'],
    ]);
    expect(province.map((f) => [f.value, f.table?.columnHeader])).toEqual([
      [68544, 'Tổng'], [61827, 'Đã xử lý'], [43434, 'Trước hạn › Tổng'], [70.3, 'Trước hạn › %'],
      [11795, 'Đúng hạn › Tổng'], [19.1, 'Đúng hạn › %'], [4331, 'Trễ hạn › Tổng'], [7, 'Trễ hạn › %'],
    ]);
    const district = await factsOf([
      ['Đơn vị', 'Tiếp nhận', 'Đúng hạn', 'Quá hạn'],
      ['Số hồ sơ', 'Tỷ lệ', 'Số hồ sơ', 'Tỷ lệ'],
      ['Cấp xã', '5.210', '5.020', '96,4%', '190', '3,6%'],
    ]);
    expect(district.map((f) => f.table?.columnHeader)).toEqual(['Tiếp nhận', 'Đúng hạn › Số hồ sơ', 'Đúng hạn › Tỷ lệ', 'Quá hạn › Số hồ sơ', 'Quá hạn › Tỷ lệ']);
    // A header row of its own width, or a second row with figures, is taken as it is.
    const plain = await factsOf([['Chỉ tiêu', 'Năm 2021', 'Năm 2022'], ['Số hồ sơ tiếp nhận', '1.313', '1.402'], ['Số hồ sơ đã giải quyết', '1.300', '1.398']]);
    expect(plain.map((f) => f.table?.columnHeader)).toEqual(['Năm 2021', 'Năm 2022', 'Năm 2021', 'Năm 2022']);
  });

  it('quotes the row and keeps evidence spans inside the page text', async () => {
    const doc = await readDocxStructure(docx([table([['Chỉ tiêu', 'Năm 2020'], ['Số hồ sơ tiếp nhận', '1.313']])]), 't.docx');
    const page = doc.pages[0]!;
    const [fact] = tableFacts(ID, page, page.blocks[0] as TableBlock);
    expect(fact).toMatchObject({ kind: 'table-cell', value: 1313, label: 'Số hồ sơ tiếp nhận', evidence: { page: 1, quote: 'Số hồ sơ tiếp nhận | 1.313' } });
    expect(page.text.slice(fact!.evidence.start, fact!.evidence.end)).toBe('Số hồ sơ tiếp nhận\t1.313');
  });

  it('makes no facts from a table without numbers, and stable ids across runs', async () => {
    expect(await factsOf([['Nơi nhận', 'Ký tên'], ['UBND huyện', 'Nguyễn Văn A']])).toEqual([]);
    const rows = [['Chỉ tiêu', '2019'], ['Hồ sơ', '5']];
    expect((await factsOf(rows)).map((f) => f.id)).toEqual((await factsOf(rows)).map((f) => f.id));
  });
});
