import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../../services/consolidator/rules/document-rules.ts';
import { scopePartitionViolations } from '../../../../services/consolidator/rules/scope-partition.ts';
import { analyzeDocument } from '../../../../services/parser/document-analysis.ts';
import { passageDocument } from '../../../corpus/passage-document.ts';
import { doc, fact } from '../../../support/fact-builder.ts';

const factsOf = (text: string) => analyzeDocument('e'.repeat(64), passageDocument(text)).facts;
const partitions = (text: string) => scopePartitionViolations({ unit: 'unknown', period: 'unknown', facts: factsOf(text) });

describe('scope_partition: parts of an area cannot add up to more than the area', () => {
  it('an office and a level of units above the whole area: a warning naming each part (Tây Ninh a-11, a district shape)', () => {
    const tayNinh = partitions('Trong sáng 23-2, toàn tỉnh đã tiếp nhận 1.665 hồ sơ.\n\nTrung tâm Phục vụ hành chính công tỉnh đã tiếp nhận hơn 1.650 hồ sơ trong ngày đầu năm mới.\n\nCụ thể, cấp xã đã tiếp nhận 1.610 hồ sơ.');
    expect(tayNinh).toMatchObject([{ ruleId: 'scope_partition.parts_exceed_whole', family: 'bounds', severity: 'warning', values: { whole: 1665, parts_floor: 3260 } }]);
    expect(tayNinh[0]!.message.vi).toContain('hơn 1.650');
    const district = partitions('Năm 2023, toàn huyện tiếp nhận 12.400 hồ sơ. Trong đó, Bộ phận Một cửa UBND huyện tiếp nhận 4.100 hồ sơ; cấp xã trên địa bàn huyện tiếp nhận 8.900 hồ sơ.');
    expect(district).toMatchObject([{ severity: 'warning', values: { whole: 12400, parts_floor: 13000 } }]);
  });

  it('is quiet when the parts fit, when a part has no floor (`gần`), and for a channel’s share (Kon Tum a-05: `38.613 hồ sơ trực tiếp và bưu chính`)', () => {
    expect(partitions('Năm 2023, toàn huyện tiếp nhận 12.400 hồ sơ. Trong đó, Bộ phận Một cửa UBND huyện tiếp nhận 3.500 hồ sơ; cấp xã trên địa bàn huyện tiếp nhận 8.900 hồ sơ.')).toEqual([]);
    expect(partitions('Toàn tỉnh đã tiếp nhận 1.665 hồ sơ. Trung tâm Phục vụ hành chính công tỉnh tiếp nhận gần 1.650 hồ sơ; cấp xã đã tiếp nhận 1.610 hồ sơ.')).toEqual([]);
    expect(partitions('Trong quý I năm 2023, các cơ quan, đơn vị, địa phương trên địa bàn tỉnh đã tiếp nhận 56.039 hồ sơ thông qua Hệ thống thông tin giải quyết thủ tục hành chính (TTHC) của tỉnh.\n\n'
      + 'Trong đó, có 12.516 hồ sơ trực tuyến; 38.613 hồ sơ trực tiếp và bưu chính.\n\nCác sở, ban ngành cấp tỉnh tiếp nhận 23.233 hồ sơ; cấp huyện tiếp nhận 6.776 hồ sơ; cấp xã tiếp nhận 26.030 hồ sơ.')).toEqual([]);
  });

  it('names each part by its level in words and says how each was stated (`hơn`, `khoảng`), in both languages', () => {
    const received = { kind: 'count' as const, role: 'received' as const, indicator: 'hoso.received', unit: 'hồ sơ' };
    const flags = scopePartitionViolations(doc([
      fact({ ...received, value: 100, scope: { reach: 'area' } }),
      fact({ ...received, value: 80, scope: { reach: 'levels', levels: ['commune'] } }),
      fact({ ...received, value: 30, qualifier: 'above', scope: { reach: 'own' } }),
      fact({ ...received, value: 40, certainty: 'approximate', scope: { reach: 'levels', levels: ['district'] } }),
    ]));
    expect(flags).toHaveLength(1);
    expect(flags[0]!.values).toMatchObject({ whole: 100, parts_floor: 110 });
    expect(flags[0]!.message.vi).toContain('cấp xã: 80; đơn vị: hơn 30; cấp huyện: khoảng 40');
    expect(flags[0]!.message.en).toContain('commune level: 80; own office: over 30; district level: about 40');
    expect(flags[0]!.message.vi).not.toMatch(/commune|district/);
  });

  it('a named special zone is a unit of its own, not the area (An Giang a-15: `đặc khu Phú Quốc có 3.845 hồ sơ`)', () => {
    const facts = factsOf('Về tiến độ giải quyết, toàn tỉnh An Giang hiện còn 5.830 hồ sơ xử lý quá hạn. Trong đó, đặc khu Phú Quốc có 3.845 hồ sơ quá hạn.');
    expect(facts.find((f) => f.value === 3845)?.scope).toMatchObject({ reach: 'named', name: 'đặc khu Phú Quốc' });
    expect(checkDocument({ unit: 'unknown', period: 'unknown', facts }).filter((f) => f.ruleId.startsWith('scope_partition'))).toEqual([]);
  });
});
