import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spanText, type DocumentPage, type TableBlock } from '../../../../services/parser/document-model.ts';
import { readDocxStructure } from '../../../../services/parser/docx/docx-structure-reader.ts';
import mammoth from 'mammoth';
import { expectWellFormedPage, viewPage } from './page-view.ts';

/**
 * The five sample reports in samples/ (real reports, rendered to DOCX by LibreOffice). Seed 003
 * carries the appendix tables; the others are running text. Counts were read off the documents
 * and cross-checked against mammoth's raw text, which takes an independent path through the file.
 */
const samples = join(import.meta.dirname, '../../../../samples');

const cache = new Map<string, Promise<{ bytes: Uint8Array; page: DocumentPage }>>();

/** Each sample is read (and checked against the layout contract) once per file run. */
function readSample(name: string): Promise<{ bytes: Uint8Array; page: DocumentPage }> {
  let read = cache.get(name);
  if (!read) {
    read = readSampleOnce(name);
    cache.set(name, read);
  }
  return read;
}

async function readSampleOnce(name: string) {
  const bytes = new Uint8Array(await readFile(join(samples, name)));
  const doc = await readDocxStructure(bytes, name);
  expect(doc).toMatchObject({ engine: 'mammoth-html', warnings: [] });
  expect(doc.pages).toHaveLength(1);
  const page = doc.pages[0]!;
  expectWellFormedPage(page);
  return { bytes, page };
}

function paragraphs(page: DocumentPage): string[] {
  return page.blocks.filter((b) => b.kind === 'paragraph').map((b) => spanText(page, b));
}

function tables(page: DocumentPage): TableBlock[] {
  return page.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

function rowTexts(page: DocumentPage, table: TableBlock | undefined): string[][] {
  return (table?.rows ?? []).map((row) => row.cells.map((cell) => spanText(page, cell)));
}

/** mammoth's raw-text mode: an independent path through the file, NFC like ours. */
async function rawText(bytes: Uint8Array): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value.normalize('NFC');
}

/** The same characters in the same order as mammoth's raw text, whatever the whitespace. */
async function expectSameTextAsRawExtraction(bytes: Uint8Array, page: DocumentPage) {
  expect(page.text.replace(/\s+/g, '')).toBe((await rawText(bytes)).replace(/\s+/g, ''));
}

