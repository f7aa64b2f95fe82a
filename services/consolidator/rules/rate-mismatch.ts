import type { Fact } from '../../../schemas/fact/v1.ts';
import type { Severity } from '../../../schemas/flag/v1.ts';
import { describeFixes, findFixes } from './fix-suggestion.ts';
import { en, vi, type DocumentFacts, type FlagDraft } from './flag-draft.ts';
import { passageCounts, passageOf } from './passage.ts';
import { decimalsOf, printsAs, roundTo, samePrinted, truncateTo } from './printed-precision.ts';

/**
 * rate_mismatch: a reported percentage against the numerator and denominator it is of.
 *
 * The rate must equal 100·n/d at the precision it is printed with (`55%` for 55,05 is
 * right; `89,39%` for 99,96 is not). What is not an error:
 *   - truncation instead of rounding (85,459 printed 85,45) → info;
 *   - "100 minus the other rate" (14,55% beside 85,45%, which add up to 100) → info;
 *   - the rate fits another base stated in the same passage (`giải quyết đúng hẹn 4.201
 *     hồ sơ, đạt 22,54%` is of the 18.642 resolved, not the 21.196 received): said in the
 *     message, `warning` when the report wrote the other base as `n/d`; nothing at all when
 *     the base was only inferred by the parser (kind `rate`: its guess was wrong, not the report).
 * A rate whose base was inferred and that nothing explains is a `warning`; a stated `n/d`
 * whose rate is wrong is an `error`, with the one-slip fix when one balances.
 */
export const RATE_MISMATCH = 'rate_mismatch.reported_vs_computed';

const NAMES = {
  numerator: { vi: 'tử số', en: 'numerator' },
  denominator: { vi: 'mẫu số', en: 'denominator' },
  reported_rate: { vi: 'tỷ lệ báo cáo', en: 'reported rate' },
};

export function rateMismatches(doc: DocumentFacts): FlagDraft[] {
  const out: FlagDraft[] = [];
  for (const fact of doc.facts) {
    const { numerator: n, denominator: d, rate } = fact;
    if (n === undefined || d === undefined || rate === undefined || d <= 0 || n < 0) continue;
    if (fact.kind !== 'ratio' && fact.kind !== 'coverage' && fact.kind !== 'rate') continue;
    const draft = checkRate(fact, n, d, rate, doc.facts);
    if (draft) out.push(draft);
  }
  return out;
}

function checkRate(fact: Fact, n: number, d: number, rate: number, all: readonly Fact[]): FlagDraft | undefined {
  const decimals = decimalsOf(rate);
  const computed = (100 * n) / d;
  if (samePrinted(roundTo(computed, decimals), rate, decimals)) return undefined;
  const inferred = fact.kind === 'rate';
  const values = { numerator: n, denominator: d, reported_rate: rate, computed_rate: roundTo(computed, Math.max(2, decimals)) };
  const base = { ruleId: RATE_MISMATCH, family: 'rate_mismatch' as const, left: rate, right: values.computed_rate, imbalance: roundTo(rate - computed, 4), values };
  const said = `${vi(n)}/${vi(d)}`;
  const saidEn = `${en(n)}/${en(d)}`;

  const passage = passageOf(fact, all);
  const other = passageCounts([fact, ...passage]).find((c) => c.value !== d && c.value >= n && printsAs((100 * n) / c.value, rate, decimals));
  // The parser inferred the base and another figure of the passage explains the rate: its guess was wrong, not the report.
  if (other && inferred) return undefined;
  const shown = inferred ? '' : ` (${said} = ${vi(roundTo(computed, decimals))}%)`;
  const shownEn = inferred ? '' : ` (${saidEn} = ${en(roundTo(computed, decimals))}%)`;

  if (!other && samePrinted(truncateTo(computed, decimals), rate, decimals)) {
    return { ...base, severity: 'info', facts: [fact], message: {
      vi: `Tỷ lệ ${vi(rate)}% của ${said} là ${vi(computed)}% cắt bớt chữ số thay vì làm tròn (làm tròn: ${vi(roundTo(computed, decimals))}%).`,
      en: `The rate ${en(rate)}% of ${saidEn} is ${en(computed)}% truncated instead of rounded (rounded: ${en(roundTo(computed, decimals))}%).`,
    } };
  }
  const complement = complementOf(fact, rate, decimals, passage, all);
  if (complement?.rate !== undefined) {
    return { ...base, severity: 'info', facts: [fact, complement], values: { ...values, other_rate: complement.rate }, message: {
      vi: `Tỷ lệ ${vi(rate)}% được tính bằng 100% trừ tỷ lệ ${vi(complement.rate)}% (${complement.label}), không từ số liệu${shown}.`,
      en: `The rate ${en(rate)}% is 100% minus the ${en(complement.rate)}% (${complement.label}), not computed from the figures${shownEn}.`,
    } };
  }
  if (other) {
    const label = other.fact.label || other.role;
    return { ...base, severity: 'warning', facts: [fact, other.fact], values: { ...values, other_denominator: other.value }, message: {
      vi: `Tỷ lệ ${vi(rate)}% không khớp với ${said} (${vi(roundTo(computed, decimals))}%) nhưng khớp với ${vi(n)}/${vi(other.value)} (${label}): tỷ lệ có lẽ được tính trên mẫu số khác.`,
      en: `The rate ${en(rate)}% does not match ${saidEn} (${en(roundTo(computed, decimals))}%) but matches ${en(n)}/${en(other.value)} (${label}): it was probably computed on another base.`,
    } };
  }
  const severity: Severity = inferred ? 'warning' : 'error';
  const fixes = inferred ? [] : findFixes(
    { numerator: n, denominator: d, reported_rate: rate }, ['numerator', 'denominator', 'reported_rate'],
    (v) => samePrinted(roundTo((100 * v.numerator!) / v.denominator!, decimals), v.reported_rate!, decimals),
  );
  const suggestion = describeFixes(fixes, NAMES);
  return { ...base, severity, facts: [fact], ...(suggestion ? { suggestion } : {}), message: inferred ? {
    vi: `Tỷ lệ ${vi(rate)}% không khớp với ${said} = ${vi(roundTo(computed, decimals))}% (mẫu số suy ra từ đoạn văn).`,
    en: `The rate ${en(rate)}% does not match ${saidEn} = ${en(roundTo(computed, decimals))}% (base inferred from the passage).`,
  } : {
    vi: `Tỷ lệ báo cáo ${vi(rate)}% không khớp với ${said} = ${vi(roundTo(computed, Math.max(2, decimals)))}%.`,
    en: `The reported rate ${en(rate)}% does not match ${saidEn} = ${en(roundTo(computed, Math.max(2, decimals)))}%.`,
  } };
}

/**
 * The other rate of the same whole that this one completes to 100: stated in the same
 * passage, or anywhere in the report when its own count over this rate's denominator gives it
 * (`quá hạn 12.262/17.108 … 71,68%` and, a page earlier, `đúng hẹn 4.845 hồ sơ, đạt 28,32%`).
 */
function complementOf(fact: Fact, rate: number, decimals: number, passage: readonly Fact[], all: readonly Fact[]): Fact | undefined {
  const completes = (o: Fact) => o !== fact && o.rate !== undefined && samePrinted(o.rate + rate, 100, decimals);
  const near = passage.find(completes);
  if (near) return near;
  const d = fact.denominator!;
  return all.find((o) => completes(o) && o.numerator !== undefined && o.numerator < d && printsAs((100 * o.numerator) / d, o.rate!, decimals));
}
