import type { Fact, FileRole } from '../../../schemas/fact/v1.ts';
import { INDICATOR_CATALOG, type FileRoleBound, type FileRoleIdentity } from '../../../schemas/indicators/catalog.ts';
import { en, vi, type DocumentFacts, type FlagDraft } from './flag-draft.ts';
import { groupBy } from './group-by.ts';
import { combinations } from './combinations.ts';
import { asFigure, ROLE_NAME } from './flow-figure.ts';
import { printedUnit } from './printed-precision.ts';
import { scopeKey } from './scope-key.ts';

/**
 * file_flow: the identities and bounds of the flow of files (catalog `fileRoles`) between the
 * figures a report states together — one paragraph, or one table column — for one scope:
 *
 *   in-hand = new + carried-over          `tổng số hồ sơ yêu cầu giải quyết 10.455; trong đó mới tiếp
 *                                          nhận 10.133, kỳ trước chuyển qua 612` → 10.745 ≠ 10.455
 *   in-hand ≥ resolved + in-progress      returned files may stand outside: an excess is certain, a
 *                                          shortfall a question (none when the returned files fill it),
 *                                          also against a `tiếp nhận` total (carried-over files could
 *                                          only make the parts larger)
 *   resolved = early + on-time + late, in-progress = on time + overdue, part ≤ whole
 *
 * Severity (README, "Severity policy"): an error when the identity always holds, every figure
 * was named by its own words (a role read, not guessed), all are exact and they share a scope;
 * a `tiếp nhận` figure standing for the total (it may or may not hold carried-over files), a
 * choice among several figures of one role, or an identity that returned files can explain
 * make it a warning. Sums the breakdown rule already checks (one total with these parts) are
 * left to it.
 */
export const FILE_FLOW = 'file_flow';

type Role = FileRole;


export function fileFlowViolations(doc: DocumentFacts): FlagDraft[] {
  const roles = INDICATOR_CATALOG.fileRoles;
  if (!roles) return [];
  const out: FlagDraft[] = [];
  const figures = doc.facts.flatMap(asFigure);
  const breakdownsOf = (group: readonly Fact[]) => doc.facts.filter((f) => f.kind === 'breakdown' && group.some((g) => g.block === f.block));
  const checked = new Set<string>();
  for (const group of groupBy(figures, statedTogether).values()) {
    const byRole = groupBy(group, (f) => f.role);
    for (const identity of roles.identities) {
      const draft = checkIdentity(identity, byRole, breakdownsOf(group));
      if (draft) out.push(draft);
      if (draft) checked.add(draft.facts.map((f) => f.id).sort().join('|'));
    }
    for (const bound of roles.bounds) {
      const draft = checkBound(bound, byRole);
      if (draft) out.push(draft);
    }
  }
  // Along a table row, the roles its columns name (`Mức 3 | 68.544 | Đã xử lý 61.827 | Chưa xử lý 6.717 |
  // Trước hạn 43.434 | Đúng hạn 11.795 | Trễ hạn 4.331`): a warning, as a table's columns may not
  // name every outcome (files returned, cancelled) and a header's word is a looser name than a sentence's.
  for (const group of groupBy(figures.filter((f) => f.table && f.unit !== '%'), statedInRow).values()) {
    const byRole = groupBy(group, (f) => f.role);
    for (const identity of roles.identities) {
      const draft = checkIdentity(identity, byRole, []);
      if (!draft || checked.has(draft.facts.map((f) => f.id).sort().join('|')) || new Set(draft.facts.map((f) => f.table?.column)).size < 2) continue;
      checked.add(draft.facts.map((f) => f.id).sort().join('|'));
      out.push({ ...draft, ruleId: `${draft.ruleId}.table_row`, severity: 'warning',
        severityReason: { vi: 'Cảnh báo: các cột của bảng có thể chưa nêu hết mọi kết quả (hồ sơ trả lại, hủy); cần đơn vị làm rõ phần chênh.', en: 'Warning: the table’s columns may not name every outcome (files returned, cancelled); the unit should account for the gap.' } });
    }
  }
  // Across paragraphs, for one stated scope: `Bộ phận Một cửa cấp xã … Đã giải quyết: 17.108/20.019 …,
  // Giải quyết đúng hẹn: 4.845` on one page, `Bộ phận Một cửa cấp xã, Giải quyết quá hạn: 12.262/17.108`
  // pages later. Only roles with one value in that scope; a warning, as paragraphs may speak of other periods.
  for (const group of groupBy(figures, statedScope).values()) {
    const byRole = groupBy(group, (f) => f.role);
    if ([...byRole.values()].some((list) => new Set(list.map((f) => f.value)).size > 1)) continue;
    const unique = new Map([...byRole].map(([role, list]) => [role, [list[0]!]]));
    for (const identity of roles.identities) {
      const draft = checkIdentity(identity, unique, breakdownsOf(group));
      if (!draft || checked.has(draft.facts.map((f) => f.id).sort().join('|')) || new Set(draft.facts.map((f) => f.block)).size < 2) continue;
      out.push({ ...draft, ruleId: `${draft.ruleId}.across_paragraphs`, severity: 'warning',
        severityReason: { vi: 'Cảnh báo: các số nằm ở những đoạn khác nhau của báo cáo, có thể nói về kỳ khác nhau.', en: 'Warning: the figures stand in different paragraphs of the report and may speak of different periods.' } });
    }
  }
  return out;
}

