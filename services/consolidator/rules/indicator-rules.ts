import type { Fact } from '../../../schemas/fact/v1.ts';
import { VALIDATION_RULES, type RuleOp, type ValidationRule } from '../../../schemas/rules/validation-rule.ts';
import { en, vi, type DocumentFacts, type FlagDraft } from './flag-draft.ts';
import { groupBy } from './group-by.ts';
import { combinations } from './combinations.ts';

/**
 * Rules between named indicators (schemas/rules/validation-rules.json) inside one report.
 * Two figures are compared only where the report puts them side by side — one column of
 * one table, or one sentence — so `tiếp nhận` at district level is never set against
 * `đã giải quyết` at commune level. When a group holds an indicator more than once (a
 * parent row and its sub-row both read as `staff.assigned`), every combination is tried
 * and a flag is raised only for a combination that fails while the figures are stated.
 */
export function indicatorRuleViolations(doc: DocumentFacts, rules: readonly ValidationRule[] = VALIDATION_RULES.rules): FlagDraft[] {
  const out: FlagDraft[] = [];
  for (const group of groups(doc.facts)) {
    const byCode = groupBy(group, (f) => f.indicator);
    for (const rule of rules) {
      const codes = [...rule.left, ...rule.right];
      if (!codes.every((c) => byCode.has(c))) continue;
      for (const picked of combinations(codes.map((c) => byCode.get(c)!), 32)) {
        if (new Set(picked).size < picked.length) continue;
        const left = sum(picked.slice(0, rule.left.length));
        const right = sum(picked.slice(rule.left.length));
        if (holds(left, rule.op, right, rule.tolerance)) continue;
        const period = picked[0]!.period ?? doc.period;
        const values: Record<string, number> = {};
        codes.forEach((c, i) => { values[c] = picked[i]!.value!; });
        const fill = (t: string, fmt: (n: number) => string) => t.replace(/\{left\}/g, fmt(left)).replace(/\{right\}/g, fmt(right))
          .replace(/\{gap\}/g, fmt(left - right)).replace(/\{period\}/g, period);
        out.push({
          ruleId: rule.id, family: rule.family, severity: rule.severity, left, right, imbalance: left - right, values, facts: picked,
          message: { vi: fill(rule.message.vi, vi), en: fill(rule.message.en, en) },
        });
      }
    }
  }
  return out;
}

/** One table column, or one sentence: the figures a report states side by side. */
function groups(facts: readonly Fact[]): Fact[][] {
  return [...groupBy(facts, (f) => {
    if (!f.indicator || f.value === undefined || !(f.kind === 'count' || f.kind === 'table-cell' || f.kind === 'money')) return undefined;
    return f.table ? `t|${f.evidence.reportId}|${f.table.index}|${f.table.column}` : `s|${f.evidence.reportId}|${f.evidence.page}|${f.evidence.quote}`;
  }).values()];
}

function sum(facts: readonly Fact[]): number {
  return facts.reduce((s, f) => s + f.value!, 0);
}

export function holds(left: number, op: RuleOp, right: number, tolerance = 0): boolean {
  switch (op) {
    case '==': return Math.abs(left - right) <= tolerance;
    case '<=': return left <= right + tolerance;
    case '>=': return left + tolerance >= right;
    case '<': return left < right + tolerance;
    case '>': return left + tolerance > right;
  }
}
