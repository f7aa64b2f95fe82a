import type { Fact } from '../../../schemas/fact/v1.ts';
import { en, vi, type DocumentFacts, type FlagDraft } from './flag-draft.ts';
import { groupBy } from './group-by.ts';
import { decimalsOf, printsAs, roundTo } from './printed-precision.ts';

/**
 * granularity (the GRIM test): a percentage of N people or things must be k/N for a
 * whole k, at the precision printed. `6,42%` of 207 people is 13,29 people — impossible;
 * of 218 it is 14. Shares stated against one base are checked together, and the bases
 * near the stated one that every share fits are reported (`218 thay vì 207`).
 *
 * Only where the base counts discrete things (not money, area or percentages), and only
 * where the test can fail: with d decimals, every percentage of N ≥ 100·10^d is reachable.
 */
export const GRANULARITY = 'granularity.percent_of_count';

const NOT_DISCRETE = /^(%|VND|đồng|tỷ|triệu|nghìn|ngàn|ha|m2|m²|km|kg|tấn|lít|giờ|phút|ngày|tháng|năm)$/i;

/** What the base counts — the fact's noun, or else the word after the base in the sentence (`207 người`) — unless it is a measure. */
function baseNoun(fact: Fact): string | undefined {
  if (fact.unit !== '%') return NOT_DISCRETE.test(fact.unit) ? undefined : fact.unit;
  const printed = fact.total!.toLocaleString('vi-VN');
  const noun = new RegExp(`(?<![\\d.,])${printed.replace(/\./g, '\\.')}\\s+(\\p{L}+)`, 'u').exec(fact.evidence.quote)?.[1];
  return noun === undefined || NOT_DISCRETE.test(noun) ? undefined : noun;
}

export function fits(rate: number, base: number): boolean {
  const decimals = decimalsOf(rate);
  const k = Math.round((rate * base) / 100);
  for (const whole of [k - 1, k, k + 1]) {
    if (whole < 0 || whole > base) continue;
    if (printsAs((100 * whole) / base, rate, decimals)) return true;
  }
  return false;
}

export function granularityViolations(doc: DocumentFacts): FlagDraft[] {
  const groups = groupBy(doc.facts, (fact) => {
    if (fact.kind !== 'share' || fact.rate === undefined || fact.total === undefined) return undefined;
    if (!Number.isInteger(fact.total) || fact.total <= 0 || baseNoun(fact) === undefined) return undefined;
    if (fact.total >= 100 * 10 ** decimalsOf(fact.rate)) return undefined;
    return `${fact.evidence.page}|${fact.evidence.quote}|${fact.total}`;
  });
  const out: FlagDraft[] = [];
  for (const shares of groups.values()) {
    const base = shares[0]!.total!;
    const noun = baseNoun(shares[0]!)!;
    const failing = shares.filter((s) => !fits(s.rate!, base));
    if (failing.length === 0) continue;
    const alternatives = basesFitting(shares.map((s) => s.rate!), base);
    const values: Record<string, number> = { base };
    shares.forEach((s, i) => { values[`share_${i + 1}`] = s.rate!; });
    const bad = failing.map((s) => `${vi(s.rate!)}% (${s.label}) = ${vi(roundTo((s.rate! * base) / 100, 2))}`).join('; ');
    const badEn = failing.map((s) => `${en(s.rate!)}% (${s.label}) = ${en(roundTo((s.rate! * base) / 100, 2))}`).join('; ');
    const fitsVi = alternatives.length ? ` Các tỷ lệ đều khớp với tổng số ${alternatives.map(vi).join(' hoặc ')}.` : '';
    const fitsEn = alternatives.length ? ` All the shares fit a base of ${alternatives.map(en).join(' or ')}.` : '';
    out.push({
      ruleId: GRANULARITY, family: 'granularity', severity: 'error', left: failing.length, right: 0, imbalance: failing.length,
      values, facts: shares,
      message: {
        vi: `${failing.length}/${shares.length} tỷ lệ không thể là tỷ lệ của ${vi(base)} ${noun}: ${bad} — không phải số nguyên.${fitsVi}`,
        en: `${failing.length} of ${shares.length} percentages cannot be of ${en(base)} ${noun}: ${badEn} — not whole numbers.${fitsEn}`,
      },
      ...(alternatives.length ? { suggestion: {
        vi: `Có thể tổng số đúng là ${alternatives.map(vi).join(' hoặc ')} thay vì ${vi(base)}. Chỉ là gợi ý: số liệu báo cáo không bị thay đổi.`,
        en: `Perhaps the base is ${alternatives.map(en).join(' or ')} rather than ${en(base)}. A suggestion only: the reported figure is not changed.`,
      } } : {}),
    });
  }
  return out;
}

/** Bases within a quarter of the stated one that every share fits, nearest first (at most 3). */
export function basesFitting(rates: readonly number[], stated: number): number[] {
  const found: number[] = [];
  const reach = Math.max(5, Math.ceil(stated * 0.25));
  for (let step = 1; step <= reach && found.length < 3; step += 1) {
    for (const b of [stated - step, stated + step]) {
      if (b > 0 && rates.every((r) => fits(r, b))) found.push(b);
    }
  }
  return found.slice(0, 3);
}
