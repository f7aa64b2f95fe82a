import { describe, expect, it } from 'vitest';
import { parseIndicatorCatalog } from '../../../../schemas/indicators/catalog.ts';
import { compileCatalog } from '../../../../services/parser/indicators/indicator-index.ts';
import { MATCH_THRESHOLD, matchIndicator, rankIndicators, type IndicatorContext } from '../../../../services/parser/indicators/indicator-matcher.ts';

const code = (context: IndicatorContext): string | undefined => matchIndicator(context)?.code;

describe('matchIndicator on phrases from the seed reports', () => {
  it.each<[string, IndicatorContext, string]>([
    // 001
    ['37 thủ tục mới ban hành', { label: 'mới ban hành', noun: 'thủ tục' }, 'tthc.new'],
    ['37 thủ tục được sửa đổi, bổ sung', { label: 'được sửa đổi, bổ sung', noun: 'thủ tục' }, 'tthc.amended'],
    ['27 thủ tục được thay thế', { label: 'được thay thế', noun: 'thủ tục' }, 'tthc.replaced'],
    ['33 thủ tục bị bãi bỏ, hủy bỏ', { label: 'bị bãi bỏ, hủy bỏ', noun: 'thủ tục' }, 'tthc.abolished'],
    ['445 thủ tục hành chính được cập nhật và niêm yết công khai', { label: 'được cập nhật và niêm yết công khai', noun: 'thủ tục hành chính' }, 'tthc.published'],
    ['cắt giảm 20% trở lên thời gian giải quyết đối với 17 thủ tục', { label: 'cắt giảm 20% trở lên thời gian giải quyết đối với', noun: 'thủ tục hành chính', kind: 'count' }, 'tthc.time_cut'],
    ['tổ chức 04 cuộc đối thoại', { label: 'Ủy ban nhân dân huyện tổ chức', noun: 'cuộc đối thoại' }, 'dialogue.count'],
    ['tiếp nhận và giải quyết 44/44 ý kiến phản ánh, kiến nghị', { label: 'qua đó tiếp nhận và giải quyết', noun: 'ý kiến phản ánh, kiến nghị', kind: 'ratio' }, 'feedback.received'],
    ['đã tiếp nhận và giải quyết 54.599 hồ sơ', { label: 'cấp huyện và cấp xã đã tiếp nhận và giải quyết', noun: 'hồ sơ' }, 'hoso.received'],
    ['tỷ lệ giải quyết sớm và đúng hẹn đạt 99,99%', { label: 'tỷ lệ giải quyết sớm và đúng hẹn', kind: 'rate' }, 'hoso.rate_on_time'],
    ['mức độ hài lòng … đạt 99,7%', { label: 'mức độ hài lòng của tổ chức, cá nhân được đánh giá bằng hệ thống máy đánh giá ở cấp huyện', kind: 'rate' }, 'satisfaction.rate'],
    ['99,9% hồ sơ được tiếp nhận và xử lý sớm và đúng hạn', { label: 'hồ sơ được tiếp nhận và xử lý sớm và đúng hạn', kind: 'share' }, 'hoso.rate_on_time'],
    ['tổng số tiền tiết kiệm được trên 15,08 tỷ đồng', { label: 'tổng số tiền tiết kiệm được', kind: 'money' }, 'finance.savings'],
    ['260 thủ tục cung cấp dịch vụ công trực tuyến ở mức độ 3, mức độ 4', { label: 'Tổng số thủ tục cung cấp dịch vụ công trực tuyến ở mức độ 3, mức độ 4', noun: 'thủ tục' }, 'dvc.level34'],
    ['91,87% cán bộ chuyên trách … đạt chuẩn', { label: 'cán bộ chuyên trách, 100% công chức đạt chuẩn theo quy định', kind: 'share' }, 'staff.rate_standard'],
    // 002
    ['toàn tỉnh đã tiếp nhận 853.793 hồ sơ TTHC', { label: 'toàn tỉnh đã tiếp nhận', noun: 'hồ sơ TTHC' }, 'hoso.received'],
    ['845.938/846.314 hồ sơ đã được giải quyết đúng hạn', { label: 'hồ sơ đã được giải quyết đúng hạn', kind: 'ratio' }, 'hoso.rate_on_time'],
    ['1.756 TTHC được áp dụng trên địa bàn tỉnh', { label: 'toàn tỉnh có', noun: 'TTHC được áp dụng trên địa bàn tỉnh' }, 'tthc.total'],
    ['276 TTHC áp dụng tại cấp huyện', { label: 'TTHC áp dụng tại cấp huyện', noun: 'TTHC' }, 'tthc.level.district'],
    ['rà soát tổng số 987 văn bản QPPL', { label: 'tỉnh đã thực hiện rà soát tổng số', noun: 'văn bản QPPL' }, 'vbqppl.reviewed'],
    ['tự kiểm tra 36/36 Quyết định của UBND tỉnh', { label: 'tỉnh đã thực hiện tự kiểm tra', noun: 'Quyết định', kind: 'ratio' }, 'vbqppl.self_checked'],
    ['23 văn bản QPPL … có dấu hiệu chưa phù hợp pháp luật', { label: 'có dấu hiệu chưa phù hợp pháp luật', noun: 'văn bản QPPL' }, 'vbqppl.unlawful'],
    ['43/43 cơ quan … đã áp dụng và công bố Hệ thống quản lý chất lượng', { label: 'đã áp dụng và công bố Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN 9001:2008', noun: 'cơ quan, đơn vị', kind: 'ratio' }, 'it.iso_units'],
    ['95% cán bộ … sử dụng thư điện tử', { label: 'cán bộ, công chức, viên chức sử dụng thư điện tử của tỉnh', kind: 'share' }, 'it.email_usage'],
    ['trang bị hệ thống một cửa điện tử tại 27/29 sở', { label: 'Tỉnh đã trang bị hệ thống một cửa điện tử tại', noun: 'sở, ban ngành', kind: 'ratio' }, 'it.one_stop_units'],
    ['918/1.146 cán bộ đạt chuẩn', { label: 'Số lượng cán bộ đạt chuẩn theo quy định là', noun: 'người', kind: 'ratio' }, 'staff.rate_standard'],
    ['cử 2.197 cán bộ, công chức cấp xã bồi dưỡng', { label: 'tỉnh đã cử', noun: 'cán bộ, công chức cấp xã bồi dưỡng chuyên môn, nghiệp vụ' }, 'staff.trained'],
    ['tinh giản biên chế cho 309 trường hợp', { label: 'giải quyết tinh giản biên chế cho', noun: 'trường hợp' }, 'staff.downsized'],
    // 003 (text and appendix rows)
    ['cấp chữ ký số cho 23/23 cán bộ, công chức', { label: 'cấp chữ ký số cho', noun: 'cán bộ, công chức', kind: 'ratio' }, 'it.digital_signature'],
    ['niêm yết công khai 134 TTHC', { label: 'UBND xã đã niêm yết công khai', noun: 'TTHC' }, 'tthc.published'],
    ['hồ sơ quá hạn chiếm 38,24%', { label: 'hồ sơ quá hạn chiếm', kind: 'share' }, 'hoso.rate_late'],
    ['Số lượng TTHC cấp xã', { label: 'Số lượng TTHC cấp xã' }, 'tthc.level.commune'],
    ['Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hạn', { label: 'Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hạn (đã tiếp nhận/đã trả đúng hạn)' }, 'hoso.rate_on_time'],
    ['Số lượng PAKN đã tiếp nhận trong năm', { label: 'Số lượng PAKN đã tiếp nhận trong năm' }, 'feedback.received'],
    ['Tổng số được giao', { label: 'Tổng số được giao' }, 'staff.assigned'],
    ['Tổng số có mặt', { label: 'Tổng số có mặt' }, 'staff.present'],
    ['Số lượng cán bộ, công chức được tinh giản biên chế', { label: 'Số lượng cán bộ, công chức được tinh giản biên chế' }, 'staff.downsized'],
    ['Số lượng chữ ký số', { label: 'Số lượng chữ ký số' }, 'it.digital_signature'],
    ['Tỷ lệ công chức có hộp thư điện tử', { label: 'Tỷ lệ công chức có hộp thư điện tử' }, 'it.email_usage'],
    ['Số dịch vụ công trực tuyến mức độ 3, 4', { label: 'Số dịch vụ công trực tuyến mức độ 3, 4' }, 'dvc.level34'],
    ['Tỷ lệ dịch vụ công trực tuyến mức độ 3, mức độ 4 có phát sinh hồ sơ', { label: 'Tỷ lệ dịch vụ công trực tuyến mức độ 3, mức độ 4 có phát sinh hồ sơ' }, 'dvc.rate_with_files'],
    ['Tỷ lệ hồ sơ giải quyết qua hệ thống một cửa điện tử', { label: 'Tỷ lệ hồ sơ giải quyết qua hệ thống một cửa điện tử' }, 'hoso.rate_electronic'],
    ['Số cơ quan chuyên môn … có bản Công bố ISO', { label: 'Số cơ quan chuyên môn cấp huyện, cấp xã có bản Công bố ISO' }, 'it.iso_units'],
    ['Mức độ hài lòng chung', { label: 'Mức độ hài lòng chung' }, 'satisfaction.rate'],
    // 000
    ['Tổng số cán bộ cấp xã có mặt là 207 người', { label: 'Tổng số cán bộ cấp xã có mặt là', noun: 'người' }, 'staff.present'],
    ['Đại học, trên đại học chiếm 66,06%', { label: 'Trình độ chuyên môn: Đại học, trên đại học chiếm', kind: 'share' }, 'staff.degree.university'],
    ['chưa qua đào tạo chiếm 3,67%', { label: 'chưa qua đào tạo chiếm', kind: 'share' }, 'staff.degree.untrained'],
    ['cử hơn 2.300 lượt CBCCVC đi đào tạo, bồi dưỡng', { label: 'UBND huyện đã cử hơn', noun: 'lượt CBCCVC đi đào tạo, bồi dưỡng chuyên môn' }, 'staff.trained'],
    ['trong đó cán bộ là 1.146 người', { label: 'trong đó cán bộ là', noun: 'người' }, 'staff.cadres'],
    ['tỷ lệ … trước hạn và đúng hạn thông qua phần mềm của một cửa điện tử … 99,9%', {
      label: 'Tỷ lệ hồ sơ được tiếp nhận và xử lý trước hạn và đúng hạn thông qua phần mềm của một cửa điện tử các cấp đạt', kind: 'rate',
    }, 'hoso.rate_on_time'],
    // 004
    ['Bộ phận Một cửa huyện đã tiếp nhận 21.196 hồ sơ', { label: 'Bộ phận Một cửa huyện đã tiếp nhận', noun: 'hồ sơ' }, 'hoso.received'],
    ['Đã giải quyết: 18.642/21.196 hồ sơ đạt tỷ lệ 87,95%', { label: 'Đã giải quyết', noun: 'hồ sơ', kind: 'ratio' }, 'hoso.rate_resolved'],
    ['Giải quyết đúng hẹn 4.201 hồ sơ', { label: 'Giải quyết đúng hẹn', noun: 'hồ sơ' }, 'hoso.on_time'],
    ['Đang giải quyết 2.553 hồ sơ', { label: 'Đang giải quyết', noun: 'hồ sơ' }, 'hoso.in_progress'],
    ['Giải quyết quá hạn: 14.441/18.642 hồ sơ', { label: 'Giải quyết quá hạn', noun: 'hồ sơ', kind: 'ratio' }, 'hoso.rate_late'],
    ['Đang giải quyết Quá hạn 1.852/2.553 hồ sơ', { label: 'Đang giải quyết Quá hạn', noun: 'hồ sơ', kind: 'ratio' }, 'hoso.in_progress_late'],
    ['… trên dịch vụ công trực tuyến mức độ 4 là 140 hồ sơ', { label: 'Tiếp nhận và giải quyết hồ sơ thủ tục hành chính trên dịch vụ công trực tuyến mức độ 4 là', noun: 'hồ sơ' }, 'hoso.online'],
    ['… trên dịch vụ Bưu chính công ích là 1.373 hồ sơ', { label: 'Tiếp nhận và giải quyết hồ sơ thủ tục hành chính trên dịch vụ Bưu chính công ích là', noun: 'hồ sơ' }, 'hoso.postal'],
    ['UBND huyện ban hành 04 văn bản quy phạm pháp luật', { label: 'UBND huyện ban hành', noun: 'văn bản quy phạm pháp luật' }, 'vbqppl.issued'],
    ['tinh giản biên chế … gồm 50 trường hợp', { label: 'UBND huyện đã thực hiện tinh giản biên chế theo Nghị định số 108 gồm', noun: 'trường hợp' }, 'staff.downsized'],
    ['tuyển dụng qua thi tuyển 05 công chức', { label: 'Ủy ban nhân dân huyện tuyển dụng qua thi tuyển', noun: 'công chức' }, 'staff.recruited'],
    ['30 đơn vị … đã ban hành quy chế chi tiêu nội bộ', { label: 'đã ban hành quy chế chi tiêu nội bộ', noun: 'đơn vị cơ quan nhà nước' }, 'finance.internal_spending_rules'],
    ['02 đơn vị tự chủ một phần kinh phí chi thường xuyên', { label: 'có', noun: 'đơn vị tự chủ một phần kinh phí chi thường xuyên' }, 'finance.autonomy_units'],
  ])('%s', (_, context, expected) => {
    expect(code(context)).toBe(expected);
  });
});

