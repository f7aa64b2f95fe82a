import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../../schemas/fact/v1.ts';
import { analyzeDocument } from '../../../../services/parser/document-analysis.ts';
import { passageDocument } from '../../../corpus/passage-document.ts';
import { relativeScope } from '../../../../services/parser/statements/scope-relative.ts';

// Scope, role, certainty and statement kind, each class on sentences of several units
// (the development corpus, test/corpus/passages/: the file named beside each sentence).
const read = (text: string): Fact[] => analyzeDocument('c'.repeat(64), passageDocument(text)).facts;
const valued = (facts: Fact[], value: number) => facts.find((f) => f.value === value) ?? facts.find((f) => f.numerator === value || f.rate === value || f.total === value);

describe('role in the flow of files', () => {
  it('new, carried-over and in-hand (Hội An b-11, Đắk Glong b-01, Vĩnh Phúc a-02)', () => {
    const hoiAn = read('Theo UBND TP.Hội An, trong quý III.2020, tổng số hồ sơ yêu cầu giải quyết là 10.455 hồ sơ, thủ tục hành chính; trong đó hồ sơ mới tiếp nhận là 10.133 hồ sơ, kỳ trước chuyển qua là 612 hồ sơ.');
    expect([10455, 10133, 612].map((v) => valued(hoiAn, v)?.role)).toEqual(['in-hand', 'new', 'carried-over']);
    const dakGlong = read('Trong năm 2020, tổng số hồ sơ yêu cầu giải quyết thủ tục hành chính (TTHC) trong kỳ của toàn huyện là 59.010 bộ. Trong đó, số hồ sơ mới tiếp nhận là 57.028 bộ; số hồ sơ từ kỳ trước chuyển qua là 1.982 bộ.');
    expect([57028, 1982].map((v) => valued(dakGlong, v)?.role)).toEqual(['new', 'carried-over']);
    const vinhPhuc = read('Tháng 9/2021, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận mới 4.131 hồ sơ, hồ sơ tồn kỳ trước chuyển sang là 2.171, lũy kế đã và đang giải quyết trong kỳ là 6.302 hồ sơ; đến hạn giải quyết là 4.169 hồ sơ.');
    expect([4131, 6302, 4169].map((v) => valued(vinhPhuc, v)?.role)).toEqual(['new', 'in-hand', 'due']);
    expect(valued(vinhPhuc, 4169)?.indicator).toBe('hoso.due');
  });

  it('parts of an in-progress figure are in progress, whatever their own words (Đắk Glong b-01, Lâm Đồng a-04)', () => {
    const dakGlong = read('Kết quả, ngành chức năng đã giải quyết được 57.689 bộ hồ sơ (57.502 hồ sơ giải quyết đúng hạn, 187 hồ sơ giải quyết quá hạn); 1.321 hồ sơ đang giải quyết (1.246 hồ sơ chưa đến hạn, 75 hồ sơ số hồ sơ quá hạn).');
    expect([57689, 57502, 187, 1321, 1246, 75].map((v) => valued(dakGlong, v)?.role))
      .toEqual(['resolved', 'early-or-on-time', 'late', 'in-progress', 'in-progress-on-time', 'in-progress-late']);
    const lamDong = read('Trong số hồ sơ còn lại đang giải quyết gồm 7.172 hồ sơ, có 5.950 hồ sơ chưa đến hạn và 1.222 hồ sơ đã quá hạn.');
    expect([7172, 5950, 1222].map((v) => valued(lamDong, v)?.role)).toEqual(['in-progress', 'in-progress-on-time', 'in-progress-late']);
  });

  it('`tiếp nhận và giải quyết` is received; returned files are not in hand; an office name names no step (Đông Triều b-10, Vĩnh Phúc a-01)', () => {
    const dongTrieu = read('Theo đó, trong tháng, Bộ phận tiếp nhận và trả kết quả hiện đại các xã, phường đã tiếp nhận và giải quyết tổng số 3.201 hồ sơ thuộc các lĩnh vực (tiếp nhận mới 3.043 hồ sơ, hồ sơ tồn trước chuyển sang 158 hồ sơ); còn 199 hồ sơ đang trong thời hạn giải quyết.');
    expect([3043, 158, 199].map((v) => valued(dongTrieu, v)?.role)).toEqual(['new', 'carried-over', 'in-progress-on-time']);
    const vinhPhuc = read('Các cơ quan thụ lý trả lại hồ sơ và người nộp đề nghị rút hồ sơ là 16 hồ sơ (chiếm 0,08%).');
    expect(valued(vinhPhuc, 16)?.role).toBe('returned');
  });

  it('files submitted are received; files still open past their deadline are in progress and overdue; `trong số` names the whole (Tây Ninh a-11, An Giang a-15, Lâm Đồng a-04)', () => {
    const tayNinh = read('Đáng chú ý, có đến 1.530 hồ sơ được nộp trực tuyến, trong khi hồ sơ nộp trực tiếp chỉ 135 trường hợp.');
    expect(valued(tayNinh, 1530)?.role).toBe('received');
    const anGiang = read('Qua thống kê, tỉnh An Giang hiện còn 5.830 hồ sơ xử lý quá hạn.');
    expect(valued(anGiang, 5830)?.role).toBe('in-progress-late');
    const lamDong = read('Trong số 3.405 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 2.436 hồ sơ và có 969 hồ sơ đã quá hạn.');
    expect([2436, 969].map((v) => valued(lamDong, v)?.role)).toEqual(['in-progress-on-time', 'in-progress-late']);
  });

  it('procedures are not files: no role for `TTHC được giải quyết` (Quảng Ngạn seed 003)', () => {
    const facts = read('UBND xã đã niêm yết công khai 134 TTHC được giải quyết theo cơ chế một cửa và 19 TTHC được giải quyết theo cơ chế một cửa liên thông.');
    expect(valued(facts, 19)?.role).toBeUndefined();
  });
});

