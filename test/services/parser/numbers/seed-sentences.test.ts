// Sentences quoted from the five seed reports (/work/shared/seeds), with every token they
// should yield. Quoted here so the suite needs no seed files; `seed-coverage.test.ts` runs the
// whole reports.
import { describe, expect, it } from 'vitest';
import { tokenizeNumbers } from '../../../../services/parser/numbers/index.ts';
import { contractViolations, kindsOf } from './token-helpers.ts';

describe('seed 001 (huyện, CCHC 2019)', () => {
  it('04 cuộc đối thoại … 44/44 ý kiến', () => {
    const text = 'Ủy ban nhân dân huyện tổ chức 04 cuộc đối thoại với người dân và doanh nghiệp về thủ tục hành chính, qua đó tiếp nhận và giải quyết 44/44 ý kiến phản ánh, kiến nghị của người dân và doanh nghiệp.';
    expect(tokenizeNumbers(text)).toMatchObject([
      { kind: 'quantity', raw: '04', value: 4, decimals: 0 },
      { kind: 'ratio', raw: '44/44', numerator: 44, denominator: 44 },
    ]);
  });

  it('54.599 hồ sơ (cấp huyện 10.289, cấp xã 44.310) … 99,99% … 99,7% … 100%', () => {
    const text = 'Áp dụng cơ chế “một cửa” và “một cửa liên thông”, cấp huyện và cấp xã đã tiếp nhận và giải quyết 54.599 hồ sơ (cấp huyện 10.289 hồ sơ, cấp xã 44.310 hồ sơ) trên các lĩnh vực như: tư pháp-hộ tịch, chứng thực, thi đua-khen thưởng, đăng ký kinh doanh, tài nguyên và môi trường, xây dựng, lao động-thương binh và xã hội,..., với tỷ lệ giải quyết sớm và đúng hẹn đạt 99,99% và mức độ hài lòng của tổ chức, cá nhân được đánh giá bằng hệ thống máy đánh giá ở cấp huyện đạt 99,7% và đánh giá bằng phiếu đánh giá ở cấp xã đạt 100%.';
    expect(tokenizeNumbers(text).map((t) => [t.kind, t.value, t.decimals])).toEqual([
      ['quantity', 54599, 0], ['quantity', 10289, 0], ['quantity', 44310, 0],
      ['percent', 99.99, 2], ['percent', 99.7, 1], ['percent', 100, 0],
    ]);
  });

  it('trên 15,08 tỷ đồng … 10% … 5,778 tỷ … 606 triệu … 122 triệu … 9,3 tỷ', () => {
    const text = 'Đối với khâu cải cách tài chính công, việc thực hành tiết kiệm, chống lãng phí được tăng cường thực hiện đồng bộ trên tất các lĩnh vực, với tổng số tiền tiết kiệm được trên 15,08 tỷ đồng. Trong đó, tiết kiệm 10% dự toán chi thường xuyên 5,778 tỷ đồng; tiết kiệm kinh phí chi hội nghị, tiếp khách, công tác phí,... 606 triệu đồng; tiết kiệm kinh phí mua sắm tập trung 122 triệu đồng; tiết kiệm kinh phí trên lĩnh vực đầu tư xây dựng 9,3 tỷ đồng.';
    const tokens = tokenizeNumbers(text);
    expect(tokens[0]).toMatchObject({ kind: 'money', raw: '15,08 tỷ đồng', value: 15_080_000_000, decimals: 2, scale: 'tỷ', currency: 'VND', qualifier: 'above' });
    expect(text.slice(tokens[0]!.qualifierSpan!.start, tokens[0]!.qualifierSpan!.end)).toBe('trên');
    expect(tokens.slice(1).map((t) => [t.kind, t.value, t.qualifier])).toEqual([
      ['percent', 10, undefined],
      ['money', 5_778_000_000, undefined],
      ['money', 606_000_000, undefined],
      ['money', 122_000_000, undefined],
      ['money', 9_300_000_000, undefined],
    ]);
  });

  it('Nghị định 108/2014/NĐ-CP … ngày 20/11/2014 … 82 người', () => {
    const text = 'Thực hiện chế độ tinh giản biên chế theo tinh thần Nghị định 108/2014/NĐ-CP của Chính phủ và Nghị định 113/2018/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 108/2014/NĐ-CP ngày 20/11/2014 của Chính phủ đối với 82 người.';
    expect(kindsOf(text)).toEqual([
      'document-number:108/2014/NĐ-CP', 'document-number:113/2018/NĐ-CP', 'document-number:108/2014/NĐ-CP',
      'date:20/11/2014', 'quantity:82',
    ]);
  });

  it('mức độ 3, mức độ 4 là 260 thủ tục, tăng 6,5% so với năm 2018 … 267 thủ tục … TCVN 9001:2015', () => {
    const text = 'Tổng số thủ tục cung cấp dịch vụ công trực tuyến ở mức độ 3, mức độ 4 là 260 thủ tục, tăng 6,5% so với năm 2018 và số thủ tục cung cấp dịch vụ bưu chính công ích là 267 thủ tục. Hệ thống quản lý chất lượng theo tiêu chuẩn ISO được duy trì, cải tiến, với việc triển khai áp dụng ISO điện tử TCVN 9001:2015 ngày càng đem lại hiệu quả.';
    expect(kindsOf(text)).toEqual([
      'level-list:mức độ 3, mức độ 4', 'quantity:260', 'percent:6,5%', 'year:2018', 'quantity:267', 'standard:TCVN 9001:2015',
    ]);
  });

  it('giai đoạn 2014-2018, với 38 văn bản … (gồm 10 nghị quyết, 28 quyết định) … 20% trở lên … 17 thủ tục', () => {
    expect(kindsOf('ban hành trong giai đoạn 2014-2018, với 38 văn bản của cấp huyện (gồm 10 nghị quyết, 28 quyết định) và 54 nghị quyết của cấp xã')).toEqual([
      'year-range:2014-2018', 'quantity:38', 'quantity:10', 'quantity:28', 'quantity:54',
    ]);
    const cut = tokenizeNumbers('Thực hiện cắt giảm 20% trở lên thời gian giải quyết đối với 17 thủ tục hành chính');
    expect(cut).toMatchObject([{ kind: 'percent', value: 20, qualifier: 'at-least' }, { kind: 'quantity', value: 17 }]);
  });
});

