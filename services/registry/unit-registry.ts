import type { Period } from '../../schemas/identifiers.ts';
import { inForce, type AdminUnit, type UnitLevel } from '../../schemas/registry/admin-unit.ts';
import { expandEdition, readRegistryData, REGISTRY_FILES, type RegistryData } from '../../schemas/registry/registry-files.ts';
import type { UnitSuccession } from '../../schemas/registry/unit-succession.ts';
import { compareCodes, Hierarchy } from './hierarchy.ts';
import { periodEnd } from './period-date.ts';

/**
 * The versioned register of administrative units (ARCHITECTURE.md, "Consolidation"): every
 * unit with the dates it was in force, and the 1 July 2025 old → new successions.
 *
 * Every question takes an ISO date (`2020-12-31`), because a GSO code alone is not a unit:
 * `19873` is Xã Quảng Ngạn up to 2025-06-30 and Phường Phong Quảng from 2025-07-01. A date
 * outside every unit's validity simply finds nothing. Reports carry periods, not dates;
 * `hierarchyFor(period)` picks the map in force for one:
 *
 *   date in force = the last day of the period (period-date.ts: `2025-Q4` → 2025-12-31,
 *                   `2011..2020` → 2020-12-31), raised to the registry's first day when
 *                   earlier (the oldest map is the best we know for older reports);
 *                   `unknown` has no map.
 *
 * What is deliberately left out: changes inside an edition. The pre-2025 edition is the GSO
 * list of 10 July 2021 applied from 1 August 2008 (SOURCE.md); mergers and renamings between
 * those dates and up to 30 June 2025 are not modelled.
 *
 * Loading validates every file with zod and checks them against each other; the shipped
 * data is read once per process (`loadUnitRegistry`). Maps (Hierarchy) are built per stretch
 * of time on first use and kept.
 */
export class UnitRegistry {
  /** Every record, in the order given (fromData: oldest edition first, by code within); frozen. */
  readonly units: readonly AdminUnit[];
  readonly successions: readonly UnitSuccession[];
  /** The earliest validFrom: `hierarchyFor` raises earlier period ends to it. */
  readonly firstDate: string;
  /** Dates where the map changes (every validFrom and every day after a validTo), ascending. */
  private readonly boundaries: string[];
  private readonly hierarchies = new Map<string, Hierarchy>();
  private readonly byCode = new Map<string, AdminUnit[]>();
  private readonly successorsByCode = new Map<string, UnitSuccession[]>();
  private readonly predecessorsByCode = new Map<string, UnitSuccession[]>();
  private readonly successionDates?: { from: string; to: string };

  /**
   * @param units dated records; (code, validFrom) unique and no two records of one code overlap
   * @param successions old → new pairs; `from` must be in force on `successionDates.from`
   *   (the last day of the old map) and `to` on `successionDates.to` (the first of the new)
   */
  constructor(units: readonly AdminUnit[], successions: readonly UnitSuccession[] = [], successionDates?: { from: string; to: string }) {
    if (units.length === 0) throw new Error('a registry needs at least one unit');
    // Frozen records are immutable already and shared as they are (fromData's are).
    const records = units.map((u) => (Object.isFrozen(u) ? u : Object.freeze({ ...u })));
    const problems: string[] = [];
    for (const record of records) push(this.byCode, record.code, record);
    for (const history of this.byCode.values()) {
      if (history.length < 2) continue;
      history.sort((a, b) => cmp(a.validFrom, b.validFrom));
      history.forEach((record, i) => {
        const previous = history[i - 1];
        if (previous && (previous.validTo === undefined || previous.validTo >= record.validFrom)) {
          problems.push(`${record.code}: ${previous.name} (from ${previous.validFrom}) and ${record.name} (from ${record.validFrom}) overlap`);
        }
      });
    }
    for (const record of records) {
      if (record.parent === undefined) continue;
      const parentCovers = (this.byCode.get(record.parent) ?? []).some((p) => p.validFrom <= record.validFrom && (p.validTo === undefined || (record.validTo !== undefined && record.validTo <= p.validTo)));
      if (!parentCovers) problems.push(`${record.code} ${record.name}: parent ${record.parent} is not in force for all of ${record.validFrom} … ${record.validTo ?? 'open'}`);
    }
    this.units = Object.freeze(records);
    this.firstDate = records.reduce((min, u) => (u.validFrom < min ? u.validFrom : min), records[0]?.validFrom ?? '');
    const starts = new Set<string>();
    const ends = new Set<string>();
    for (const u of records) {
      starts.add(u.validFrom);
      if (u.validTo !== undefined) ends.add(u.validTo);
    }
    for (const end of ends) starts.add(nextDay(end));
    this.boundaries = [...starts].sort();

    if (successions.length > 0 && !successionDates) problems.push('successions need the dates of the old and the new map');
    if (problems.length === 0 && successionDates) {
      // Both maps are needed by any later question anyway; built now, they are cached.
      const before = this.at(successionDates.from);
      const after = this.at(successionDates.to);
      for (const s of successions) {
        if (!before.get(s.from)) problems.push(`succession ${s.from} → ${s.to}: ${s.from} is not in force on ${successionDates.from}`);
        if (!after.get(s.to)) problems.push(`succession ${s.from} → ${s.to}: ${s.to} is not in force on ${successionDates.to}`);
      }
    }
    for (const s of successions) {
      push(this.successorsByCode, s.from, s);
      push(this.predecessorsByCode, s.to, s);
    }
    if (problems.length > 0) throw new Error(`invalid unit registry (${problems.length} problems):\n${problems.slice(0, 20).join('\n')}`);
    this.successions = Object.freeze(successions.map((s) => Object.freeze({ ...s })));
    if (successionDates) this.successionDates = { ...successionDates };
  }

