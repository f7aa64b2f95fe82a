import type { UnitLevel, UnitType } from '../../schemas/registry/admin-unit.ts';
import { foldDiacritics } from '../text/vietnamese-text.ts';
import { foldKey, hasDiacritics, nameKey } from './unit-name-text.ts';

/**
 * A unit name as a document prints it, taken apart:
 *
 *   printed = [organ] [type word] name
 *   organ   = UBND | Ủy ban nhân dân | HĐND | Hội đồng nhân dân
 *   type    = tỉnh | thành phố | TP. | huyện | quận | thị xã | xã | phường | thị trấn | đặc khu
 *
 * `UBND XÃ QUẢNG NGẠN` → name `quảng ngạn`, type `xã`; `TP. Hồ Chí Minh` → `hồ chí minh`,
 * `thành phố`; `A Lưới` → `a lưới`, no type. Markdown emphasis, quotes and punctuation
 * around the name are dropped (`xã Quảng Ngạn**`). Without diacritics anywhere in the
 * input (`UBND xa Quang Ngan`), the organ and type words are recognised in their folded
 * spelling too; with diacritics they must be spelt right, so that a name that merely begins
 * with `Xa` or `Quan` is not cut short.
 */
export interface PrintedUnitName {
  /** nameKey of the name without organ and type words; '' when nothing is left. */
  key: string;
  /** foldKey of the same. */
  folded: string;
  /** The type word, when the text has one. */
  type?: UnitType;
}

const ORGANS = ['ủy ban nhân dân', 'hội đồng nhân dân', 'ubnd', 'hđnd'];
/** Longest first, so `thị xã` is not read as `xã`. */
const TYPE_WORDS: readonly UnitType[] = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'];
/** Abbreviated names printed often enough to know. */
const ABBREVIATIONS: Readonly<Record<string, string>> = { hcm: 'hồ chí minh' };

/** Levels a type word can stand for. */
export const LEVELS_OF_TYPE: Readonly<Record<UnitType, readonly UnitLevel[]>> = {
  'tỉnh': ['province'],
  'thành phố': ['province', 'district'],
  'huyện': ['district'],
  'quận': ['district'],
  'thị xã': ['district'],
  'xã': ['commune'],
  'phường': ['commune'],
  'thị trấn': ['commune'],
  'đặc khu': ['commune'],
};

const EDGE = /^[\s*_"'“”‘’«»()[\]{},.:;!?-]+|[\s*_"'“”‘’«»()[\]{},.:;!?-]+$/gu;

export function readPrintedName(text: string): PrintedUnitName {
  const plain = !hasDiacritics(text);
  // nameKey lowercases and drops apostrophes; `TP.` keeps its dot until the type is read.
  let rest = nameKey(text.replace(EDGE, ''));
  const spelled = (word: string): string => (plain ? foldDiacritics(word) : word);

  // A word counts as a prefix when the text is that word alone or continues after a space
  // (`UBND huyện` names no unit; `Xanh` does not start with `xã`).
  const opens = (word: string): boolean => rest === word || rest.startsWith(`${word} `);
  const organ = ORGANS.map(spelled).find(opens);
  if (organ) rest = rest.slice(organ.length + 1);
  let type: UnitType | undefined;
  const tp = /^tp(?:\.\s*|\s+|$)/u.exec(rest);
  if (tp) {
    type = 'thành phố';
    rest = rest.slice(tp[0].length);
  } else {
    type = TYPE_WORDS.find((candidate) => opens(spelled(candidate)));
    if (type) rest = rest.slice(spelled(type).length + 1);
  }
  const key = nameKey(rest.replace(EDGE, ''));
  const expanded = ABBREVIATIONS[key] ?? key;
  return { key: expanded, folded: foldKey(expanded), ...(type ? { type } : {}) };
}
