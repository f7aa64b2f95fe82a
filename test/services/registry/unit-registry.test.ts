import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { AdminUnit } from '../../../schemas/registry/admin-unit.ts';
import { readRegistryData } from '../../../schemas/registry/registry-files.ts';
import { loadUnitRegistry, UnitRegistry } from '../../../services/registry/unit-registry.ts';

const registry = loadUnitRegistry();
const BEFORE = '2020-12-31';
const AFTER = '2025-12-31';

function levels(units: readonly AdminUnit[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of units) out[u.level] = (out[u.level] ?? 0) + 1;
  return out;
}

describe('unit registry (shipped data)', () => {
  it('is loaded once and shared', () => {
    expect(loadUnitRegistry()).toBe(registry);
    expect(registry.firstDate).toBe('2008-08-01');
    expect(Object.isFrozen(registry.units)).toBe(true);
    expect(Object.isFrozen(registry.units[0])).toBe(true);
  });

  it('counts units per level on each side of 1 July 2025', () => {
    expect(levels(registry.unitsAt(BEFORE))).toEqual({ province: 63, district: 705, commune: 10_599 });
    expect(levels(registry.unitsAt('2025-06-30'))).toEqual({ province: 63, district: 705, commune: 10_599 });
    expect(levels(registry.unitsAt('2025-07-01'))).toEqual({ province: 34, commune: 3_321 });
    expect(levels(registry.unitsAt(AFTER))).toEqual({ province: 34, commune: 3_321 });
    expect(registry.unitsAt(BEFORE, 'district')).toHaveLength(705);
    expect(registry.unitsAt('2008-07-31')).toEqual([]);
    expect(registry.at(BEFORE).levels).toEqual(['province', 'district', 'commune']);
    expect(registry.at(AFTER).levels).toEqual(['province', 'commune']);
  });

  it('finds every parent in force on the same date', () => {
    for (const date of ['2008-08-01', BEFORE, '2025-06-30', '2025-07-01', AFTER]) {
      const orphans = registry.unitsAt(date).filter((u) => u.parent !== undefined && registry.get(u.parent, date) === undefined);
      expect(orphans, date).toEqual([]);
    }
  });

  it('keys records by (code, validFrom), one code never in force twice at once', () => {
    const keys = registry.units.map((u) => `${u.code}@${u.validFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const date of [BEFORE, AFTER]) {
      const codes = registry.unitsAt(date).map((u) => u.code);
      expect(new Set(codes).size, date).toBe(codes.length);
    }
    expect(registry.units).toHaveLength(63 + 705 + 10_599 + 34 + 3_321);
  });

  it('answers by date: one code, two units', () => {
    expect(registry.get('19873', BEFORE)).toMatchObject({ name: 'Xã Quảng Ngạn', level: 'commune', parent: '477', validTo: '2025-06-30' });
    expect(registry.get('19873', AFTER)).toMatchObject({ name: 'Phường Phong Quảng', level: 'commune', parent: '46', validFrom: '2025-07-01' });
    expect(registry.history('19873').map((u) => u.name)).toEqual(['Xã Quảng Ngạn', 'Phường Phong Quảng']);
    expect(registry.sameUnit('19873', '2016-12-31', '2025-06-30')).toBe(true);
    expect(registry.sameUnit('19873', '2025-06-30', '2025-07-01')).toBe(false);
    expect(registry.sameUnit('46', '2025-06-30', '2025-07-01')).toBe(false);
    expect(registry.get('477', AFTER)).toBeUndefined();
    expect(registry.get('99', BEFORE)).toBeUndefined();
  });

  it('walks the tree: parent, ancestors, children, descendants', () => {
    expect(registry.parent('19873', BEFORE)?.name).toBe('Huyện Quảng Điền');
    expect(registry.ancestors('19873', BEFORE).map((u) => u.code)).toEqual(['477', '46']);
    expect(registry.ancestors('19873', AFTER).map((u) => u.code)).toEqual(['46']);
    expect(registry.ancestors('46', BEFORE)).toEqual([]);
    expect(registry.parent('46', BEFORE)).toBeUndefined();
    const districts = registry.children('46', BEFORE);
    expect(districts.every((u) => u.level === 'district')).toBe(true);
    expect(districts.map((u) => u.name)).toContain('Huyện A Lưới');
    const below = registry.descendants('46', BEFORE);
    expect(below.slice(0, districts.length)).toEqual(districts);
    expect(below.filter((u) => u.level === 'commune')).toHaveLength(registry.children('46', BEFORE).flatMap((d) => registry.children(d.code, BEFORE)).length);
    expect(registry.children('46', AFTER).every((u) => u.level === 'commune')).toBe(true);
    expect(registry.descendants('46', AFTER)).toEqual(registry.children('46', AFTER));
    expect(registry.children('19873', BEFORE)).toEqual([]);
  });

  it('picks the map in force for a report period: the last day of the period', () => {
    const cases: [string, string | undefined][] = [
      ['2016', '2016-12-31'],
      ['2020-Q1', '2020-03-31'],
      ['2020-H1', '2020-06-30'],
      ['2020-M02', '2020-02-29'],
      ['2020-9M', '2020-09-30'],
      ['2011..2020', '2020-12-31'],
      ['2025-H1', '2025-06-30'],
      ['2025-Q3', '2025-09-30'],
      ['2001..2005', '2008-08-01'],
      ['unknown', undefined],
    ];
    for (const [period, date] of cases) expect(registry.dateFor(period), period).toBe(date);
    expect(registry.hierarchyFor('2025-H1')?.levels).toEqual(['province', 'district', 'commune']);
    expect(registry.hierarchyFor('2025')?.levels).toEqual(['province', 'commune']);
    expect(registry.hierarchyFor('2025-Q4')?.get('19873')?.name).toBe('Phường Phong Quảng');
    expect(registry.hierarchyFor('1999')?.get('19873')?.name).toBe('Xã Quảng Ngạn');
    expect(registry.hierarchyFor('unknown')).toBeUndefined();
    expect(registry.hierarchyFor('2016')).toBe(registry.hierarchyFor('2011..2020'));
  });

  it('rejects a malformed date', () => {
    expect(() => registry.get('94', '2020-13-01')).toThrow(RangeError);
    expect(() => registry.at('31/12/2020')).toThrow(RangeError);
  });

  it('follows the 1 July 2025 successions both ways', () => {
    expect(registry.successorsOf('19873').map((u) => u.name)).toEqual(['Phường Phong Quảng']);
    expect(registry.predecessorsOf('19873').map((u) => u.name)).toEqual(['Xã Điền Hải', 'Xã Quảng Ngạn', 'Xã Quảng Công']);
    expect(registry.successorsOf('46').map((u) => u.name)).toEqual(['Thành phố Huế']);
    expect(registry.successorsOf('94').map((u) => u.name)).toEqual(['Thành phố Cần Thơ']);
    expect(registry.successorsOf('60').map((u) => u.name)).toEqual(['Tỉnh Lâm Đồng']);
    expect(registry.successorsOf('318').map((u) => u.name)).toEqual(['Đặc khu Bạch Long Vĩ']);
    const district = registry.successorsOf('481');
    expect(district.length).toBeGreaterThan(1);
    expect(district.every((u) => u.level === 'commune' && u.parent === '46')).toBe(true);
    expect(registry.successorsOf('99999')).toEqual([]);
    // Every old province lands in exactly one new province.
    const provinces = registry.unitsAt('2025-06-30', 'province');
    expect(provinces.filter((p) => registry.successorsOf(p.code).length !== 1).map((p) => p.name)).toEqual([]);
  });

  it('builds its indexes fast (well under 200 ms for the whole country)', () => {
    const data = readRegistryData();
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const start = performance.now();
      const fresh = UnitRegistry.fromData(data);
      fresh.at(BEFORE).withNameKey('quảng ngạn');
      fresh.at(AFTER).withNameKey('quảng ngạn');
      times.push(performance.now() - start);
    }
    expect(Math.min(...times)).toBeLessThan(200);
  });
});

describe('unit registry (own data)', () => {
  const unit = (over: Partial<AdminUnit>): AdminUnit => ({ code: '01', name: 'Tỉnh Một', level: 'province', type: 'tỉnh', validFrom: '2020-01-01', ...over });

  it('rejects overlapping records of one code and a parent missing for part of a unit’s life', () => {
    expect(() => new UnitRegistry([unit({}), unit({ name: 'Tỉnh Hai', validFrom: '2021-01-01' })])).toThrow(/overlap/);
    expect(() => new UnitRegistry([
      unit({ validTo: '2020-12-31' }),
      unit({ code: '001', name: 'Huyện Con', level: 'district', type: 'huyện', parent: '01' }),
    ])).toThrow(/parent 01 is not in force/);
  });

  it('splits time at every change, including a change of one unit inside an edition', () => {
    const registry = new UnitRegistry([
      unit({}),
      unit({ code: '001', name: 'Huyện Cũ', level: 'district', type: 'huyện', parent: '01', validTo: '2022-03-31' }),
      unit({ code: '001', name: 'Thị xã Mới', level: 'district', type: 'thị xã', parent: '01', validFrom: '2022-04-01' }),
    ]);
    expect(registry.get('001', '2022-03-31')?.name).toBe('Huyện Cũ');
    expect(registry.get('001', '2022-04-01')?.name).toBe('Thị xã Mới');
    expect(registry.at('2022-03-31')).toMatchObject({ validFrom: '2020-01-01', validTo: '2022-03-31' });
    expect(registry.at('2022-04-01')).toMatchObject({ validFrom: '2022-04-01', validTo: undefined });
    expect(registry.children('01', '2021-06-01').map((u) => u.name)).toEqual(['Huyện Cũ']);
    expect(registry.sameUnit('001', '2021-01-01', '2023-01-01')).toBe(false);
  });

  it('checks successions against the units in force on each side', () => {
    const units = [unit({ validTo: '2025-06-30' }), unit({ code: '02', name: 'Tỉnh Mới', validFrom: '2025-07-01' })];
    expect(() => new UnitRegistry(units, [{ from: '02', to: '02', via: 'code' }], { from: '2025-06-30', to: '2025-07-01' })).toThrow(/02 is not in force on 2025-06-30/);
    const ok = new UnitRegistry(units, [{ from: '01', to: '02', via: 'code' }], { from: '2025-06-30', to: '2025-07-01' });
    expect(ok.successorsOf('01').map((u) => u.name)).toEqual(['Tỉnh Mới']);
  });
});
