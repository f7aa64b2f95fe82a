import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../../../services/consolidator/rules/document-rules.ts';
import { flagId } from '../../../../services/consolidator/rules/flag-id.ts';
import { analyzeDocument } from '../../../../services/parser/document-analysis.ts';
import { readDocument } from '../../../../services/parser/document-reader.ts';
import { doc, fact } from '../../../support/fact-builder.ts';

const SAMPLES = join(import.meta.dirname, '../../../../samples');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function flagsOf(file: string) {
  const document = await readDocument(new Uint8Array(readFileSync(join(SAMPLES, file))), DOCX, file);
  return checkDocument({ unit: 'unknown', period: 'unknown', facts: analyzeDocument('b'.repeat(64), document).facts });
}

describe('checkDocument', () => {
  it('gives a flag a stable id from rule, unit, period and facts (order of facts does not matter)', () => {
    expect(flagId('r', '94', '2016', ['a', 'b'])).toBe(flagId('r', '94', '2016', ['b', 'a']));
    expect(flagId('r', '94', '2016', ['a'])).not.toBe(flagId('r', '94', '2017', ['a']));
    const facts = [fact({ kind: 'ratio', numerator: 845938, denominator: 846314, rate: 89.39 })];
    expect(checkDocument(doc(facts))[0]!.id).toBe(checkDocument(doc(facts))[0]!.id);
  });

  it('carries evidence (report, page, quote, span) from the facts into the flag', () => {
    const f = fact({ kind: 'ratio', numerator: 13, denominator: 29, rate: 41.93 }, 'có 13/29 đơn vị … đạt tỷ lệ 41,93%', 3);
    const [flag] = checkDocument(doc([f]));
    expect(flag!.evidence).toEqual([{ reportId: f.reportId, page: 3, quote: f.evidence.quote, start: f.evidence.start, end: f.evidence.end }]);
    expect(flag).toMatchObject({ unit: 'unknown', period: '2022' });
  });
});

/**
 * The seeds' real inconsistencies, found by the product (README "Samples" lists them, found
 * by reading), and the seeds' correct figures left alone: nothing else is raised.
 */
describe('on the sample reports', () => {
  const summary = (flags: Awaited<ReturnType<typeof flagsOf>>) => flags.map((f) => `${f.severity} ${f.ruleId} ${JSON.stringify(f.values)}`);

  it('covers every sample', () => {
    expect(readdirSync(SAMPLES).filter((f) => f.endsWith('.docx'))).toHaveLength(5);
  });

  it('000 A Lưới: the shares fit 218 and 270 people, not the stated 207 and 268; 365 TTHC listed as 362', async () => {
    const flags = await flagsOf('000-huyen-a-luoi-cchc-2011-2020.docx');
    expect(flags.filter((f) => f.severity !== 'info').map((f) => [f.ruleId, f.severity, f.values.base ?? f.values.total])).toEqual([
      ['sum_mismatch.breakdown', 'warning', 365],
      ['granularity.percent_of_count', 'error', 207],
      ['granularity.percent_of_count', 'error', 268],
    ]);
    expect(flags[1]!.suggestion?.vi).toContain('218');
    expect(flags[2]!.suggestion?.vi).toContain('270');
  });

  it('001: the savings parts (15,806 tỷ) hold "trên 15,08 tỷ" but pass it by far more than its printed precision: a warning suggesting 15,806', async () => {
    const flags = await flagsOf('001-huyen-cchc-2019.docx');
    expect(summary(flags)).toEqual([
      'warning sum_mismatch.breakdown {"total":15080000000,"parts_sum":15806000000,"part_1":5778000000,"part_2":606000000,"part_3":122000000,"part_4":9300000000}',
    ]);
    expect(flags[0]!.suggestion!.vi).toContain('15,806 tỷ đồng');
  });

  it('002 Sóc Trăng: 845.938/846.314 is not 89,39% (946.314 would be), 13/29 is not 41,93%', async () => {
    const flags = await flagsOf('002-tinh-soc-trang-cchc-2016.docx');
    expect(summary(flags)).toEqual([
      'error rate_mismatch.reported_vs_computed {"numerator":845938,"denominator":846314,"reported_rate":89.39,"computed_rate":99.96}',
      'error rate_mismatch.reported_vs_computed {"numerator":13,"denominator":29,"reported_rate":41.93,"computed_rate":44.83}',
    ]);
    expect(flags[0]!.suggestion?.vi).toContain('946.314');
    expect(flags[0]!.evidence[0]!.quote).toContain('845.938/846.314');
  });

  it('003 Quảng Ngạn: 24 staff vs 19 + 03 + 03 by qualification (the parts open the next sentence); 24 present against a quota of 23 in 2020 (appendix table)', async () => {
    expect(summary(await flagsOf('003-xa-quang-ngan-cchc-2011-2020.docx'))).toEqual([
      'error sum_mismatch.breakdown {"total":24,"parts_sum":25,"part_1":19,"part_2":3,"part_3":3}',
      'error bounds.staff_present_le_assigned {"staff.present":24,"staff.assigned":23}',
    ]);
  });

  it('004 Bắc Bình: 21.196 received vs 18.642 + 2.553; the communes\' 17.108 resolved vs 4.845 on time + 12.262 late, paragraphs apart; the rates 0,01 off are truncation or 100 minus the other (info)', async () => {
    const flags = await flagsOf('004-huyen-bac-binh-cchc-2022.docx');
    expect(flags.filter((f) => f.severity !== 'info').map((f) => [f.ruleId, f.severity, f.values.total])).toEqual([
      ['sum_mismatch.breakdown', 'warning', 21196],
      ['file_flow.resolved_eq_timely_plus_late.across_paragraphs', 'warning', 17108],
    ]);
    const communes = flags.find((f) => f.ruleId.startsWith('file_flow'))!;
    expect(communes.values).toMatchObject({ part_1: 4845, part_2: 12262, parts_sum: 17107 });
    expect(communes.evidence.map((e) => e.quote).join(' ')).toContain('Bộ phận Một cửa cấp xã');
    expect(flags.filter((f) => f.family === 'rate_mismatch').map((f) => [f.severity, f.values.reported_rate])).toEqual([
      ['info', 12.05], ['info', 85.45], ['info', 14.55], ['info', 71.68],
    ]);
  });
});