describe('seed 002 (tỉnh Sóc Trăng, CCHC 2016)', () => {
  it('ngày 28/11/2016 … 853.793 hồ sơ … 845.938/846.314 … 89,39% … năm 2015 … TCVN ISO 9001:2008', () => {
    const text = 'Tính đến ngày 28/11/2016, toàn tỉnh đã tiếp nhận 853.793 hồ sơ TTHC. Kết quả có 845.938/846.314 hồ sơ đã được giải quyết đúng hạn, đạt tỷ lệ 89,39%. So với năm 2015, tỉ lệ hồ sơ giải quyết trễ hạn giảm, do việc áp dụng hệ thống QLCL theo tiêu chuẩn quốc gia TCVN ISO 9001:2008 và ứng dụng CNTT vào giải quyết hồ sơ TTHC và thực hiện cơ chế một cửa, cơ chế một cửa liên thông trong tiếp nhận và giải quyết hồ sơ, TTHC.';
    expect(tokenizeNumbers(text)).toMatchObject([
      { kind: 'date', raw: '28/11/2016', date: { day: 28, month: 11, year: 2016 } },
      { kind: 'quantity', raw: '853.793', value: 853793, decimals: 0 },
      { kind: 'ratio', raw: '845.938/846.314', numerator: 845938, denominator: 846314 },
      { kind: 'percent', raw: '89,39%', value: 89.39, decimals: 2 },
      { kind: 'year', raw: '2015', value: 2015 },
      { kind: 'standard', raw: 'TCVN ISO 9001:2008', value: 9001 },
    ]);
  });

  it('32/38 phần việc, đạt tỷ lệ 84,21%', () => {
    const text = 'Trong đó, tinh xác định rõ 6 nhiệm vụ với 38 phần việc cần thực hiện trong năm, phân công cụ thể đơn vị triển khai thực hiện từng nhiệm vụ. Tính đến nay, tỉnh đã triển khai thực hiện có hiệu quả 32/38 phần việc, đạt tỷ lệ 84,21%.';
    expect(tokenizeNumbers(text)).toMatchObject([
      { kind: 'quantity', value: 6 },
      { kind: 'quantity', value: 38 },
      { kind: 'ratio', raw: '32/38', numerator: 32, denominator: 38 },
      { kind: 'percent', raw: '84,21%', value: 84.21, decimals: 2 },
    ]);
  });

  it('giai đoạn 2011 - 2020 và Công văn số 207/BNV-CCHC ngày 11/01/2012 … Kế hoạch số 82/KH-UBND ngày 25/12/2015 … năm 2016', () => {
    const text = 'Căn cứ Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020 và Công văn số 207/BNV-CCHC ngày 11/01/2012 của Bộ trưởng Bộ Nội vụ về việc hướng dẫn triển khai Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011 - 2020, Ủy ban nhân dân tỉnh Sóc Trăng đã ban hành Kế hoạch số 82/KH-UBND ngày 25/12/2015 về thực hiện cải cách hành chính năm 2016.';
    expect(kindsOf(text)).toEqual([
      'year-range:2011 - 2020', 'document-number:207/BNV-CCHC', 'date:11/01/2012', 'year-range:2011 - 2020',
      'document-number:82/KH-UBND', 'date:25/12/2015', 'year:2016',
    ]);
  });

  it('the report header: Số: 106.80. … ĐẾN Ngày: 13.12.16', () => {
    const text = 'BÁO CÁO\n\nSố: 106.80. Tỉnh hình thực hiện công tác cải cách hành chính năm 2016\nĐẾN Ngày: 13.12.16\nChuyên: 9\n';
    expect(kindsOf(text)).toEqual(['document-number:106.80', 'year:2016', 'date:13.12.16', 'quantity:9']);
  });

  it('12/12⁴ đơn vị and 13/29⁵ đơn vị: ratios with their footnote markers apart', () => {
    expect(kindsOf('UBND tỉnh đã tiến hành kiểm tra về tình hình tổ chức bộ máy tại 10/10 đơn vị (lồng ghép vào Kế hoạch kiểm tra CCHC) và thanh tra, kiểm tra tại 12/12⁴ đơn vị sở ngành, cấp huyện và cấp xã, đạt 100% kế hoạch đề ra.')).toEqual([
      'ratio:10/10', 'ratio:12/12', 'footnote:⁴', 'percent:100%',
    ]);
    expect(kindsOf('có 13/29⁵ đơn vị hành chính đã hoàn thiện nội dung Đề án và triển khai thực hiện phân công bố trí công chức theo đúng vị trí việc làm, đạt tỷ lệ 41,93%.')).toEqual([
      'ratio:13/29', 'footnote:⁵', 'percent:41,93%',
    ]);
  });

  it('trẻ em dưới 6 tuổi tại 16/16 UBND cấp xã, đạt 100%', () => {
    const text = 'cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi tại 16/16 UBND cấp xã, đạt 100% kế hoạch đề ra.';
    expect(tokenizeNumbers(text)).toMatchObject([
      { kind: 'quantity', value: 6, qualifier: 'below' },
      { kind: 'ratio', numerator: 16, denominator: 16 },
      { kind: 'percent', value: 100 },
    ]);
  });

  it('Quyết định số 225/QĐ-TTg ngày 04/02/2016 … giai đoạn 2016 - 2020 … Kế hoạch số 48/KH-UBND ngày 04/7/2016 … 06 nhiệm vụ … 12 đề án', () => {
    const text = 'Bên cạnh đó, thực hiện Quyết định số 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng Chính phủ phê duyệt Kế hoạch cải cách hành chính nhà nước giai đoạn 2016 - 2020, tỉnh Sóc Trăng đã ban hành Kế hoạch số 48/KH-UBND ngày 04/7/2016 thực hiện Chương trình tổng thể công tác cải cách hành chính tỉnh Sóc Trăng, giai đoạn 2016 - 2020. Kế hoạch nêu rõ 06 nhiệm vụ CCHC với 12 đề án, kế hoạch, phân công cụ thể đơn vị phụ trách xây dựng đề án, kế hoạch và tiến độ thực hiện.';
    expect(kindsOf(text)).toEqual([
      'document-number:225/QĐ-TTg', 'date:04/02/2016', 'year-range:2016 - 2020', 'document-number:48/KH-UBND', 'date:04/7/2016',
      'year-range:2016 - 2020', 'quantity:06', 'quantity:12',
    ]);
  });
});

