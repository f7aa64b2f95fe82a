import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../services/parser/document-reader.ts';
import { readPdfStructure } from '../../../services/parser/pdf/pdf-structure-reader.ts';
import { popplerAvailable } from '../../../services/parser/pdf/poppler-bbox.ts';
import { readDocxStructure } from '../../../services/parser/docx/docx-structure-reader.ts';
import { minimalPdf } from '../../support/minimal-pdf.ts';
import { buildZip, minimalDocx } from '../../support/zip-builder.ts';

const PDF = 'application/pdf' as const;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;
const root = join(import.meta.dirname, '../../..');
const hazards = join(root, '../shared/fixtures/pdf-hazards');
const poppler = await popplerAvailable();
if (!poppler) console.warn('poppler-utils (pdftotext) not installed: poppler engine tests skipped (apt-get install poppler-utils)');

describe('readDocumentText', () => {
  it('reads a PDF page by page', async () => {
    const text = await readDocument(minimalPdf([['Tiep nhan 845.938/846.314 ho so, dat 89,39%'], ['Trang hai co them chu']]), PDF, 'a.pdf');
    expect(text.engine).toBe(poppler ? 'poppler-bbox' : 'pdfjs-bbox');
    expect(text.pages.map((p) => p.page)).toEqual([1, 2]);
    expect(text.pages[0]!.text).toContain('845.938/846.314');
    expect(text.pages[0]!.text).toContain('89,39%');
    expect(text.pages[1]!.text).toContain('Trang hai');
  });

  it('reads a sample report rendered by LibreOffice, Vietnamese intact', async () => {
    const bytes = new Uint8Array(await readFile(join(root, 'samples/001-huyen-cchc-2019.pdf')));
    const text = await readDocument(bytes, PDF, '001.pdf');
    const all = text.pages.map((p) => p.text).join('\n');
    expect(text.pages.length).toBeGreaterThanOrEqual(2);
    expect(all).toContain('54.599 hồ sơ');
    expect(all).toContain('99,99%');
    expect(all).toBe(all.normalize('NFC'));
  });

  it('reads a DOCX as one page, in paragraph order', async () => {
    const text = await readDocument(minimalDocx(['Báo cáo số 17/BC-UBND', 'đã tiếp nhận 14.322 hồ sơ']), DOCX, 'a.docx');
    expect(text).toMatchObject({ engine: 'mammoth-html', pages: [{ page: 1 }] });
    expect(text.pages[0]!.text).toBe('Báo cáo số 17/BC-UBND\nđã tiếp nhận 14.322 hồ sơ\n');
  });

  it('composes decomposed (NFD) diacritics at the edge', async () => {
    const nfd = 'Ủy ban nhân dân xã đã tiếp nhận hồ sơ'.normalize('NFD');
    const text = await readDocument(minimalDocx([nfd]), DOCX, 'nfd.docx');
    expect(text.pages[0]!.text).toContain('Ủy ban nhân dân xã đã tiếp nhận hồ sơ'.normalize('NFC'));
    expect(text.pages[0]!.text).toBe(text.pages[0]!.text.normalize('NFC'));
  });

  it.skipIf(!existsSync(hazards))('returns NFC text for the decomposed-diacritics hazard PDF', async () => {
    const bytes = new Uint8Array(await readFile(join(hazards, '002-decomposed-diacritics.pdf')));
    const text = await readDocument(bytes, PDF, 'nfd.pdf');
    const all = text.pages.map((p) => p.text).join('\n');
    expect(all).toBe(all.normalize('NFC'));
    expect(all).toContain('Sóc Trăng');
  });

  it('refuses an encrypted PDF with TH_ERR_PDF_ENCRYPTED', async () => {
    const bytes = new Uint8Array(await readFile(join(root, 'test/fixtures/encrypted-aes256.pdf')));
    await expect(readDocument(bytes, PDF, 'secret.pdf')).rejects.toMatchObject({ code: 'TH_ERR_PDF_ENCRYPTED', retriable: false });
  });

  it('refuses a truncated PDF with TH_ERR_PDF_CORRUPT', async () => {
    const pdf = minimalPdf([['Bao cao']]);
    await expect(readDocument(pdf.subarray(0, 120), PDF, 'cut.pdf')).rejects.toMatchObject({ code: 'TH_ERR_PDF_CORRUPT' });
  });

  it('refuses a PDF of blank pages, which OCR reads as blank too', async () => {
    await expect(readDocument(minimalPdf([[], []]), PDF, 'blank.pdf')).rejects.toMatchObject({ code: 'TH_ERR_NO_TEXT_LAYER' });
  });

  it('refuses a DOCX zip bomb before inflating it', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: new Uint8Array(4 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(20_000);
    await expect(readDocxStructure(bomb, 'bomb.docx')).rejects.toMatchObject({ code: 'TH_ERR_ZIP_BOMB' });
    await expect(readDocxStructure(minimalDocx(['x'.repeat(2000)]), 'big.docx', { maxUncompressedBytes: 1000, maxRatio: 200, maxEntries: 10 }))
      .rejects.toMatchObject({ code: 'TH_ERR_ZIP_BOMB' });
  });

  it('refuses a broken DOCX with TH_ERR_DOCX_CORRUPT', async () => {
    const docx = minimalDocx(['Báo cáo']);
    await expect(readDocument(docx.subarray(0, docx.length - 30), DOCX, 'cut.docx')).rejects.toMatchObject({ code: 'TH_ERR_DOCX_CORRUPT' });
    const noBody = buildZip([{ name: 'word/document.xml', data: '<not-closed' }]);
    await expect(readDocument(noBody, DOCX, 'bad.docx')).rejects.toMatchObject({ code: 'TH_ERR_DOCX_CORRUPT' });
  });
});

