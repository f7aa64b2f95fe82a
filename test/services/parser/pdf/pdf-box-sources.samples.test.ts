// Issue #12, "same answers without poppler": every sample PDF and hazard fixture read through
// both box sources, poppler's `pdftotext -tsv` and pdf.js (`pdfjs-boxes.ts`), must give the
// same blocks, lines and words, the same laid-out document, and so the same facts and flags
// as `tonghop analyze` computes them. Needs pdftotext (poppler-utils, installed in CI) to
// compare with; skipped with a message where it is missing.
//
// Word boxes agree to 0.02 pt, not exactly: pdftotext prints them to 0.01 pt, and where a
// coordinate ends in a half hundredth (advances at 13 pt are multiples of 0.013 pt) the two
// programs' rounding noise can tip it either way. The layout never sees the difference.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StructuredDocument } from '../../../../services/parser/document-model.ts';
import type { BboxPage } from '../../../../services/parser/pdf/bbox-page.ts';
import { layoutPdfPages } from '../../../../services/parser/pdf/pdf-layout.ts';
import { readPdfjsBoxes } from '../../../../services/parser/pdf/pdfjs-boxes.ts';
import { readPdfBoxes } from '../../../../services/parser/pdf/poppler-bbox.ts';
import { analyze, boxDifferences, factKey, flagKey, listDifferences } from './box-source-diff.ts';

const root = join(import.meta.dirname, '../../../..');
const hazards = join(root, '../shared/fixtures/pdf-hazards');
const popplerMissing = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error !== undefined;
if (popplerMissing) console.warn('pdftotext is not on PATH (poppler-utils): skipping the comparison of the pdf.js box source with poppler');

const pdfsIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f)) : []);
const pdfs = [...pdfsIn(join(root, 'samples')), ...pdfsIn(hazards)];
const BOX_TOLERANCE = 0.025;

const doc = (engine: string, pages: BboxPage[]): StructuredDocument => ({ engine, pages: layoutPdfPages(pages), warnings: [] });

describe.skipIf(popplerMissing)('pdf.js boxes give what poppler boxes give', () => {
  it('covers the five samples and the hazard fixtures', () => {
    expect(pdfs.filter((p) => p.includes('/samples/'))).toHaveLength(5);
  });

  for (const path of pdfs) {
    describe(path.slice(root.length + 1), () => {
      let poppler: BboxPage[];
      let pdfjs: BboxPage[];
      beforeAll(async () => {
        const bytes = new Uint8Array(readFileSync(path));
        [poppler, pdfjs] = await Promise.all([readPdfBoxes(bytes, path), readPdfjsBoxes(bytes, path)]);
      });

      it(`the same blocks, lines and words, boxes within ${BOX_TOLERANCE} pt`, () => {
        expect(boxDifferences(poppler, pdfjs, BOX_TOLERANCE)).toEqual([]);
      });

      it('the same pages of paragraphs and tables', () => {
        expect(doc('pdfjs-bbox', pdfjs).pages).toEqual(doc('poppler-bbox', poppler).pages);
      });

      it('the same facts and flags', () => {
        const a = analyze(doc('poppler-bbox', poppler));
        const b = analyze(doc('pdfjs-bbox', pdfjs));
        expect(a.facts.length).toBeGreaterThan(40);
        expect(listDifferences(a.facts.map(factKey), b.facts.map(factKey), 'fact')).toEqual([]);
        expect(listDifferences(a.flags.map(flagKey), b.flags.map(flagKey), 'flag')).toEqual([]);
        expect(b.flags).toEqual(a.flags);
      });
    });
  }
});
