// The synthetic province's figures and errors, without reading a document: determinism,
// coherence of clean data up the hierarchy, and that each injected error is what the
// manifest says and stays apart from the others.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ERRORS, ERROR_KINDS } from '../../../samples/synthetic/injected-error.ts';
import { generateProvince, type ExpectedReport, type SyntheticProvince } from '../../../samples/synthetic/province-generator.ts';
import { ADDITIVE_CODES, COUNT_CODES, RATE_PARTS, RATE_CODES, TTHC_PARTS } from '../../../samples/synthetic/synthetic-indicators.ts';
import { formatCount, formatPercent, isRoundingTie, periodPhrase, ratePercent, slug } from '../../../samples/synthetic/vietnamese-format.ts';
import { loadUnitRegistry } from '../../../services/registry/unit-registry.ts';

const PERIODS = ['2020', '2021', '2022', '2023', '2024'];

function reportsByKey(province: SyntheticProvince): Map<string, ExpectedReport> {
  return new Map(province.expected.reports.map((r) => [`${r.unit.code}|${r.period}`, r]));
}

describe('Vietnamese number format', () => {
  it('groups thousands with dots and rounds percentages half up on the exact fraction', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(3, true)).toBe('03');
    expect(ratePercent(1150, 1200)).toBe(95.83);
    expect(ratePercent(1521, 1600)).toBe(95.06);
    expect(formatPercent(95.8)).toBe('95,80');
    expect(isRoundingTie(1, 80000)).toBe(false);
    expect(isRoundingTie(19013, 20000)).toBe(true);
    expect(periodPhrase('2025-H1')).toBe('6 tháng đầu năm 2025');
    expect(periodPhrase('2024-Q3')).toBe('quý III năm 2024');
    expect(slug('Thành phố Phan Rang-Tháp Chàm')).toBe('thanh-pho-phan-rang-thap-cham');
  });
});

