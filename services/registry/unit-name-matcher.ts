import { LEVEL_ORDER, LEVEL_RANK, type AdminUnit, type UnitLevel } from '../../schemas/registry/admin-unit.ts';
import type { Hierarchy } from './hierarchy.ts';
import { LEVELS_OF_TYPE, readPrintedName, type PrintedUnitName } from './printed-unit-name.ts';

/**
 * Matches a unit name read from a document to a unit of one map (a Hierarchy: pick it with
 * `registry.hierarchyFor(period)`). It never guesses: when two units remain it says so.
 *
 *   1. Read the name (printed-unit-name.ts): drop `UBND`/`Ủy ban nhân dân`, take the type
 *      word off (`xã`, `huyện`, `TP.`, …) and keep it as evidence.
 *   2. Candidates: units whose name has the same nameKey (case, tone placement, hyphens,
 *      `05` = `5` ignored), at the levels the query allows — the level the parser detected
 *      and the levels the type word stands for (`thành phố`: province or district).
 *   3. Context: each higher unit named elsewhere in the document (the parser's parentUnits:
 *      `tỉnh Thừa Thiên Huế`) is matched the same way, without context; a candidate must
 *      have one of its matches among its ancestors (a province narrows a commune directly).
 *      A context name that matches nothing on this map is ignored (old names in new reports).
 *   4. Only when no candidate survives 2–3 is the diacritic-insensitive foldKey tried
 *      (`Quang Ngan`, `Dak Lak` for `Đắk Lắk`); the result says `via: 'folded'`.
 *   5. Several left and the text printed a type word: keep those of that type
 *      (`phường Tân Thành` beside `xã Tân Thành`). One left: matched; more: ambiguous.
 *
 * `unknown` says why: `no-name` (nothing left after the prefixes), `not-found` (no unit of
 * that name at those levels), `not-in-context` (units of that name exist, none under the
 * named parents).
 */
export interface ContextName {
  name: string;
  level?: UnitLevel;
}

export interface UnitNameQuery {
  /** As printed or as the parser detected it: `UBND xã Quảng Ngạn`, `Quảng Ngạn`, `A LUOI`. */
  name: string;
  /** The level the parser detected, when it did. */
  level?: UnitLevel;
  /** Higher units named elsewhere in the document (the parser's `parentUnits` fit as they are). */
  context?: readonly ContextName[];
}

export type MatchVia = 'exact' | 'folded';

export type UnitMatch =
  | { status: 'matched'; unit: AdminUnit; via: MatchVia }
  | { status: 'ambiguous'; candidates: AdminUnit[]; via: MatchVia }
  | { status: 'unknown'; reason: 'no-name' | 'not-found' | 'not-in-context' };

export function matchUnitName(hierarchy: Hierarchy, query: UnitNameQuery): UnitMatch {
  const printed = readPrintedName(query.name);
  if (printed.key === '') return { status: 'unknown', reason: 'no-name' };
  const levels = allowedLevels(printed, query.level);
  const context = (query.context ?? [])
    .map((c) => namedUnits(hierarchy, readPrintedName(c.name), allowedLevels(readPrintedName(c.name), c.level)))
    .filter((units) => units.length > 0);

  let anyByName = false;
  for (const via of ['exact', 'folded'] as const) {
    const byName = candidates(hierarchy, printed, levels, via);
    if (byName.length === 0) continue;
    anyByName = true;
    const placed = byName.filter((u) => fitsContext(hierarchy, u, context));
    if (placed.length === 0) continue;
    const typed = printed.type === undefined ? [] : placed.filter((u) => u.type === printed.type);
    const left = typed.length > 0 ? typed : placed;
    const [only, ...more] = left;
    if (only && more.length === 0) return { status: 'matched', unit: only, via };
    return { status: 'ambiguous', candidates: left, via };
  }
  return { status: 'unknown', reason: anyByName ? 'not-in-context' : 'not-found' };
}

function allowedLevels(printed: PrintedUnitName, level: UnitLevel | undefined): readonly UnitLevel[] {
  const byType = printed.type === undefined ? LEVEL_ORDER : LEVELS_OF_TYPE[printed.type];
  return level === undefined ? byType : byType.filter((l) => l === level);
}

function candidates(hierarchy: Hierarchy, printed: PrintedUnitName, levels: readonly UnitLevel[], via: 'exact' | 'folded'): AdminUnit[] {
  const units = via === 'exact' ? hierarchy.withNameKey(printed.key) : hierarchy.withFoldedKey(printed.folded);
  return units.filter((u) => levels.includes(u.level));
}

/** A context name's units: exact matches, else folded ones; possibly several (`Châu Thành`). */
function namedUnits(hierarchy: Hierarchy, printed: PrintedUnitName, levels: readonly UnitLevel[]): AdminUnit[] {
  if (printed.key === '') return [];
  const exact = candidates(hierarchy, printed, levels, 'exact');
  return exact.length > 0 ? exact : candidates(hierarchy, printed, levels, 'folded');
}

/**
 * Every context entry that could sit above the unit (has a match of a higher level) must
 * have a match among the unit's ancestors. Entries at the unit's level or below say
 * nothing about it.
 */
function fitsContext(hierarchy: Hierarchy, unit: AdminUnit, context: readonly AdminUnit[][]): boolean {
  if (context.length === 0) return true;
  const ancestors = new Set(hierarchy.ancestors(unit.code));
  return context.every((named) => {
    const above = named.filter((c) => LEVEL_RANK[c.level] < LEVEL_RANK[unit.level]);
    return above.length === 0 || above.some((c) => ancestors.has(c));
  });
}