describe('sample 003 (xã Quảng Ngạn, with appendix tables)', () => {
  const name = '003-xa-quang-ngan-cchc-2011-2020.docx';

  it('reads 229 paragraphs and 10 tables in document order, nothing lost', async () => {
    const { bytes, page } = await readSample(name);
    expect(page.blocks).toHaveLength(239);
    expect(tables(page)).toHaveLength(10);
    expect(paragraphs(page)).toHaveLength(229);
    expect(viewPage(page).slice(0, 5)).toEqual([
      { p: 'Số: 17/BC-UBND' },
      { p: 'Quảng Ngạn, ngày 29 tháng 4 năm 2020' },
      { p: 'BÁO CÁO', heading: true },
      { p: 'Tổng kết Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020, định hướng giai đoạn 2021 - 2030 của xã Quảng Ngạn', heading: true },
      { p: 'Phần thứ I', heading: true },
    ]);
    await expectSameTextAsRawExtraction(bytes, page);
  });

  it('keeps the sections and appendices in order, each appendix title right before its table', async () => {
    const { page } = await readSample(name);
    const view = viewPage(page);
    const order = ['I. TÌNH HÌNH TRIỂN KHAI', 'II. ĐÁNH GIÁ KẾT QUẢ', 'III. ĐÁNH GIÁ CHUNG', 'NHỮNG KIẾN NGHỊ, ĐỀ XUẤT', 'Nguyễn Chiến', 'Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 5', 'Phụ lục 6', 'Phụ lục 8'];
    const positions = order.map((start) => view.findIndex((b) => 'p' in b && b.p.startsWith(start)));
    expect(positions.every((i) => i >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const appendix of ['Phụ lục 1', 'Phụ lục 2', 'Phụ lục 3', 'Phụ lục 5', 'Phụ lục 6']) {
      const i = view.findIndex((b) => 'p' in b && b.p.startsWith(appendix));
      expect(view[i], appendix).toMatchObject({ heading: true });
      expect(view[i + 1], appendix).toHaveProperty('table');
    }
    // "Phụ lục 8" and its title are two paragraphs; the table follows the second.
    const eight = view.findIndex((b) => 'p' in b && b.p === 'Phụ lục 8');
    expect(view[eight + 2]).toHaveProperty('table');
  });

  it('reads Phụ lục 1 with its two-row merged header and year columns', async () => {
    const { page } = await readSample(name);
    const first = tables(page)[0];
    const view = viewPage({ ...page, blocks: first ? [first] : [] })[0];
    expect(view && 'table' in view ? view.table.slice(0, 6) : []).toEqual([
      [{ text: 'STT', rowSpan: 2 }, { text: 'Chỉ tiêu', rowSpan: 2 }, { text: 'Các đơn vị, địa phương thuộc huyện', colSpan: 6 }],
      ['Năm 2015', 'Năm 2016', 'Năm 2017', 'Năm 2018', 'Năm 2019', 'Năm 2020 (Tính đến 31/3)'],
      ['1', 'Số lượng văn bản chỉ đạo, điều hành', '13', '13', '14', '23', '23', '14'],
      ['', '- Văn bản của cấp ủy cùng cấp', '1', '1', '1', '1', '1', '1'],
      ['', '- Văn bản của cơ quan, đơn vị', '12', '12', '13', '22', '22', '13'],
      ['2', 'Tuyên truyền CCHC', '', '', '', '', '', ''],
    ]);
    expect(first?.rows).toHaveLength(14);
    // The row is one line of the page text, cells in order, separated by tabs.
    const row = first!.rows[2]!;
    expect(page.text.slice(row.cells[0]!.start, row.cells.at(-1)!.end)).toBe('1\tSố lượng văn bản chỉ đạo, điều hành\t13\t13\t14\t23\t23\t14');
  });

  it('keeps empty cells in place: Phụ lục 3 gives 123 one-stop procedures only for 2020', async () => {
    const { page } = await readSample(name);
    const rows = tables(page).flatMap((t) => rowTexts(page, t));
    expect(rows).toContainEqual(['-', 'Số lượng TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa cấp xã', '', '', '', '', '', '123']);
    expect(rows).toContainEqual(['-', 'Số lượng TTHC được giải quyết theo cơ chế một cửa liên thông cùng cấp', '', '', '', '', '', '39']);
  });

  it('repeats the header at the top of each page-split part of a table (the source did)', async () => {
    const { page } = await readSample(name);
    const headers = tables(page).map((t) => rowTexts(page, t)[0]?.[0]);
    expect(headers).toEqual(['STT', 'STT', 'STT', 'STT', 'STT', 'STT', 'STT', 'STT', 'STT', 'STT']);
    expect(tables(page).map((t) => t.rows.length)).toEqual([14, 4, 13, 14, 8, 9, 14, 5, 11, 8]);
  });
});

describe('samples without tables', () => {
  const cases = [
    { name: '000-huyen-a-luoi-cchc-2011-2020.docx', paragraphs: 180, first: 'Tìm kiếm tin tức', contains: ['365'] },
    { name: '001-huyen-cchc-2019.docx', paragraphs: 11, first: 'Về cải cách thể chế', contains: ['54.599', '15,08 tỷ đồng'] },
    { name: '002-tinh-soc-trang-cchc-2016.docx', paragraphs: 188, first: 'SỞ NỘI VỤ TỈNH SÓC TRĂNG', contains: ['845.938/846.314', '89,39%', '13/29⁵'] },
    { name: '004-huyen-bac-binh-cchc-2022.docx', paragraphs: 57, first: 'p/s chiếu tại hội nghị', contains: [] },
  ];

  for (const sample of cases) {
    it(`reads ${sample.name}: ${sample.paragraphs} paragraphs, the same as mammoth's raw text, in order`, async () => {
      const { bytes, page } = await readSample(sample.name);
      const read = paragraphs(page);
      expect(tables(page)).toHaveLength(0);
      expect(read).toHaveLength(sample.paragraphs);
      expect(read[0]).toMatch(new RegExp(`^${sample.first}`));
      for (const figure of sample.contains) expect(page.text).toContain(figure);
      // Without tables or line breaks, the raw text's paragraphs are exactly the blocks.
      const raw = await rawText(bytes);
      expect(read).toEqual(raw.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== ''));
    });
  }

  it('keeps seed 002\'s footnotes, typed as superscript characters, where they stand', async () => {
    const { page } = await readSample('002-tinh-soc-trang-cchc-2016.docx');
    const read = paragraphs(page);
    expect(read.some((p) => p.startsWith('¹ Các Sở Tài nguyên và Môi trường'))).toBe(true);
    expect(page.text).toContain('UBND cấp huyện¹. Nội dung kiểm tra');
  });
});

describe('timing', () => {
  it('reads every sample in well under a few seconds', async () => {
    const names = ['000-huyen-a-luoi-cchc-2011-2020.docx', '001-huyen-cchc-2019.docx', '002-tinh-soc-trang-cchc-2016.docx', '003-xa-quang-ngan-cchc-2011-2020.docx', '004-huyen-bac-binh-cchc-2022.docx'];
    for (const name of names) {
      const bytes = new Uint8Array(await readFile(join(samples, name)));
      const started = performance.now();
      await readDocxStructure(bytes, name);
      expect(performance.now() - started, name).toBeLessThan(5000);
    }
  });
});
