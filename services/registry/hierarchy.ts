import { bareName, LEVEL_ORDER, type AdminUnit, type UnitLevel } from '../../schemas/registry/admin-unit.ts';
import { foldKey, nameKey } from './unit-name-text.ts';

/**
 * The administrative map during one stretch of time in which no unit changed: every unit
 * in force from `validFrom` to `validTo` (absent: still open), with its tree and name index.
 * Before 1 July 2025 the tree is province → district → commune; after it, province → commune.
 *
 * Lists come back sorted by code and frozen; the units are the registry's own frozen records.
 */
export class Hierarchy {
  readonly validFrom: string;
  readonly validTo: string | undefined;
  /** Levels present, from the top: three before 1 July 2025, two after. */
  readonly levels: readonly UnitLevel[];
  readonly units: readonly AdminUnit[];
  private readonly byCode = new Map<string, AdminUnit>();
  private readonly childrenOf = new Map<string, AdminUnit[]>();
  private readonly byLevel = new Map<UnitLevel, AdminUnit[]>();
  private exactNames?: Map<string, AdminUnit[]>;
  private foldedNames?: Map<string, AdminUnit[]>;

  constructor(validFrom: string, validTo: string | undefined, units: readonly AdminUnit[]) {
    this.validFrom = validFrom;
    this.validTo = validTo;
    const inOrder = units.every((u, i) => i === 0 || compareCodes(units[i - 1]?.code ?? '', u.code) < 0);
    const sorted = inOrder ? [...units] : [...units].sort((a, b) => compareCodes(a.code, b.code));
    for (const unit of sorted) {
      if (this.byCode.has(unit.code)) throw new Error(`two units with code ${unit.code} in force on ${validFrom}`);
      this.byCode.set(unit.code, unit);
      push(this.byLevel, unit.level, unit);
      if (unit.parent !== undefined) push(this.childrenOf, unit.parent, unit);
    }
    for (const unit of sorted) {
      if (unit.parent !== undefined && !this.byCode.has(unit.parent)) throw new Error(`${unit.code} ${unit.name}: parent ${unit.parent} is not in force on ${validFrom}`);
    }
    for (const list of [...this.childrenOf.values(), ...this.byLevel.values()]) Object.freeze(list);
    this.units = Object.freeze(sorted);
    this.levels = Object.freeze(LEVEL_ORDER.filter((level) => this.byLevel.has(level)));
  }

  /** Whether this map applies on an ISO date. */
  covers(date: string): boolean {
    return this.validFrom <= date && (this.validTo === undefined || date <= this.validTo);
  }

  get(code: string): AdminUnit | undefined {
    return this.byCode.get(code);
  }

  atLevel(level: UnitLevel): readonly AdminUnit[] {
    return this.byLevel.get(level) ?? EMPTY;
  }

  children(code: string): readonly AdminUnit[] {
    return this.childrenOf.get(code) ?? EMPTY;
  }

  parent(code: string): AdminUnit | undefined {
    const parent = this.byCode.get(code)?.parent;
    return parent === undefined ? undefined : this.byCode.get(parent);
  }

  /** Parent first, province last; empty for a province or an unknown code. */
  ancestors(code: string): AdminUnit[] {
    const out: AdminUnit[] = [];
    for (let unit = this.parent(code); unit; unit = this.parent(unit.code)) out.push(unit);
    return out;
  }

  /** Every unit below, level by level (a province's districts, then their communes). */
  descendants(code: string): AdminUnit[] {
    const out: AdminUnit[] = [];
    let level: readonly AdminUnit[] = this.children(code);
    while (level.length > 0) {
      out.push(...level);
      level = level.flatMap((u) => this.children(u.code));
    }
    return out;
  }

  /** Units whose name without its type word has this nameKey. */
  withNameKey(key: string): readonly AdminUnit[] {
    this.exactNames ??= this.indexNames(nameKey);
    return this.exactNames.get(key) ?? EMPTY;
  }

  /** Units whose name without its type word has this foldKey (the fallback: built on its first use). */
  withFoldedKey(folded: string): readonly AdminUnit[] {
    this.foldedNames ??= this.indexNames(foldKey);
    return this.foldedNames.get(folded) ?? EMPTY;
  }

  /** Built on first use: a map only used for rollups never pays for it. */
  private indexNames(key: (name: string) => string): Map<string, AdminUnit[]> {
    const index = new Map<string, AdminUnit[]>();
    for (const unit of this.units) push(index, key(bareName(unit)), unit);
    return index;
  }
}

const EMPTY: readonly AdminUnit[] = Object.freeze([]);

/** Codes of one level have one length, so string order is numeric order; shorter (higher) first. */
export function compareCodes(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
