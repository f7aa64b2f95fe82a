import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedPipeline } from '../../pipelines/embedded-runner.ts';
import type { StoredFlag } from '../../services/consolidator/flag-queries.ts';
import { listConsolidatedFigures } from '../../services/consolidator/figure-queries.ts';
import { generateProvince, type SyntheticProvince } from '../../samples/synthetic/province-generator.ts';
import { ingestProvince, strayErrors, type IngestedProvince } from '../support/province-pipeline.ts';

/**
 * End to end after the reform of 1 July 2025: Lai Châu (12) on the two-level map, 38 communes
 * straight under the province, two half-years. The province states its communes' files
 * (`cấp xã trên địa bàn tỉnh`) beside its own centre's; one half-year it overstates the
 * communes' online files (hierarchy), the other one commune sends nothing (completeness).
 * Uploads carry no claims: the parser must find each commune under its new province.
 */
describe('a two-level province (after 1 July 2025) through the embedded pipeline', () => {
  let province: SyntheticProvince;
  let run: IngestedProvince;
  let pipeline: EmbeddedPipeline;
  let flags: StoredFlag[];

  beforeAll(async () => {
    province = generateProvince({ provinceCode: '12', periods: ['2025-H2', '2026-H1'], seed: 3, errors: [{ kind: 'hierarchy' }, { kind: 'completeness' }] });
    run = await ingestProvince(province, 'tonghop-two-level-');
    ({ pipeline, flags } = run);
  }, 600_000);

  afterAll(() => run.close());

  it('places every commune under the province, with no district between', async () => {
    const placed = await pipeline.db.all<{ unit_code: string; period: string }>(`SELECT unit_code, period FROM reports ORDER BY unit_code, period`);
    expect(placed).toHaveLength(province.reports.length);
    expect(placed.filter((r) => r.unit_code === 'unknown' || r.period === 'unknown')).toEqual([]);
    const parents = await pipeline.db.all<{ parent: string }>(`SELECT DISTINCT parent FROM observations WHERE level = 'commune'`);
    expect(parents).toEqual([{ parent: '12' }]);
  });

  it('flags the province’s communes total against its 38 communes, with both figures and the coverage', () => {
    const e = province.manifest.find((m) => m.kind === 'hierarchy')!;
    expect(e.unit.code).toBe('12');
    const flag = flags.map((f) => f.flag).find((f) => f.family === 'hierarchy' && f.unit === '12' && f.period === e.period);
    expect(flag, e.description).toMatchObject({
      severity: 'error', indicators: ['hoso.online'],
      values: { reported: e.printed.text['hoso.online'], derived: e.trueValues['hoso.online'], children_reported: 38, children_expected: 38 },
    });
    expect(flag!.message.vi).toContain('cấp xã trên địa bàn');
    expect(flag!.message.vi).toContain('38/38');
  });

  it('gives the missing commune a completeness flag and the province no hierarchy error for it', async () => {
    const gone = province.manifest.find((m) => m.kind === 'completeness')!;
    const raised = flags.map((f) => f.flag);
    expect(raised.some((f) => f.family === 'completeness' && f.period === gone.period)).toBe(true);
    expect(raised.filter((f) => f.family === 'hierarchy' && f.period === gone.period)).toEqual([]);
    const [figure] = await listConsolidatedFigures(pipeline.db, { unit: '12', period: gone.period, indicator: 'hoso.received' });
    expect(figure).toMatchObject({ scope: 'commune', children_expected: 38, children_reported: 37 });
    expect(figure!.derived).toBeLessThan(figure!.reported!);
  });

  it('raises nothing else at error level', () => {
    expect(strayErrors(province, flags)).toEqual([]);
  });
});