describe('scope', () => {
  it('levels, offices and the whole area, changing inside a passage (Kon Tum a-05, Lâm Đồng a-04, Côn Đảo b-04)', () => {
    const konTum = read('Các sở, ban ngành cấp tỉnh tiếp nhận 23.233 hồ sơ, với 6.596 hồ sơ trực tuyến (đạt tỷ lệ 28,39%); cấp huyện tiếp nhận 6.776 hồ sơ, với 2.521 hồ sơ trực tuyến (đạt tỷ lệ 37,76%); cấp xã tiếp nhận 26.030 hồ sơ.');
    expect([23233, 6776, 26030].map((v) => valued(konTum, v)?.scope?.levels)).toEqual([['province'], ['district'], ['commune']]);
    const lamDong = read('Thống kê của UBND tỉnh cho biết, trong quý I năm 2020 toàn tỉnh đã tiếp nhận 659.245 hồ sơ, đã giải quyết 643.272 hồ sơ.\nTrong số hồ sơ còn lại đang giải quyết gồm 7.172 hồ sơ.');
    expect(valued(lamDong, 659245)?.scope).toMatchObject({ reach: 'area', levels: ['province'] });
    // The next paragraph goes on about the province as a whole.
    expect(valued(lamDong, 7172)?.scope).toMatchObject({ reach: 'area', from: 'paragraph' });
    const conDao = read('Cụ thể, trong 3 tháng đầu năm, Bộ phận một cửa đã tiếp nhận 3.001 hồ sơ, trong đó nhận mới 3.000 hồ sơ, kỳ trước chuyển qua 01 hồ sơ.');
    expect(valued(conDao, 3001)?.scope?.reach).toBe('own');
  });

  it('a level after the counted noun is that number\'s alone; bracketed names stay in their brackets (Bà Rịa – Vũng Tàu a-14, Đông Triều b-10)', () => {
    const brvt = read('Thực hiện cung ứng dịch vụ công trực tuyến 3 cấp với 2.268 thủ tục gồm 1.833 thủ tục cấp tỉnh, 301 thủ tục cấp huyện và 134 thủ tục cấp xã; trong đó đã cung ứng dịch vụ công mức độ 3 là 1.089 thủ tục.');
    expect([1833, 301, 134].map((v) => valued(brvt, v)?.scope?.levels)).toEqual([['province'], ['district'], ['commune']]);
    expect(valued(brvt, 1089)?.scope?.reach).toBe('unstated');
    const dongTrieu = read('Đã giải quyết 2770 hồ sơ trước hạn, có 01 hồ sơ giải quyết quá hạn (xã Nguyễn Huệ), chiếm 0,03%; còn 199 hồ sơ đang trong thời hạn giải quyết.');
    expect(valued(dongTrieu, 199)?.scope?.reach).not.toBe('named');
  });
});

