import type { UnitLevel } from './report-metadata.ts';
import { anyCase, escapeRegExp, vietnameseKey } from '../../text/vietnamese-text.ts';

/**
 * The words that introduce a unit name, and the level each stands for (before the 1 July 2025
 * reform; after it, `xã`/`phường`/`đặc khu` sit directly under the province, still `commune`):
 *
 *   xã, phường, thị trấn                       → commune
 *   huyện, quận, thị xã                         → district
 *   thành phố (thuộc tỉnh)                      → district
 *   tỉnh, thành phố (trực thuộc trung ương)     → province
 *
 * `thành phố` (also `TP.`) is decided by the name: the centrally-governed cities are
 * provinces, any other city is a district. Huế changed side on 1 January 2025 (a city of
 * Thừa Thiên Huế province before, a centrally-governed city after), so it is decided by
 * whether the text still names `tỉnh Thừa Thiên Huế`, with a warning.
 */
export type LevelWord = 'xã' | 'phường' | 'thị trấn' | 'huyện' | 'quận' | 'thị xã' | 'thành phố' | 'tỉnh';

export const LEVEL_OF_WORD: Readonly<Record<Exclude<LevelWord, 'thành phố'>, UnitLevel>> = {
  'xã': 'commune',
  'phường': 'commune',
  'thị trấn': 'commune',
  'huyện': 'district',
  'quận': 'district',
  'thị xã': 'district',
  'tỉnh': 'province',
};

/** Longest first, so `thị xã` is not read as `xã`. */
const WORDS: readonly LevelWord[] = ['thành phố', 'thị trấn', 'thị xã', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'];

/** Regex source for any level word in any case, or the `TP.`/`Tp.` abbreviation of `thành phố`. */
export const LEVEL_WORD_SOURCE = `(?:${WORDS.map(anyCase).join('|')}|TP\\.?|Tp\\.)`;

export function levelWordOf(matched: string): LevelWord | undefined {
  const key = vietnameseKey(matched).replace(/\s+/g, ' ');
  if (key === 'tp' || key === 'tp.') return 'thành phố';
  return WORDS.find((w) => w === key);
}

export { LEVEL_NAMES, LEVEL_RANK } from '../../../schemas/registry/admin-unit.ts';

const CENTRAL_CITIES = new Set(['hà nội', 'hồ chí minh', 'hải phòng', 'đà nẵng', 'cần thơ']);
const HUE = 'huế';

export interface CityDecision {
  level: UnitLevel;
  /** Set when the level depends on the date of the report (Huế). */
  ambiguous: boolean;
}

/**
 * The level of `thành phố <name>`. `allText` is the whole report: an explicit
 * `trực thuộc trung ương` / `thuộc tỉnh` next to the name decides first.
 */
export function cityLevel(name: string, allText: string): CityDecision {
  const key = nameKey(name);
  const near = new RegExp(`${anyCase('thành phố')}\\s+${escapeRegExp(name)}[\\s,]+(?:là\\s+)?(?:thành\\s+phố\\s+)?(trực\\s+thuộc\\s+trung\\s+ương|thuộc\\s+tỉnh)`, 'iu').exec(allText);
  if (near?.[1]) return { level: /trung/iu.test(near[1]) ? 'province' : 'district', ambiguous: false };
  if (CENTRAL_CITIES.has(key)) return { level: 'province', ambiguous: false };
  if (key === HUE) return { level: /tỉnh\s+Thừa\s+Thiên\s+Huế/iu.test(allText) ? 'district' : 'province', ambiguous: true };
  return { level: 'district', ambiguous: false };
}

/** Key for comparing unit names: lowercase, canonical tones, single spaces, ` - ` joiners. */
export function nameKey(name: string): string {
  return vietnameseKey(name).replace(/\s*[-–]\s*/g, ' - ').replace(/\s+/g, ' ').trim();
}
