import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { IsoDate, LEVEL_ORDER, ListedUnitShape, listedUnitProblems, type AdminUnit, type ListedUnit } from './admin-unit.ts';
import { UnitSuccession } from './unit-succession.ts';

/**
 * The vendored administrative-unit data (see SOURCE.md for where it comes from and
 * generate-registry.ts for how it is made). Three files:
 *
 *   admin-units-pre-2025.json   edition: GSO list of 10 Jul 2021, three levels, applied 2008-08-01 … 2025-06-30
 *   admin-units-post-2025.json  edition: Nghị quyết 202/2025/QH15, two levels, from 2025-07-01
 *   unit-successions-2025.json  old unit → new unit, for the 1 July 2025 reorganisation
 *
 *   edition      = { version: 1, edition, validFrom, validTo?, listedOn, source, units }
 *   edition      = an id, `gso-2021-07-10`
 *   listedOn     = the date of the list the units were taken from
 *   validFrom/To = the dates the edition is applied to; every unit inherits them
 *   units        = ListedUnit[] (admin-unit.ts): { code, name, level, type, parent? }
 *   successions  = { version: 1, from, to, successions: UnitSuccession[] } (from/to: edition ids)
 *
 * Validity lives on the edition because neither source dates individual units; the registry
 * expands it onto each record. An edition is checked on its own here (codes unique, parents
 * present one level up, code lengths); checks across files (successions point at units that
 * exist) are the registry's, when it loads.
 */
export const EditionFile = z
  .strictObject({
    version: z.literal(1),
    edition: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'edition ids are lowercase words joined by hyphens'),
    validFrom: IsoDate,
    validTo: IsoDate.optional(),
    listedOn: IsoDate,
    source: z.string().min(1),
    // Checked unit by unit in the refinement below: one pass instead of one per unit.
    units: z.array(ListedUnitShape).min(1),
  })
  .superRefine((file, ctx) => {
    if (file.validTo !== undefined && file.validTo < file.validFrom) ctx.addIssue({ code: 'custom', message: 'validTo precedes validFrom', path: ['validTo'] });
    const byCode = new Map<string, ListedUnit>();
    for (const [i, u] of file.units.entries()) {
      for (const p of listedUnitProblems(u)) ctx.addIssue({ code: 'custom', message: p.message, path: ['units', i, p.field] });
      if (byCode.has(u.code)) ctx.addIssue({ code: 'custom', message: `duplicate code ${u.code}`, path: ['units', i, 'code'] });
      byCode.set(u.code, u);
    }
    const levels = LEVEL_ORDER.filter((level) => file.units.some((u) => u.level === level));
    for (const [i, u] of file.units.entries()) {
      if (u.parent === undefined) continue;
      const parent = byCode.get(u.parent);
      const expected = levels[levels.indexOf(u.level) - 1];
      if (!parent) ctx.addIssue({ code: 'custom', message: `${u.code}: parent ${u.parent} is not in the edition`, path: ['units', i, 'parent'] });
      else if (parent.level !== expected) ctx.addIssue({ code: 'custom', message: `${u.code}: parent ${u.parent} is a ${parent.level}, expected a ${expected ?? 'nothing'}`, path: ['units', i, 'parent'] });
    }
  });
export type EditionFile = z.infer<typeof EditionFile>;

export const SuccessionFile = z
  .strictObject({
    version: z.literal(1),
    from: z.string().min(1),
    to: z.string().min(1),
    successions: z.array(UnitSuccession).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const [i, s] of file.successions.entries()) {
      const key = `${s.from}>${s.to}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: `duplicate succession ${s.from} → ${s.to}`, path: ['successions', i] });
      seen.add(key);
    }
  });
export type SuccessionFile = z.infer<typeof SuccessionFile>;

export const REGISTRY_FILES = {
  pre2025: new URL('./admin-units-pre-2025.json', import.meta.url),
  post2025: new URL('./admin-units-post-2025.json', import.meta.url),
  successions2025: new URL('./unit-successions-2025.json', import.meta.url),
} as const;

export interface RegistryData {
  /** Oldest first. */
  editions: EditionFile[];
  successions: SuccessionFile[];
}

/** Reads and validates the shipped files; throws a ZodError naming every problem. */
export function readRegistryData(files: typeof REGISTRY_FILES = REGISTRY_FILES): RegistryData {
  const read = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));
  return {
    editions: [EditionFile.parse(read(files.pre2025)), EditionFile.parse(read(files.post2025))],
    successions: [SuccessionFile.parse(read(files.successions2025))],
  };
}

/** The edition's units as dated records, frozen. */
export function expandEdition(file: EditionFile): AdminUnit[] {
  const { validFrom, validTo } = file;
  return file.units.map((u) => {
    const unit: AdminUnit = { code: u.code, name: u.name, level: u.level, type: u.type, validFrom };
    if (u.parent !== undefined) unit.parent = u.parent;
    if (validTo !== undefined) unit.validTo = validTo;
    return Object.freeze(unit);
  });
}