describe('offices of a level', () => {
  it('the one-stop desks of `các xã` are the communes’ level, not the unit’s own office (Phú Lương b-06, a ward shape)', () => {
    const phuLuong = read('Tại bộ phận một cửa của UBND các xã, thi trấn đã tiếp nhận tổng số gần 11.300 hồ sơ.');
    expect(valued(phuLuong, 11300)?.scope).toMatchObject({ reach: 'levels', levels: ['commune'] });
    const wards = read('Bộ phận Một cửa các phường đã tiếp nhận 8.214 hồ sơ.');
    expect(valued(wards, 8214)?.scope).toMatchObject({ reach: 'levels', levels: ['commune'] });
    expect(valued(read('Bộ phận Một cửa của UBND huyện đã tiếp nhận 2.100 hồ sơ.'), 2100)?.scope).toMatchObject({ reach: 'levels', levels: ['district'] });
  });
});

describe('named units and agencies', () => {
  it('a unit named by its press abbreviation is named, and the reporting unit’s own name is its own (Quận 1 b-05, Tân Uyên b-08, Hội An b-11)', () => {
    expect(valued(read('Trong năm 2018, UBND Q.1 tiếp nhận 585.336 hồ sơ hành chính.'), 585336)?.scope).toMatchObject({ reach: 'named', name: 'Q.1' });
    // A locative after the figure, through `UBND` and past the abbreviation's dot.
    expect(valued(read('Năm 2017 chỉ có 2 hồ sơ trễ hạn tại UBND P.Phạm Ngũ Lão.'), 2)?.scope).toMatchObject({ reach: 'named', name: 'P.Phạm Ngũ Lão' });
    const tanUyen = analyzeDocument('c'.repeat(64), passageDocument('Năm 2021, TX.Tân Uyên đã tiếp nhận 7.604 hồ sơ.')).facts;
    expect(valued(tanUyen, 7604)?.scope).toMatchObject({ reach: 'named', name: 'TX.Tân Uyên' });
    // The place alone is every level in it; its one-stop office, or its council, is its own office.
    expect(relativeScope(valued(tanUyen, 7604)!.scope!, { name: 'Thị xã Tân Uyên', level: 'district' })).toMatchObject({ reach: 'area', levels: ['district'] });
    const desk = read('Từ ngày 5-12-2020 đến 15- 11-2021, bộ phận “một cửa” TX.Tân Uyên đã tiếp nhận 7.604 hồ sơ.');
    expect(relativeScope(valued(desk, 7604)!.scope!, { name: 'Thị xã Tân Uyên', level: 'district' })).toMatchObject({ reach: 'own' });
    const council = read('Quý III, UBND TP. Nha Trang (tỉnh Khánh Hòa) đã giải quyết gần 1.300 hồ sơ thủ tục hành chính.');
    expect(relativeScope(valued(council, 1300)!.scope!, { name: 'Thành phố Nha Trang', level: 'district' })).toMatchObject({ reach: 'own' });
  });

  it('the reporting unit named alone is its whole area (TP. Hồ Chí Minh c-30, An Giang a-15, Phú Lương b-06)', () => {
    const hcm = read('Sau 1 tháng vận hành chính quyền địa phương 2 cấp, TP. Hồ Chí Minh đã tiếp nhận 312.468 hồ sơ thủ tục hành chính, đã giải quyết 284.415 hồ sơ.');
    expect([312468, 284415].map((v) => relativeScope(valued(hcm, v)!.scope!, { name: 'Thành phố Hồ Chí Minh', level: 'province' }).reach)).toEqual(['area', 'area']);
    const anGiang = read('Đến nay, tỉnh An Giang hiện còn 5.830 hồ sơ xử lý quá hạn.');
    expect(relativeScope(valued(anGiang, 5830)!.scope!, { name: 'Tỉnh An Giang', level: 'province' })).toMatchObject({ reach: 'area', levels: ['province'] });
    // Another unit named alone stays that unit's.
    expect(relativeScope(valued(anGiang, 5830)!.scope!, { name: 'Tỉnh Kiên Giang', level: 'province' })).toMatchObject({ reach: 'named' });
    // A ministry has no area: its name is its own.
    const ministry = read('Năm 2021, Bộ Công Thương tích hợp 131 DVCTT lên Cổng Dịch vụ công quốc gia.');
    expect(relativeScope(valued(ministry, 131)!.scope!, { name: 'Bộ Công Thương' })).toMatchObject({ reach: 'own' });
  });

  it('a level joined to the one below it is both levels; the unit’s level and all below are its area (Văn Lâm b-02, Phú Lương b-06, Thới Bình b-13)', () => {
    const vanLam = read('Trong năm 2019, Bộ phận tiếp nhận hồ sơ và trả kết quả của UBND huyện và UBND 11 xã, thị trấn đã tiếp nhận và giải quyết gần 43 nghìn hồ sơ trên các lĩnh vực.');
    expect(valued(vanLam, 43000)?.scope).toMatchObject({ reach: 'levels', levels: ['district', 'commune'] });
    expect(relativeScope(valued(vanLam, 43000)!.scope!, { level: 'district' })).toMatchObject({ reach: 'area', levels: ['district'] });
    const phuLuong = read('Bộ phận tiếp nhận và trả kết quả cấp huyện và bộ phận một cửa các xã, thị trấn ở huyện Phú Lương đã tiếp nhận, giải quyết hơn 9.800 hồ sơ trực tuyến mức độ 3-4.');
    expect(relativeScope(valued(phuLuong, 9800)!.scope!, { name: 'Huyện Phú Lương', level: 'district' }).reach).toBe('area');
    const short = read('Năm 2019 bộ phận tiếp nhận và trả kết quả của huyện và các xã thị trấn tiếp nhận và giải quyết gần 43 nghìn hồ sơ.');
    expect(valued(short, 43000)?.scope).toMatchObject({ reach: 'levels', levels: ['district', 'commune'] });
    // Two levels of a province's area are not the whole of it: the province's own office is not in them.
    expect(relativeScope({ reach: 'levels', levels: ['district', 'commune'] }, { level: 'province' })).toMatchObject({ reach: 'levels' });
    // A named district joined to communes is a named unit, not a level.
    const named = read('Huyện Lạc Dương và các xã tiếp nhận 1.200 hồ sơ.');
    expect(valued(named, 1200)?.scope?.levels).not.toEqual(['district', 'commune']);
  });

  it('a rank or an index score is the unit ranked, and an area above the unit is no scope of its figures (Triệu Phong b-15, An Giang a-15, Tuyên Quang a-18)', () => {
    const trieuPhong = read('Kết quả xếp hạng chỉ số CCHC của huyện so với các huyện, thị xã, thành phố trên địa bàn tỉnh: Năm 2016 đứng thứ 1/9. Năm 2020, đạt 82,71 điểm, đứng thứ 5/10.');
    const unit = { name: 'Huyện Triệu Phong', level: 'district' as const };
    expect([1, 82.71, 5].map((v) => { const f = valued(trieuPhong, v)!; return relativeScope(f.scope!, unit, f.kind).reach; })).toEqual(['own', 'own', 'own']);
    // A count in a district's report said to be `trên địa bàn tỉnh` is not the district's own nor its area.
    expect(relativeScope({ reach: 'area', levels: ['province'] }, unit, 'count')).toMatchObject({ reach: 'unstated' });
    const ranked = read('Các tỉnh có tỷ lệ cao: tỉnh Hòa Bình xếp thứ 3/63 tỉnh, thành phố.');
    const f = valued(ranked, 3)!;
    expect(relativeScope(f.scope!, { name: 'Tỉnh Tuyên Quang', level: 'province' }, f.kind)).toMatchObject({ reach: 'named' });
  });

  it('a list giving each unit its figure in brackets, and ministries by name, are named units (national c-10, ministries c-04; a district list)', () => {
    const provinces = read('Các tỉnh có tỷ lệ cao là Hòa Bình (86,5%), Nam Định (65,9%), Lạng Sơn (64,2%).');
    expect([86.5, 65.9, 64.2].map((v) => valued(provinces, v)?.scope)).toMatchObject([{ reach: 'named', name: 'Hòa Bình' }, { reach: 'named', name: 'Nam Định' }, { reach: 'named', name: 'Lạng Sơn' }]);
    const ministries = read('Bộ Công Thương đứng thứ hai với tỷ lệ 99,7%, Bộ Tài chính đứng thứ ba với 92,4%.');
    expect([99.7, 92.4].map((v) => valued(ministries, v)?.scope?.reach)).toEqual(['named', 'named']);
    const communes = read('Các xã tiếp nhận nhiều hồ sơ là Tân Lập (1.204 hồ sơ), Hòa Bình (986 hồ sơ).');
    expect(valued(communes, 1204)?.scope).toMatchObject({ reach: 'named', name: 'Tân Lập' });
    // An office with a bracketed short name is not a unit's name; `Bộ phận`, `Bộ TTHC` name no ministry.
    const office = read('Bộ phận Một cửa (BPMC) tiếp nhận 1.000 hồ sơ. Bộ TTHC của huyện có 290 thủ tục.');
    expect([1000, 290].map((v) => valued(office, v)?.scope?.reach)).not.toContain('named');
  });
});

