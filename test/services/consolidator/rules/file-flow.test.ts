import { describe, expect, it } from 'vitest';
import { fileFlowViolations } from '../../../../services/consolidator/rules/file-flow.ts';
import { checkDocument } from '../../../../services/consolidator/rules/document-rules.ts';
import { analyzeDocument } from '../../../../services/parser/document-analysis.ts';
import { passageDocument } from '../../../corpus/passage-document.ts';
import { doc, fact } from '../../../support/fact-builder.ts';
import type { Fact } from '../../../../schemas/fact/v1.ts';

const files = (value: number, role: Fact['role'], extra: Partial<Fact> = {}) => fact({ kind: 'count', value, role, block: 1, scope: { reach: 'own', from: 'sentence' }, certainty: 'exact', ...extra }, 'đoạn');
const flagsOf = (text: string) => checkDocument({ unit: 'unknown', period: 'unknown', facts: analyzeDocument('d'.repeat(64), passageDocument(text)).facts }).filter((f) => f.severity !== 'info');

describe('file_flow: the identities of the flow of files', () => {
  it('resolved above received is explained when the passage says carried-over files are in it, and a channel is no whole (Bình Thuận e-19, Kon Tum a-05)', () => {
    const said = checkDocument({ unit: 'unknown', period: 'unknown', facts: analyzeDocument('d'.repeat(64), passageDocument('Trong năm 2024, Trung tâm Hành chính công tỉnh Bình Thuận đã tiếp nhận 94.665 hồ sơ thủ tục hành chính và giải quyết 94.985 hồ sơ, bao gồm cả những hồ sơ tồn đọng từ năm trước.')).facts });
    expect(said.find((f) => f.ruleId === 'file_flow.resolved_le_received')).toMatchObject({ severity: 'info' });
    // Without the words, the same figures are a question for the unit.
    expect(flagsOf('Trong năm 2024, Trung tâm Hành chính công tỉnh Bình Thuận đã tiếp nhận 94.665 hồ sơ thủ tục hành chính và giải quyết 94.985 hồ sơ.')
      .find((f) => f.ruleId === 'file_flow.resolved_le_received')).toMatchObject({ severity: 'warning' });
    expect(fileFlowViolations(doc([files(38613, 'received', { label: 'hồ sơ trực tiếp và bưu chính' }), files(48249, 'resolved')]))).toEqual([]);
  });

  it('one figure read twice (a breakdown’s total and its count) is no choice between figures: the error stands (Hội An b-11)', () => {
    const resolved = files(9986, 'resolved');
    const total = fact({ kind: 'breakdown', total: 9986, value: 9986, role: 'resolved', block: 1, scope: { reach: 'own', from: 'sentence' }, certainty: 'exact', parts: [{ label: 'đúng hạn', value: 9143 }, { label: 'quá hạn', value: 743 }] }, 'đoạn');
    expect(fileFlowViolations(doc([files(10455, 'in-hand'), resolved, total, files(844, 'in-progress')]))).toMatchObject([{ severity: 'error', imbalance: -375 }]);
  });

  it('a part of the unit’s files taken apart (`Riêng …`) is not added to its whole-office figures (Phú Giáo d-01)', () => {
    const flags = flagsOf('Từ ngày 1-7 đến ngày 30-9, Trung tâm tiếp nhận 13.188 hồ sơ, đã giải quyết 12.970 hồ sơ. Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt 99,2%; 102 hồ sơ bị trễ hạn.\n\nRiêng các hồ sơ thuộc thẩm quyền cấp xã, có tổng số 2.760, với 2.602 hồ sơ được giải quyết đúng và trước hạn, chiếm 96,2%.');
    expect(flags.filter((f) => f.ruleId.startsWith('file_flow'))).toEqual([]);
    // Its own share is checked against its own total: 2.602 / 2.760 = 94,3 %, not 96,2 %.
    expect(flags.find((f) => f.family === 'rate_mismatch')).toMatchObject({ severity: 'warning' });
  });

  it('in hand = new + carried over, in one paragraph: an error naming both sides (Hội An b-11)', () => {
    const flags = flagsOf('Theo UBND TP.Hội An, trong quý III.2020, tổng số hồ sơ yêu cầu giải quyết là 10.455 hồ sơ, thủ tục hành chính; trong đó hồ sơ mới tiếp nhận là 10.133 hồ sơ, kỳ trước chuyển qua là 612 hồ sơ. Số hồ sơ đã giải quyết: 9.986 (hồ sơ giải quyết đúng hạn là 9.143 hồ sơ, quá hạn là 743 hồ sơ); số hồ sơ đang giải quyết: 844 hồ sơ.');
    const inHand = flags.find((f) => f.ruleId === 'file_flow.in_hand_eq_new_plus_carried_over');
    expect(inHand).toMatchObject({ severity: 'error', values: { total: 10455, parts_sum: 10745 } });
    expect(inHand!.severityReason!.vi).toMatch(/^Lỗi/);
  });

  it('a clean report with the whole flow raises nothing (Côn Đảo b-04, Đông Triều b-10)', () => {
    expect(flagsOf('Cụ thể, trong 3 tháng đầu năm, Bộ phận một cửa đã tiếp nhận 3.001 hồ sơ, trong đó nhận mới 3.000 hồ sơ, kỳ trước chuyển qua 01 hồ sơ; đã giải quyết và trả kết quả 2.998 hồ sơ, đạt tỷ lệ 99,9%; đang giải quyết 03 hồ sơ chưa đến hạn, chiếm tỷ lệ 0,1%.')).toEqual([]);
    expect(flagsOf('Theo đó, trong tháng, Bộ phận tiếp nhận và trả kết quả hiện đại các xã, phường đã tiếp nhận và giải quyết tổng số 3.201 hồ sơ thuộc các lĩnh vực (tiếp nhận mới 3.043 hồ sơ, hồ sơ tồn trước chuyển sang 158 hồ sơ), trong đó: 2770 hồ sơ giải quyết trước hạn và 231 hồ sơ giải quyết đúng hạn, có 01 hồ sơ giải quyết quá hạn (xã Nguyễn Huệ); còn 199 hồ sơ đang trong thời hạn giải quyết.')
      .filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a `tiếp nhận` total stands for the files in hand only as a question, whichever way the gap goes (Lâm Đồng a-04, cấp tỉnh and cấp huyện)', () => {
    const over = fileFlowViolations(doc([files(54575, 'received'), files(51780, 'resolved'), files(2800, 'in-progress')]));
    expect(over).toMatchObject([{ severity: 'warning', imbalance: -5 }]);
    // Carried-over files could only make the parts larger: a shortfall is returned or withdrawn files nobody stated.
    const short = fileFlowViolations(doc([files(340060, 'received'), files(329596, 'resolved'), files(3405, 'in-progress')]));
    expect(short).toMatchObject([{ severity: 'warning', imbalance: 7059 }]);
    expect(short[0]?.severityReason?.vi).toContain('trả lại hoặc rút');
    expect(fileFlowViolations(doc([files(340060, 'received'), files(329596, 'resolved'), files(3405, 'in-progress'), files(7059, 'returned')]))).toEqual([]);
  });

  it('in hand ≥ resolved + in progress: an excess is an error, a shortfall a question unless the returned files fill it', () => {
    expect(fileFlowViolations(doc([files(1000, 'in-hand'), files(950, 'resolved'), files(80, 'in-progress')]))).toMatchObject([{ severity: 'error' }]);
    expect(fileFlowViolations(doc([files(1000, 'in-hand'), files(900, 'resolved'), files(80, 'in-progress')]))).toMatchObject([{ severity: 'warning' }]);
    expect(fileFlowViolations(doc([files(1000, 'in-hand'), files(900, 'resolved'), files(80, 'in-progress'), files(20, 'returned')]))).toEqual([]);
  });

  it('across paragraphs, a scope carried from the paragraph before counts as stated (Lâm Đồng a-04: `Trong số hồ sơ còn lại đang giải quyết …`)', () => {
    const flags = flagsOf('Trong quý I năm 2020 toàn tỉnh đã tiếp nhận 659.245 hồ sơ, đã giải quyết 643.272 hồ sơ.\n\nTrong số hồ sơ còn lại đang giải quyết gồm 7.172 hồ sơ, có 5.950 hồ sơ chưa đến hạn và 1.222 hồ sơ đã quá hạn.');
    expect(flags.filter((f) => f.ruleId.endsWith('.across_paragraphs'))).toMatchObject([{ severity: 'warning', values: { total: 659245, parts_sum: 650444 } }]);
    // A heading between them ends the carried scope: nothing is set against the figures before it.
    const apart = flagsOf('Năm 2022, toàn huyện đã tiếp nhận 12.400 hồ sơ, đã giải quyết 12.000 hồ sơ.\n\nII. CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH\n\nSố hồ sơ đang giải quyết là 150 hồ sơ.');
    expect(apart.filter((f) => f.ruleId.startsWith('file_flow'))).toEqual([]);
  });

  it('along a table row, the roles its columns name; a warning, since a table may not list every outcome (Thừa Thiên Huế a-12, a district table)', () => {
    const province = flagsOf('Kết quả giải quyết thủ tục hành chính\nMức độ | Tổng | Đã xử lý | Chưa xử lý | Trước hạn | Đúng hạn | Trễ hạn\nTổng | % | Tổng | % | Tổng | %\n'
      + 'Mức 3 | 68544 | 61827 | 6717 | 43434 | 70,3% | 11795 | 19,1% | 4331 | 7%\nMức 4 | 1665 | 1611 | 54 | 952 | 59,1% | 388 | 24,1% | 271 | 16,8%');
    expect(province.filter((f) => f.ruleId.startsWith('file_flow')).map((f) => [f.ruleId, f.severity, f.values.total, f.values.parts_sum])).toEqual([
      ['file_flow.resolved_eq_early_on_time_late.table_row', 'warning', 61827, 59560],
    ]);
    const district = flagsOf('Tình hình giải quyết hồ sơ năm 2023\nĐơn vị | Đã giải quyết | Đúng hạn | Quá hạn\nCấp huyện | 4.310 | 4.250 | 70\nCấp xã | 9.870 | 9.800 | 70');
    expect(district.filter((f) => f.ruleId.startsWith('file_flow')).map((f) => [f.severity, f.values.total, f.values.parts_sum])).toEqual([['warning', 4310, 4320]]);
  });

  it('a breakdown’s bare total after a label that names files takes part (Hội An b-11: `Số hồ sơ đã giải quyết: 9.986 (…)`; a commune shape)', () => {
    const hoiAn = flagsOf('Trong quý III.2020, tổng số hồ sơ yêu cầu giải quyết là 10.455 hồ sơ. Số hồ sơ đã giải quyết: 9.986 (hồ sơ giải quyết đúng hạn là 9.886 hồ sơ, quá hạn là 100 hồ sơ); số hồ sơ đang giải quyết: 844 hồ sơ.');
    expect(hoiAn.filter((f) => f.ruleId.startsWith('file_flow')).map((f) => [f.ruleId, f.severity, f.values.total, f.values.parts_sum]))
      .toEqual([['file_flow.in_hand_eq_resolved_plus_in_progress', 'error', 10455, 10830]]);
    const commune = flagsOf('Năm 2023, tổng số hồ sơ phải giải quyết là 1.250 hồ sơ. Số hồ sơ đã giải quyết: 1.180 (đúng hạn 1.170 hồ sơ, quá hạn 10 hồ sơ); số hồ sơ đang giải quyết: 70 hồ sơ.');
    expect(commune.filter((f) => f.ruleId.startsWith('file_flow'))).toEqual([]);
  });

  it('a channel’s share of a step is no step (Quảng Nam a-10: `tiếp nhận và xử lý trực tuyến chỉ 108 hồ sơ` is not the files received)', () => {
    const quangNam = flagsOf('Số lượng hồ sơ được giải quyết là 1.456/1.625, trong đó giải quyết đúng hạn 1.447 hồ sơ. Tuy nhiên, số hồ sơ tiếp nhận và xử lý trực tuyến chỉ 108 hồ sơ.');
    expect(quangNam.filter((f) => f.ruleId.startsWith('file_flow'))).toEqual([]);
    const district = flagsOf('Năm 2022, UBND huyện đã giải quyết 4.200 hồ sơ; số hồ sơ tiếp nhận qua dịch vụ công trực tuyến là 1.350 hồ sơ.');
    expect(district.filter((f) => f.ruleId.startsWith('file_flow'))).toEqual([]);
  });

  it('figures printed rounded (`8,98 ngàn`) hold within half their last digit; beyond it, a warning (Bến Tre a-09 and c-39, two months of one centre)', () => {
    const october = flagsOf('Cơ quan chức năng đã giải quyết 8,98 ngàn HS các loại (đạt 88,2%). Trong đó, có 8,96 ngàn HS giải quyết đúng và trước hạn (đạt 99,8%), có 17 HS giải quyết trễ hạn.');
    expect(october.filter((f) => f.ruleId.startsWith('file_flow'))).toEqual([]);
    const may = flagsOf('Trung tâm đã giải quyết 4.561 HS (tỷ lệ 80,7%). Trong đó, có 4,52 ngàn HS giải quyết đúng và trước hạn (tỷ lệ 99,7%), có 12 hồ sơ giải quyết trễ hạn (tỷ lệ 0,3%).');
    expect(may.filter((f) => f.ruleId.startsWith('file_flow')).map((f) => [f.severity, f.values.total, f.values.parts_sum])).toEqual([['warning', 4561, 4532]]);
  });

  it('reads a step in an abbreviated noun and past `và` inside a step’s name (`1,07 ngàn HS kỳ trước chuyển sang`, `đúng và trước hạn`)', () => {
    const facts = analyzeDocument('d'.repeat(64), passageDocument('Trong đó có 1,07 ngàn HS kỳ trước chuyển sang, tiếp nhận mới 3,19 ngàn HS. Có 4,52 ngàn HS giải quyết đúng và trước hạn, 259 hồ sơ đúng hạn và chỉ 8 hồ sơ quá hạn.')).facts;
    expect(facts.filter((f) => f.kind === 'count').map((f) => [f.value, f.role])).toEqual([[1070, 'carried-over'], [3190, 'new'], [4520, 'early-or-on-time'], [259, 'early-or-on-time'], [8, 'late']]);
  });

  it('figures of different scopes or paragraphs are not set against each other in one paragraph check', () => {
    const communes = { scope: { reach: 'levels' as const, levels: ['commune' as const], from: 'sentence' as const } };
    expect(fileFlowViolations(doc([files(1000, 'in-hand'), files(700, 'new', communes), files(200, 'carried-over')]))).toEqual([]);
  });

  it('a bound between roles: the part above its whole (several pairings: a warning)', () => {
    expect(fileFlowViolations(doc([files(120, 'late'), files(100, 'resolved')]))).toMatchObject([{ family: 'bounds', severity: 'error' }]);
    expect(fileFlowViolations(doc([files(120, 'late'), files(100, 'resolved'), files(110, 'resolved')]))).toMatchObject([{ family: 'bounds', severity: 'warning' }]);
  });
});