describe('seed 003 (xã Quảng Ngạn, 2011–2020)', () => {
  it('Số: 17/BC-UBND … ngày 29 tháng 4 năm 2020 … giai đoạn 2011 - 2020 … 2021 - 2030 … Phần thứ I … I.', () => {
    const text = 'Số: 17/BC-UBND\n\nQuảng Ngạn, ngày 29 tháng 4 năm 2020\n\n## **BÁO CÁO**\n\n**Tổng kết Chương trình tổng thể cải cách hành chính nhà nước  \ngiai đoạn 2011 - 2020, định hướng giai đoạn 2021 - 2030 của xã Quảng Ngạn**\n\n### **Phần thứ I**\n\n## **TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH TỔNG THỂ CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC GIAI ĐOẠN 2011 - 2020**\n\n### **I. TÌNH HÌNH TRIỂN KHAI**\n\n#### **1. Công tác chỉ đạo, điều';
    expect(kindsOf(text)).toEqual([
      'document-number:17/BC-UBND', 'date:ngày 29 tháng 4 năm 2020', 'year-range:2011 - 2020', 'year-range:2021 - 2030',
      'ordinal:Phần thứ I', 'year-range:2011 - 2020', 'section-number:I.', 'section-number:1.',
    ]);
  });

  it('Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 … giai đoạn 2011-2020 … Quyết định số 639/QĐ-UBND ngày 31/3/2016 … 02-NQ/TU', () => {
    const text = 'Nghị quyết số 30c/NQ-CP ngày 08 tháng 11 năm 2011 của Chính phủ ban hành Chương trình tổng thể CCHC nhà nước giai đoạn 2011-2020, Nghị quyết số 76/NQ-CP ngày 13 tháng 6 năm 2013 về việc sửa đổi bổ sung một số điều của Nghị quyết số 30c/NQ-CP, Chỉ thị số 07/CT-TTg ngày 22 tháng 5 năm 2013 của Thủ tướng Chính phủ về việc đẩy mạnh thực hiện Chương trình tổng thể CCHC Nhà nước giai đoạn 2011-2020; Quyết định số 639/QĐ-UBND ngày 31/3/2016 của UBND tỉnh Thừa Thiên Huế về ban hành Kế hoạch Cải cách hành chính nhà nước giai đoạn 2016-2020; Quyết định số 2374/QĐ-UBND ngày 08/10/2016 của UBND tỉnh Thừa Thiên Huế ban hành Chương trình hành động thực hiện Nghị quyết số 02-NQ/TU ngày 20/7/2016 của Tỉnh ủy';
    expect(kindsOf(text)).toEqual([
      'document-number:30c/NQ-CP', 'date:ngày 08 tháng 11 năm 2011', 'year-range:2011-2020',
      'document-number:76/NQ-CP', 'date:ngày 13 tháng 6 năm 2013', 'document-number:30c/NQ-CP',
      'document-number:07/CT-TTg', 'date:ngày 22 tháng 5 năm 2013', 'year-range:2011-2020',
      'document-number:639/QĐ-UBND', 'date:31/3/2016', 'year-range:2016-2020',
      'document-number:2374/QĐ-UBND', 'date:08/10/2016', 'document-number:02-NQ/TU', 'date:20/7/2016',
    ]);
  });

  it('trước 30/12 của năm trước; 150 tin/bài, 13 buổi … khoảng 455 lượt', () => {
    expect(kindsOf('chỉ đạo công chức phụ trách xây dựng kế hoạch trước 30/12 của năm trước để triển khai')).toEqual(['date:30/12']);
    const text = 'đã đăng tải trên trang thông tin điện tử của xã 150 tin/bài, 13 buổi tuyên truyền tại các buổi phổ biến pháp luật với khoảng 455 lượt người tham gia.';
    expect(tokenizeNumbers(text)).toMatchObject([
      { kind: 'quantity', value: 150 },
      { kind: 'quantity', value: 13 },
      { kind: 'quantity', value: 455, qualifier: 'approx' },
    ]);
  });

  it('a table row under year headers, and its (Tính đến 31/3)', () => {
    const text = '5.\tKết quả giải quyết hồ sơ TTHC\t\t\t\t\t\t\n\nSTT\tChỉ tiêu\tCác đơn vị, địa phương thuộc\t\t\t\t\t\n\t\tNăm 2015\tNăm 2016\tNăm 2017\tNăm 2018\tNăm 2019\tNăm 2020 (Tính đến 31/3)\n-\t<i>Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hạn (đã tiếp nhận/đã trả đúng hạn)</i>\t\t\t\t\t\t\n-\t<i>Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hạn (đã tiếp nhận/đã trả đúng hạn)</i>\t100\t100\t100\t99,14\t96,42\t94,53\n6.\tTiếp nhận và xử lý PAKN về TTHC\t0\t0\t0\t0\t0\t0';
    expect(kindsOf(text)).toEqual([
      'section-number:5.',
      'year:2015', 'year:2016', 'year:2017', 'year:2018', 'year:2019', 'year:2020', 'date:31/3',
      'quantity:100', 'quantity:100', 'quantity:100', 'quantity:99,14', 'quantity:96,42', 'quantity:94,53',
      'section-number:6.', 'quantity:0', 'quantity:0', 'quantity:0', 'quantity:0', 'quantity:0', 'quantity:0',
    ]);
  });

  it('TCVN ISO 9001:2008, 9001:2015 and ISO: 9001-2008', () => {
    expect(kindsOf('theo tiêu chuẩn TCVN ISO 9001:2008, 9001:2015 tại UBND xã đã và đang')).toEqual(['standard:TCVN ISO 9001:2008', 'standard:9001:2015']);
    expect(kindsOf('Năm 2016, được Chương trình Luxembua hỗ trợ UBND xã đã xây dựng hệ thống quản lý chất lượng theo Tiêu chuẩn ISO: 9001-2008 áp dụng trong hoạt động của UBND xã gồm 13 lĩnh vực, 120 quy trình tác nghiệp của 168 thủ tục hành chính')).toEqual([
      'year:2016', 'standard:ISO: 9001-2008', 'quantity:13', 'quantity:120', 'quantity:168',
    ]);
  });
});

