import { describe, expect, it } from 'vitest';
import type { Hierarchy } from '../../../services/registry/hierarchy.ts';
import { matchUnitName, type UnitMatch, type UnitNameQuery } from '../../../services/registry/unit-name-matcher.ts';
import { loadUnitRegistry } from '../../../services/registry/unit-registry.ts';

const registry = loadUnitRegistry();

function map(period: string): Hierarchy {
  const hierarchy = registry.hierarchyFor(period);
  if (!hierarchy) throw new Error(`no map for ${period}`);
  return hierarchy;
}

function match(period: string, query: UnitNameQuery): UnitMatch {
  return matchUnitName(map(period), query);
}

/** `19873 Xã Quảng Ngạn` for a match, the candidates' codes for an ambiguity, the reason otherwise. */
function summary(result: UnitMatch): string | string[] {
  if (result.status === 'matched') return `${result.unit.code} ${result.unit.name}`;
  if (result.status === 'ambiguous') return result.candidates.map((u) => u.code);
  return result.reason;
}

const HUE = { name: 'Thừa Thiên Huế', level: 'province' } as const;

describe('unit name matcher: the seed reports, as the parser reads them', () => {
  it('000: huyện A Lưới, with tỉnh Thừa Thiên Huế as context, giai đoạn 2011–2020', () => {
    expect(match('2011..2020', { name: 'A Lưới', level: 'district', context: [HUE] })).toMatchObject({ status: 'matched', via: 'exact', unit: { code: '481', name: 'Huyện A Lưới', parent: '46' } });
  });

  it('001: an unnamed district (2019): nothing to match, the level alone names no unit', () => {
    expect(match('2019', { name: '', level: 'district' })).toEqual({ status: 'unknown', reason: 'no-name' });
    expect(match('2019', { name: 'UBND huyện' })).toEqual({ status: 'unknown', reason: 'no-name' });
  });

  it('002: tỉnh Sóc Trăng, 2016 — the level tells the province from its capital city', () => {
    expect(summary(match('2016', { name: 'Sóc Trăng', level: 'province' }))).toBe('94 Tỉnh Sóc Trăng');
    expect(summary(match('2016', { name: 'Sóc Trăng' }))).toEqual(['94', '941']);
  });

  it('003: xã Quảng Ngạn (huyện Quảng Điền), with the province or the district as context', () => {
    expect(summary(match('2011..2020', { name: 'Quảng Ngạn', level: 'commune', context: [HUE] }))).toBe('19873 Xã Quảng Ngạn');
    expect(summary(match('2011..2020', { name: 'Quảng Ngạn', level: 'commune', context: [{ name: 'Quảng Điền', level: 'district' }] }))).toBe('19873 Xã Quảng Ngạn');
    expect(summary(match('2011..2020', { name: 'xã Quảng Ngạn' }))).toBe('19873 Xã Quảng Ngạn');
    expect(registry.ancestors('19873', '2020-12-31').map((u) => u.name)).toEqual(['Huyện Quảng Điền', 'Tỉnh Thừa Thiên Huế']);
  });

  it('004: huyện Bắc Bình, tỉnh Bình Thuận, 2022', () => {
    expect(summary(match('2022', { name: 'Bắc Bình', level: 'district', context: [{ name: 'Bình Thuận', level: 'province' }] }))).toBe('596 Huyện Bắc Bình');
  });
});

describe('unit name matcher: never guesses', () => {
  it('says ambiguous for a name many communes share, and narrows with context', () => {
    const all = match('2020', { name: 'Tân Thành', level: 'commune' });
    expect(all.status).toBe('ambiguous');
    if (all.status !== 'ambiguous') return;
    expect(all.candidates.length).toBeGreaterThan(20);
    expect(all.candidates.every((u) => u.name.endsWith(' Tân Thành'))).toBe(true);
    expect(summary(match('2020', { name: 'xã Tân Thành', context: [{ name: 'tỉnh Lạng Sơn' }] }))).toEqual(['06250', '06379', '06442']);
    expect(summary(match('2020', { name: 'xã Tân Thành', context: [{ name: 'tỉnh Lạng Sơn' }, { name: 'huyện Bắc Sơn' }] }))).toBe('06379 Xã Tân Thành');
    expect(summary(match('2020', { name: 'xã Tân Thành', context: [{ name: 'Bắc Sơn', level: 'district' }] }))).toBe('06379 Xã Tân Thành');
  });

  it('says ambiguous when a district and its town share a name, unless the type word or level decides', () => {
    expect(summary(match('2020', { name: 'A Lưới' }))).toEqual(['481', '20044']);
    expect(summary(match('2020', { name: 'huyện A Lưới' }))).toBe('481 Huyện A Lưới');
    expect(summary(match('2020', { name: 'thị trấn A Lưới' }))).toBe('20044 Thị trấn A Lưới');
    expect(summary(match('2020', { name: 'A Lưới', level: 'commune' }))).toBe('20044 Thị trấn A Lưới');
  });

  it('prefers the printed type among units of one level (thị trấn and xã Yên Viên, huyện Gia Lâm)', () => {
    const context = [{ name: 'huyện Gia Lâm' }];
    expect(summary(match('2020', { name: 'Yên Viên', context }))).toEqual(['00526', '00532']);
    expect(summary(match('2020', { name: 'thị trấn Yên Viên', context }))).toBe('00526 Thị trấn Yên Viên');
    expect(summary(match('2020', { name: 'xã Yên Viên', context }))).toBe('00532 Xã Yên Viên');
  });

  it('says unknown, with the reason, when nothing fits', () => {
    expect(match('2020', { name: 'Quảng Ngạn', context: [{ name: 'Sóc Trăng', level: 'province' }] })).toEqual({ status: 'unknown', reason: 'not-in-context' });
    expect(match('2020', { name: 'xã Không Tồn Tại' })).toEqual({ status: 'unknown', reason: 'not-found' });
    expect(match('2020', { name: 'Quảng Ngạn', level: 'district' })).toEqual({ status: 'unknown', reason: 'not-found' });
    expect(match('2020', { name: 'huyện Quảng Ngạn' })).toEqual({ status: 'unknown', reason: 'not-found' });
  });

  it('folds diacritics only as a fallback, and still refuses to choose', () => {
    expect(match('2020', { name: 'Quang Ngan', context: [{ name: 'Thua Thien Hue' }] })).toMatchObject({ status: 'matched', via: 'folded', unit: { code: '19873' } });
    // Quảng Ngạn (Thừa Thiên Huế) and Quảng Ngần (Hà Giang) fold alike.
    expect(match('2020', { name: 'UBND xa Quang Ngan' })).toMatchObject({ status: 'ambiguous', via: 'folded' });
    expect(summary(match('2020', { name: 'UBND xa Quang Ngan' }))).toEqual(['00964', '19873']);
    expect(summary(match('2020', { name: 'A LUOI', level: 'district' }))).toBe('481 Huyện A Lưới');
    expect(summary(match('2020', { name: 'HUYEN A LUOI' }))).toBe('481 Huyện A Lưới');
    expect(match('2020', { name: 'tỉnh Đăk Lăk' })).toMatchObject({ status: 'matched', via: 'folded', unit: { code: '66', name: 'Tỉnh Đắk Lắk' } });
    // The exact spelling wins over its folded look-alikes.
    expect(match('2020', { name: 'Quảng Ngần' })).toMatchObject({ status: 'matched', via: 'exact', unit: { code: '00964' } });
  });
});