describe('generateProvince', () => {
  it('gives the same bytes for the same seed, and other figures for another seed', () => {
    const options = { provinceCode: '58', periods: ['2022', '2023'], seed: 11 };
    const a = generateProvince(options);
    const b = generateProvince(options);
    expect(a.reports.map((r) => r.files.map((f) => f.name))).toEqual(b.reports.map((r) => r.files.map((f) => f.name)));
    a.reports.forEach((r, i) => r.files.forEach((f, j) => expect(Buffer.from(f.bytes).equals(Buffer.from(b.reports[i]!.files[j]!.bytes))).toBe(true)));
    expect(a.manifest).toEqual(b.manifest);
    const c = generateProvince({ ...options, seed: 12, formats: [] });
    expect(c.expected.reports.map((r) => r.text)).not.toEqual(a.expected.reports.map((r) => r.text));
  });

  it('leaves clean figures alone when errors are added', () => {
    const clean = reportsByKey(generateProvince({ seed: 5, formats: [], errors: [] }));
    const spoiled = generateProvince({ seed: 5, formats: [] });
    const touched = new Set(spoiled.manifest.map((e) => e.period));
    for (const report of spoiled.expected.reports) {
      if (touched.has(report.period)) continue;
      expect(report.text).toEqual(clean.get(`${report.unit.code}|${report.period}`)!.text);
    }
  });

  describe('a clean province', () => {
    const province = generateProvince({ provinceCode: '58', periods: PERIODS, seed: 3, formats: [], errors: [] });
    const reports = reportsByKey(province);
    const hierarchy = loadUnitRegistry().hierarchyFor('2022')!;

    it('has a report from every commune, district and the province for every period', () => {
      const units = [province.expected.province.code, ...hierarchy.descendants('58').map((u) => u.code)];
      expect(province.expected.reports).toHaveLength(units.length * PERIODS.length);
      expect(province.manifest).toEqual([]);
      expect(province.expected.flags).toEqual([]);
      expect(province.expected.missing).toEqual([]);
    });

    it('sums every additive figure up the hierarchy, and prints the same in text and table', () => {
      for (const report of province.expected.reports) {
        expect(report.table).toEqual(report.text);
        if (report.unit.level === 'commune') continue;
        const children = province.expected.reports.filter((r) => r.unit.parent === report.unit.code && r.period === report.period);
        expect(children.length).toBeGreaterThan(0);
        for (const code of ADDITIVE_CODES) expect(report.text[code], `${report.unit.code} ${report.period} ${code}`).toBe(children.reduce((s, c) => s + c.text[code], 0));
      }
    });

    it('keeps every report consistent: parts add up, rates fit their counts, bounds hold', () => {
      for (const { text: f } of province.expected.reports) {
        expect(f['hoso.received']).toBe(f['hoso.resolved'] + f['hoso.in_progress']);
        expect(f['hoso.resolved']).toBe(f['hoso.on_time'] + f['hoso.late']);
        expect(f['tthc.total']).toBe(TTHC_PARTS.reduce((s, p) => s + f[p], 0));
        expect(f['staff.present']).toBeLessThanOrEqual(f['staff.assigned']);
        expect(f['hoso.online']).toBeLessThanOrEqual(f['hoso.received']);
        expect(f['feedback.resolved']).toBeLessThanOrEqual(f['feedback.received']);
        for (const code of COUNT_CODES) expect(f[code]).toBeGreaterThanOrEqual(1);
        for (const rate of RATE_CODES) {
          const { numerator, denominator } = RATE_PARTS[rate];
          expect(f[rate]).toBe(ratePercent(f[numerator], f[denominator]));
          expect(isRoundingTie(f[numerator], f[denominator])).toBe(false);
        }
      }
    });

    it('keeps commune figures stable from period to period', () => {
      for (const commune of province.expected.reports.filter((r) => r.unit.level === 'commune' && r.period === '2021')) {
        const before = reports.get(`${commune.unit.code}|2020`)!.text['hoso.received'];
        expect(commune.text['hoso.received'] / before).toBeGreaterThan(0.7);
        expect(commune.text['hoso.received'] / before).toBeLessThan(1.45);
      }
    });
  });

  describe('injected errors', () => {
    const province = generateProvince({ provinceCode: '58', periods: PERIODS, seed: 1, formats: [] });
    const reports = reportsByKey(province);
    const byKind = new Map(province.manifest.map((e) => [e.kind, e]));

    it('are one of each kind by default, in distinct units and (district, period) slots', () => {
      expect(DEFAULT_ERRORS.map((e) => e.kind)).toEqual([...ERROR_KINDS]);
      expect(province.manifest.map((e) => e.kind)).toEqual([...ERROR_KINDS]);
      expect(province.manifest.every((e) => e.family === e.kind)).toBe(true);
      expect(new Set(province.manifest.map((e) => e.unit.code)).size).toBe(province.manifest.length);
      const map = loadUnitRegistry().hierarchyFor('2022')!;
      const slot = (e: (typeof province.manifest)[number]) => `${e.unit.level === 'commune' ? map.get(e.unit.code)!.parent! : e.unit.code}|${e.period}`;
      expect(new Set(province.manifest.map(slot)).size).toBe(province.manifest.length);
      expect(province.expected.flags.map((f) => f.errorId)).toEqual(province.manifest.map((e) => e.id));
    });

    it('rate_mismatch prints a rate clearly off its counts, in text and table', () => {
      const e = byKind.get('rate_mismatch')!;
      const report = reports.get(`${e.unit.code}|${e.period}`)!;
      const rate = e.indicators[0] as (typeof RATE_CODES)[number];
      const { numerator, denominator } = RATE_PARTS[rate];
      expect(report.text[rate]).toBe(report.table[rate]);
      expect(ratePercent(report.text[numerator], report.text[denominator]) - report.text[rate]).toBeGreaterThanOrEqual(3.5);
      expect(e.trueValues[rate]).toBe(ratePercent(report.text[numerator], report.text[denominator]));
    });

    it('sum_mismatch prints procedure counts whose parts miss the total by more than one', () => {
      const e = byKind.get('sum_mismatch')!;
      const f = reports.get(`${e.unit.code}|${e.period}`)!.text;
      expect(Math.abs(f['tthc.total'] - TTHC_PARTS.reduce((s, p) => s + f[p], 0))).toBeGreaterThanOrEqual(12);
    });

    it('bounds prints more staff present than the quota, and the parents still add up', () => {
      const e = byKind.get('bounds')!;
      const report = reports.get(`${e.unit.code}|${e.period}`)!;
      expect(report.text['staff.present']).toBeGreaterThan(report.text['staff.assigned']);
      const district = reports.get(`${report.unit.parent!}|${e.period}`)!;
      expect(district.text['staff.present']).toBeLessThanOrEqual(district.text['staff.assigned']);
    });

    it('hierarchy makes only the parent differ from the sum of its children', () => {
      const e = byKind.get('hierarchy')!;
      const code = e.indicators[0] as (typeof ADDITIVE_CODES)[number];
      const parent = reports.get(`${e.unit.code}|${e.period}`)!;
      const children = province.expected.reports.filter((r) => r.unit.parent === e.unit.code && r.period === e.period);
      const sum = children.reduce((s, c) => s + c.text[code], 0);
      expect(parent.text[code] - sum).toBeGreaterThanOrEqual(5);
      expect(e.trueValues[code]).toBe(sum);
      expect(parent.table[code]).toBe(parent.text[code]);
    });

    it('conflict makes the appendix differ from the text in one report only', () => {
      const e = byKind.get('conflict')!;
      const differing = province.expected.reports.filter((r) => JSON.stringify(r.text) !== JSON.stringify(r.table));
      expect(differing.map((r) => `${r.unit.code}|${r.period}`)).toEqual([`${e.unit.code}|${e.period}`]);
      const code = e.indicators[0]!;
      expect(differing[0]!.table[code]).not.toBe(differing[0]!.text[code]);
    });

    it('completeness leaves out exactly one report', () => {
      const e = byKind.get('completeness')!;
      expect(reports.has(`${e.unit.code}|${e.period}`)).toBe(false);
      expect(province.expected.missing).toEqual([expect.objectContaining({ errorId: e.id, period: e.period, files: e.files })]);
      expect(province.expected.reports).toHaveLength(73 * PERIODS.length - 1);
    });

    it('outlier multiplies one commune figure by ten in an inner period and carries it up', () => {
      const e = byKind.get('outlier')!;
      const code = e.indicators[0] as (typeof ADDITIVE_CODES)[number];
      expect(e.printed.text[code]).toBe(10 * e.trueValues[code]!);
      expect(PERIODS.slice(1, -1)).toContain(e.period);
      const report = reports.get(`${e.unit.code}|${e.period}`)!;
      const district = reports.get(`${report.unit.parent!}|${e.period}`)!;
      const siblings = province.expected.reports.filter((r) => r.unit.parent === report.unit.parent && r.period === e.period);
      expect(district.text[code]).toBe(siblings.reduce((s, c) => s + c.text[code], 0));
      expect(Number(e.details.districtChange)).toBeLessThan(0.15);
    });
  });

  it('honours requested units, levels and indicators, and refuses what cannot be', () => {
    const province = generateProvince({ seed: 2, formats: [], errors: [{ kind: 'hierarchy', level: 'province' }, { kind: 'rate_mismatch', unit: '584', period: '2021', indicator: 'hoso.rate_resolved' }] });
    expect(province.manifest.map((e) => [e.kind, e.unit.code, e.indicators[0]])).toEqual([['hierarchy', '58', 'hoso.online'], ['rate_mismatch', '584', 'hoso.rate_resolved']]);
    expect(province.manifest[1]!.period).toBe('2021');
    // The province's hierarchy error is in its statement of its district offices (`cấp huyện`), not in its communes' figures.
    const e = province.manifest[0]!;
    const own = (code: string) => province.reports.find((r) => r.unit.code === code && r.period === e.period)!.spec;
    const districts = province.reports.filter((r) => r.unit.level === 'district' && r.period === e.period);
    const officesSum = districts.reduce((sum, r) => sum + r.spec.offices!.own['hoso.online'], 0);
    expect(own('58').offices!.districts!['hoso.online'] - officesSum).toBe(Number(e.details.delta));
    expect(e.trueValues['hoso.online']).toBe(officesSum);
    expect(own('58').text['hoso.online']).toBe(districts.reduce((sum, r) => sum + r.spec.text['hoso.online'], 0));
    expect(() => generateProvince({ formats: [], errors: [{ kind: 'hierarchy', indicator: 'staff.trained' }] })).toThrow(/not allowed/);
    expect(() => generateProvince({ formats: [], errors: [{ kind: 'bounds', level: 'province' }] })).toThrow(/not at province level/);
    expect(() => generateProvince({ formats: [], errors: [{ kind: 'outlier', indicator: 'hoso.received' }] })).toThrow(/not allowed/);
    expect(() => generateProvince({ formats: [], periods: ['2025'] })).toThrow(/58 is not a province code/);
    expect(() => generateProvince({ formats: [], periods: ['2024', '2025'] })).toThrow(/different administrative maps/);
    expect(() => generateProvince({ formats: [], provinceCode: '584' })).toThrow(/not a province/);
  });

  it('makes a two-level province after 1 July 2025: communes straight under it, its figure their sum, a district’s default errors its own', () => {
    const province = generateProvince({ provinceCode: '12', periods: ['2025-H2', '2026-H1'], seed: 3, formats: [], errors: [{ kind: 'hierarchy' }, { kind: 'completeness' }] });
    const communes = province.reports.filter((r) => r.unit.level === 'commune');
    expect(province.reports.filter((r) => r.unit.level === 'district')).toEqual([]);
    expect(new Set(communes.map((r) => r.unit.parent))).toEqual(new Set(['12']));
    const [hierarchy, gone] = province.manifest;
    expect([hierarchy!.kind, hierarchy!.unit.code, gone!.kind, gone!.unit.level]).toEqual(['hierarchy', '12', 'completeness', 'commune']);
    expect(hierarchy!.period).not.toBe(gone!.period);
    // The province's communes statement is their sum, but for the injected delta; it has no district offices to state.
    const top = province.reports.find((r) => r.unit.level === 'province' && r.period === hierarchy!.period)!.spec;
    const sum = communes.filter((r) => r.period === hierarchy!.period).reduce((s, r) => s + r.spec.text['hoso.online'], 0);
    expect(top.text['hoso.online'] - sum).toBe(Number(hierarchy!.details.delta));
    expect(top.text['hoso.received']).toBe(communes.filter((r) => r.period === hierarchy!.period).reduce((s, r) => s + r.spec.text['hoso.received'], 0));
    expect(top.offices?.districts).toBeUndefined();
    expect(() => generateProvince({ provinceCode: '12', periods: ['2026-H1'], formats: [], errors: [{ kind: 'sum_mismatch', level: 'district' }] })).toThrow(/no districts/);
  });

  it('leaves out a district without communes, and files are named after period, level, code and name', () => {
    const province = generateProvince({ provinceCode: '48', periods: ['2024'], seed: 1, formats: ['docx'], errors: [] });
    expect(province.expected.skippedUnits).toEqual([{ code: '498', name: 'Huyện Hoàng Sa' }]);
    expect(province.reports.map((r) => r.files[0]!.name)).toContain('2024-district-490-quan-lien-chieu.docx');
  });
});