  /** Builds a registry from validated data files (registry-files.ts). */
  static fromData(data: RegistryData): UnitRegistry {
    const units = data.editions.flatMap(expandEdition);
    const editionById = new Map(data.editions.map((e) => [e.edition, e]));
    const successions: UnitSuccession[] = [];
    let dates: { from: string; to: string } | undefined;
    for (const file of data.successions) {
      const from = editionById.get(file.from);
      const to = editionById.get(file.to);
      if (!from?.validTo || !to) throw new Error(`successions ${file.from} → ${file.to}: no such closed edition ${file.from} or edition ${file.to}`);
      if (dates && (dates.from !== from.validTo || dates.to !== to.validFrom)) throw new Error('only one reorganisation is supported');
      dates = { from: from.validTo, to: to.validFrom };
      successions.push(...file.successions);
    }
    return new UnitRegistry(units, successions, dates);
  }

  /** The map in force on an ISO date; empty when nothing is. */
  at(date: string): Hierarchy {
    checkDate(date);
    let lo = 0;
    let hi = this.boundaries.length - 1;
    let index = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.boundaries[mid] ?? '') <= date) {
        index = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const start = index < 0 ? '0000-01-01' : (this.boundaries[index] ?? '');
    let hierarchy = this.hierarchies.get(start);
    if (!hierarchy) {
      const after = this.boundaries[index + 1];
      hierarchy = new Hierarchy(start, after === undefined ? undefined : previousDay(after), this.units.filter((u) => inForce(u, start)));
      this.hierarchies.set(start, hierarchy);
    }
    return hierarchy;
  }

  /** The date whose map a report for `period` is read against (see the class comment); undefined for `unknown`. */
  dateFor(period: Period): string | undefined {
    const end = periodEnd(period);
    if (end === undefined) return undefined;
    return end < this.firstDate ? this.firstDate : end;
  }

  /** The map in force for a report period; undefined for `unknown`. */
  hierarchyFor(period: Period): Hierarchy | undefined {
    const date = this.dateFor(period);
    return date === undefined ? undefined : this.at(date);
  }

  unitsAt(date: string, level?: UnitLevel): readonly AdminUnit[] {
    const map = this.at(date);
    return level === undefined ? map.units : map.atLevel(level);
  }

  get(code: string, date: string): AdminUnit | undefined {
    checkDate(date);
    return this.find(code, date);
  }

  children(code: string, date: string): readonly AdminUnit[] {
    return this.at(date).children(code);
  }

  parent(code: string, date: string): AdminUnit | undefined {
    return this.at(date).parent(code);
  }

  /** Parent first, province last. */
  ancestors(code: string, date: string): AdminUnit[] {
    return this.at(date).ancestors(code);
  }

  /** Every unit below, level by level. */
  descendants(code: string, date: string): AdminUnit[] {
    return this.at(date).descendants(code);
  }

  /** Every record that ever carried the code, oldest first. */
  history(code: string): readonly AdminUnit[] {
    return this.byCode.get(code) ?? [];
  }

  /**
   * Whether a code names the same record on both dates. Period-to-period comparisons (the
   * outlier and conflict rules) must ask this: on either side of 1 July 2025 one code is
   * two different units.
   */
  sameUnit(code: string, a: string, b: string): boolean {
    const unit = this.get(code, a);
    return unit !== undefined && unit === this.get(code, b);
  }

  /**
   * The new units (in force from 2025-07-01) that took over an old one (in force on
   * 2025-06-30), sorted by code. A commune → its new communes (several when it was split); a
   * district → the new communes its communes went to; a province → the new provinces.
   * Empty for a code that is not an old unit or that the sources do not map.
   */
  successorsOf(code: string): AdminUnit[] {
    const dates = this.successionDates;
    const old = dates && this.get(code, dates.from);
    if (!dates || !old) return [];
    const direct = (c: string): string[] => (this.successorsByCode.get(c) ?? []).map((s) => s.to);
    let codes: string[];
    if (old.level === 'commune') codes = direct(code);
    else {
      const map = this.at(dates.from);
      const communes = map.descendants(code).filter((u) => u.level === 'commune');
      const targets = [...direct(code), ...communes.flatMap((u) => direct(u.code))];
      const after = this.at(dates.to);
      codes = old.level === 'province' ? targets.map((t) => after.ancestors(t).at(-1)?.code ?? t) : targets;
    }
    return this.resolve(codes, dates.to);
  }

  /** The old units (in force on 2025-06-30) whose territory went into a new one, sorted by code. */
  predecessorsOf(code: string): AdminUnit[] {
    const dates = this.successionDates;
    if (!dates) return [];
    return this.resolve((this.predecessorsByCode.get(code) ?? []).map((s) => s.from), dates.from);
  }

  private find(code: string, date: string): AdminUnit | undefined {
    return this.byCode.get(code)?.find((u) => inForce(u, date));
  }

  private resolve(codes: string[], date: string): AdminUnit[] {
    return [...new Set(codes)]
      .map((c) => this.find(c, date))
      .filter((u): u is AdminUnit => u !== undefined)
      .sort((a, b) => compareCodes(a.code, b.code));
  }
}

let shipped: UnitRegistry | undefined;

/** The registry of the data shipped in schemas/registry/, read and validated on first call, then shared. */
export function loadUnitRegistry(): UnitRegistry {
  shipped ??= UnitRegistry.fromData(readRegistryData(REGISTRY_FILES));
  return shipped;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkDate(date: string): void {
  if (!ISO_DATE.test(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
}

function nextDay(date: string): string {
  return shiftDay(date, 1);
}

function previousDay(date: string): string {
  return shiftDay(date, -1);
}

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