describe('matchIndicator: combined phrases and longest alias', () => {
  it('reads `tiếp nhận và giải quyết N hồ sơ` as received, not resolved', () => {
    const match = matchIndicator({ label: 'đã tiếp nhận và giải quyết', noun: 'hồ sơ' });
    expect(match).toEqual({ code: 'hoso.received', alias: 'tiếp nhận và giải quyết', score: 1 });
    expect(rankIndicators({ label: 'đã tiếp nhận và giải quyết', noun: 'hồ sơ' }).map((m) => m.code)).not.toContain('hoso.resolved');
  });

  it('of two phrases that overlap, takes the later one: the modifier after its head narrows it (`hồ sơ tiếp nhận trực tuyến` is online)', () => {
    // Districts and provinces state online files per office (the synthetic province; e.g. "Số hồ sơ tiếp nhận trực tuyến tại
    // Trung tâm Phục vụ hành chính công tỉnh là …"), and the generic `số hồ sơ tiếp nhận` must not swallow the channel.
    for (const label of ['Số hồ sơ tiếp nhận trực tuyến là', 'Số hồ sơ tiếp nhận trực tuyến tại Bộ phận Một cửa UBND huyện là', 'tổng số hồ sơ tiếp nhận trực tuyến']) {
      expect(code({ label, noun: 'hồ sơ', kind: 'count' }), label).toBe('hoso.online');
    }
    // Neither inside nor overlapping: the longer alias still wins.
    expect(code({ label: 'số hồ sơ tiếp nhận', noun: 'hồ sơ', kind: 'count' })).toBe('hoso.received');
  });

  it('reads `sớm và đúng hẹn` as on time, `trước hạn` alone as early', () => {
    expect(code({ label: 'giải quyết sớm và đúng hẹn', noun: 'hồ sơ' })).toBe('hoso.on_time');
    expect(code({ label: 'trước hạn và đúng hạn', noun: 'hồ sơ' })).toBe('hoso.on_time');
    expect(code({ label: 'giải quyết trước hạn', noun: 'hồ sơ' })).toBe('hoso.early');
  });

  it('lets a verb outrank the noun phrase it qualifies', () => {
    expect(code({ label: 'Tổng số cán bộ, công chức' })).toBe('staff.total');
    expect(code({ label: 'Số lượng thủ tục hành chính được công khai đầy đủ, đúng quy định' })).toBe('tthc.published');
  });
});

