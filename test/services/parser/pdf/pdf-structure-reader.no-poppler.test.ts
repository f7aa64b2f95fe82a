// readPdfStructure's `auto` engine on a machine without poppler, wherever the test runs:
// `popplerAvailable` is mocked to say no. (pdf-without-poppler.cli.test.ts hides pdftotext
// from a real CLI process instead.)
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDocument } from '../../../../services/parser/document-reader.ts';
import { POPPLER_MISSING_WARNING, readPdfStructure } from '../../../../services/parser/pdf/pdf-structure-reader.ts';
import type * as PopplerBbox from '../../../../services/parser/pdf/poppler-bbox.ts';
import { minimalPdf } from '../../../support/minimal-pdf.ts';

vi.mock('../../../../services/parser/pdf/poppler-bbox.ts', async (original) => ({
  ...await original<typeof PopplerBbox>(),
  popplerAvailable: () => Promise.resolve(false),
  readPdfBoxes: () => Promise.reject(new Error('poppler is not installed here')),
}));

const root = join(import.meta.dirname, '../../../..');
const PDF = 'application/pdf';

describe('readPdfStructure without poppler', () => {
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  beforeEach(() => { process.on('warning', onWarning); });
  afterEach(() => { process.off('warning', onWarning); });

  it('reads with the pdf.js box source and recommends poppler-utils once per process, on stderr', async () => {
    const pdf = minimalPdf([['Tiep nhan 845.938/846.314 ho so, dat 89,39%']]);
    const first = await readPdfStructure(pdf, 'a.pdf');
    const second = await readDocument(pdf, PDF, 'b.pdf');
    for (const doc of [first, second]) {
      expect(doc).toMatchObject({ engine: 'pdfjs-bbox', warnings: [] });
      expect(doc.pages[0]!.text).toBe('Tiep nhan 845.938/846.314 ho so, dat 89,39%\n');
    }
    // Process warnings are emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    const ours = warnings.filter((w) => (w as Error & { code?: string }).code === POPPLER_MISSING_WARNING.code);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.message).toContain('poppler-utils');
    expect(ours[0]!.message).toContain('apt-get install poppler-utils');
  });

  it('still refuses encrypted and broken files with coded errors', async () => {
    const encrypted = new Uint8Array(await readFile(join(root, 'test/fixtures/encrypted-aes256.pdf')));
    await expect(readDocument(encrypted, PDF, 'secret.pdf')).rejects.toMatchObject({ code: 'TH_ERR_PDF_ENCRYPTED', retriable: false });
    await expect(readDocument(minimalPdf([['Bao cao']]).subarray(0, 120), PDF, 'cut.pdf')).rejects.toMatchObject({ code: 'TH_ERR_PDF_CORRUPT', retriable: false });
    // Without poppler a page without text cannot be rendered for OCR, so a scan and a blank
    // page look alike: the answer names what to install.
    await expect(readDocument(minimalPdf([[], []]), PDF, 'scan.pdf')).rejects.toMatchObject({ code: 'TH_ERR_OCR_MISSING' });
  });
});