/** One paragraph, or one table column, and one scope. */
function statedTogether(f: Fact): string {
  const where = f.table ? `t|${f.table.index}|${f.table.column}|${f.table.parentRowLabel ?? ''}` : `p|${f.evidence.page}|${f.block ?? f.evidence.quote}`;
  return `${f.evidence.reportId}|${where}|${f.period ?? ''}|${scopeKey(f)}`;
}

/** One table row (its label and the label above it) and one scope. */
function statedInRow(f: Fact): string {
  const t = f.table!;
  return `${f.evidence.reportId}|t|${t.index}|${t.parentRowLabel ?? ''}|${t.rowLabel}|${f.period ?? ''}|${scopeKey(f)}`;
}

/**
 * One scope the text states (not unstated), outside tables: in the figure's own sentence, or
 * carried on from the paragraph before (`Trong số hồ sơ còn lại đang giải quyết gồm 7.172 hồ sơ`
 * after `toàn tỉnh đã tiếp nhận …`) — not from a heading, which may stand pages away.
 */
function statedScope(f: Fact): string | undefined {
  if (f.table || (f.scope?.from !== 'sentence' && f.scope?.from !== 'paragraph') || f.scope.reach === 'unstated') return undefined;
  return `${f.evidence.reportId}|${f.period ?? ''}|${scopeKey(f)}`;
}

function checkIdentity(identity: FileRoleIdentity, byRole: Map<Role, Fact[]>, breakdowns: readonly Fact[]): FlagDraft | undefined {
  // `tiếp nhận` may stand for the files in hand, never with certainty.
  const totalRole: Role | undefined = byRole.has(identity.total) ? identity.total : identity.total === 'in-hand' && byRole.has('received') ? 'received' : undefined;
  if (!totalRole || !identity.parts.every((r) => byRole.has(r))) return undefined;
  const lists = [byRole.get(totalRole)!, ...identity.parts.map((r) => byRole.get(r)!)];
  // One figure read twice (a breakdown's total and the count of the same words) is one choice.
  const choices = lists.map((l) => new Set(l.map((f) => f.value)).size).reduce((a, b) => a * b, 1);
  let worst: { picked: Fact[]; gap: number } | undefined;
  for (const picked of combinations(lists, 64)) {
    if (new Set(picked).size < picked.length) continue;
    const [total, ...parts] = picked;
    const sum = parts.reduce((s, f) => s + f.value!, 0);
    const gap = total!.value! - sum;
    // A bound (`hơn`, `gần`) says too little to add up; a rounded figure (`8,98 ngàn`) holds within half its last digit.
    if (picked.some((f) => f.qualifier !== undefined)) continue;
    const slack = picked.reduce((s, f) => s + roundingOf(f), 0);
    // A shortfall in a loose identity is explained when the files returned or withdrawn fill it exactly.
    const returned = !identity.exact && gap > 0 && (byRole.get('returned') ?? []).some((r) => r.value === gap);
    if (Math.abs(gap) <= slack || returned) return undefined;
    if (coveredByBreakdown(total!, parts, breakdowns)) return undefined;
    if (!worst || Math.abs(gap) < Math.abs(worst.gap)) worst = { picked, gap };
  }
  if (!worst) return undefined;
  const [total, ...parts] = worst.picked;
  const sum = total!.value! - worst.gap;
  const certain = totalRole === identity.total && choices === 1 && (identity.exact || worst.gap < 0);
  // Files carried over would make the parts exceed a `tiếp nhận` total, never fall short of it:
  // a shortfall is the files returned or withdrawn, unstated — a question for the unit, as for any loose identity.
  const shortOfReceived = totalRole !== identity.total && !identity.exact && worst.gap > 0;
  const reason = !certain
    ? shortOfReceived
      ? { vi: 'hồ sơ trả lại hoặc rút có thể nằm ngoài các phần; cần đơn vị làm rõ phần chênh', en: 'returned or withdrawn files may stand outside the parts; the unit should account for the gap' }
      : totalRole !== identity.total
      ? { vi: `"${ROLE_NAME[totalRole][0]}" có thể chưa gồm hồ sơ kỳ trước chuyển sang`, en: `"${ROLE_NAME[totalRole][1]}" may leave out files carried over` }
      : choices > 1
        ? { vi: 'đoạn văn nêu nhiều số cùng loại, chưa chắc đã ghép đúng', en: 'the passage states several figures of one kind; the pairing is not certain' }
        : { vi: 'hồ sơ trả lại hoặc rút có thể nằm ngoài các phần; cần đơn vị làm rõ phần chênh', en: 'returned or withdrawn files may stand outside the parts; the unit should account for the gap' }
    : undefined;
  const names = identity.parts.map((r) => ROLE_NAME[r]);
  const values: Record<string, number> = { total: total!.value!, parts_sum: sum };
  parts.forEach((p, i) => { values[`part_${i + 1}`] = p.value!; });
  return {
    ruleId: `${FILE_FLOW}.${identity.id}`, family: 'sum_mismatch', severity: certain ? 'error' : 'warning',
    left: total!.value!, right: sum, imbalance: worst.gap, values, facts: worst.picked,
    message: {
      vi: `${capital(ROLE_NAME[totalRole][0])} ${vi(total!.value!)} hồ sơ khác ${names.map((n) => n[0]).join(' + ')} = ${parts.map((p) => vi(p.value!)).join(' + ')} = ${vi(sum)} (chênh ${vi(worst.gap)}).`,
      en: `${capital(ROLE_NAME[totalRole][1])} ${en(total!.value!)} files differ from ${names.map((n) => n[1]).join(' + ')} = ${parts.map((p) => en(p.value!)).join(' + ')} = ${en(sum)} (gap ${en(worst.gap)}).`,
    },
    ...(reason ? { severityReason: { vi: `Cảnh báo: ${reason.vi}.`, en: `Warning: ${reason.en}.` } } : {}),
  };
}