describe('unit name matcher: how names are printed', () => {
  it('drops UBND / Ủy ban nhân dân and reads any case and either tone placement', () => {
    expect(summary(match('2020', { name: 'UBND XÃ QUẢNG NGẠN' }))).toBe('19873 Xã Quảng Ngạn');
    expect(summary(match('2020', { name: 'Ủy ban nhân dân huyện A Lưới' }))).toBe('481 Huyện A Lưới');
    expect(summary(match('2016', { name: 'UỶ BAN NHÂN DÂN TỈNH SÓC TRĂNG' }))).toBe('94 Tỉnh Sóc Trăng');
    expect(summary(match('2020', { name: 'tỉnh Hòa Bình' }))).toBe('17 Tỉnh Hoà Bình');
    expect(summary(match('2020', { name: '**xã Quảng Ngạn**' }))).toBe('19873 Xã Quảng Ngạn');
  });

  it('reads thành phố and TP. as a province or a district, by name and type', () => {
    expect(summary(match('2016', { name: 'thành phố Sóc Trăng' }))).toBe('941 Thành phố Sóc Trăng');
    expect(summary(match('2020', { name: 'TP. Hồ Chí Minh' }))).toBe('79 Thành phố Hồ Chí Minh');
    expect(summary(match('2020', { name: 'TP.HCM' }))).toBe('79 Thành phố Hồ Chí Minh');
    expect(summary(match('2020', { name: 'Thành phố Huế' }))).toBe('474 Thành phố Huế');
    expect(summary(match('2025-Q4', { name: 'Thành phố Huế' }))).toBe('46 Thành phố Huế');
  });

  it('ignores hyphen spacing, apostrophe style and leading zeros', () => {
    expect(summary(match('2020', { name: 'tỉnh Thừa Thiên - Huế' }))).toBe('46 Tỉnh Thừa Thiên Huế');
    expect(summary(match('2020', { name: 'Bà Rịa-Vũng Tàu' }))).toBe('77 Tỉnh Bà Rịa - Vũng Tàu');
    expect(summary(match('2020', { name: 'xã Cư M’gar' }))).toBe("24289 Xã Cư M'gar");
    expect(summary(match('2020', { name: 'Phường 5', context: [{ name: 'Quận 3' }, { name: 'TP. Hồ Chí Minh' }] }))).toBe('27151 Phường 05');
  });
});

describe('unit name matcher: after 1 July 2025 (two levels)', () => {
  it('resolves a new commune to its new code, under its province', () => {
    expect(match('2025-Q4', { name: 'Phường Phong Quảng', context: [{ name: 'thành phố Huế' }] })).toMatchObject({
      status: 'matched',
      unit: { code: '19873', name: 'Phường Phong Quảng', level: 'commune', parent: '46', validFrom: '2025-07-01' },
    });
    expect(match('2025-Q4', { name: 'UBND xã Quảng Điền', level: 'commune' })).toMatchObject({ status: 'matched', unit: { code: '19867', parent: '46' } });
    expect(registry.parent('19867', '2025-12-31')).toMatchObject({ code: '46', name: 'Thành phố Huế', level: 'province' });
  });

  it('no longer knows the old units, and ignores an old province named as context', () => {
    expect(match('2025-Q4', { name: 'Quảng Ngạn', level: 'commune' })).toEqual({ status: 'unknown', reason: 'not-found' });
    expect(match('2025-Q4', { name: 'huyện A Lưới' })).toEqual({ status: 'unknown', reason: 'not-found' });
    expect(summary(match('2025-Q4', { name: 'Phường Phong Quảng', context: [{ name: 'tỉnh Thừa Thiên Huế' }] }))).toBe('19873 Phường Phong Quảng');
    expect(match('2025-Q4', { name: 'xã Tân Thành' }).status).toBe('ambiguous');
  });

  it('uses the three-level map for a period that closed before the reform', () => {
    expect(summary(match('2025-H1', { name: 'Quảng Ngạn', level: 'commune' }))).toBe('19873 Xã Quảng Ngạn');
  });
});
