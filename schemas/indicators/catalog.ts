import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LocalizedText } from '../localized-text.ts';
import { UnitLevel } from '../report-parsed/v1.ts';
import { FileRole } from '../fact/v1.ts';

/**
 * The indicator catalog (catalog.json): the CCHC figures tonghop knows by name, with the
 * Vietnamese phrases reports use for them. See README.md for where the vocabulary comes from.
 *
 *   catalog    = { version: 1, abbreviations, rewrites, indicators, fileRoles }
 *   fileRoles  = { note, indicators {role → code}, identities [{id, total, parts, exact}],
 *                  bounds [{part, whole, exact}] }: the flow of files through a one-stop
 *                office (roles in schemas/fact/v1.ts); `exact` identities and bounds always
 *                hold for figures of one scope and period, the others are questions
 *   indicator  = { code, name {vi, en}, area, unit, additive, level?, aliases, nouns?,
 *                  priority?, ratio? {numerator, denominator}, parts?, note? }
 *   code       = lowercase segments joined by dots: `hoso.on_time`, `tthc.level.commune`
 *   phrase     = lowercase NFC Vietnamese, single spaces, letters/digits only;
 *                in aliases the token `…` stands for a gap of up to 8 words
 *                (`tỷ lệ … đúng hạn` matches `tỷ lệ hồ sơ cấp xã giải quyết đúng hạn`)
 *
 * `nouns` are what the figure counts (`hồ sơ`, `thủ tục`, `văn bản`, …). Two indicators may
 * share an alias only if their nouns are disjoint: `tiếp nhận` is hoso.received for `hồ sơ`
 * and feedback.received for `phản ánh, kiến nghị`.
 * `additive`: whether children's values sum to the parent's (files received: yes; the number
 * of procedures in force, a percentage: no).
 * `ratio`: a percentage indicator's numerator and denominator, for the rate rules.
 * `parts`: indicators that reports usually give as a breakdown of this one (a hint for the
 * sum rules, not a law: `tiếp nhận` = `đã giải quyết` + `đang giải quyết` only when no file
 * was carried over).
 * `priority` (0.5–1, default 1) scales a match: noun-phrase aliases (`tổng số cán bộ, công
 * chức`) yield to a verb in the same label (`được tinh giản biên chế`).
 *
 * The file is validated when this module is loaded, so a bad catalog stops the process at boot.
 */
export const IndicatorUnit = z.enum(['count', 'percent', 'VND']);
export type IndicatorUnit = z.infer<typeof IndicatorUnit>;

/** The CCHC programme's reform areas, plus oversight (inspections, dialogue, feedback, satisfaction). */
export const ReformArea = z.enum(['direction', 'institutions', 'procedures', 'organisation', 'civil-service', 'public-finance', 'modernisation', 'oversight']);
export type ReformArea = z.infer<typeof ReformArea>;

export const GAP = '…';

const IndicatorCode = z.string().regex(/^[a-z]+(?:\.[a-z0-9_]+)+$/, 'code must be dot-separated lowercase segments, e.g. hoso.on_time');

function isPhrase(text: string, allowGap: boolean): boolean {
  if (text !== text.normalize('NFC') || text !== text.toLowerCase()) return false;
  const tokens = text.split(' ');
  return tokens.every((t, i) => (allowGap && t === GAP ? i > 0 && i < tokens.length - 1 && tokens[i - 1] !== GAP : /^[\p{L}\p{M}\p{N}]+$/u.test(t)));
}

const Phrase = z.string().min(1).refine((t) => isPhrase(t, false), 'phrases are lowercase NFC words (letters, digits) separated by single spaces');
const Alias = z.string().min(1).refine((t) => isPhrase(t, true), `aliases are lowercase NFC words separated by single spaces; "${GAP}" may stand between two words`);

