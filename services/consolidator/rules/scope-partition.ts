import type { Fact, FileRole } from '../../../schemas/fact/v1.ts';
import { en, vi, type DocumentFacts, type FlagDraft } from './flag-draft.ts';
import { asFigure, ROLE_NAME } from './flow-figure.ts';
import { groupBy } from './group-by.ts';
import { LEVEL_NAMES } from '../../../schemas/registry/admin-unit.ts';

/**
 * scope_partition: one report gives one step of the flow of files (a role) for one period both
 * for its whole area (`toàn tỉnh đã tiếp nhận 1.665 hồ sơ`) and for parts of it that do not
 * overlap — its own office (`Trung tâm Phục vụ hành chính công tỉnh … hơn 1.650 hồ sơ`), each
 * level of units in the area (`cấp xã đã tiếp nhận 1.610 hồ sơ`). The parts cannot add up to
 * more than the whole.
 *
 *   whole   the largest value the report gives with scope `area` (the ceiling no reading can
 *           lower); one stated as a bound above (`trên`, `gần`) gives no ceiling and is left out
 *   parts   per scope (own; each single level) its smallest value: exact, or a floor (`hơn
 *           1.650`); a part given as `gần`, `khoảng` or `dưới` has no floor and counts 0
 *   raised  when the floors add up to more than the whole: always a warning, as the parts'
 *           scopes come from words (an office's name may stand for more than its desk)
 *
 * Tables are left out: a table's rows by level are its own breakdown, checked by the sum rule.
 */
export const SCOPE_PARTITION = 'scope_partition.parts_exceed_whole';

export function scopePartitionViolations(doc: DocumentFacts): FlagDraft[] {
  const figures = doc.facts.filter((f) => !f.table).flatMap(asFigure);
  const out: FlagDraft[] = [];
  for (const group of groupBy(figures, (f) => `${f.role}|${f.period ?? ''}`).values()) {
    const whole = largest(group.filter((f) => f.scope?.reach === 'area' && ceilingOf(f)));
    if (!whole) continue;
    const floors = [...groupBy(group.filter((f) => partKey(f) !== undefined), (f) => partKey(f)!).values()]
      .map((list) => list.map((p) => ({ fact: p, floor: floorOf(p) })).reduce((a, b) => (b.floor < a.floor ? b : a)));
    const sum = floors.reduce((s, p) => s + p.floor, 0);
    if (floors.length === 0 || sum <= whole.value!) continue;
    out.push(draft(whole, floors, sum));
  }
  return out;
}

function largest(list: readonly Fact[]): Fact | undefined {
  return list.reduce<Fact | undefined>((a, b) => (a === undefined || b.value! > a.value! ? b : a), undefined);
}

/** Own office, or one level of units in the area; anything else is no part of a partition. */
function partKey(f: Fact): string | undefined {
  if (f.scope?.reach === 'own') return 'own';
  if (f.scope?.reach === 'levels' && f.scope.levels?.length === 1) return `level:${f.scope.levels[0]}`;
  return undefined;
}

/** An exact whole, or one stated as at most (`dưới`, `tối đa`): a ceiling. */
function ceilingOf(f: Fact): boolean {
  return f.qualifier === undefined ? f.certainty !== 'approximate' : f.qualifier === 'below' || f.qualifier === 'at-most';
}

/** An exact part, or one stated as more than (`hơn`, `trên`, `ít nhất`): its floor; otherwise 0. */
function floorOf(f: Fact): number {
  if (f.qualifier === 'above' || f.qualifier === 'at-least') return f.value!;
  if (f.qualifier !== undefined) return 0;
  return f.certainty === 'approximate' ? 0 : f.value!;
}

function draft(whole: Fact, parts: readonly { fact: Fact; floor: number }[], sum: number): FlagDraft {
  const [stepVi, stepEn] = ROLE_NAME[whole.role as FileRole];
  const listVi = parts.map((p) => `${p.fact.scope?.cue ?? scopeName(p.fact).vi}: ${certaintyWord(p.fact).vi}${vi(p.fact.value!)}`).join('; ');
  const listEn = parts.map((p) => `${p.fact.scope?.cue ?? scopeName(p.fact).en}: ${certaintyWord(p.fact).en}${en(p.fact.value!)}`).join('; ');
  const values: Record<string, number> = { whole: whole.value!, parts_floor: sum };
  parts.forEach((p, i) => { values[`part_${i + 1}`] = p.fact.value!; });
  return {
    ruleId: SCOPE_PARTITION, family: 'bounds', severity: 'warning',
    left: sum, right: whole.value!, imbalance: sum - whole.value!, values,
    facts: [whole, ...parts.map((p) => p.fact)],
    message: {
      vi: `Số hồ sơ ${stepVi} của từng phần (${listVi}) cộng lại ít nhất ${vi(sum)}, lớn hơn số của toàn địa bàn ${vi(whole.value!)}.`,
      en: `Files ${stepEn} by part (${listEn}) add up to at least ${en(sum)}, more than the ${en(whole.value!)} of the whole area.`,
    },
    severityReason: {
      vi: 'Cảnh báo: phạm vi của từng số được đọc từ lời văn (tên một cơ quan có thể bao gồm nhiều hơn bộ phận của nó); cần đơn vị làm rõ.',
      en: 'Warning: each figure’s scope is read from the wording (an office’s name may stand for more than its desk); the unit should clarify.',
    },
  };
}

function scopeName(f: Fact): { vi: string; en: string } {
  const level = f.scope?.levels?.[0];
  if (f.scope?.reach === 'own' || !level) return { vi: 'đơn vị', en: 'own office' };
  return { vi: `cấp ${LEVEL_NAMES[level].vi}`, en: `${LEVEL_NAMES[level].en} level` };
}

/** The word a part was stated with: `hơn 1.650`, `gần 1.650`, `khoảng 16.000` (`16 nghìn`). */
const QUALIFIER_WORDS: Readonly<Record<NonNullable<Fact['qualifier']>, { vi: string; en: string }>> = {
  above: { vi: 'hơn ', en: 'over ' },
  'at-least': { vi: 'ít nhất ', en: 'at least ' },
  below: { vi: 'dưới ', en: 'under ' },
  'at-most': { vi: 'tối đa ', en: 'at most ' },
  approx: { vi: 'khoảng ', en: 'about ' },
};

function certaintyWord(f: Fact): { vi: string; en: string } {
  if (f.qualifier) return QUALIFIER_WORDS[f.qualifier];
  return f.certainty === 'approximate' ? QUALIFIER_WORDS.approx : { vi: '', en: '' };
}
