import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MediaType } from '../../../../schemas/identifiers.ts';
import { readDocument } from '../../../../services/parser/document-reader.ts';
import { detectReportMetadata, toDetected } from '../../../../services/parser/metadata/index.ts';
import { expectSpansQuoteTheText } from './metadata-expect.ts';

/**
 * The seed expectations again, on the committed DOCX and PDF renderings of the seeds
 * (samples/), read by the project's own document readers: the text then has real page
 * breaks, no markdown, and a PDF's line layout. What must hold whatever the reader.
 */
const samples = join(import.meta.dirname, '../../../../samples');

const EXPECTED = [
  { slug: '000-huyen-a-luoi-cchc-2011-2020', detected: { unit: { name: 'A Lưới', level: 'district' }, period: '2011..2020' }, parents: ['Thừa Thiên Huế'] },
  { slug: '001-huyen-cchc-2019', detected: {}, parents: [], levelHint: 'district', periodHint: '2019' },
  { slug: '002-tinh-soc-trang-cchc-2016', detected: { unit: { name: 'Sóc Trăng', level: 'province' }, period: '2016' }, parents: [] },
  {
    slug: '003-xa-quang-ngan-cchc-2011-2020',
    detected: { unit: { name: 'Quảng Ngạn', level: 'commune' }, period: '2011..2020' },
    parents: ['Thừa Thiên Huế'],
    reportNumber: '17/BC-UBND',
    reportDate: '2020-04-29',
  },
  { slug: '004-huyen-bac-binh-cchc-2022', detected: { unit: { name: 'Bắc Bình', level: 'district' }, period: '2022' }, parents: ['Bình Thuận'] },
] as const;

const MEDIA: Record<'docx' | 'pdf', MediaType> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

describe('report metadata on the sample documents', () => {
  for (const expected of EXPECTED) {
    for (const ext of ['docx', 'pdf'] as const) {
      it(`${expected.slug}.${ext}`, async () => {
        const name = `${expected.slug}.${ext}`;
        const doc = await readDocument(new Uint8Array(await readFile(join(samples, name))), MEDIA[ext], name);
        const pages = doc.pages.map((p) => ({ page: p.page, text: p.text }));
        const meta = detectReportMetadata(pages);
        expect(toDetected(meta)).toEqual(expected.detected);
        expect((meta.parentUnits ?? []).map((p) => p.name)).toEqual(expected.parents);
        if ('levelHint' in expected) expect(meta.levelHint?.level).toBe(expected.levelHint);
        if ('periodHint' in expected) expect(meta.periodHint?.value).toBe(expected.periodHint);
        if ('reportNumber' in expected) expect(meta.reportNumber?.value).toBe(expected.reportNumber);
        if ('reportDate' in expected) expect(meta.reportDate?.value).toBe(expected.reportDate);
        expectSpansQuoteTheText(meta, pages);
      });
    }
  }
});