export const IndicatorDefinition = z.strictObject({
  code: IndicatorCode,
  name: LocalizedText,
  area: ReformArea,
  unit: IndicatorUnit,
  additive: z.boolean(),
  level: UnitLevel.optional(),
  aliases: z.array(Alias).min(1),
  nouns: z.array(Phrase).min(1).optional(),
  priority: z.number().min(0.5).max(1).optional(),
  ratio: z.strictObject({ numerator: IndicatorCode, denominator: IndicatorCode }).optional(),
  parts: z.array(IndicatorCode).min(2).optional(),
  note: z.string().min(1).optional(),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;

export const FileRoleIdentity = z.strictObject({
  id: z.string().regex(/^[a-z_]+$/),
  total: FileRole,
  parts: z.array(FileRole).min(2),
  exact: z.boolean(),
});
export type FileRoleIdentity = z.infer<typeof FileRoleIdentity>;

export const FileRoleBound = z.strictObject({ part: FileRole, whole: FileRole, exact: z.boolean() });
export type FileRoleBound = z.infer<typeof FileRoleBound>;

export const FileRoles = z.strictObject({
  note: z.string().min(1),
  indicators: z.record(FileRole, IndicatorCode),
  identities: z.array(FileRoleIdentity).min(1),
  bounds: z.array(FileRoleBound).min(1),
});

export const IndicatorCatalogV1 = z.strictObject({
  version: z.literal(1),
  /** Abbreviation (one lowercase token) → what it stands for; expanded before matching. */
  abbreviations: z.record(z.string().regex(/^[\p{Ll}\p{N}]+$/u, 'abbreviations are single lowercase tokens'), Phrase),
  /** Phrase rewrites applied after expansion: spelling variants, modifiers to drop. */
  rewrites: z.array(z.strictObject({ from: Phrase, to: Phrase })),
  indicators: z.array(IndicatorDefinition).min(1),
  /** Absent in a catalog that knows no flow of files (tests build minimal ones). */
  fileRoles: FileRoles.optional(),
}).superRefine((catalog, ctx) => {
  const byCode = new Map(catalog.indicators.map((d) => [d.code, d]));
  if (byCode.size !== catalog.indicators.length) {
    const seen = new Set<string>();
    for (const d of catalog.indicators) {
      if (seen.has(d.code)) ctx.addIssue({ code: 'custom', message: `duplicate indicator code ${d.code}`, path: ['indicators'] });
      seen.add(d.code);
    }
  }
  const roles: Record<string, string> = catalog.fileRoles?.indicators ?? {};
  for (const [role, code] of Object.entries(roles)) {
    if (!byCode.has(code)) ctx.addIssue({ code: 'custom', message: `fileRoles: ${role} names unknown indicator ${code}`, path: ['fileRoles', 'indicators'] });
  }
  for (const role of catalog.fileRoles ? FileRole.options : []) {
    if (!(role in roles)) ctx.addIssue({ code: 'custom', message: `fileRoles: no indicator for role ${role}`, path: ['fileRoles', 'indicators'] });
  }
  const owners = new Map<string, IndicatorDefinition[]>();
  catalog.indicators.forEach((d, i) => {
    const path = ['indicators', i];
    if (d.unit === 'percent' && d.additive) ctx.addIssue({ code: 'custom', message: `${d.code}: a percentage is never additive`, path });
    if (new Set(d.aliases).size !== d.aliases.length) ctx.addIssue({ code: 'custom', message: `${d.code}: repeated alias`, path });
    for (const ref of [d.ratio?.numerator, d.ratio?.denominator, ...(d.parts ?? [])]) {
      if (ref !== undefined && !byCode.has(ref)) ctx.addIssue({ code: 'custom', message: `${d.code}: unknown indicator ${ref}`, path });
    }
    if (d.ratio && d.unit !== 'percent') ctx.addIssue({ code: 'custom', message: `${d.code}: only a percentage has a ratio`, path });
    for (const alias of d.aliases) owners.set(alias, [...(owners.get(alias) ?? []), d]);
  });
  for (const [alias, defs] of owners) {
    for (let i = 0; i < defs.length; i += 1) {
      for (let j = i + 1; j < defs.length; j += 1) {
        const a = defs[i];
        const b = defs[j];
        if (!a || !b) continue;
        const shared = (a.nouns ?? []).filter((n) => (b.nouns ?? []).includes(n));
        if (!a.nouns || !b.nouns || shared.length > 0) {
          ctx.addIssue({ code: 'custom', message: `alias '${alias}' is shared by ${a.code} and ${b.code} without disjoint nouns`, path: ['indicators'] });
        }
      }
    }
  }
});
export type IndicatorCatalog = z.infer<typeof IndicatorCatalogV1>;

/** Validates a catalog and freezes it; throws a ZodError naming every problem. */
export function parseIndicatorCatalog(data: unknown): Readonly<IndicatorCatalog> {
  return deepFreeze(IndicatorCatalogV1.parse(data));
}

export const CATALOG_PATH = new URL('./catalog.json', import.meta.url);

/** The catalog shipped with tonghop, read and validated once, at import. */
export const INDICATOR_CATALOG: Readonly<IndicatorCatalog> = parseIndicatorCatalog(JSON.parse(readFileSync(CATALOG_PATH, 'utf8')));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