describe('certainty', () => {
  it('bound words and counts in thousands are approximate (Bến Tre a-09, Thới Bình b-14)', () => {
    const benTre = read('Trong tháng 10-2020, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 10,18 ngàn hồ sơ (HS) các loại.');
    expect(valued(benTre, 10180)?.certainty).toBe('approximate');
    const thoiBinh = read('6 tháng đầu năm 2019 toàn huyện đã tiếp nhận và giải quyết gần 30.000 hồ sơ, với tỷ lệ đúng hạn đạt 96,36%. Trong đó, các xã thị trấn đã giải quyết hơn 23.000 hồ sơ.');
    expect([30000, 23000].map((v) => valued(thoiBinh, v)?.certainty)).toEqual(['approximate', 'approximate']);
    expect(valued(thoiBinh, 96.36)?.certainty).toBe('exact');
  });
});

describe('statements that are not a share of a base', () => {
  it('threshold counts, ranks, index scores and per-unit rates (Vĩnh Phúc a-01, Bà Rịa – Vũng Tàu a-14, Tuyên Quang a-18, national c-10)', () => {
    const vinhPhuc = read('Có đến 5/9 huyện, thành phố đạt tỷ lệ này dưới 3% và cả 9/9 huyện, thành phố đạt tỷ lệ dưới 10%.');
    expect(vinhPhuc.filter((f) => f.kind === 'threshold-count').map((f) => [f.numerator, f.denominator, f.rate])).toEqual([[5, 9, 3], [9, 9, 10]]);
    const brvt = read('PCI xếp thứ 16/63 tỉnh, thành phố (tăng 2 bậc so với năm 2015).');
    expect(brvt.find((f) => f.kind === 'rank')).toMatchObject({ value: 16, denominator: 63 });
    const score = read('Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của tỉnh đạt 82,5%, tăng 1,2% so với năm 2020.');
    expect(score.map((f) => [f.kind, f.value]).sort()).toEqual([['change', 1.2], ['score', 82.5]]);
    const provinces = read('5 tỉnh có số hồ sơ trực tuyến thấp nhất lần lượt gồm: Bạc Liêu (7,4%), Sơn La (8,3%), Nghệ An (8,6%).');
    expect(provinces.filter((f) => f.kind === 'share').every((f) => f.total === undefined)).toBe(true);
  });
});

