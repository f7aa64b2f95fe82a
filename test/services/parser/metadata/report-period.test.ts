import { describe, expect, it } from 'vitest';
import { detectReportMetadata } from '../../../../services/parser/metadata/index.ts';
import { expectSpansQuoteTheText, onePage, warningCodes } from './metadata-expect.ts';

function metaOf(text: string) {
  const pages = onePage(text);
  const meta = detectReportMetadata(pages);
  expectSpansQuoteTheText(meta, pages);
  return meta;
}

const titled = (title: string, body = 'Nội dung báo cáo.'): string => `UBND HUYỆN MỸ TÚ\n\nBÁO CÁO\n${title}\n\n${body}`;

describe('reporting period', () => {
  it.each([
    ['Tình hình thực hiện công tác cải cách hành chính năm 2016', '2016', 'năm 2016'],
    ['Tổng kết Chương trình tổng thể CCHC giai đoạn 2011 - 2020', '2011..2020', 'giai đoạn 2011 - 2020'],
    ['Tổng kết CCHC giai đoạn 2011–2020', '2011..2020', 'giai đoạn 2011–2020'],
    ['Kết quả CCHC quý I/2020', '2020-Q1', 'quý I/2020'],
    ['Kết quả CCHC quý 2 năm 2021', '2021-Q2', 'quý 2 năm 2021'],
    ['KẾT QUẢ CCHC QUÝ IV NĂM 2019', '2019-Q4', 'QUÝ IV NĂM 2019'],
    ['Kết quả CCHC 6 tháng đầu năm 2020', '2020-H1', '6 tháng đầu năm 2020'],
    ['Kết quả CCHC 06 tháng cuối năm 2020', '2020-H2', '06 tháng cuối năm 2020'],
    ['Kết quả CCHC 9 tháng đầu năm 2020', '2020-9M', '9 tháng đầu năm 2020'],
    ['Kết quả CCHC tháng 3/2020', '2020-M03', 'tháng 3/2020'],
    ['Kết quả CCHC tháng 11 năm 2020', '2020-M11', 'tháng 11 năm 2020'],
    ['BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2022', '2022', 'NĂM 2022'],
  ])('%s → %s', (title, value, label) => {
    const meta = metaOf(titled(title));
    expect(meta.period).toMatchObject({ value, label, confidence: 'high', zones: ['title'] });
  });

  it('reads the year of slide notes and of an opening sentence', () => {
    const meta = metaOf('p/s chiếu tại hội nghị TK công tác CCHC 2022: một năm nhìn lại\n\nNăm 2022, công tác cải cách hành chính được quan tâm.');
    expect(meta.period).toMatchObject({ value: '2022', zones: ['title', 'intro'] });
    const opening = metaOf('Năm 2021, công tác cải cách hành chính của huyện tiếp tục được quan tâm, chỉ đạo sát sao trong toàn bộ hệ thống chính trị.');
    expect(opening.period).toMatchObject({ value: '2021', confidence: 'medium', zones: ['intro'] });
  });

  it('takes the year from the same sentence, else from the report date, when the phrase has none', () => {
    const sameSentence = metaOf(titled('Kết quả CCHC 9 tháng đầu năm', 'UBND huyện báo cáo kết quả CCHC 9 tháng đầu năm (số liệu từ 01/01/2021 đến 30/9/2021) như sau.'));
    expect(sameSentence.period).toMatchObject({ value: '2021-9M', zones: ['intro'] });
    const meta = metaOf('UBND XÃ AN HIỆP\nAn Hiệp, ngày 05 tháng 10 năm 2021\n\nBÁO CÁO\nKết quả CCHC 9 tháng đầu năm\n');
    expect(meta.period).toMatchObject({ value: '2021-9M', confidence: 'medium' });
  });

  it('ignores years that are references, not the period', () => {
    const meta = metaOf(titled('Kết quả cải cách hành chính', [
      'Căn cứ Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020, UBND huyện báo cáo như sau.',
      'Trên cơ sở Hiến pháp năm 2013, theo Luật Xây dựng năm 2014 và Quyết định số 225/QĐ-TTg ngày 04/02/2016;',
      'ngày 29 tháng 4 năm 2020, từ năm 2015 đến năm 2019, so với năm 2018 tăng 5%; Chỉ số CCHC năm 2015 xếp thứ 27.',
    ].join('\n')));
    expect(meta.period).toBeUndefined();
    expect(meta.periodHint).toMatchObject({ value: '2019', basis: 'comparison' });
  });

  it('reads the period a cited request asks to report on', () => {
    const meta = metaOf('Thực hiện Công văn số 123/SNV-CCHC ngày 05/6/2020 của Sở Nội vụ về việc báo cáo kết quả CCHC 6 tháng đầu năm 2020, UBND huyện báo cáo như sau:\n\n1. Nội dung.');
    expect(meta.period).toMatchObject({ value: '2020-H1', zones: ['intro'] });
    const cited = metaOf('Căn cứ Kế hoạch số 82/KH-UBND ngày 25/12/2015 về thực hiện cải cách hành chính năm 2016, UBND tỉnh đã triển khai nhiều nhiệm vụ trong thời gian qua.');
    expect(cited.period).toBeUndefined();
  });

  it('ignores forward-looking periods: định hướng, phương hướng, trọng tâm', () => {
    const meta = metaOf(titled(
      'Tổng kết CCHC giai đoạn 2011 - 2020, định hướng giai đoạn 2021 - 2030',
      'Phương hướng, nhiệm vụ cải cách hành chính năm 2023.',
    ));
    expect(meta.period).toMatchObject({ value: '2011..2020' });
    expect(meta.warnings).toEqual([]);
  });

  it('does not read the day-month of a date as "9 tháng"', () => {
    const meta = metaOf(titled('Báo cáo công tác cải cách hành chính', 'Nghị quyết số 30c/NQ-CP ngày 09 tháng 11 năm 2011 của Chính phủ.'));
    expect(meta.period).toBeUndefined();
    expect(warningCodes(meta)).toContain('period-not-found');
  });

  it('counts only the first period of the closing sentence', () => {
    const meta = metaOf('Nội dung.\n\nTrên đây là báo cáo tình hình thực hiện công tác CCHC năm 2016 và một số công tác trọng tâm năm 2017 của tỉnh Sóc Trăng./.');
    expect(meta.period).toMatchObject({ value: '2016', zones: ['closing'] });
  });

  it('offers a period repeated in the body only as a hint', () => {
    const meta = metaOf('Một đoạn văn mở đầu không nói gì về kỳ báo cáo cả, chỉ mô tả chung tình hình công việc của đơn vị trong thời gian qua.\n'
      + `${'x'.repeat(1600)}\nTrong năm 2019 đã tiếp nhận 100 hồ sơ. Trong năm 2019 đã giải quyết 90 hồ sơ.`);
    expect(meta.period).toBeUndefined();
    expect(meta.periodHint).toMatchObject({ value: '2019', basis: 'body' });
    expect(warningCodes(meta)).toContain('period-inferred');
  });

  it('warns when the title names two periods', () => {
    const meta = metaOf(titled('Kết quả CCHC năm 2020 và quý I năm 2021'));
    expect(meta.period?.value).toBe('2020');
    expect(warningCodes(meta)).toContain('period-conflict');
  });
});

