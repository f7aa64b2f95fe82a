/**
 * Vietnamese text helpers shared by the parser (metadata, indicator matching) and the
 * unit registry (name matching). A library, not a service: it imports nothing of ours.
 *
 * Every function here keeps string length when the input is NFC (one UTF-16 unit per
 * Vietnamese letter), except `foldDiacritics`, which may shorten decomposed input.
 * The metadata detector relies on that: it matches on a transformed copy of a page
 * and quotes the original page at the same offsets.
 */

/**
 * Vietnamese has two conventions for where the tone mark sits in an open syllable:
 * `hoá`/`hóa`, `thuỷ`/`thủy`, `uỷ ban`/`ủy ban`. Both are correct, both occur in the
 * same report (seed 001 writes `huỷ bỏ` and `hủy bỏ` two lines apart). This maps the
 * mark-on-the-second-vowel spelling onto the mark-on-the-first-vowel one, only at the
 * end of a syllable (`hoàn` is left alone: there the mark is on `a` in both styles) and
 * not after `q` (`quý`: `qu` is one consonant). Input must be lowercase.
 */
const TONE_MOVES: Readonly<Record<string, string>> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const TONE_PATTERN = /(?<!q)(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![\p{L}\p{M}])/gu;

export function canonicalTones(lower: string): string {
  return lower.replace(TONE_PATTERN, (pair) => TONE_MOVES[pair] ?? pair);
}

/** Lowercase, NFC, canonical tone placement: the key two spellings of one word share. */
export function vietnameseKey(text: string): string {
  return canonicalTones(text.normalize('NFC').toLowerCase());
}

/** Strip every diacritic (`đ` → `d`): the diacritic-insensitive form, for fallbacks only. */
export function foldDiacritics(text: string): string {
  // Most text is precomposed letters: a table beats NFD + regex + NFC (the registry folds 14,000 names).
  let out = '';
  for (const ch of text.normalize('NFC')) out += FOLDED.get(ch) ?? (ch.charCodeAt(0) < 0x300 ? ch : foldOne(ch));
  return out.normalize('NFC');
}

function foldOne(ch: string): string {
  return ch.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Every precomposed Latin letter with diacritics (U+00C0–U+024F, U+1E00–U+1EFF) → its base letter. */
const FOLDED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [from, to] of [[0xc0, 0x24f], [0x1e00, 0x1eff]] as const) {
    for (let code = from; code <= to; code += 1) {
      const ch = String.fromCharCode(code);
      const base = foldOne(ch);
      if (base !== ch) map.set(ch, base);
    }
  }
  return map;
})();

/** `quảng ngạn` → `Quảng Ngạn`, `A LƯỚI` → `A Lưới`; hyphen joiners kept. */
export function titleCase(name: string): string {
  return name
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((part) => (part.length > 0 ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join('');
}

/** Collapse runs of whitespace to one space and trim. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Regex source matching a phrase in lowercase, Capitalised or UPPERCASE, word by word
 * (so `Ủy ban nhân dân`, `ỦY BAN NHÂN DÂN` and `ủy Ban nhân dân` all match), with any
 * run of spaces or a line break between words. JavaScript has no inline case-insensitive
 * group, and a whole-pattern `i` flag would also loosen the capitalised names we capture.
 */
export function anyCase(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => {
      const lower = word.toLowerCase();
      const variants = new Set([lower, lower.charAt(0).toUpperCase() + lower.slice(1), lower.toUpperCase()]);
      return `(?:${[...variants].map(escapeRegExp).join('|')})`;
    })
    .join('\\s+');
}

/** Regex sources for "not inside a word" on either side (JavaScript `\b` is ASCII-only). */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';
