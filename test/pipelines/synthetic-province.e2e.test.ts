import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedPipeline } from '../../pipelines/embedded-runner.ts';
import type { StoredFlag } from '../../services/consolidator/flag-queries.ts';
import { listConsolidatedFigures } from '../../services/consolidator/figure-queries.ts';
import { storeTotals } from '../../services/consolidator/report-store.ts';
import { generateProvince, type SyntheticProvince } from '../../samples/synthetic/province-generator.ts';
import { DEFAULT_ERRORS } from '../../samples/synthetic/injected-error.ts';
import { ingestProvince, strayErrors, type IngestedProvince } from '../support/province-pipeline.ts';

/**
 * End to end on a real province (Ninh Thuận, 58: 7 districts, 65 communes) over five years:
 * every commune, district and province report, generated with one error of each kind and a
 * second hierarchy error in the province (samples/synthetic/), goes through the embedded pipeline as an upload without claims — the
 * parser must find the unit and period itself. Reports alternate between DOCX and PDF.
 * Then: every injected error is flagged under its unit and period with its family, and
 * nothing else is flagged at error level. Parents state their figures by scope, as real ones
 * do: a district its communes' (`cấp xã trên địa bàn huyện`) beside its own office's, the
 * province its district offices' (`cấp huyện`) and its communes'.
 */
describe('a synthetic province through the embedded pipeline', () => {
  let province: SyntheticProvince;
  let run: IngestedProvince;
  let pipeline: EmbeddedPipeline;
  let flags: StoredFlag[];

  beforeAll(async () => {
    province = generateProvince({ provinceCode: '58', seed: 7, errors: [...DEFAULT_ERRORS, { kind: 'hierarchy', level: 'province' }] });
    run = await ingestProvince(province, 'tonghop-province-');
    ({ pipeline, flags } = run);
  }, 600_000);

  afterAll(() => run.close());

  it('reads every report and places it under its unit and period', async () => {
    const totals = await storeTotals(pipeline.db);
    expect(totals).toMatchObject({ reports: province.reports.length, parsed: province.reports.length, failed: 0 });
    const placed = await pipeline.db.all<{ unit_code: string; period: string }>(`SELECT unit_code, period FROM reports ORDER BY unit_code, period`);
    const expected = province.reports.map((r) => ({ unit_code: r.unit.code, period: r.period }))
      .sort((a, b) => (a.unit_code + a.period < b.unit_code + b.period ? -1 : 1));
    expect(placed).toEqual(expected);
  });

  it('flags every injected error with its family, under its unit and period', () => {
    const raised = flags.map((f) => f.flag);
    const missing = province.expected.flags.filter((e) => !raised.some((f) => f.family === e.family && f.unit === e.unit && f.period === e.period));
    expect(missing).toEqual([]);
    expect(new Set(province.expected.flags.map((e) => e.family))).toEqual(new Set(['rate_mismatch', 'sum_mismatch', 'bounds', 'hierarchy', 'conflict', 'completeness', 'outlier']));
  });

  it('flags each hierarchy error, a district’s and the province’s, with the two figures, the scope and the coverage', () => {
    const errors = province.manifest.filter((e) => e.kind === 'hierarchy');
    expect(errors.map((e) => e.unit.level).sort()).toEqual(['district', 'province']);
    for (const e of errors) {
      const flag = flags.map((f) => f.flag).find((f) => f.family === 'hierarchy' && f.unit === e.unit.code && f.period === e.period);
      const children = Number(e.details.children);
      expect(flag, e.description).toMatchObject({
        severity: 'error', indicators: ['hoso.online'],
        values: { reported: e.printed.text['hoso.online'], derived: e.trueValues['hoso.online'], children_reported: children, children_expected: children },
      });
      expect(flag!.message.vi).toContain(e.unit.level === 'province' ? 'cấp huyện trên địa bàn' : 'cấp xã trên địa bàn');
      expect(flag!.message.vi).toContain(`${children}/${children}`);
    }
  });

  it('gives a commune that did not report a completeness flag, not a hierarchy error for its district', () => {
    const gone = province.manifest.find((e) => e.kind === 'completeness')!;
    const raised = flags.map((f) => f.flag);
    expect(raised.some((f) => f.family === 'completeness' && f.period === gone.period)).toBe(true);
    expect(raised.filter((f) => f.family === 'hierarchy' && f.unit === gone.details.district && f.period === gone.period)).toEqual([]);
  });

  it('raises nothing else at error level', () => {
    expect(strayErrors(province, flags)).toEqual([]);
  });

  it('keeps the province’s reported and derived figures side by side, with full coverage where nothing is missing', async () => {
    const period = province.expected.periods.find((p) => !province.expected.missing.some((m) => m.period === p))!;
    const figures = await listConsolidatedFigures(pipeline.db, { unit: '58', period, indicator: 'hoso.received' });
    // Its communes' files against the districts' statements of theirs, its district offices' against their own, its centre's alone.
    expect(figures.map((f) => f.scope)).toEqual(['commune', 'district', 'own']);
    for (const figure of figures.filter((f) => f.scope !== 'own')) {
      expect(figure).toMatchObject({ children_expected: 7, children_reported: 7, coverage: 1 });
      expect(figure.reported).toBe(figure.derived);
    }
  });
});
