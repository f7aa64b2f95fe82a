import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../../schemas/fact/v1.ts';
import { analyzeDocument } from '../../../../services/parser/document-analysis.ts';
import { spanText, type DocumentPage, type StructuredDocument, type TableBlock } from '../../../../services/parser/document-model.ts';
import { readDocxStructure } from '../../../../services/parser/docx/docx-structure-reader.ts';
import type { TextBlock } from '../../../../services/parser/docx/html-blocks.ts';
import { layOutPage } from '../../../../services/parser/docx/page-layout.ts';
import { readXlsxStructure } from '../../../../services/parser/xlsx/xlsx-structure-reader.ts';
import { docx, p, run, table } from '../../../support/docx-builder.ts';
import { writeTable, workbookBytes } from './docx-table-workbook.ts';

/**
 * The promise of the XLSX reader: an appendix table keyed into Excel gives the same facts as the
 * same table in a Word report. For every table of the sample reports (samples/*.docx; only 003,
 * Quảng Ngạn, has tables: its appendices, 186 table facts), a workbook is written at test time
 * (docx-table-workbook.ts: numbers stored as numbers with the format that prints them, merged
 * cells merged, the table ruled, the heading above it as a merged title row) and read back.
 *
 * What is compared, fact by fact and in order: indicator, value, unit, label, period, role,
 * scope, certainty, row label, column header, parent row and row number.
 *
 *   1. against the DOCX's table and the heading paragraph before it, as a one-table document:
 *      the same input context on both sides, so every field must be equal;
 *   2. against the facts the whole DOCX report gives for that table: every field but scope.
 *      Scope is inherently different: analyzeDocument makes scopes relative to the issuing unit,
 *      which the whole report names (a commune, so `cấp xã` is `own`) and a lone appendix sheet
 *      does not (`cấp xã` stays `levels: [commune]`). The test checks that this is the only
 *      difference: 25 of the 186 facts.
 *   3. all the tables stacked in one sheet under a letterhead (`UBND XÃ QUẢNG NGẠN`), each title
 *      right above its ruled table: the letterhead names a commune, and now every field, scope
 *      included, equals the whole report's.
 *
 * Not compared: fact ids, evidence offsets and the table's block index (positions in another
 * page text), and the column number, which shifts if a DOCX table has an empty first column
 * (the XLSX reader trims empty edges).
 */
const samples = join(import.meta.dirname, '../../../../samples');

interface SampleTable {
  heading: string;
  table: TableBlock;
}

function tablesWithHeadings(page: DocumentPage): SampleTable[] {
  const out: SampleTable[] = [];
  let heading = '';
  for (const block of page.blocks) {
    if (block.kind === 'paragraph') heading = spanText(page, block);
    else out.push({ heading, table: block });
  }
  return out;
}

/** The DOCX table and its heading, alone: the same two blocks the XLSX sheet holds. */
function oneTableDocument(page: DocumentPage, sample: SampleTable): StructuredDocument {
  const blocks: TextBlock[] = [];
  if (sample.heading !== '') blocks.push({ kind: 'paragraph', text: sample.heading, heading: true });
  blocks.push({
    kind: 'table',
    rows: sample.table.rows.map((row) => row.cells.map((cell) => ({ text: spanText(page, cell), colSpan: cell.colSpan ?? 1, rowSpan: cell.rowSpan ?? 1 }))),
  });
  return { engine: 'mammoth-html', pages: [layOutPage(blocks)], warnings: [] };
}

type Compared = Partial<Pick<Fact, 'indicator' | 'value' | 'unit' | 'label' | 'period' | 'role' | 'scope' | 'certainty'>> & {
  rowLabel?: string; columnHeader?: string; parentRowLabel?: string; row?: number;
};

function compared(fact: Fact, withScope: boolean): Compared {
  return {
    indicator: fact.indicator, value: fact.value, unit: fact.unit, label: fact.label, period: fact.period, role: fact.role,
    certainty: fact.certainty, rowLabel: fact.table?.rowLabel, columnHeader: fact.table?.columnHeader,
    parentRowLabel: fact.table?.parentRowLabel, row: fact.table?.row,
    ...(withScope ? { scope: fact.scope } : {}),
  };
}

