import type { Fact, FactScope } from '../../../schemas/fact/v1.ts';
import type { UnitLevel } from '../metadata/report-metadata.ts';
import { foldDiacritics, vietnameseKey } from '../../text/vietnamese-text.ts';

/**
 * A scope read from words (`cấp huyện`, `UBND huyện Bắc Bình`) made relative to the unit that
 * reports: its own level, or its own name, is its own office (`own`). A district's
 * `Bộ phận Một cửa UBND huyện` and `cấp huyện` are the district's own; its `cấp xã` stays
 * the communes' level. Without a known unit the scope is left as read.
 */
export interface ReportingUnit {
  name?: string;
  level?: UnitLevel;
}

/** Type words before a name, without diacritics (names are compared folded: `Hội An` = `Hoi An`). */
const TYPE_WORDS = /^(?:(?:uy ban nhan dan|ubnd|thanh pho|thi tran|thi xa|tp\.?|tinh|huyen|quan|phuong|xa|dac khu)\s+|(?:tp|tx|q|p|h)\.\s*)/u;

function bareName(name: string): string {
  let key = foldDiacritics(vietnameseKey(name)).replace(/\s+/g, ' ').trim();
  while (TYPE_WORDS.test(key)) key = key.replace(TYPE_WORDS, '');
  return key;
}

export function relativeScope(scope: FactScope, unit: ReportingUnit): FactScope {
  if (scope.reach === 'levels' && unit.level && scope.levels?.length === 1 && scope.levels[0] === unit.level) return { ...scope, reach: 'own', levels: [unit.level] };
  if (scope.reach === 'named' && scope.name && unit.name && bareName(scope.name) === bareName(unit.name)) return { ...scope, reach: 'own' };
  return scope;
}

export function withRelativeScopes(facts: readonly Fact[], unit: ReportingUnit): Fact[] {
  if (!unit.name && !unit.level) return [...facts];
  return facts.map((f) => (f.scope ? { ...f, scope: relativeScope(f.scope, unit) } : f));
}
