import type { Fact } from '../../../schemas/fact/v1.ts';
import { describeFixes, findFixes } from './fix-suggestion.ts';
import { amountFormatters, en, vi, type DocumentFacts, type FlagDraft } from './flag-draft.ts';
import { groupBy } from './group-by.ts';
import { passageOf } from './passage.ts';
import { decimalsOf, halfUnit, printedUnit, roundTo } from './printed-precision.ts';

/**
 * sum_mismatch: a total against its parts — breakdowns in the text (`X, trong đó A, B, C`;
 * money parts already in VND) and table sub-rows (`-` rows under a numbered row).
 *
 *   - A total stated as a bound (`trên 15,08 tỷ`) is checked as a bound; parts that hold it
 *     but pass it by more than one unit of its last printed digit (15,806 tỷ) are a warning
 *     with the parts' sum as the suggested total.
 *   - Parts introduced with `trong đó` may leave some of the total out: a shortfall is at
 *     most a `warning`, and `info` when the missing amount is a count of the same thing
 *     stated just before or after (`… 04 đơn vị …` beside `72 đơn vị, trong đó 02 …, 66 …`).
 *   - Parts that exceed the total, but of which all but one add up to it exactly, are
 *     `info`: the last one is most likely a figure of its own (`… 70 thủ tục và 271 thủ tục
 *     Bưu chính công ích`).
 *   - Off by one on a total of 100 or more is a `warning`; other gaps are `error`, with
 *     the one-slip fix when one balances.
 * Table sub-rows are parts only when none of them repeats the parent's value (a row
 * `Tổng số biên chế` with sub-rows `được giao`, `có mặt` lists measures, not parts).
 */
export const SUM_BREAKDOWN = 'sum_mismatch.breakdown';
export const SUM_TABLE = 'sum_mismatch.table_subrows';

export function sumMismatches(doc: DocumentFacts): FlagDraft[] {
  const out: FlagDraft[] = [];
  for (const fact of doc.facts) {
    if (fact.kind !== 'breakdown' && !(fact.kind === 'money' && fact.parts)) continue;
    const total = fact.total ?? fact.value;
    if (total === undefined || !fact.parts || fact.parts.length < 2) continue;
    const draft = checkBreakdown(fact, total, doc.facts);
    if (draft) out.push(draft);
  }
  out.push(...tableSubrowMismatches(doc.facts));
  return out;
}