describe('seed 004 (huyện Bắc Bình, CCHC 2022)', () => {
  it('21.196 hồ sơ … 18.642/21.196 … 87,95% … 4.201 … 22,54% … 2.553 … 12,05%', () => {
    const text = 'Bộ phận Một cửa huyện đã tiếp nhận 21.196 hồ sơ, trong đó: Đã giải quyết: 18.642/21.196 hồ sơ đạt tỷ lệ 87,95%, Giải quyết đúng hẹn 4.201 hồ sơ, đạt tỷ lệ 22,54%; \u00a0Đang giải quyết 2.553 hồ sơ, \u00a0đạt tỷ lệ 12,05%.';
    expect(tokenizeNumbers(text).map((t) => [t.kind, t.raw, t.value ?? `${t.numerator}/${t.denominator}`])).toEqual([
      ['quantity', '21.196', 21196],
      ['ratio', '18.642/21.196', '18642/21196'],
      ['percent', '87,95%', 87.95],
      ['quantity', '4.201', 4201],
      ['percent', '22,54%', 22.54],
      ['quantity', '2.553', 2553],
      ['percent', '12,05%', 12.05],
    ]);
  });

  it('Kế hoạch số 23 ngày 26/01/2022 … năm 2022', () => {
    const text = 'UBND huyện ban hành Kế hoạch\u00a0 số 23 ngày 26/01/2022 về theo dõi tình hình thi hành pháp luật trên địa bàn huyện Bắc Bình năm 2022;';
    expect(kindsOf(text)).toEqual(['document-number:23', 'date:26/01/2022', 'year:2022']);
  });

  it('ngày 13 tháng 11 năm 2020; Nghị định số 118 ngày 23/12/2021 … 12 phòng … 18 xã', () => {
    const text = 'Luật Xử lý vi phạm hành chính ngày 13 tháng 11 năm 2020; Nghị định số 118 ngày 23/12/2021 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật xử lý vi phạm hành chính đến 12 phòng chuyên môn thuộc huyện và 18 xã, thị trấn trên địa bàn huyện.';
    expect(kindsOf(text)).toEqual(['date:ngày 13 tháng 11 năm 2020', 'document-number:118', 'date:23/12/2021', 'quantity:12', 'quantity:18']);
  });

  it('mức độ 3,4 … Hộ tịch 03 thủ tục; … Đất đai 02 thủ tục', () => {
    const text = 'Chuyển thủ tục hành chính thực hiện dịch vụ công trực tuyến mức độ 3,4 đối với các lĩnh vực: Hộ tịch 03 thủ tục; Bảo trợ xã hội 01 thủ tục; Thi đua - Khen thưởng 01 thủ tục; Tổ chức chính phủ 01 thủ tục; Đất đai 02 thủ tục.';
    expect(kindsOf(text)).toEqual(['level-list:mức độ 3,4', 'quantity:03', 'quantity:01', 'quantity:01', 'quantity:01', 'quantity:02']);
  });

  it('1.779 viên chức … 188/204 … 1.591/2.088 … Nghị định 68 là 119 trường hợp', () => {
    const text = 'Đến nay cấp huyện đã bố trí 88 cán bộ, công chức của các phòng chuyên môn thuộc huyện; 1.779 \u00a0viên chức, người làm việc tại các đơn vị sự nghiệp công lập, trong đó 188/204 sự nghiệp hành chính, 1.591/2.088 sự nghiệp giáo dục, hợp đồng theo Nghị định 68 là 119 trường hợp.';
    expect(kindsOf(text)).toEqual([
      'quantity:88', 'quantity:1.779', 'ratio:188/204', 'ratio:1.591/2.088', 'document-number:68', 'quantity:119',
    ]);
  });

  it('nhiệm kỳ 2021 - 2026 and giai đoạn 2021- 2025', () => {
    expect(kindsOf('UBND huyện ban hành Quyết định số 8080 ngày 11/10/2021 về ban hành Quy chế làm việc của Ủy ban nhân dân huyện Bắc Bình, nhiệm kỳ 2021 - 2026.')).toEqual([
      'document-number:8080', 'date:11/10/2021', 'year-range:2021 - 2026',
    ]);
    expect(kindsOf('Kế hoạch số 197 ngày 25/12/2020 về xây dựng đội ngũ cán bộ, công chức trong cơ quan hành chính giai đoạn 2021- 2025')).toEqual([
      'document-number:197', 'date:25/12/2020', 'year-range:2021- 2025',
    ]);
  });

  it('the site footer: counters with space separators, ipv6', () => {
    const text = 'Thống kê truy cập\n  • Đang truy cập: 0\n  • Hôm nay: 43\n  • Trong tuần: 8 340\n  • Tháng hiện tại: 30 278\n  • Tổng lượt truy cập: 1156252\nĐăng nhập\nipv6 ready Chung nhan Tin Nhiem Mang';
    const tokens = tokenizeNumbers(text);
    expect(tokens.map((t) => [t.kind, t.raw, t.value])).toEqual([
      ['quantity', '0', 0], ['quantity', '43', 43], ['quantity', '8 340', 8340], ['quantity', '30 278', 30278],
      ['quantity', '1156252', 1156252], ['code', 'ipv6', undefined],
    ]);
    expect(contractViolations(text, tokens)).toEqual([]);
  });
});

