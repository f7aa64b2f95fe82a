import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BboxPage } from '../../../../services/parser/pdf/bbox-page.ts';
import { lineText } from '../../../../services/parser/pdf/line-text.ts';
import { readPdfStructure } from '../../../../services/parser/pdf/pdf-structure-reader.ts';
import { readPdfjsBoxes } from '../../../../services/parser/pdf/pdfjs-boxes.ts';
import { minimalPdf } from '../../../support/minimal-pdf.ts';

// The pdf.js box source on its own: no poppler needed. Its agreement with poppler on the
// samples is checked in pdf-box-sources.samples.test.ts.
const root = join(import.meta.dirname, '../../../..');
const hazards = join(root, '../shared/fixtures/pdf-hazards');
const words = (page: BboxPage) => page.blocks.flatMap((b) => b.lines.flatMap((l) => l.words));

describe('readPdfjsBoxes', () => {
  it('gives the boxes pdftotext gives a Helvetica page (its own metrics: 0.718 above the baseline, 0.207 below)', async () => {
    const [page] = await readPdfjsBoxes(minimalPdf([['Trang mot 12', 'Dong hai (3) x']]), 'a.pdf');
    expect(page).toMatchObject({ width: 595, height: 842 });
    expect(page!.blocks).toHaveLength(1);
    expect(page!.blocks[0]!.lines.map((l) => l.words.map((w) => w.text))).toEqual([['Trang', 'mot', '12'], ['Dong', 'hai', '(3)', 'x']]);
    // pdftotext -tsv: 72.00 77.38 31.34 11.10 Trang; 130.02 77.38 13.34 11.10 12; 141.36 91.38 6.00 11.10 x
    const [trang, , twelve] = words(page!);
    expect(trang).toMatchObject({ xMin: 72, yMin: 77.38 });
    expect(trang!.xMax).toBeCloseTo(103.34, 9);
    expect(trang!.yMax).toBeCloseTo(88.48, 9);
    expect(twelve!.xMin).toBe(130.02);
    expect(words(page!).at(-1)).toMatchObject({ text: 'x', xMin: 141.36, yMin: 91.38 });
  });

  it('reads a blank page between two pages of text, and many pages in order', async () => {
    const pages = await readPdfjsBoxes(minimalPdf([['Trang mot 12'], [], ['Trang ba 34']]), 'blank.pdf');
    expect(pages.map((p) => words(p).map((w) => w.text).join(' '))).toEqual(['Trang mot 12', '', 'Trang ba 34']);
    const texts = Array.from({ length: 20 }, (_, i) => [`Trang ${i + 1}`]);
    const many = await readPdfjsBoxes(minimalPdf(texts), 'many.pdf');
    expect(many.map((p) => words(p)[1]?.text)).toEqual(texts.map((_, i) => String(i + 1)));
  });

  it('refuses an encrypted PDF and a broken one with coded errors, and leaves the caller\'s bytes alone', async () => {
    const encrypted = new Uint8Array(await readFile(join(root, 'test/fixtures/encrypted-aes256.pdf')));
    await expect(readPdfjsBoxes(encrypted, 'secret.pdf')).rejects.toMatchObject({ code: 'TH_ERR_PDF_ENCRYPTED', retriable: false });
    const pdf = minimalPdf([['Bao cao']]);
    await expect(readPdfjsBoxes(pdf.subarray(0, 120), 'cut.pdf')).rejects.toMatchObject({ code: 'TH_ERR_PDF_CORRUPT' });
    await expect(readPdfjsBoxes(pdf.subarray(0, pdf.length / 2), 'half.pdf')).rejects.toMatchObject({ code: 'TH_ERR_PDF_CORRUPT' });
    const length = pdf.byteLength;
    await readPdfjsBoxes(pdf, 'a.pdf');
    expect(pdf.byteLength).toBe(length);
  });

  it.skipIf(!existsSync(hazards))('places letters drawn from a substitute font where they are printed', async () => {
    const [page] = await readPdfjsBoxes(new Uint8Array(await readFile(join(hazards, '002-substitute-font.pdf'))), 'sub.pdf');
    const first = page!.blocks[0]!.lines[0]!;
    expect(first.words.map((w) => w.text)).toEqual(['S', 'Ở', 'N', 'Ộ', 'I', 'V', 'Ụ', 'T', 'Ỉ', 'NH', 'SÓC', 'TRĂNG']);
    expect(first.words.every((w, i) => i === 0 || w.xMin > first.words[i - 1]!.xMin)).toBe(true);
    expect(lineText(first)).toBe('SỞ NỘI VỤ TỈNH SÓC TRĂNG');
  });
});

describe('readPdfStructure with the pdf.js box source', () => {
  it('lays out like poppler, as engine pdfjs-bbox, without warnings of its own', async () => {
    const doc = await readPdfStructure(minimalPdf([['Tiep nhan 845.938/846.314 ho so, dat 89,39%'], ['Trang hai']]), 'a.pdf', 'pdfjs');
    expect(doc).toMatchObject({ engine: 'pdfjs-bbox', warnings: [] });
    expect(doc.pages.map((p) => p.text)).toEqual(['Tiep nhan 845.938/846.314 ho so, dat 89,39%\n', 'Trang hai\n']);
  });

  it.skipIf(!existsSync(hazards))('reads the substitute-font hazard in printed order', async () => {
    const doc = await readPdfStructure(new Uint8Array(await readFile(join(hazards, '002-substitute-font.pdf'))), 'sub.pdf', 'pdfjs');
    const all = doc.pages.map((p) => p.text).join('\n');
    expect(all).toContain('SỞ NỘI VỤ TỈNH SÓC TRĂNG');
    expect(all).toContain('845.938/846.314');
    expect(all).not.toMatch(/T nh hình/);
  });

  it.skipIf(!existsSync(hazards))('returns NFC text for the decomposed-diacritics hazard', async () => {
    const doc = await readPdfStructure(new Uint8Array(await readFile(join(hazards, '002-decomposed-diacritics.pdf'))), 'nfd.pdf', 'pdfjs');
    const all = doc.pages.map((p) => p.text).join('\n');
    expect(all).toBe(all.normalize('NFC'));
    expect(all).toContain('Sóc Trăng');
    expect(all).toContain('SỞ NỘI VỤ TỈNH SÓC TRĂNG');
  });
});