describe('which number is the total', () => {
  it('a count that names a place between a total and its parts is not the total (Bà Rịa – Vũng Tàu a-14; seen in one report so far)', () => {
    const facts = read('Từ năm 2015-2020, UBND tỉnh đã ban hành 315 quyết định công bố 7.518 TTHC ở 3 cấp: tỉnh, huyện, xã, trong đó: 3.595 TTHC mới và thay thế, 977 TTHC sửa đổi, bổ sung, 2.926 TTHC bị bãi bỏ.');
    const breakdowns = facts.filter((f) => f.kind === 'breakdown');
    expect(breakdowns.map((f) => [f.total, f.parts?.map((p) => p.value)])).toEqual([[7518, [3595, 977, 2926]]]);
  });

  it('the parts of a total open after its cue, never inside it (Côn Đảo b-04)', () => {
    const facts = read('Cụ thể, trong 3 tháng đầu năm, Bộ phận một cửa đã tiếp nhận 3.001 hồ sơ, trong đó nhận mới 3.000 hồ sơ, kỳ trước chuyển qua 01 hồ sơ; đã giải quyết và trả kết quả 2.998 hồ sơ, đạt tỷ lệ 99,9%.');
    expect(facts.filter((f) => f.kind === 'breakdown').map((f) => [f.total, f.role, f.parts?.map((p) => p.value)])).toEqual([[3001, 'in-hand', [3000, 1]]]);
  });
});

