import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG } from '../../../schemas/indicators/catalog.ts';
import { buildObservations } from '../../../services/consolidator/observation-builder.ts';
import { nextPeriod, periodPlace, previousPeriod } from '../../../services/consolidator/period-series.ts';
import { fact } from '../../support/fact-builder.ts';
import { testRegistry } from '../../support/consolidation-harness.ts';

const ctx = { reportId: 'a'.repeat(64), unit: '90001', period: '2022', registry: testRegistry(), catalog: INDICATOR_CATALOG };

describe('observations from a report’s facts', () => {
  it('takes one figure per indicator and period, with the unit’s place in the register', () => {
    const { observations, conflicts } = buildObservations([
      fact({ kind: 'count', indicator: 'hoso.received', value: 120 }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 120 }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 95, period: '2021' }),
      fact({ kind: 'rate', indicator: 'hoso.rate_on_time', rate: 97.5, unit: '%' }),
      fact({ kind: 'count', label: 'no indicator', value: 7 }),
    ], ctx);
    expect(conflicts).toEqual([]);
    expect(observations.map((o) => [o.indicator, o.period, o.value, o.decimals, o.ambiguous])).toEqual([
      ['hoso.received', '2022', 120, 0, false],
      ['hoso.received', '2021', 95, 0, false],
      ['hoso.rate_on_time', '2022', 97.5, 1, false],
    ]);
    expect(observations[0]).toMatchObject({ parent: '901', province: '90', level: 'commune', as_of: '2022-12-31', unit_valid_from: '2008-08-01', period_kind: 'year', period_index: 2022 });
  });

  it('leaves out bounds and changes, and marks several different text values ambiguous instead of choosing', () => {
    const { observations } = buildObservations([
      fact({ kind: 'count', indicator: 'hoso.received', value: 21196 }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 20019 }),
      fact({ kind: 'money', indicator: 'finance.savings', value: 15_080_000_000, qualifier: 'above', unit: 'VND' }),
      fact({ kind: 'change', indicator: 'hoso.resolved', value: 12 }),
    ], ctx);
    expect(observations.map((o) => [o.indicator, o.value, o.ambiguous])).toEqual([['hoso.received', 21196, true]]);
  });

  it('leaves out a figure the report gives for another named unit or agency (Vĩnh Phúc a-01: `Huyện Lập Thạch … 0,33%` in the province\'s report)', () => {
    const { observations } = buildObservations([
      fact({ kind: 'rate', indicator: 'hoso.rate_late', rate: 3.45, unit: '%', scope: { reach: 'levels', levels: ['district', 'commune'], from: 'sentence' } }),
      fact({ kind: 'rate', indicator: 'hoso.rate_late', rate: 0.33, unit: '%', scope: { reach: 'named', name: 'Huyện Lập Thạch', from: 'sentence' } }),
    ], ctx);
    expect(observations.map((o) => [o.indicator, o.value, o.ambiguous])).toEqual([['hoso.rate_late', 3.45, false]]);
  });

  it('keeps apart whose figure it is: a district’s own office, its communes, all levels, and what it does not say (district reports, class 1 of #12)', () => {
    const district = { ...ctx, unit: '901' };
    const { observations, conflicts } = buildObservations([
      fact({ kind: 'count', indicator: 'hoso.received', value: 1200, scope: { reach: 'own', from: 'sentence', cue: 'Bộ phận Một cửa UBND huyện' } }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 1200, scope: { reach: 'levels', levels: ['district'], from: 'sentence', cue: 'cấp huyện' } }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 8400, scope: { reach: 'levels', levels: ['commune'], from: 'sentence', cue: 'cấp xã trên địa bàn huyện' } }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 9600, scope: { reach: 'area', from: 'paragraph', cue: 'toàn huyện' } }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 9600 }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 9000, scope: { reach: 'levels', levels: ['district', 'commune'], from: 'sentence', cue: 'cấp huyện, cấp xã' } }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 700, scope: { reach: 'levels', levels: ['province'], from: 'sentence', cue: 'cấp tỉnh' } }),
      // A table row of the communes that disagrees with the text's communes is a conflict of that scope only.
      fact({ kind: 'table-cell', indicator: 'hoso.received', value: 8500, scope: { reach: 'levels', levels: ['commune'], from: 'sentence', cue: 'cấp xã' } }),
    ], district);
    expect(observations.map((o) => [o.scope, o.value, o.ambiguous])).toEqual([
      ['own', 1200, false], ['commune', 8500, true], ['area', 9600, false], ['unstated', 9600, false], ['levels', 9000, true],
    ]);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.message.vi).toContain('của cấp xã trên địa bàn');
  });

  it('reads every figure of a commune as its own, whatever the words (it has no level below)', () => {
    const { observations } = buildObservations([
      fact({ kind: 'count', indicator: 'hoso.received', value: 350, scope: { reach: 'own', from: 'sentence', cue: 'Bộ phận Một cửa xã' } }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 350, scope: { reach: 'area', from: 'sentence', cue: 'toàn xã' } }),
      fact({ kind: 'count', indicator: 'hoso.received', value: 350 }),
    ], ctx);
    expect(observations.map((o) => [o.scope, o.value, o.ambiguous])).toEqual([['own', 350, false]]);
  });

  it('prefers the table to the text; a single disagreement between them is a conflict, and the figure stays out of rollups', () => {
    const text = fact({ kind: 'count', indicator: 'hoso.received', value: 120 }, 'đã tiếp nhận 120 hồ sơ', 2);
    const table = fact({ kind: 'table-cell', indicator: 'hoso.received', value: 210 }, '| Tiếp nhận | 210 |', 6);
    const { observations, conflicts } = buildObservations([text, table], ctx);
    expect(observations.map((o) => [o.value, o.source, o.fact_id, o.ambiguous])).toEqual([[210, 'table', table.id, true]]);
    expect(conflicts).toMatchObject([{ ruleId: 'conflict.text_vs_table', severity: 'error', values: { text: 120, table: 210 }, facts: [text, table] }]);
  });

  it('does not call a percentage printed at two precisions a conflict, nor money printed in tỷ against its VND', () => {
    const { conflicts, observations } = buildObservations([
      fact({ kind: 'rate', indicator: 'hoso.rate_on_time', rate: 97.5, unit: '%' }),
      fact({ kind: 'table-cell', indicator: 'hoso.rate_on_time', value: 97.48, unit: '%' }),
      fact({ kind: 'money', indicator: 'finance.savings', value: 15_080_000_000, unit: 'VND' }),
      fact({ kind: 'table-cell', indicator: 'finance.savings', value: 15_081_234_000, unit: 'VND' }),
    ], ctx);
    expect(conflicts).toEqual([]);
    expect(observations.find((o) => o.indicator === 'finance.savings')?.tolerance).toBe(500);
  });

  it('gives nothing for an unknown unit or period', () => {
    expect(buildObservations([fact({ kind: 'count', indicator: 'hoso.received', value: 1 })], { ...ctx, unit: 'unknown' }).observations).toEqual([]);
    expect(buildObservations([fact({ kind: 'count', indicator: 'hoso.received', value: 1 })], { ...ctx, period: 'unknown' }).observations).toEqual([]);
  });
});

describe('period series', () => {
  it('places periods of each kind so the previous one is index − 1', () => {
    expect(periodPlace('2022')).toEqual({ kind: 'year', index: 2022 });
    expect(periodPlace('2022-Q1')!.index - periodPlace('2021-Q4')!.index).toBe(1);
    expect(periodPlace('2022-M01')!.index - periodPlace('2021-M12')!.index).toBe(1);
    expect(periodPlace('2011..2020')).toEqual({ kind: 'stage', index: 2020 });
    expect(periodPlace('unknown')).toBeUndefined();
    expect(['2021', '2021-Q4', '2021-H2', '2021-M12', '2021-9M', '2011..2020'].map((p) => nextPeriod(p))).toEqual(['2022', '2022-Q1', '2022-H1', '2022-M01', '2022-9M', undefined]);
    expect(['2022', '2022-Q1', '2022-H1', '2022-M01', '2022-9M', '2011..2020'].map((p) => previousPeriod(p))).toEqual(['2021', '2021-Q4', '2021-H2', '2021-M12', '2021-9M', undefined]);
  });
});
