import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectReportMetadata, toDetected } from '../../../../services/parser/metadata/index.ts';
import { expectSpansQuoteTheText, warningCodes } from './metadata-expect.ts';

/**
 * The five real reports (../shared/seeds, outside the repository; the suite is skipped where
 * they are absent — sample-metadata.test.ts checks the same expectations on the committed
 * DOCX/PDF renderings). Each expectation was read off the text by hand:
 *   000  web article of huyện A Lưới (tỉnh Thừa Thiên Huế), 2011–2020 review; no letterhead
 *   001  news summary of an unnamed district; no period stated, only "so với năm 2018"
 *   002  tỉnh Sóc Trăng, 2016; scanned, the first lines are a Sở Nội vụ received-stamp
 *   003  xã Quảng Ngạn, Báo cáo 17/BC-UBND of 29/4/2020, 2011–2020 review
 *   004  slide notes of huyện Bắc Bình (tỉnh Bình Thuận), 2022
 */
const SEEDS = resolve(import.meta.dirname, '../../../../../shared/seeds');

function seed(prefix: string): { page: number; text: string }[] {
  const file = ['000_27b8fa93045b7c49', '001_f7e249377761b375', '002_5be47538091d3777', '003_f456c18b67a12c44', '004_7cb5686196a22e68']
    .find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return [{ page: 1, text: readFileSync(join(SEEDS, `${file}.txt`), 'utf8').normalize('NFC') }];
}