describe('classes found on the second batch of passages (d-*, e-*: communes, districts, provinces, ministries)', () => {
  it('a count of units of a level is about that level’s units (Thanh Hóa e-05, Nha Trang d-10, Đà Lạt c-17)', () => {
    expect(valued(read('Trung tâm Phục vụ hành chính công tỉnh hướng dẫn 166 xã, phường mới vận hành hệ thống.'), 166)?.scope).toMatchObject({ reach: 'levels', levels: ['commune'] });
    expect(valued(read('Trong 27 xã, phường của thành phố, chỉ 3 đơn vị có tỷ lệ hồ sơ trễ hạn trên 2%.'), 27)?.scope).toMatchObject({ reach: 'levels', levels: ['commune'] });
    expect(valued(read('UBND tỉnh đánh giá 9 huyện, thành phố trong năm.'), 9)?.scope).toMatchObject({ reach: 'levels', levels: ['district'] });
    // A name after the level word is one unit, not the level.
    expect(valued(read('UBND huyện đã kiểm tra 3 xã Tân Lập trong quý.'), 3)?.scope?.levels).not.toEqual(['commune']);
  });

  it('ministries and departments are named whole, and a ministry’s own name is its own (Bộ GTVT e-07, Bộ Tư pháp e-08, Sở Tư pháp e-14)', () => {
    const gtvt = read('Đến nay, Bộ Giao thông vận tải đã có 12 thủ tục hành chính tham gia NSW.');
    expect(valued(gtvt, 12)?.scope).toMatchObject({ reach: 'named', name: 'Bộ Giao thông vận tải' });
    expect(relativeScope(valued(gtvt, 12)!.scope!, { name: 'Bộ Giao thông vận tải' }).reach).toBe('own');
    const soTuPhap = read('Năm 2017, Sở Tư pháp tỉnh Hải Dương đã cấp 10.766 phiếu LLTP.');
    expect(valued(soTuPhap, 10766)?.scope).toMatchObject({ reach: 'named', name: 'Sở Tư pháp' });
    expect(valued(read('Bộ Công thương đã tích hợp 131 DVCTT.'), 131)?.scope).toMatchObject({ reach: 'named', name: 'Bộ Công thương' });
  });

  it('the flow’s roles in one long sentence: a total with carried-over files, parts in brackets, a channel in another clause (Lạng Sơn e-01, Bình Thuận e-19)', () => {
    const langSon = read('Tổng số hồ sơ tiếp nhận tại Trung tâm trong tháng 7 năm 2019 là 2.099 hồ sơ, trong đó kỳ trước chuyển sang là 554 hồ sơ; tiếp nhận mới là 1.545, tiếp nhận trực tuyến 531 hồ sơ, tiếp nhận qua dịch vụ bưu chính công ích 23 hồ sơ; thực hiện trả kết quả 1.501 hồ sơ, trong đó có 399 hồ sơ trước hạn (chiếm 26,6%), 1.093 hồ sơ đúng hạn (chiếm 72,8%), 09 hồ sơ trả trễ hẹn (chiếm 0,6%); còn 562 hồ sơ đang trong quá trình giải quyết, trong đó có 556 hồ sơ chưa đến hạn, 06 hồ sơ quá hạn.');
    const count = (v: number) => langSon.find((f) => f.kind === 'count' && f.value === v);
    expect([2099, 399, 1093, 9, 562, 556, 6, 23].map((v) => count(v)?.indicator))
      .toEqual(['hoso.received', 'hoso.early', 'hoso.on_time', 'hoso.late', 'hoso.in_progress', 'hoso.in_progress_on_time', 'hoso.in_progress_late', 'hoso.postal']);
    const rate = (r: number) => langSon.find((f) => f.kind === 'rate' && f.rate === r)?.role;
    expect([26.6, 72.8, 0.6].map(rate)).toEqual(['early', 'on-time', 'late']);
    // Each figure knows where it is printed in its quote: that is how a channel two clauses on is told apart.
    for (const f of langSon) {
      const printed = f.evidence.figure && f.evidence.quote.slice(f.evidence.figure.start, f.evidence.figure.end);
      expect(printed, f.label).toMatch(/^\d[\d.,]*%?$/u);
    }
    expect(count(23)?.evidence.figure).toEqual({ start: langSon[0]!.evidence.quote.indexOf(' 23 ') + 1, end: langSon[0]!.evidence.quote.indexOf(' 23 ') + 3 });
    const binhThuan = read('Trong năm 2024, Trung tâm Hành chính công tỉnh Bình Thuận đã tiếp nhận 94.665 hồ sơ thủ tục hành chính và giải quyết 94.985 hồ sơ, bao gồm cả những hồ sơ tồn đọng từ năm trước.');
    expect([94665, 94985].map((v) => valued(binhThuan, v)?.role)).toEqual(['received', 'resolved']);
    // The channel in the figure's own clause stays its indicator.
    expect(valued(read('Số hồ sơ tiếp nhận trực tuyến tại Bộ phận Một cửa UBND huyện là 1.623 hồ sơ.'), 1623)?.indicator).toBe('hoso.online');
  });

  it('a part takes its total’s scope, a bare `tổng số` its sentence’s noun, and groups are no total of what they hold (Phù Liễn d-02, Phú Giáo d-01, Đắk Lắk e-04)', () => {
    const phuLien = read('Từ ngày 1/7 đến nay, Uỷ ban nhân dân phường đã tiếp nhận 3.718 hồ sơ thủ tục hành chính, trong đó có 2.255 hồ sơ được nộp trực tuyến, chiếm 61%.');
    expect(valued(phuLien, 2255)?.scope).toMatchObject({ reach: 'levels', levels: ['commune'] });
    const phuGiao = read('Riêng các hồ sơ thuộc thẩm quyền cấp xã, có tổng số 2.760, với 2.602 hồ sơ được giải quyết đúng và trước hạn, chiếm 96,2%.');
    expect(phuGiao.find((f) => f.kind === 'count' && f.value === 2760)).toMatchObject({ unit: 'hồ sơ', scope: { reach: 'named' } });
    expect(phuGiao.find((f) => f.kind === 'rate')).toMatchObject({ numerator: 2602, denominator: 2760 });
    // `Riêng cấp xã` names a level, read as one.
    expect(valued(read('Riêng cấp xã tiếp nhận 1.000 hồ sơ.'), 1000)?.scope).toMatchObject({ reach: 'levels', levels: ['commune'] });
    const dakLak = read('Việc giải quyết theo cơ chế “Một cửa liên thông” đã được thực hiện với 05 lĩnh vực gồm 76 thủ tục, tiếp nhận 139 hồ sơ, giải quyết và trả kết quả đúng hạn 133 hồ sơ.');
    expect(dakLak.filter((f) => f.kind === 'breakdown')).toEqual([]);
    // Parts smaller than their total, of other nouns, still break it down.
    expect(read('Rà soát 38 văn bản của cấp huyện (gồm 10 nghị quyết, 28 quyết định).').filter((f) => f.kind === 'breakdown')).toHaveLength(1);
  });

  it('a place alone after a ranking verb is a rank, a change counts no step of the flow, and a bare figure after `là` counts its clause’s noun (Thanh Hóa e-05, Tây Ninh e-16, Bộ Tư pháp e-08, Bình Thuận e-19, Lạng Sơn e-01)', () => {
    expect(read('Tỷ lệ hồ sơ trực tuyến của Thanh Hóa đứng thứ 4 cả nước.').find((f) => f.kind === 'rank')).toMatchObject({ value: 4 });
    const tayNinh = read('Năm 2019, Tây Ninh nằm vị trí số 44, năm 2018 xếp vị trí thứ 40 trên cả nước.');
    expect(tayNinh.filter((f) => f.kind === 'rank').map((f) => f.value)).toEqual([44, 40]);
    // An ordinal that is no place in a ranking stays out.
    expect(read('Đây là lần thứ 3 huyện tổ chức đối thoại.').filter((f) => f.kind === 'rank')).toEqual([]);
    const change = read('Trong 6 tháng, đã tiếp nhận 326.000 hồ sơ (tăng 46% so với cùng kỳ năm 2023).').find((f) => f.kind === 'change');
    expect(change?.role).toBeUndefined();
    expect(valued(read('Số hồ sơ hoàn thành toàn bộ quy trình số hóa là 9.143, với 159 hồ sơ đã tái sử dụng kết quả số hóa.'), 9143)).toMatchObject({ kind: 'count', unit: 'hồ sơ' });
    expect(read('Tổng số hồ sơ tiếp nhận là 2.099 hồ sơ, trong đó kỳ trước chuyển sang là 554 hồ sơ; tiếp nhận mới là 1.545, tiếp nhận trực tuyến 531 hồ sơ.')
      .find((f) => f.kind === 'count' && f.value === 1545)).toMatchObject({ unit: 'hồ sơ', role: 'new' });
  });
});