const tableFactsOf = (doc: StructuredDocument) => analyzeDocument('r-xlsx-eq', doc).facts.filter((f) => f.kind === 'table-cell');

async function sampleNames(): Promise<string[]> {
  return (await readdir(samples)).filter((name) => name.endsWith('.docx')).sort();
}

describe('an appendix table in XLSX gives the facts it gives in DOCX', async () => {
  const names = await sampleNames();

  it('finds the sample reports', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  it.each(names)('%s: one sheet per table, facts equal to the DOCX table\'s', async (name) => {
    const bytes = new Uint8Array(await readFile(join(samples, name)));
    const docxDoc = await readDocxStructure(bytes, name);
    const page = docxDoc.pages[0]!;
    const sampleTables = tablesWithHeadings(page);
    const report = analyzeDocument('r-xlsx-eq', docxDoc).facts.filter((f) => f.kind === 'table-cell');
    if (sampleTables.length === 0) {
      expect(report).toEqual([]);
      return;
    }

    const xlsx = await workbookBytes((workbook) => {
      sampleTables.forEach((sample, i) => {
        const sheet = workbook.addWorksheet(`PL${i + 1}`);
        writeTable(sheet, page, sample.table, { startRow: 1, titles: sample.heading ? [sample.heading] : [], blankAfterTitles: true });
      });
    });
    const xlsxDoc = await readXlsxStructure(xlsx, `${name}.xlsx`);
    expect(xlsxDoc.warnings).toEqual([]);
    expect(xlsxDoc.pages).toHaveLength(sampleTables.length);

    let equalToTable = 0;
    let equalToReport = 0;
    let total = 0;
    let ownInReport = 0;
    sampleTables.forEach((sample, i) => {
      const xlsxPage = xlsxDoc.pages[i]!;
      // Cell for cell, the sheet prints what the Word table printed (`03`, `99,14`, `40%`).
      const xlsxTable = xlsxPage.blocks.find((b) => b.kind === 'table')!;
      expect(spanText(xlsxPage, xlsxTable), `table ${sample.table.index}`).toBe(spanText(page, sample.table));
      const fromXlsx = tableFactsOf({ ...xlsxDoc, pages: [{ ...xlsxPage, page: 1 }] });
      const fromTable = tableFactsOf(oneTableDocument(page, sample));
      const fromReport = report.filter((f) => f.table?.index === sample.table.index);
      expect(fromXlsx.map((f) => compared(f, true)), `table ${sample.table.index}`).toEqual(fromTable.map((f) => compared(f, true)));
      expect(fromXlsx.map((f) => compared(f, false)), `table ${sample.table.index}`).toEqual(fromReport.map((f) => compared(f, false)));
      total += fromReport.length;
      equalToTable += fromXlsx.filter((f, k) => JSON.stringify(compared(f, true)) === JSON.stringify(compared(fromTable[k]!, true))).length;
      equalToReport += fromXlsx.filter((f, k) => JSON.stringify(compared(f, false)) === JSON.stringify(compared(fromReport[k]!, false))).length;
      fromXlsx.forEach((f, k) => {
        const inReport = fromReport[k]!.scope;
        if (JSON.stringify(f.scope) === JSON.stringify(inReport)) return;
        // The one inherent difference: the report's own level, relative to its issuing unit.
        expect(inReport?.reach).toBe('own');
        expect({ ...f.scope, reach: 'own' }).toEqual(inReport);
        ownInReport++;
      });
    });
    console.info(`${name}: ${sampleTables.length} tables, ${total} table facts; equal to the one-table DOCX ${equalToTable}/${total}, `
      + `to the whole report ${equalToReport}/${total} (scope aside; with scope ${total - ownInReport}/${total}, the rest \`own\` in the report only)`);
    expect(total).toBeGreaterThan(0);
    expect(equalToTable).toBe(total);
    expect(equalToReport).toBe(total);
  });

  it('003 (Quảng Ngạn): all appendix tables stacked in one sheet under a letterhead, titles straight above ruled tables: the whole report\'s facts, scope included', async () => {
    const name = '003-xa-quang-ngan-cchc-2011-2020.docx';
    const bytes = new Uint8Array(await readFile(join(samples, name)));
    const docxDoc = await readDocxStructure(bytes, name);
    const page = docxDoc.pages[0]!;
    const sampleTables = tablesWithHeadings(page);
    const xlsx = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Phụ lục');
      sheet.getCell('A1').value = 'UBND XÃ QUẢNG NGẠN';
      sheet.getCell('E1').value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
      let row = 3;
      for (const sample of sampleTables) row = writeTable(sheet, page, sample.table, { startRow: row, titles: [sample.heading] }) + 1;
      sheet.getCell(row, 1).value = 'Ghi chú: số liệu năm 2020 tính đến 31/3/2020';
    });
    const xlsxDoc = await readXlsxStructure(xlsx, 'stacked.xlsx');
    const xlsxPage = xlsxDoc.pages[0]!;
    const kinds = xlsxPage.blocks.map((b) => b.kind);
    // Letterhead (a two-cell row: a table, as in Word), then per table its title and the table, then the note.
    expect(kinds).toEqual(['table', ...sampleTables.flatMap(() => ['paragraph', 'table']), 'paragraph']);
    const report = tableFactsOf(docxDoc);
    expect(report).toHaveLength(186);
    expect(tableFactsOf(xlsxDoc).map((f) => compared(f, true))).toEqual(report.map((f) => compared(f, true)));
  });

  it('a built DOCX with grouped thousands, percentages and a two-row merged header', async () => {
    const heading = 'Kết quả giải quyết thủ tục hành chính năm 2022';
    const docxBytes = docx([
      p(run(heading, { bold: true })),
      table([
        [{ content: 'STT', vMerge: 'restart' }, { content: 'Cấp', vMerge: 'restart' }, { content: 'Số hồ sơ đã giải quyết', vMerge: 'restart' }, { content: 'Kết quả', gridSpan: 3 }, { content: 'Tỷ lệ đúng hạn', vMerge: 'restart' }],
        [{ vMerge: 'continue' }, { vMerge: 'continue' }, { vMerge: 'continue' }, 'Trước hạn', 'Đúng hạn', 'Trễ hạn', { vMerge: 'continue' }],
        ['1', 'Cấp huyện', '17.108', '4.001', '844', '12.263', '28,3%'],
        ['2', 'Cấp xã', '54.599', '50.210', '2.435', '1.954', '96,42%'],
        ['', 'Tổng cộng', '71.707', '54.211', '3.279', '14.217', '97,1%'],
      ], { headerRows: 2 }),
    ]);
    const page = (await readDocxStructure(docxBytes, 'built.docx')).pages[0]!;
    const sample = tablesWithHeadings(page)[0]!;
    const xlsx = await workbookBytes((workbook) => {
      writeTable(workbook.addWorksheet('PL'), page, sample.table, { startRow: 2, startColumn: 2, titles: ['PHỤ LỤC II', heading] });
    });
    const xlsxDoc = await readXlsxStructure(xlsx, 'built.xlsx');
    const xlsxPage = xlsxDoc.pages[0]!;
    expect(xlsxPage.blocks.map((b) => spanText(xlsxPage, b))).toEqual(['PHỤ LỤC II', heading, spanText(page, sample.table)]);
    const fromTable = tableFactsOf(oneTableDocument(page, sample));
    expect(fromTable.length).toBe(15);
    expect(fromTable.some((f) => f.value === 12263 && f.role === 'late')).toBe(true);
    expect(fromTable.some((f) => f.value === 97.1 && f.unit === '%')).toBe(true);
    expect(tableFactsOf(xlsxDoc).map((f) => compared(f, true))).toEqual(fromTable.map((f) => compared(f, true)));
  });
});