describe('matchIndicator: diacritics and spelling', () => {
  it('is diacritic-sensitive: `hộ số` is not `hồ sơ`', () => {
    expect(matchIndicator({ label: 'hộ số nghèo đã giải quyết' })).toBeUndefined();
    expect(code({ label: 'đã giải quyết', noun: 'hộ số' })).toBeUndefined();
  });

  it('falls back to unaccented text at a lower score', () => {
    const plain = matchIndicator({ label: 'ho so da giai quyet dung han' });
    const accented = matchIndicator({ label: 'hồ sơ đã giải quyết đúng hạn' });
    expect(plain?.code).toBe('hoso.on_time');
    expect(accented?.code).toBe('hoso.on_time');
    expect(plain?.score).toBeLessThan(accented?.score ?? 0);
    expect(plain?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('treats old and new tone placement, tỉ/tỷ lệ and abbreviations alike', () => {
    expect(code({ label: 'bị bãi bỏ, huỷ bỏ', noun: 'thủ tục' })).toBe('tthc.abolished');
    expect(code({ label: 'được đơn giản hoá', noun: 'TTHC' })).toBe('tthc.simplified');
    expect(code({ label: 'tỉ lệ đạt chuẩn', noun: 'công chức' })).toBe('staff.rate_standard');
    expect(code({ label: 'đã ban hành', noun: 'VBQPPL' })).toBe('vbqppl.issued');
    expect(code({ label: 'Số lượng PAKN đã giải quyết trong năm' })).toBe('feedback.resolved');
  });

  it('ignores case and punctuation', () => {
    expect(code({ label: 'ĐÃ TIẾP NHẬN', noun: 'HỒ SƠ' })).toBe('hoso.received');
    expect(code({ label: 'phản ánh, kiến nghị đã tiếp nhận' })).toBe('feedback.received');
  });
});

describe('matchIndicator: nouns, kinds and the threshold', () => {
  it('uses the noun to tell files from feedback, procedures from documents', () => {
    expect(code({ label: 'đã giải quyết', noun: 'hồ sơ' })).toBe('hoso.resolved');
    expect(code({ label: 'đã giải quyết', noun: 'phản ánh, kiến nghị' })).toBe('feedback.resolved');
    expect(code({ label: 'bãi bỏ', noun: 'thủ tục' })).toBe('tthc.abolished');
    expect(code({ label: 'bãi bỏ', noun: 'văn bản' })).toBe('vbqppl.abolished');
    expect(code({ label: 'kiểm tra', noun: 'đơn vị' })).toBe('inspection.units');
    expect(code({ label: 'kiểm tra', noun: 'cuộc' })).toBe('inspection.count');
    expect(code({ label: 'kiểm tra theo thẩm quyền', noun: 'văn bản' })).toBe('vbqppl.checked');
  });

  it('takes the noun from the sentence when none is given', () => {
    expect(code({ label: 'đã giải quyết', sentence: 'Trong năm đã giải quyết 120 hồ sơ.' })).toBe('hoso.resolved');
  });

  it('reports no match when two readings are equally good', () => {
    expect(matchIndicator({ label: 'đã giải quyết' })).toBeUndefined();
    expect(rankIndicators({ label: 'đã giải quyết' }).map((m) => m.code)).toEqual(expect.arrayContaining(['hoso.resolved', 'feedback.resolved']));
  });

  it('turns a count reading into its percentage when the figure is a rate', () => {
    expect(code({ label: 'giải quyết đúng hạn', noun: 'hồ sơ' })).toBe('hoso.on_time');
    expect(code({ label: 'giải quyết đúng hạn', noun: 'hồ sơ', kind: 'rate' })).toBe('hoso.rate_on_time');
    expect(code({ label: 'tỷ lệ hồ sơ giải quyết đúng hạn' })).toBe('hoso.rate_on_time');
  });

  it('does not read a percentage or money into a count, nor the reverse', () => {
    expect(code({ label: 'mức độ hài lòng', kind: 'count' })).toBeUndefined();
    expect(code({ label: 'tiết kiệm kinh phí', kind: 'money' })).toBe('finance.savings');
    expect(code({ label: 'đã tiếp nhận', noun: 'hồ sơ', kind: 'money' })).toBeUndefined();
  });

  it('does not take the name of the reception desk for a reception figure', () => {
    // `Bộ phận tiếp nhận và trả kết quả` is the one-stop desk, not `tiếp nhận` (received).
    expect(code({ label: 'trang thiết bị của Bộ phận tiếp nhận và trả kết quả của', noun: 'đơn vị' })).toBeUndefined();
    expect(code({ label: 'trang thiết bị của Bộ phận TN&TKQ tại', noun: 'đơn vị' })).toBeUndefined();
  });

  it('rejects weak guesses: a short alias seen only in the sentence, a noun that contradicts', () => {
    expect(code({ label: 'hàng ngày công chức phải vào', noun: 'loại sổ' })).toBeUndefined();
    expect(code({ label: 'có 12 phòng chuyên môn', sentence: 'Hiện nay huyện có 12 phòng chuyên môn, đã sáp nhập 2 trạm.' })).toBeUndefined();
    expect(code({ label: 'đã tiếp nhận', noun: 'km đường' })).toBeUndefined();
    expect(matchIndicator({ label: 'diện tích đất nông nghiệp' })).toBeUndefined();
    expect(matchIndicator({ label: '' })).toBeUndefined();
  });
});

describe('matchIndicator with a catalog of its own', () => {
  const index = compileCatalog(parseIndicatorCatalog({
    version: 1,
    abbreviations: { hs: 'hồ sơ' },
    rewrites: [],
    indicators: [
      { code: 'x.count', name: { vi: 'x', en: 'x' }, area: 'procedures', unit: 'count', additive: true, aliases: ['giải quyết'], nouns: ['hồ sơ'] },
      { code: 'x.rate', name: { vi: 'y', en: 'y' }, area: 'procedures', unit: 'percent', additive: false, aliases: ['tỷ lệ … đúng hạn'], nouns: ['hồ sơ'], ratio: { numerator: 'x.count', denominator: 'x.count' } },
    ],
  }));

  it('spans a gap of up to eight words, no more', () => {
    // `hs` expands to two words: 2 + 6 = 8 words between `tỷ lệ` and `đúng hạn`.
    expect(matchIndicator({ label: 'tỷ lệ hs một hai ba bốn năm sáu đúng hạn' }, index)?.code).toBe('x.rate');
    expect(matchIndicator({ label: 'tỷ lệ hs một hai ba bốn năm sáu bảy đúng hạn' }, index)).toBeUndefined();
  });

  it('expands the catalog abbreviations in nouns', () => {
    expect(matchIndicator({ label: 'đã giải quyết', noun: 'HS' }, index)).toEqual({ code: 'x.count', alias: 'giải quyết', score: 0.85 });
  });
});