function checkBound(bound: FileRoleBound, byRole: Map<Role, Fact[]>): FlagDraft | undefined {
  const parts = byRole.get(bound.part);
  const wholes = byRole.get(bound.whole);
  if (!parts || !wholes) return undefined;
  // Only when every pairing fails: a paragraph may state a part for one period and its whole for another.
  const pairs = parts.flatMap((p) => wholes.map((w) => [p, w] as const)).filter(([p, w]) => p !== w);
  if (pairs.length === 0 || pairs.some(([p, w]) => p.value! <= w.value!)) return undefined;
  const [part, whole] = pairs.reduce((a, b) => (b[0].value! - b[1].value! < a[0].value! - a[1].value! ? b : a));
  const certain = bound.exact && pairs.length === 1;
  // `giải quyết 94.985 hồ sơ, bao gồm cả những hồ sơ tồn đọng từ năm trước`: the passage says why the part is larger.
  const explained = !bound.exact && [part, whole].some((f) => CARRIED_OVER_SAID.test(f.evidence.quote));
  const [pv, pe] = ROLE_NAME[bound.part];
  const [wv, we] = ROLE_NAME[bound.whole];
  return {
    ruleId: `${FILE_FLOW}.${bound.part.replace(/-/g, '_')}_le_${bound.whole.replace(/-/g, '_')}`, family: 'bounds', severity: certain ? 'error' : explained ? 'info' : 'warning',
    left: part.value!, right: whole.value!, imbalance: part.value! - whole.value!, values: { part: part.value!, whole: whole.value! }, facts: [part, whole],
    message: {
      vi: `Số hồ sơ ${pv} (${vi(part.value!)}) lớn hơn số hồ sơ ${wv} (${vi(whole.value!)}).`,
      en: `Files ${pe} (${en(part.value!)}) exceed files ${we} (${en(whole.value!)}).`,
    },
    ...(certain ? {} : {
      severityReason: explained
        ? { vi: 'Thông tin: đoạn văn nói số này gồm cả hồ sơ tồn từ kỳ trước.', en: 'Info: the passage says this figure includes files carried over.' }
        : bound.exact
        ? { vi: 'Cảnh báo: đoạn văn nêu nhiều số cùng loại, chưa chắc đã ghép đúng.', en: 'Warning: the passage states several figures of one kind; the pairing is not certain.' }
        : { vi: `Cảnh báo: "${wv}" có thể chưa gồm hồ sơ kỳ trước chuyển sang.`, en: `Warning: "${we}" may leave out files carried over.` },
    }),
  };
}

/** Words that say carried-over files are in a figure, without giving their number. */
const CARRIED_OVER_SAID = /(?:bao gồm|kể cả|gồm cả)[^.;]{0,30}(?:tồn|kỳ trước|năm trước|chuyển sang)/iu;

/** How far a figure printed rounded (`8,98 ngàn` → 8.980 ± 5) may lie from its value; 0 for an exact one. */
function roundingOf(f: Fact): number {
  return f.certainty === 'approximate' ? printedUnit(f.value!) / 2 : 0;
}

/** The breakdown rule checks a total stated with these parts; do not flag it twice. */
function coveredByBreakdown(total: Fact, parts: readonly Fact[], breakdowns: readonly Fact[]): boolean {
  return breakdowns.some((b) => b.total === total.value && parts.every((p) => b.parts?.some((q) => q.value === p.value)));
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
