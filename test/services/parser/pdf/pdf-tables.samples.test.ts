// The 003 report's appendix tables, read from its PDFs through each box source (poppler, pdf.js)
// and the layout, scored against the same report's DOCX tables (see table-truth.ts). The
// poppler runs need pdftotext (poppler-utils, installed in CI) and are skipped with a message
// where it is missing; the pdf.js runs need nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentPage } from '../../../../services/parser/document-model.ts';
import { layoutPdfPages } from '../../../../services/parser/pdf/pdf-layout.ts';
import type { BboxPage } from '../../../../services/parser/pdf/bbox-page.ts';
import { readPdfjsBoxes } from '../../../../services/parser/pdf/pdfjs-boxes.ts';
import { readPdfBoxes } from '../../../../services/parser/pdf/poppler-bbox.ts';
import { docxTableRows, pdfTableRows, scoreTables } from './table-truth.ts';

const root = join(import.meta.dirname, '../../../..');
const hazards = join(root, '../shared/fixtures/pdf-hazards');
const popplerMissing = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error !== undefined;
if (popplerMissing) console.warn('pdftotext is not on PATH (poppler-utils): skipping the PDF table ground-truth checks on poppler boxes');

const sources: { name: string; skip: boolean; read: (bytes: Uint8Array, name: string) => Promise<BboxPage[]> }[] = [
  { name: 'poppler', skip: popplerMissing, read: readPdfBoxes },
  { name: 'pdf.js', skip: false, read: readPdfjsBoxes },
];

const truth = () => docxTableRows(readFileSync(join(root, 'samples/003-xa-quang-ngan-cchc-2011-2020.docx')));

for (const source of sources) {
  const layout = async (path: string): Promise<DocumentPage[]> => layoutPdfPages(await source.read(new Uint8Array(readFileSync(path)), path));


  describe.skipIf(source.skip)(`PDF tables against the DOCX (${source.name} boxes)`, () => {
    const pdfs = [
      { name: 'well-made fonts', path: join(root, 'samples/003-xa-quang-ngan-cchc-2011-2020.pdf') },
      { name: 'substitute-font glyphs', path: join(hazards, '003-tables-substitute-font.pdf') },
    ];
    for (const pdf of pdfs) {
      it.skipIf(!existsSync(pdf.path))(`recovers the numbers of every data row, under their column headers (${pdf.name})`, async () => {
        const score = scoreTables(truth(), pdfTableRows(await layout(pdf.path)));
        console.info(`003 ${pdf.name}: ${score.recovered}/${score.total} numeric cells in the right row and column`);
        expect(score.total).toBeGreaterThan(150);
        expect(score.recovered / score.total).toBeGreaterThanOrEqual(0.95);
        expect(score.glued).toEqual([]);
        expect(score.unmatched).toEqual([]);
      });
    }

    it('keeps every table span inside its page text: one line per row, tab-separated cells', async () => {
      for (const pdf of pdfs.filter((p) => existsSync(p.path))) {
        for (const page of await layout(pdf.path)) {
          for (const block of page.blocks) {
            if (block.kind !== 'table') continue;
            const lines = page.text.slice(block.start, block.end).split('\n');
            expect(lines).toHaveLength(block.rows.length);
            block.rows.forEach((row, r) => {
              const cells = row.cells.map((c) => page.text.slice(c.start, c.end));
              expect(cells.join('\t')).toBe(lines[r]);
              expect(cells.every((c) => !/[\t\n]/.test(c))).toBe(true);
              expect(row.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)).toBe(block.rows[0]!.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0));
            });
          }
        }
      }
    });

    it('reads the Phụ lục 1 rows of the hazard PDF as label and six years', async () => {
      const path = join(hazards, '003-tables-substitute-font.pdf');
      if (!existsSync(path)) return;
      const rows = pdfTableRows(await layout(path))[0]!.map((r) => r.cells.map((c) => c.text));
      expect(rows).toContainEqual(['1', 'Số lượng văn bản chỉ đạo, điều hành', '13', '13', '14', '23', '23', '14']);
      expect(rows).toContainEqual(['-', 'Tổ chức cuộc thi tìm hiểu CCHC (Có tổ chức = 1; Không tổ chức = 0)', '0', '0', '0', '0', '0', '0']);
      expect(rows).toContainEqual(['', '', 'Năm 2015', 'Năm 2016', 'Năm 2017', 'Năm 2018', 'Năm 2019', 'Năm 2020 (Tính đến 31/3)']);
    });
  });

  describe.skipIf(source.skip)(`PDF prose stays prose (${source.name} boxes)`, () => {
    const reports = [
      join(root, 'samples/002-tinh-soc-trang-cchc-2016.pdf'),
      join(hazards, '002-substitute-font.pdf'),
    ];
    for (const path of reports) {
      it.skipIf(!existsSync(path))(`finds no table in the running text of ${path.split('/').pop()}`, async () => {
        const pages = await layout(path);
        const blocks = pages.flatMap((p) => p.blocks);
        expect(blocks.filter((b) => b.kind === 'table')).toEqual([]);
        const text = pages.map((p) => p.blocks.map((b) => p.text.slice(b.start, b.end)).join('\n')).join('\n');
        // One paragraph per paragraph: a sentence is never cut into blocks mid-line.
        expect(text).toMatch(/^.*có 845\.938\/846\.314 hồ sơ đã được giải quyết đúng hạn, đạt tỷ lệ 89,39%\. So với năm 2015.*$/m);
        expect(blocks.filter((b) => b.kind === 'paragraph' && b.heading).length).toBeGreaterThan(10);
      });
    }
  });
}
