import { z } from 'zod';
import { UnitCode } from '../identifiers.ts';
import { UnitLevel as ReportedUnitLevel } from '../report-parsed/v1.ts';

/** The three levels, the same enum report.parsed uses. */
export const UnitLevel = ReportedUnitLevel;
export type UnitLevel = z.infer<typeof UnitLevel>;

/** `2025-07-01`. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

export const UnitType = z.enum(['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu']);
export type UnitType = z.infer<typeof UnitType>;

/** Which type words each level takes. */
export const TYPES_OF_LEVEL: Readonly<Record<UnitLevel, readonly UnitType[]>> = {
  province: ['tỉnh', 'thành phố'],
  district: ['huyện', 'quận', 'thị xã', 'thành phố'],
  commune: ['xã', 'phường', 'thị trấn', 'đặc khu'],
};

/** Levels from the top. */
export const LEVEL_ORDER: readonly UnitLevel[] = ['province', 'district', 'commune'];

/** Levels ordered from the top: a smaller rank is a higher level. */
export const LEVEL_RANK: Readonly<Record<UnitLevel, number>> = { province: 0, district: 1, commune: 2 };

/** How a level is named in messages: `cấp xã` / `commune level`. */
export const LEVEL_NAMES: Readonly<Record<UnitLevel, { vi: string; en: string }>> = {
  province: { vi: 'tỉnh', en: 'province' },
  district: { vi: 'huyện', en: 'district' },
  commune: { vi: 'xã', en: 'commune' },
};

/** GSO code length per level. */
export const CODE_LENGTH: Readonly<Record<UnitLevel, number>> = { province: 2, district: 3, commune: 5 };

/** `thị xã` → `Thị xã`: how the type word opens an official name. */
export function typePrefix(type: UnitType): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** `Xã Quảng Ngạn` → `Quảng Ngạn`: the name without its type word. */
export function bareName(unit: { name: string; type: UnitType }): string {
  return unit.name.slice(typePrefix(unit.type).length + 1);
}

/** The fields of a unit that do not depend on when it was in force (as the data files list them), unchecked. */
export const ListedUnitShape = z.strictObject({
  code: UnitCode,
  name: z.string().min(1),
  level: UnitLevel,
  type: UnitType,
  parent: UnitCode.optional(),
});

/**
 * What is wrong with a listed unit beyond its field types: code length for the level, a
 * type the level takes, an NFC name with single spaces that starts with its type word,
 * a parent for everything but a province. Empty when nothing is.
 */
export function listedUnitProblems(u: z.infer<typeof ListedUnitShape>): { field: keyof z.infer<typeof ListedUnitShape>; message: string }[] {
  const out: { field: keyof z.infer<typeof ListedUnitShape>; message: string }[] = [];
  const prefix = typePrefix(u.type);
  if (u.code.length !== CODE_LENGTH[u.level]) out.push({ field: 'code', message: `${u.code}: a ${u.level} code has ${CODE_LENGTH[u.level]} digits` });
  if (!TYPES_OF_LEVEL[u.level].includes(u.type)) out.push({ field: 'type', message: `${u.code}: a ${u.level} is never a ${u.type}` });
  if (u.name !== u.name.normalize('NFC') || /\s{2}|^\s|\s$/u.test(u.name)) out.push({ field: 'name', message: `${u.code}: name must be NFC with single spaces` });
  if (!u.name.startsWith(`${prefix} `) || u.name.length <= prefix.length + 1) out.push({ field: 'name', message: `${u.code}: name "${u.name}" must start with "${prefix} "` });
  if ((u.level === 'province') !== (u.parent === undefined)) out.push({ field: 'parent', message: `${u.code}: only provinces have no parent` });
  return out;
}

/** A listed unit, checked (see listedUnitProblems). */
export const ListedUnit = ListedUnitShape.superRefine((u, ctx) => {
  for (const p of listedUnitProblems(u)) ctx.addIssue({ code: 'custom', message: p.message, path: [p.field] });
});
export type ListedUnit = z.infer<typeof ListedUnit>;

/**
 * One administrative unit as it stood during one stretch of time.
 *
 *   unit      = { code, name, level, type, parent?, validFrom, validTo? }
 *   code      = the GSO code exactly as GSO prints it: 2 digits for a province (`94`),
 *               3 for a district (`941`), 5 for a commune (`19873`), leading zeros kept
 *   name      = the official name with its type word, NFC, single spaces: `Xã Quảng Ngạn`,
 *               `Thành phố Hồ Chí Minh`, `Phường 05`, `Đặc khu Côn Đảo`
 *   type      = the type word of the name in lowercase (`xã`, `thị xã`, `thành phố`, …);
 *               `thành phố` is a centrally-governed city at province level and a city
 *               of a province (thành phố thuộc tỉnh) at district level
 *   parent    = the code of the unit one level up at the same date; absent for provinces
 *   validFrom = first day in force, ISO date; validTo = last day in force (absent: still in force)
 *
 * A code alone does not name a unit: GSO gives a merged unit the code of one of the units
 * it absorbed, so on 1 July 2025 `19873` went from Xã Quảng Ngạn to Phường Phong Quảng.
 * The identity of a record is (code, validFrom); ask the registry with a date.
 */
export const AdminUnit = ListedUnitShape.extend({
  validFrom: IsoDate,
  validTo: IsoDate.optional(),
}).superRefine((u, ctx) => {
  for (const p of listedUnitProblems(u)) ctx.addIssue({ code: 'custom', message: p.message, path: [p.field] });
  if (u.validTo !== undefined && u.validTo < u.validFrom) ctx.addIssue({ code: 'custom', message: `${u.code}: validTo precedes validFrom`, path: ['validTo'] });
});
export type AdminUnit = z.infer<typeof AdminUnit>;

/** Whether a unit is in force on an ISO date (both ends inclusive). */
export function inForce(unit: Pick<AdminUnit, 'validFrom' | 'validTo'>, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === undefined || date <= unit.validTo);
}