describe('seed 000 (huyện A Lưới, 2011–2020)', () => {
  it('Trong 10 năm qua … 73 văn bản … 432 văn bản … 16 văn bản', () => {
    const text = 'Trong 10 năm qua, Hội đồng nhân dân và Ủy ban nhân dân huyện đã ban hành 73 văn bản QPPL; đồng thời, đã tiến hành rà soát 432 văn bản, trong đó: đề nghị sửa đổi, bổ sung, thay thế là 16 văn bản.';
    expect(kindsOf(text)).toEqual(['quantity:10', 'quantity:73', 'quantity:432', 'quantity:16']);
  });

  it('hết ngày 15/4/2020 … đạt 1.313 hồ sơ (… năm 2019 và quý I/2020)', () => {
    const text = 'Tổng số lượng nhận, chuyển trả kết quả qua dịch vụ bưu chính công ích đến hết ngày 15/4/2020 trên địa bàn huyện đạt 1.313 hồ sơ (chủ yếu phát sinh trong năm 2019 và quý I/2020).';
    expect(tokenizeNumbers(text)).toMatchObject([
      { kind: 'date', raw: '15/4/2020' },
      { kind: 'quantity', raw: '1.313', value: 1313 },
      { kind: 'year', raw: '2019' },
      { kind: 'period', raw: 'quý I/2020', period: '2020-Q1' },
    ]);
  });

  it('cử hơn 2.300 lượt CBCCVC', () => {
    expect(tokenizeNumbers('Trong những năm qua, UBND huyện đã cử hơn 2.300 lượt CBCCVC đi đào tạo')).toMatchObject([
      { kind: 'quantity', value: 2300, qualifier: 'above' },
    ]);
  });

  it('mức độ 3, 4 … 194 thủ tục; TCVN ISO 9001:2008, ISO 9001: 2015', () => {
    expect(kindsOf('cung ứng dịch vụ công mức độ 3, 4 bằng nhiều giải pháp đạt hiệu quả. Đã triển khai dịch vụ bưu chính công ích đối với 194 thủ tục hành chính')).toEqual([
      'level-list:mức độ 3, 4', 'quantity:194',
    ]);
    expect(kindsOf('c) Tình hình triển khai hệ thống quản lý chất lượng phù hợp Tiêu chuẩn quốc gia TCVN ISO 9001:2008, ISO 9001: 2015 tại các cơ quan')).toEqual([
      'section-number:c)', 'standard:TCVN ISO 9001:2008', 'standard:ISO 9001: 2015',
    ]);
  });

  it('cấp huyện đang cung cấp 365 thủ tục … 102 thủ tục mức độ 2, 101 thủ tục mức độ 3 và 159 thủ tục mức độ 4', () => {
    const text = 'Tính đến thời điểm hiện tại, cấp huyện đang cung cấp 365 thủ tục hành chính, trong đó 102 thủ tục cung cấp mức độ 2, 101 thủ tục mức độ 3 và 159 thủ tục cung cấp mức độ 4.';
    expect(kindsOf(text)).toEqual([
      'quantity:365', 'quantity:102', 'level-list:mức độ 2', 'quantity:101', 'level-list:mức độ 3', 'quantity:159', 'level-list:mức độ 4',
    ]);
  });
});