function checkBreakdown(fact: Fact, total: number, all: readonly Fact[]): FlagDraft | undefined {
  if (fact.unit === '%') return checkRateParts(fact, total);
  const parts = fact.parts!;
  const sum = parts.reduce((s, p) => s + p.value, 0);
  const gap = total - sum;
  const tolerance = fact.unit === 'VND' ? Math.max(1, total * 1e-9) : 0;
  if (Math.abs(gap) <= tolerance) return undefined;
  const values: Record<string, number> = { total, parts_sum: sum };
  parts.forEach((p, i) => { values[`part_${i + 1}`] = p.value; });
  const base = { ruleId: SUM_BREAKDOWN, family: 'sum_mismatch' as const, left: total, right: sum, imbalance: gap, values };
  const [fmt, fmtEn] = amountFormatters(fact.unit === 'VND');
  const listed = parts.map((p) => fmt(p.value)).join(' + ');
  const listedEn = parts.map((p) => fmtEn(p.value)).join(' + ');

  const q = fact.qualifier;
  if (q === 'above' || q === 'at-least' || q === 'below' || q === 'at-most' || q === 'approx') {
    const holds = q === 'above' ? sum > total : q === 'at-least' ? sum >= total : q === 'below' ? sum < total : q === 'at-most' ? sum <= total
      : Math.abs(gap) <= 0.05 * total;
    const word = { above: ['trên', 'above'], 'at-least': ['tối thiểu', 'at least'], below: ['dưới', 'below'], 'at-most': ['tối đa', 'at most'], approx: ['khoảng', 'about'] }[q];
    if (holds) {
      // `trên 15,08 tỷ` covers 15,08 to 15,09 tỷ: one unit of its last printed digit. Parts adding up to
      // 15,806 tỷ hold the bound but not what it says: a digit is likely lost. A question, never an error.
      const unit = printedUnit(total);
      const far = q === 'above' || q === 'at-least' ? sum - total > unit : q === 'below' || q === 'at-most' ? total - sum > unit : false;
      if (!far) return undefined;
      return { ...base, severity: 'warning', facts: [fact],
        suggestion: { vi: `Có thể tổng là ${fmt(sum)} (tổng các phần). Chỉ là gợi ý: số liệu báo cáo không bị thay đổi.`, en: `Perhaps the total is ${fmtEn(sum)} (the sum of its parts). A suggestion only: the reported figure is not changed.` },
        message: {
          vi: `Tổng được nêu là "${word[0]} ${fmt(total)}" nhưng các phần cộng lại ${listed} = ${fmt(sum)}, xa hơn mức "${word[0]}" cho phép ở độ chính xác đã in (${fmt(unit)}); có thể tổng bị in thiếu hoặc sai chữ số.`,
          en: `The total is stated as "${word[1]} ${fmtEn(total)}" but the parts add up to ${listedEn} = ${fmtEn(sum)}, further than "${word[1]}" allows at the printed precision (${fmtEn(unit)}); a digit of the total may be lost or wrong.`,
        } };
    }
    return { ...base, severity: 'error', facts: [fact], message: {
      vi: `Tổng được nêu là "${word[0]} ${fmt(total)}" nhưng các phần cộng lại ${listed} = ${fmt(sum)}.`,
      en: `The total is stated as "${word[1]} ${fmtEn(total)}" but the parts add up to ${listedEn} = ${fmtEn(sum)}.`,
    } };
  }
  const partial = /trong đó/i.test(fact.cue ?? '');
  if (gap > 0 && partial) {
    const explained = passageOf(fact, all, 600).find((o) => o.kind === 'count' && o.value === gap && o.unit === fact.unit);
    return { ...base, severity: explained ? 'info' : 'warning', facts: explained ? [fact, explained] : [fact], message: explained ? {
      vi: `Các phần sau "trong đó" (${listed} = ${fmt(sum)}) thiếu ${fmt(gap)} so với tổng ${fmt(total)}; phần thiếu khớp với ${fmt(gap)} ${fact.unit} nêu ở câu bên cạnh.`,
      en: `The parts after "trong đó" (${listedEn} = ${fmtEn(sum)}) are ${fmtEn(gap)} short of the total ${fmtEn(total)}; the gap matches the ${fmtEn(gap)} ${fact.unit} stated nearby.`,
    } : {
      vi: `Các phần sau "trong đó" (${listed} = ${fmt(sum)}) thiếu ${fmt(gap)} so với tổng ${fmt(total)}; có thể báo cáo không liệt kê hết.`,
      en: `The parts after "trong đó" (${listedEn} = ${fmtEn(sum)}) are ${fmtEn(gap)} short of the total ${fmtEn(total)}; the report may not list them all.`,
    } };
  }
  if (gap < 0) {
    const extra = parts.findIndex((p) => sum - p.value === total);
    if (extra >= 0) {
      const p = parts[extra]!;
      return { ...base, severity: 'info', facts: [fact], message: {
        vi: `Các phần trừ ${fmt(p.value)} (${p.label}) cộng lại đúng bằng tổng ${fmt(total)}: số ${fmt(p.value)} có lẽ là một số liệu riêng, không thuộc tổng.`,
        en: `The parts other than ${fmtEn(p.value)} (${p.label}) add up to the total ${fmtEn(total)} exactly: ${fmtEn(p.value)} is probably a figure of its own.`,
      } };
    }
  }
  const offByOne = Math.abs(gap) === 1 && total >= 100;
  const fixes = offByOne ? [] : findFixes(values, ['total', ...parts.map((_, i) => `part_${i + 1}`)],
    (v) => v.total === parts.reduce((s, _, i) => s + v[`part_${i + 1}`]!, 0));
  const names: Record<string, { vi: string; en: string }> = { total: { vi: 'tổng', en: 'total' } };
  parts.forEach((p, i) => { names[`part_${i + 1}`] = { vi: `phần "${p.label}"`, en: `part "${p.label}"` }; });
  const suggestion = describeFixes(fixes, names);
  return { ...base, severity: offByOne ? 'warning' : 'error', facts: [fact], ...(suggestion ? { suggestion } : {}), message: {
    vi: `Tổng ${fmt(total)} khác tổng các phần ${listed} = ${fmt(sum)} (chênh ${fmt(gap)}).`,
    en: `The total ${fmtEn(total)} differs from the sum of its parts ${listedEn} = ${fmtEn(sum)} (off by ${fmtEn(gap)}).`,
  } };
}

