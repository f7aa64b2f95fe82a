import { foldDiacritics as foldText, vietnameseKey } from '../../text/vietnamese-text.ts';

/**
 * Matching folds the same few thousand words (alias words, sentence words) over and over,
 * and each fold is a Unicode decomposition: remember them. Bounded so a long-running
 * worker cannot grow it without end.
 */
const FOLD_CACHE_LIMIT = 50_000;
const folds = new Map<string, string>();
export function foldWord(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    if (folds.size >= FOLD_CACHE_LIMIT) folds.clear();
    folded = foldText(word);
    folds.set(word, folded);
  }
  return folded;
}

/**
 * Text as the indicator matcher compares it: a list of words, each in two forms.
 *
 *   exact   lowercase NFC, canonical tone placement (`hoá` = `hóa`, `huỷ` = `hủy`),
 *           abbreviations expanded (`tthc` → `thủ tục hành chính`), rewrites applied
 *           (`hồ sơ thủ tục hành chính` → `hồ sơ`, `tỉ lệ` → `tỷ lệ`)
 *   folded  the same word without diacritics (`hồ` → `ho`), for input typed without accents
 *
 * Punctuation separates words and is dropped (`phản ánh, kiến nghị` = `phản ánh kiến nghị`;
 * `3, 4` = `3 4`); `%` is dropped too — callers read it for the rate cue before.
 */
export interface Words {
  exact: string[];
  folded: string[];
  /** The word carries no diacritic in the input: only such a word may match by its folded form. */
  plain: boolean[];
  /**
   * Where each word stands: by the word as written, and (prefixed `~`) by the folded form of
   * every plain word — where a phrase may start, so a phrase whose first word is absent is
   * ruled out at once and one that is present is tried only there.
   */
  starts?: ReadonlyMap<string, readonly number[]>;
}

export interface TextRules {
  abbreviations: Readonly<Record<string, string>>;
  rewrites: readonly { from: string; to: string }[];
}

export function splitWords(text: string): string[] {
  return vietnameseKey(text).split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
}

/** The last texts turned into words, per rule set: the facts of one sentence share its text. */
const recentWords = new WeakMap<TextRules, Map<string, Words>>();
const RECENT_LIMIT = 256;

export function toWords(text: string, rules: TextRules): Words {
  let recent = recentWords.get(rules);
  if (!recent) recentWords.set(rules, (recent = new Map<string, Words>()));
  const known = recent.get(text);
  if (known) return known;
  const words = computeWords(text, rules);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(text, words);
  return words;
}

/** The rules with their phrases already split into words (rules are few and fixed; texts are many). */
interface SplitRules {
  abbreviations: ReadonlyMap<string, readonly string[]>;
  rewrites: readonly { from: readonly string[]; to: readonly string[] }[];
}
const splitRules = new WeakMap<TextRules, SplitRules>();

function split(rules: TextRules): SplitRules {
  let known = splitRules.get(rules);
  if (!known) {
    known = {
      abbreviations: new Map(Object.entries(rules.abbreviations).map(([from, to]) => [from, splitWords(to)])),
      rewrites: rules.rewrites.map((r) => ({ from: splitWords(r.from), to: splitWords(r.to) })),
    };
    splitRules.set(rules, known);
  }
  return known;
}

function computeWords(text: string, rules: TextRules): Words {
  const { abbreviations, rewrites } = split(rules);
  let words: string[] = [];
  for (const w of splitWords(text)) {
    const expanded = abbreviations.get(w);
    if (expanded === undefined) words.push(w);
    else words.push(...expanded);
  }
  for (const rule of rewrites) {
    if (rule.from.length > 0 && words.includes(rule.from[0]!)) words = rewrite(words, rule.from, rule.to);
  }
  const folded = words.map(foldWord);
  const plain = words.map((w, i) => w === folded[i]);
  const starts = new Map<string, number[]>();
  for (let i = 0; i < words.length; i += 1) {
    addStart(starts, words[i]!, i);
    if (plain[i]) addStart(starts, `~${folded[i]!}`, i);
  }
  return { exact: words, folded, plain, starts };
}

function addStart(starts: Map<string, number[]>, key: string, i: number): void {
  const list = starts.get(key);
  if (list) list.push(i);
  else starts.set(key, [i]);
}

function rewrite(words: readonly string[], from: readonly string[], to: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    let same = true;
    for (let j = 0; same && j < from.length; j += 1) same = words[i + j] === from[j];
    if (same) {
      out.push(...to);
      i += from.length;
    } else {
      out.push(words[i]!);
      i += 1;
    }
  }
  return out;
}

/** How a phrase matched: `exact` when every word matched with its diacritics. */
export interface PhraseMatch {
  start: number;
  end: number;
  exact: boolean;
  /** The words the phrase itself took (a gap's words are not among them). */
  taken: number[];
}

/**
 * Finds `segments` (word lists, in order, each separated by a gap of 0–`maxGap` words) in
 * `words`. A segment word matches a text word that is equal, or — only when the text word is
 * plain (typed without diacritics) — equal once the segment word is folded: `ho so` matches
 * `hồ sơ`, `hộ số` does not. Exact occurrences are preferred over folded ones.
 */
export function findPhrase(words: Words, segments: readonly (readonly string[])[], maxGap: number): PhraseMatch | undefined {
  const first = segments[0]?.[0];
  let starts: Iterable<number> | undefined;
  if (first !== undefined && words.starts) {
    const exact = words.starts.get(first) ?? [];
    const bare = foldWord(first);
    // A plain word whose fold is `first` is `first` itself when `first` has no diacritics.
    const folded = bare === first ? [] : words.starts.get(`~${bare}`) ?? [];
    starts = folded.length === 0 ? exact : exact.length === 0 ? folded : [...new Set([...exact, ...folded])].sort((a, b) => a - b);
  }
  let fallback: PhraseMatch | undefined;
  for (const i of starts ?? words.exact.keys()) {
    const found = matchFrom(words, segments, 0, i, maxGap, true, []);
    if (!found) continue;
    const match = { start: i, end: found.end, exact: found.exact, taken: found.taken };
    if (match.exact) return match;
    fallback ??= match;
  }
  return fallback;
}

function matchFrom(
  words: Words, segments: readonly (readonly string[])[], s: number, at: number, maxGap: number, exact: boolean, taken: number[],
): { end: number; exact: boolean; taken: number[] } | undefined {
  const segment = segments[s];
  if (!segment) return { end: at, exact, taken };
  let allExact = exact;
  for (let j = 0; j < segment.length; j += 1) {
    const want = segment[j] ?? '';
    const i = at + j;
    const got = words.exact[i];
    if (got === undefined) return undefined;
    if (got === want) continue;
    if (words.plain[i] && words.folded[i] === foldWord(want)) {
      allExact = false;
      continue;
    }
    return undefined;
  }
  const next = at + segment.length;
  const took = [...taken, ...segment.map((_, j) => at + j)];
  if (s + 1 >= segments.length) return { end: next, exact: allExact, taken: took };
  for (let gap = 0; gap <= maxGap; gap += 1) {
    const found = matchFrom(words, segments, s + 1, next + gap, maxGap, allExact, took);
    if (found) return found;
  }
  return undefined;
}
