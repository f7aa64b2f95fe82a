import { en, vi, type DocumentFacts, type FlagDraft } from './flag-draft.ts';

/**
 * bounds: figures that cannot be — a numerator above its denominator (`30/29 xã`), a share
 * of a whole above 100 %, a negative count. A rate of a plan (`đạt 120% kế hoạch`) may
 * pass 100 and is not checked here. Bounds between named indicators (staff present ≤
 * staff assigned) are rules in schemas/rules/validation-rules.json.
 */
export const BOUNDS_RATIO = 'bounds.numerator_le_denominator';
export const BOUNDS_SHARE = 'bounds.share_le_100';
export const BOUNDS_COUNT = 'bounds.count_ge_0';

export function boundViolations(doc: DocumentFacts): FlagDraft[] {
  const out: FlagDraft[] = [];
  for (const fact of doc.facts) {
    const { numerator: n, denominator: d } = fact;
    if ((fact.kind === 'ratio' || fact.kind === 'coverage') && n !== undefined && d !== undefined && n > d) {
      out.push({
        ruleId: BOUNDS_RATIO, family: 'bounds', severity: 'error', left: n, right: d, imbalance: n - d,
        values: { numerator: n, denominator: d }, facts: [fact],
        message: {
          vi: `Tử số ${vi(n)} lớn hơn mẫu số ${vi(d)} (${fact.unit}): phần không thể lớn hơn tổng.`,
          en: `The numerator ${en(n)} exceeds the denominator ${en(d)} (${fact.unit}): a part cannot exceed its whole.`,
        },
      });
    }
    if ((fact.kind === 'share' || fact.kind === 'coverage' || fact.kind === 'ratio') && fact.rate !== undefined && fact.rate > 100) {
      out.push({
        ruleId: BOUNDS_SHARE, family: 'bounds', severity: 'error', left: fact.rate, right: 100, imbalance: fact.rate - 100,
        values: { reported_rate: fact.rate }, facts: [fact],
        message: {
          vi: `Tỷ lệ ${vi(fact.rate)}% của một tổng thể vượt quá 100%.`,
          en: `A share of a whole of ${en(fact.rate)}% exceeds 100%.`,
        },
      });
    }
    const count = fact.kind === 'count' || fact.kind === 'table-cell' ? fact.value : undefined;
    if (count !== undefined && count < 0 && fact.unit !== '%') {
      out.push({
        ruleId: BOUNDS_COUNT, family: 'bounds', severity: 'error', left: count, right: 0, imbalance: count,
        values: { value: count }, facts: [fact],
        message: { vi: `Số lượng âm (${vi(count)} ${fact.unit}).`, en: `A negative count (${en(count)} ${fact.unit}).` },
      });
    }
  }
  return out;
}