describe('PDF engines', () => {
  const pdf = minimalPdf([['Tiep nhan 845.938/846.314 ho so, dat 89,39%', 'Dong thu hai'], ['Trang hai']]);

  it('pdf-parse (the fallback) gives one paragraph per line and says what it cannot do', async () => {
    const doc = await readPdfStructure(pdf, 'a.pdf', 'pdf-parse');
    expect(doc.engine).toBe('pdf-parse');
    expect(doc.warnings[0]?.en).toMatch(/poppler-utils/);
    expect(doc.pages[0]!.blocks.map((b) => doc.pages[0]!.text.slice(b.start, b.end))).toEqual(['Tiep nhan 845.938/846.314 ho so, dat 89,39%', 'Dong thu hai']);
  });

  it.skipIf(!poppler)('poppler keeps numbers intact and refuses encrypted and broken files with coded errors', async () => {
    const doc = await readPdfStructure(pdf, 'a.pdf', 'poppler');
    expect(doc).toMatchObject({ engine: 'poppler-bbox', warnings: [] });
    expect(doc.pages[0]!.text).toContain('845.938/846.314');
    const encrypted = new Uint8Array(await readFile(join(root, 'test/fixtures/encrypted-aes256.pdf')));
    await expect(readPdfStructure(encrypted, 'secret.pdf', 'poppler')).rejects.toMatchObject({ code: 'TH_ERR_PDF_ENCRYPTED' });
    await expect(readPdfStructure(pdf.subarray(0, 100), 'cut.pdf', 'poppler')).rejects.toMatchObject({ code: 'TH_ERR_PDF_CORRUPT' });
  });

  it.skipIf(!poppler || !existsSync(hazards))('poppler reads the substitute-font hazard in printed order', async () => {
    const bytes = new Uint8Array(await readFile(join(hazards, '002-substitute-font.pdf')));
    const doc = await readPdfStructure(bytes, 'sub.pdf', 'poppler');
    const all = doc.pages.map((p) => p.text).join('\n');
    expect(all).toContain('SỞ NỘI VỤ TỈNH SÓC TRĂNG');
    expect(all).toContain('845.938/846.314');
    expect(all).not.toMatch(/T nh hình/);
  });
});