describe('report number, date and title', () => {
  it.each([
    ['Số: 17/BC-UBND', '17/BC-UBND'],
    ['Số:45 /BC-UBND', '45/BC-UBND'],
    ['Số: 06/2024/QĐ-UBND', '06/2024/QĐ-UBND'],
    ['Số:\n123/BC-SNV', '123/BC-SNV'],
    ['Số 7/BC-UBND', '7/BC-UBND'],
  ])('%j → %s', (line, value) => {
    expect(metaOf(`UBND XÃ AN HIỆP\n${line}\n\nBÁO CÁO\nKết quả CCHC năm 2020`).reportNumber?.value).toBe(value);
  });

  it('warns instead of inventing a number from a blank or garbled one', () => {
    const meta = metaOf('UBND XÃ AN HIỆP\nSố:      /BC-UBND\n\nBÁO CÁO\nKết quả CCHC năm 2020');
    expect(meta.reportNumber).toBeUndefined();
    expect(warningCodes(meta)).toContain('report-number-unreadable');
  });

  it('reads the place-date line, also broken over lines or with slashes, and rejects impossible dates', () => {
    expect(metaOf('UBND TỈNH KON TUM\nKon Tum, ngày 25\ntháng 01 năm 2024\n').reportDate).toMatchObject({ value: '2024-01-25', place: 'Kon Tum' });
    expect(metaOf('UBND XÃ AN HIỆP\nAn Hiệp, ngày 5/10/2021\n').reportDate).toMatchObject({ value: '2021-10-05', place: 'An Hiệp' });
    expect(metaOf('UBND XÃ AN HIỆP\nAn Hiệp, ngày 31 tháng 02 năm 2021\n').reportDate).toBeUndefined();
    expect(metaOf('UBND XÃ AN HIỆP\nAn Hiệp, ngày ... tháng ... năm 2021\n').reportDate).toBeUndefined();
  });

  it('reads a title over several lines, up to the first heading', () => {
    const meta = metaOf('UBND XÃ AN HIỆP\n\nBÁO CÁO\nTổng kết Chương trình tổng thể cải cách hành chính\ngiai đoạn 2011 - 2020 của xã An Hiệp\nI. TÌNH HÌNH TRIỂN KHAI\n');
    expect(meta.title?.value).toBe('Tổng kết Chương trình tổng thể cải cách hành chính giai đoạn 2011 - 2020 của xã An Hiệp');
    expect(meta.unit).toMatchObject({ name: 'An Hiệp', sources: ['header', 'title'] });
  });

  it('tolerates markdown emphasis left by converters and still quotes the original text', () => {
    const text = '## **BÁO CÁO**\n\n**Kết quả CCHC năm 2020 của xã An Hiệp**\n';
    const meta = metaOf(text);
    expect(meta.title?.value).toBe('Kết quả CCHC năm 2020 của xã An Hiệp');
    // The quote is the original text; blanked markup at its edges is left out of the span.
    expect(meta.title?.evidence.quote).toBe('Kết quả CCHC năm 2020 của xã An Hiệp');
    expect(text.slice(meta.title?.evidence.start, meta.title?.evidence.end)).toBe('Kết quả CCHC năm 2020 của xã An Hiệp');
    expect(meta.unit).toMatchObject({ name: 'An Hiệp', level: 'commune' });
  });
});