describe.skipIf(!existsSync(SEEDS))('report metadata on the seed reports', () => {
  it('000: huyện A Lưới, tỉnh Thừa Thiên Huế, giai đoạn 2011–2020, read from the body and the title', () => {
    const pages = seed('000');
    const meta = detectReportMetadata(pages);
    expect(meta.unit).toMatchObject({ name: 'A Lưới', level: 'district', confidence: 'medium', sources: ['body'] });
    expect(meta.unit?.evidence.quote).toMatch(/huyện A Lưới$/u);
    expect(meta.parentUnits).toMatchObject([{ name: 'Thừa Thiên Huế', level: 'province' }]);
    expect(meta.levelHint).toMatchObject({ level: 'district' });
    expect(meta.period).toMatchObject({ value: '2011..2020', label: 'giai đoạn 2011 – 2020', confidence: 'high' });
    expect(meta.period?.zones).toContain('title');
    expect(meta.title?.value).toBe('Kết quả thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 – 2020');
    expect(meta.reportNumber).toBeUndefined();
    expect(meta.reportDate).toBeUndefined();
    expect(meta.warnings).toEqual([]);
    expectSpansQuoteTheText(meta, pages);
  });

  it('001: an unnamed district; the period is only a hint (2019, the year after "so với năm 2018")', () => {
    const pages = seed('001');
    const meta = detectReportMetadata(pages);
    expect(meta.unit).toBeUndefined();
    expect(meta.levelHint).toMatchObject({ level: 'district' });
    expect(meta.levelHint?.mentions).toBeGreaterThanOrEqual(3);
    expect(meta.period).toBeUndefined();
    expect(meta.periodHint).toMatchObject({ value: '2019', basis: 'comparison', label: 'so với năm 2018' });
    expect(meta.parentUnits).toBeUndefined();
    expect(meta.title).toBeUndefined();
    expect(warningCodes(meta)).toEqual(['period-inferred', 'unit-level-only']);
    expect(toDetected(meta)).toEqual({});
    expectSpansQuoteTheText(meta, pages);
  });

  it('002: tỉnh Sóc Trăng, năm 2016, through the received-stamp noise', () => {
    const pages = seed('002');
    const meta = detectReportMetadata(pages);
    expect(meta.unit).toMatchObject({ name: 'Sóc Trăng', level: 'province', confidence: 'high' });
    expect(meta.unit?.sources).toEqual(expect.arrayContaining(['header-agency', 'closing', 'self-report']));
    // The closing sentence (`… của tỉnh Sóc Trăng, báo cáo Bộ Nội vụ`) outweighs the stamp's Sở.
    expect(meta.unit?.evidence.quote).toBe('tỉnh Sóc Trăng');
    expect(meta.parentUnits).toBeUndefined();
    expect(meta.levelHint).toMatchObject({ level: 'province' });
    expect(meta.period).toMatchObject({ value: '2016', label: 'năm 2016', confidence: 'high' });
    expect(meta.period?.zones).toEqual(expect.arrayContaining(['title', 'intro', 'closing']));
    // The stamp glued its number to the title; the title is what follows it.
    expect(meta.title?.value).toBe('Tỉnh hình thực hiện công tác cải cách hành chính năm 2016');
    // `Số: 106.80.` is not a document number, and `ĐẾN Ngày: 13.12.16` is not the report date.
    expect(meta.reportNumber).toBeUndefined();
    expect(meta.reportDate).toBeUndefined();
    expect(warningCodes(meta)).toEqual(['report-number-unreadable']);
    expect(toDetected(meta)).toEqual({ unit: { name: 'Sóc Trăng', level: 'province' }, period: '2016' });
    expectSpansQuoteTheText(meta, pages);
  });

  it('003: xã Quảng Ngạn, 17/BC-UBND of 2020-04-29, giai đoạn 2011–2020 (not the 2021–2030 orientation)', () => {
    const pages = seed('003');
    const meta = detectReportMetadata(pages);
    expect(meta.unit).toMatchObject({ name: 'Quảng Ngạn', level: 'commune', confidence: 'high' });
    expect(meta.unit?.sources).toEqual(expect.arrayContaining(['title', 'closing', 'place-date']));
    expect(meta.parentUnits).toMatchObject([{ name: 'Thừa Thiên Huế', level: 'province' }]);
    expect(meta.levelHint).toMatchObject({ level: 'commune' });
    expect(meta.period).toMatchObject({ value: '2011..2020', label: 'giai đoạn 2011 - 2020', confidence: 'high' });
    expect(meta.period?.zones).toEqual(expect.arrayContaining(['title', 'closing']));
    expect(meta.reportNumber).toMatchObject({ value: '17/BC-UBND', evidence: { quote: '17/BC-UBND' } });
    expect(meta.reportDate).toMatchObject({ value: '2020-04-29', place: 'Quảng Ngạn', evidence: { quote: 'Quảng Ngạn, ngày 29 tháng 4 năm 2020' } });
    expect(meta.title?.value).toBe(
      'Tổng kết Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020, định hướng giai đoạn 2021 - 2030 của xã Quảng Ngạn',
    );
    expect(meta.warnings).toEqual([]);
    expect(toDetected(meta)).toEqual({ unit: { name: 'Quảng Ngạn', level: 'commune' }, period: '2011..2020' });
    expectSpansQuoteTheText(meta, pages);
  });

  it('004: huyện Bắc Bình, tỉnh Bình Thuận, năm 2022, from slide notes', () => {
    const pages = seed('004');
    const meta = detectReportMetadata(pages);
    expect(meta.unit).toMatchObject({ name: 'Bắc Bình', level: 'district', confidence: 'high' });
    expect(meta.unit?.sources).toEqual(['title', 'body']);
    expect(meta.parentUnits).toMatchObject([{ name: 'Bình Thuận', level: 'province' }]);
    expect(meta.levelHint).toMatchObject({ level: 'district' });
    expect(meta.period).toMatchObject({ value: '2022', confidence: 'high' });
    expect(meta.period?.zones).toEqual(expect.arrayContaining(['title', 'intro']));
    expect(meta.title?.value).toMatch(/^p\/s chiếu tại hội nghị TK công tác CCHC 2022 Bắc Bình/u);
    expect(meta.warnings).toEqual([]);
    expectSpansQuoteTheText(meta, pages);
  });
});
