import { describe, expect, it } from 'vitest';
import type { ReportMetadata } from '../../../services/parser/metadata/index.ts';
import { resolveReportUnit } from '../../../services/parser/report-unit.ts';
import { loadUnitRegistry } from '../../../services/registry/unit-registry.ts';

const span = { page: 1, start: 0, end: 1, quote: 'x' };
const meta = (name: string, level: 'province' | 'district' | 'commune', period?: string, parents: { name: string; level: 'province' | 'district' | 'commune' }[] = [], quote = 'x'): ReportMetadata => ({
  unit: { name, level, evidence: { ...span, quote }, confidence: 'high', sources: ['header'] },
  parentUnits: parents.map((p) => ({ ...p, evidence: span, confidence: 'high' as const, sources: ['body' as const] })),
  ...(period ? { period: { value: period, label: period, evidence: span, confidence: 'high' as const, zones: ['title' as const] } } : {}),
  warnings: [],
});

describe('the issuing unit’s GSO code', () => {
  const registry = loadUnitRegistry();

  it('is found on the map in force for the period, with the parents the document names', () => {
    expect(resolveReportUnit(registry, meta('Quảng Ngạn', 'commune', '2020', [{ name: 'Quảng Điền', level: 'district' }]))).toEqual({ code: '19873' });
    expect(resolveReportUnit(registry, meta('Sóc Trăng', 'province', '2016'))).toEqual({ code: '94' });
  });

  it('uses the type word the quote prints before the name when the bare name fits a xã and a thị trấn', () => {
    const parents = [{ name: 'Phước Long', level: 'district' as const }];
    expect(resolveReportUnit(registry, meta('Phước Long', 'commune', '2022', parents)).warning).toMatchObject({ code: 'unit-ambiguous-in-registry' });
    const town = resolveReportUnit(registry, meta('Phước Long', 'commune', '2022', parents, 'ỦY BAN NHÂN DÂN THỊ TRẤN PHƯỚC LONG'));
    const commune = resolveReportUnit(registry, meta('Phước Long', 'commune', '2022', parents, 'UBND xã Phước Long'));
    expect([town.code, commune.code].every((c) => c !== undefined)).toBe(true);
    expect(town.code).not.toBe(commune.code);
    expect(registry.get(town.code!, '2022-12-31')?.name).toBe('Thị trấn Phước Long');
    expect(registry.get(commune.code!, '2022-12-31')?.name).toBe('Xã Phước Long');
  });

  it('is withheld, with a reason in both languages, when the name fits several units, none, or no period is known', () => {
    const ambiguous = resolveReportUnit(registry, meta('Châu Thành', 'district', '2022'));
    expect(ambiguous.code).toBeUndefined();
    expect(ambiguous.warning).toMatchObject({ code: 'unit-ambiguous-in-registry' });
    expect(ambiguous.warning?.vi).toContain('Châu Thành');
    expect(resolveReportUnit(registry, meta('Không Có', 'commune', '2022')).warning).toMatchObject({ code: 'unit-not-in-registry' });
    expect(resolveReportUnit(registry, meta('Sóc Trăng', 'province')).warning).toMatchObject({ code: 'unit-period-unknown' });
    expect(resolveReportUnit(registry, { warnings: [] })).toEqual({});
  });
});