/** Numbered rows against their `-` sub-rows, column by column. */
function tableSubrowMismatches(facts: readonly Fact[]): FlagDraft[] {
  const cells = facts.filter((f) => f.kind === 'table-cell' && f.table && f.value !== undefined);
  const byColumn = groupBy(cells, (cell) => `${cell.evidence.reportId}|${cell.table!.index}|${cell.table!.column}`);
  const out: FlagDraft[] = [];
  for (const column of byColumn.values()) {
    for (const [label, kids] of groupBy(column, (cell) => cell.table!.parentRowLabel || undefined)) {
      const parent = column.find((c) => c.table!.rowLabel === label && !c.table!.parentRowLabel);
      if (!parent || kids.length < 2 || /tỷ lệ|%/i.test(label) || kids.some((k) => /tỷ lệ|%/i.test(k.table!.rowLabel))) continue;
      const total = parent.value!;
      if (kids.some((k) => k.value === total)) continue;
      const sum = kids.reduce((s, k) => s + k.value!, 0);
      if (sum === total) continue;
      const values: Record<string, number> = { total, parts_sum: sum };
      kids.forEach((k, i) => { values[`part_${i + 1}`] = k.value!; });
      const where = parent.table!.columnHeader;
      out.push({
        ruleId: SUM_TABLE, family: 'sum_mismatch', severity: Math.abs(total - sum) === 1 && total >= 100 ? 'warning' : 'error',
        left: total, right: sum, imbalance: total - sum, values, facts: [parent, ...kids],
        message: {
          vi: `Bảng, dòng "${label}"${where ? `, cột "${where}"` : ''}: ${vi(total)} khác tổng các dòng con ${kids.map((k) => vi(k.value!)).join(' + ')} = ${vi(sum)}.`,
          en: `Table row "${label}"${where ? `, column "${where}"` : ''}: ${en(total)} differs from its sub-rows ${kids.map((k) => en(k.value!)).join(' + ')} = ${en(sum)}.`,
        },
      });
    }
  }
  return out;
}

/**
 * A rate with the rates of its groups in brackets (`60,72% (mức độ 3 là 32,3%, mức độ 4 là 37,4%)`):
 * the groups' rates either average to it (the total lies between them: rates of groups of
 * different sizes) or add up to it (shares of one base), to the printed precision. Neither
 * is a contradiction in the report.
 */
export const SUM_RATE_PARTS = 'sum_mismatch.rate_parts';

function checkRateParts(fact: Fact, total: number): FlagDraft | undefined {
  const parts = fact.parts!;
  const values = parts.map((p) => p.value);
  if (total >= Math.min(...values) && total <= Math.max(...values)) return undefined;
  const sum = values.reduce((a, b) => a + b, 0);
  const tolerance = [total, ...values].reduce((t, v) => t + halfUnit(decimalsOf(v)), 0);
  if (Math.abs(total - sum) <= tolerance + 1e-9) return undefined;
  const flagValues: Record<string, number> = { total, parts_sum: roundTo(sum, 4) };
  parts.forEach((p, i) => { flagValues[`part_${i + 1}`] = p.value; });
  const listed = values.map((v) => `${vi(v)}%`).join(' + ');
  return {
    ruleId: SUM_RATE_PARTS, family: 'sum_mismatch', severity: 'error', left: total, right: roundTo(sum, 4), imbalance: roundTo(total - sum, 4), values: flagValues, facts: [fact],
    message: {
      vi: `Tỷ lệ ${vi(total)}% không bằng tổng các tỷ lệ thành phần ${listed} = ${vi(roundTo(sum, 4))}%, và cũng không nằm giữa chúng (không thể là tỷ lệ bình quân).`,
      en: `The rate ${en(total)}% is neither the sum of its groups' rates ${values.map((v) => `${en(v)}%`).join(' + ')} = ${en(roundTo(sum, 4))}% nor between them (it cannot be their average).`,
    },
  };
}
