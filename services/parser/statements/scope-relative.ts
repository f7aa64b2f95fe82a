import type { Fact, FactKind, FactScope } from '../../../schemas/fact/v1.ts';
import { LEVEL_RANK } from '../../../schemas/registry/admin-unit.ts';
import { cueNamesOffice } from './figure-scope.ts';
import type { UnitLevel } from '../metadata/report-metadata.ts';
import { foldDiacritics, vietnameseKey } from '../../text/vietnamese-text.ts';

/**
 * A scope read from words (`cấp huyện`, `UBND huyện Bắc Bình`) made relative to the unit that
 * reports. The classes of statements (test/corpus/, districts and provinces):
 *
 *   its own level               `cấp huyện` in a district's report, `Bộ phận Một cửa UBND huyện`
 *                               → its own office (`own`); its `cấp xã` stays the communes' level
 *   its level and every one     `cấp huyện và cấp xã`, `UBND huyện và UBND 11 xã, thị trấn` in a
 *   below, together             district's report, `3 cấp` in a province's → its whole area (`area`)
 *   its own name, with an       `bộ phận “một cửa” TX.Tân Uyên`, `UBND Q.1` → its own office
 *   office or council before it
 *   its own name alone          `TP. Hồ Chí Minh đã tiếp nhận 312.468 hồ sơ`, `tỉnh An Giang còn
 *                               5.830 hồ sơ quá hạn`: the place, every level in it (`area`)
 *   an area above its own       `trên địa bàn tỉnh` in a district's report names the field the
 *                               district is compared in, never whose figure it is (`unstated`)
 *
 * A rank or an index score (`xếp thứ 12/63`, `đạt 85,67 điểm`) belongs to the unit ranked: one
 * the sentence names, else the reporting unit itself (`own`), whatever level its paragraph
 * was about. Without a known unit the scope is left as read.
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

/** The levels of a unit's area: its own and every one below it. */
function levelsWithin(level: UnitLevel): UnitLevel[] {
  return (['province', 'district', 'commune'] as const).filter((l) => LEVEL_RANK[l] >= LEVEL_RANK[level]);
}

export function relativeScope(scope: FactScope, unit: ReportingUnit, kind?: FactKind): FactScope {
  const ranked = kind === 'rank' || kind === 'score';
  const self = scope.reach === 'named' && scope.name !== undefined && unit.name !== undefined && bareName(scope.name) === bareName(unit.name);
  if (ranked && scope.reach !== 'named' && unit.level) return { ...scope, reach: 'own', levels: [unit.level] };
  // A ministry has no area, a commune no level below its own: their name is their own.
  if (self) return ranked || !unit.level || unit.level === 'commune' || cueNamesOffice(scope.cue) ? { ...scope, reach: 'own' } : { ...scope, reach: 'area', levels: [unit.level] };
  if (!unit.level) return scope;
  const levels = scope.levels ?? [];
  if (scope.reach === 'levels' && levels.length === 1 && levels[0] === unit.level) return { ...scope, reach: 'own', levels: [unit.level] };
  const within = levelsWithin(unit.level);
  if (scope.reach === 'levels' && levels.length > 1 && within.every((l) => levels.includes(l)) && levels.every((l) => within.includes(l))) return { ...scope, reach: 'area', levels: [unit.level] };
  if (scope.reach === 'area' && levels.length === 1 && LEVEL_RANK[levels[0]!] < LEVEL_RANK[unit.level]) return { reach: 'unstated' };
  return scope;
}

export function withRelativeScopes(facts: readonly Fact[], unit: ReportingUnit): Fact[] {
  if (!unit.name && !unit.level) return [...facts];
  return facts.map((f) => (f.scope ? { ...f, scope: relativeScope(f.scope, unit, f.kind) } : f));
}
