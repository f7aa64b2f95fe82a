// The committed sample documents (samples/*.docx, samples/*.pdf) are what later pipeline tests
// and demos read; these checks catch a missing, truncated or wrongly regenerated file. They read
// the committed files only, so they need neither the seeds nor LibreOffice.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { countDocxTables, docxBodyText, documentXml } from '../../samples/docx-text.ts';
import { SEED_SAMPLES } from '../../samples/seed-catalog.ts';
import { readZipEntry } from '../../samples/zip-entry.ts';

const SAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../samples');

const pdftotextMissing = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error !== undefined;
if (pdftotextMissing) {
  console.warn('pdftotext is not on PATH (poppler-utils): skipping the PDF text-layer checks');
}

function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

function pdfText(path: string): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed on ${path}: ${result.stderr}`);
  return result.stdout;
}

describe('committed samples', () => {
  it('cover the five seed reports', () => {
    expect(SEED_SAMPLES.map((sample) => sample.prefix)).toEqual(['000', '001', '002', '003', '004']);
  });

  describe.each(SEED_SAMPLES)('$slug', (sample) => {
    const pdfPath = join(SAMPLES_DIR, `${sample.slug}.pdf`);
    const docxPath = join(SAMPLES_DIR, `${sample.slug}.docx`);

    it('has a PDF', () => {
      expect(existsSync(pdfPath)).toBe(true);
      expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('has a DOCX whose zip holds word/document.xml', () => {
      expect(existsSync(docxPath)).toBe(true);
      const docx = readFileSync(docxPath);
      expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
      // The central directory stores member names uncompressed.
      expect(docx.includes(Buffer.from('word/document.xml'))).toBe(true);
      expect(documentXml(docx)).toContain('<w:body>');
    });

    it('is laid out on A4 in Liberation Serif', () => {
      const docx = readFileSync(docxPath);
      expect(documentXml(docx)).toMatch(/<w:pgSz w:w="11906" w:h="16838"\/>/);
      expect(readZipEntry(docx, 'word/styles.xml')?.toString('utf8')).toContain('w:ascii="Liberation Serif"');
    });

    it(`has ${sample.tableCount} real Word table(s)`, () => {
      expect(countDocxTables(readFileSync(docxPath))).toBe(sample.tableCount);
    });

    it('keeps the key figures in the DOCX text', () => {
      const text = withoutWhitespace(docxBodyText(readFileSync(docxPath)));
      for (const figure of sample.keyFigures) expect(text, figure).toContain(withoutWhitespace(figure));
    });

    it.skipIf(pdftotextMissing)('keeps the key figures in the PDF text layer', () => {
      const text = withoutWhitespace(pdfText(pdfPath));
      for (const figure of sample.keyFigures) expect(text, figure).toContain(withoutWhitespace(figure));
    });
  });
});
