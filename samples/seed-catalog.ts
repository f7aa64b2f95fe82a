// What each seed is, as read from its text: output name, issuing unit, period, and figures the
// samples test looks for. The quirks are inconsistencies that are really in the reports; the
// samples keep them on purpose because finding them is the product's job.

export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

export interface SeedSample {
  /** Leading digits of the seed file name ("000" for 000_27b8fa93045b7c49.txt). */
  readonly prefix: string;
  /** Output base name, ASCII: samples/<slug>.docx and .pdf. */
  readonly slug: string;
  /** Document title metadata (DOCX core properties, PDF Info). */
  readonly title: string;
  readonly issuer: Bilingual;
  readonly period: Bilingual;
  readonly documentKind: Bilingual;
  /** Figures copied verbatim from the seed that must survive into the PDF text layer. */
  readonly keyFigures: readonly string[];
  /** Word tables the DOCX must contain (appendix tables, including page-split continuations). */
  readonly tableCount: number;
  readonly quirks: readonly Bilingual[];
}

export const SEED_SAMPLES: readonly SeedSample[] = [
  {
    prefix: '000',
    slug: '000-huyen-a-luoi-cchc-2011-2020',
    title: 'Kết quả thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 – 2020',
    issuer: {
      vi: 'UBND huyện A Lưới, tỉnh Thừa Thiên Huế (bài đăng trên trang thông tin điện tử huyện, cập nhật 25/05/2020)',
      en: 'A Lưới District People’s Committee, Thừa Thiên Huế province (article on the district website, updated 25 May 2020)',
    },
    period: { vi: 'Giai đoạn 2011–2020 (số liệu đến 31/3/2020 và 15/4/2020)', en: '2011–2020 (figures up to 31 Mar and 15 Apr 2020)' },
    documentKind: {
      vi: 'Kết quả thực hiện Chương trình tổng thể CCHC, cấp huyện; còn giữ chữ của khung trang web',
      en: 'District-level review of the 2011–2020 public administration reform master programme; website chrome text kept',
    },
    keyFigures: ['73', '432', '21/21', '13/13', '475', '207', '268', '96,7%', '365', '102', '101', '159', '1.313', '2.300', '20,9%', '23.181.575'],
    tableCount: 0,
    quirks: [
      {
        vi: '365 thủ tục cấp huyện nhưng 102 + 101 + 159 = 362 theo mức độ.',
        en: '365 district-level procedures, yet the per-level counts 102 + 101 + 159 add up to 362.',
      },
    ],
  },
  {
    prefix: '001',
    slug: '001-huyen-cchc-2019',
    title: 'Kết quả cải cách hành chính cấp huyện năm 2019',
    issuer: {
      vi: 'Một UBND huyện (văn bản không nêu tên huyện); bài tin, tác giả ký tắt "ĐTK"',
      en: 'An unnamed district People’s Committee; news article signed with the initials "ĐTK"',
    },
    period: { vi: 'Năm 2019 (so sánh với năm 2018; rà soát văn bản giai đoạn 2014–2018)', en: '2019 (compared with 2018; legal documents reviewed for 2014–2018)' },
    documentKind: { vi: 'Bài tin tổng hợp kết quả CCHC theo 6 khâu, có chú thích ảnh', en: 'News summary of reform results across the six reform areas, with photo captions' },
    keyFigures: ['54.599', '10.289', '44.310', '445', '99,99%', '99,7%', '91,87%', '20,44%', '15,08', '5,778', '9,3', '95,24%', '92,87%', '267'],
    tableCount: 0,
    quirks: [
      {
        vi: 'Tổng tiết kiệm "trên 15,08 tỷ đồng" nhưng các khoản 5,778 + 0,606 + 0,122 + 9,3 = 15,806 tỷ.',
        en: 'Savings total "over 15.08 billion VND" while the items 5.778 + 0.606 + 0.122 + 9.3 sum to 15.806 billion.',
      },
    ],
  },
  {
    prefix: '002',
    slug: '002-tinh-soc-trang-cchc-2016',
    title: 'Báo cáo tình hình thực hiện công tác cải cách hành chính năm 2016 – tỉnh Sóc Trăng',
    issuer: {
      vi: 'UBND tỉnh Sóc Trăng (TM. UBND, Chủ tịch ký), gửi Bộ Nội vụ; bản quét có dấu "ĐẾN" ngày 13.12.16 của Sở Nội vụ',
      en: 'Sóc Trăng Provincial People’s Committee (signed by the Chairman), to the Ministry of Home Affairs; scanned copy with the Department of Home Affairs’ "received 13.12.16" stamp',
    },
    period: { vi: 'Năm 2016 (số liệu đến 28/11–01/12/2016), phương hướng năm 2017', en: '2016 (figures up to 28 Nov–1 Dec 2016), with 2017 priorities' },
    documentKind: {
      vi: 'Báo cáo CCHC năm cấp tỉnh; chú thích cuối trang (¹–⁸) nằm xen giữa các đoạn do OCR',
      en: 'Provincial annual reform report; OCR left footnotes ¹–⁸ between paragraphs',
    },
    keyFigures: ['32/38', '84,21%', '1.756', '1.309', '276', '171', '853.793', '845.938/846.314', '89,39%', '1.570/1.756', '89,41%', '2.245', '918/1.146', '80,10%', '13/29', '41,93%', '3.035'],
    tableCount: 0,
    quirks: [
      {
        vi: '845.938/846.314 hồ sơ đúng hạn là 99,96% chứ không phải 89,39%.',
        en: '845,938 of 846,314 files on time is 99.96%, not the stated 89.39%.',
      },
      { vi: '13/29 đơn vị là 44,83%, không phải 41,93% (13/31).', en: '13 of 29 units is 44.83%, not 41.93% (which is 13/31).' },
      { vi: 'Hai mục cùng đánh số "II." (Kết quả thực hiện; Đánh giá chung).', en: 'Two sections are both numbered "II.".' },
      {
        vi: 'Nghị định số 16/2015/NĐ-CP được ghi "ngày 25/4/2006" ở mục 5.2.',
        en: 'Decree 16/2015/NĐ-CP is dated "25/4/2006" in section 5.2.',
      },
    ],
  },
  {
    prefix: '003',
    slug: '003-xa-quang-ngan-cchc-2011-2020',
    title: 'Báo cáo tổng kết Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020 – xã Quảng Ngạn',
    issuer: {
      vi: 'UBND xã Quảng Ngạn, tỉnh Thừa Thiên Huế; Báo cáo số 17/BC-UBND ngày 29/4/2020, Chủ tịch Nguyễn Chiến ký',
      en: 'Quảng Ngạn Commune People’s Committee, Thừa Thiên Huế province; report No. 17/BC-UBND of 29 April 2020, signed by Chairman Nguyễn Chiến',
    },
    period: {
      vi: 'Giai đoạn 2011–2020 (phụ lục: 2015 đến 31/3/2020), định hướng 2021–2030',
      en: '2011–2020 (appendices: 2015 to 31 Mar 2020), with 2021–2030 orientation',
    },
    documentKind: {
      vi: 'Báo cáo tổng kết cấp xã, có Phụ lục 1, 2, 3, 5, 6, 8 dạng bảng (bảng bị ngắt trang lặp lại tiêu đề cột)',
      en: 'Commune-level final review with appendix tables 1, 2, 3, 5, 6 and 8 (tables split across pages repeat their header)',
    },
    keyFigures: ['17/BC-UBND', '150', '455', '2.090', '537', '498', '134', '19', '251', '38,24%', '99,14', '96,42', '94,53', '95,4', '174', '162'],
    tableCount: 10,
    quirks: [
      {
        vi: 'Tổng số 24 cán bộ, công chức nhưng trình độ chuyên môn 19 + 03 + 03 = 25.',
        en: '24 officials in total, yet the qualification breakdown 19 + 3 + 3 gives 25.',
      },
      {
        vi: 'Lời văn: 134 TTHC một cửa và 19 TTHC liên thông; Phụ lục 3 năm 2020: 123 và 39.',
        en: 'The text gives 134 one-stop and 19 inter-linked procedures; Appendix 3 (2020) gives 123 and 39.',
      },
      {
        vi: 'Hai lần "Phần thứ I"; không có Phụ lục 4 và 7; mục III nhảy từ 2 sang 4.',
        en: '"Phần thứ I" appears twice; Appendices 4 and 7 are missing; section III jumps from 2 to 4.',
      },
    ],
  },
  {
    prefix: '004',
    slug: '004-huyen-bac-binh-cchc-2022',
    title: 'Bắc Bình: cải cách hành chính một năm nhìn lại',
    issuer: {
      vi: 'Trung tâm Văn hóa Thông tin và Thể thao huyện Bắc Bình (với Phòng Nội vụ), tỉnh Bình Thuận; thực hiện tháng 03/2023',
      en: 'Bắc Bình District Culture, Information and Sports Centre (with the Home Affairs Office), Bình Thuận province; produced March 2023',
    },
    period: { vi: 'Năm 2022 (xếp loại năm 2021), phương hướng năm 2023', en: '2022 (2021 ratings), with 2023 priorities' },
    documentKind: {
      vi: 'Kịch bản phóng sự truyền hình chiếu tại hội nghị tổng kết CCHC 2022; còn giữ chữ của khung trang web',
      en: 'TV report script shown at the 2022 reform review meeting; website chrome text kept',
    },
    keyFigures: ['21.196', '18.642/21.196', '87,95%', '4.201', '22,54%', '2.553', '20.019', '17.108/20.019', '85,45%', '14.441/18.642', '77,46%', '12.262/17.108', '339', '1.779', '1.591/2.088', '9.400/9.400'],
    tableCount: 0,
    quirks: [
      {
        vi: 'Cấp huyện: đã giải quyết 18.642 + đang giải quyết 2.553 = 21.195, không phải 21.196 hồ sơ đã tiếp nhận.',
        en: 'District level: 18,642 resolved + 2,553 pending = 21,195, one short of the 21,196 received.',
      },
      {
        vi: 'Cấp xã: đúng hẹn 4.845 + quá hạn 12.262 = 17.107, không phải 17.108 hồ sơ đã giải quyết.',
        en: 'Commune level: 4,845 on time + 12,262 late = 17,107, not the 17,108 resolved.',
      },
      {
        vi: 'Câu "đạt mức độ hài lòng" bị cụt, không có con số.',
        en: 'The sentence "đạt mức độ hài lòng" (satisfaction reached …) is cut off without a figure.',
      },
    ],
  },
];

/** Name for a seed the catalog does not know, so `--seeds` can point at new material. */
export function fallbackSample(prefix: string): SeedSample {
  return {
    prefix,
    slug: `${prefix}-bao-cao`,
    title: `Báo cáo ${prefix}`,
    issuer: { vi: 'Chưa xác định', en: 'Not identified' },
    period: { vi: 'Chưa xác định', en: 'Not identified' },
    documentKind: { vi: 'Chưa phân loại', en: 'Not classified' },
    keyFigures: [],
    tableCount: 0,
    quirks: [],
  };
}

export function sampleForPrefix(prefix: string): SeedSample {
  return SEED_SAMPLES.find((sample) => sample.prefix === prefix) ?? fallbackSample(prefix);
}
