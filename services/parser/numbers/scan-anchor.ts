import type { NumericKind, NumericToken } from './numeric-token.ts';

/**
 * Where the tokenizer stands when it meets a digit, and the two ways a recognizer looks
 * around it: the text after the digit through sticky regular expressions (`ahead`), the cue
 * words before it through a lookbehind run at the digit (`behind`).
 *
 * A cue never reaches back past the previous token's end (`floor`: tokens must not overlap)
 * or into another table cell (`cellStart`: a row label is no cue for the cell next to it).
 * Cue patterns use horizontal spaces only, so they never cross a line or a tab either.
 */
export interface Anchor {
  text: string;
  /** Index of the digit (ASCII or superscript) the token must cover. */
  at: number;
  /** Index just after the last `\n` before `at` (0 on the first line). */
  lineStart: number;
  /** Index just after the last `\n` or `\t` before `at`. */
  cellStart: number;
  /** End of the previous token: nothing may start before it. */
  floor: number;
  previous: NumericToken | undefined;
}

/** A recognizer returns a token covering `at`, or undefined when the reading is not its own. */
export type Recognizer = (anchor: Anchor) => NumericToken | undefined;

export interface BehindMatch {
  /** Absolute index where the cue begins. */
  start: number;
  groups: (string | undefined)[];
  /** Absolute start of each capture group (undefined when the group did not take part). */
  groupStarts: (number | undefined)[];
}

/**
 * A cue: a pattern written as `…$` ("ends right here") and the words it can end with. The
 * word set is a cheap gate: the pattern only runs when the word just before the number
 * (lower-cased, past spaces and a colon) is one of them. `''` stands for "no word" (the
 * number follows punctuation, as after `quý III/`).
 */
export interface Cue {
  pattern: RegExp;
  lastWords: ReadonlySet<string>;
}

export function cue(pattern: RegExp, lastWords: readonly string[]): Cue {
  if (!pattern.source.endsWith('$')) throw new Error(`cue pattern must end with $: ${pattern.source}`);
  return { pattern, lastWords: new Set(lastWords) };
}

/**
 * Matches a cue against the text that ends at `before`. The pattern runs as a lookbehind at
 * that one position, which costs a few steps per digit where scanning a window from its left
 * would cost the window's length.
 */
export function behind(anchor: Anchor, { pattern, lastWords }: Cue, before: number = anchor.at): BehindMatch | undefined {
  if (!lastWords.has(wordBefore(anchor, before))) return undefined;
  const re = lookbehindTwin(pattern);
  re.lastIndex = before;
  const m = re.exec(anchor.text);
  const whole = m?.indices?.[1];
  if (!m || !whole || whole[0] < Math.max(anchor.floor, anchor.cellStart)) return undefined;
  const groups = m.slice(2);
  const groupStarts = groups.map((_, k) => m.indices?.[k + 2]?.[0]);
  return { start: whole[0], groups, groupStarts };
}

/**
 * Letters of Vietnamese text by code unit (the ranges of `LETTER_CLASS` in numeral-lexicon.ts):
 * ASCII, Latin-1, Latin Extended-A/B, Latin Extended Additional. Checked by number because
 * `charAt` on two-byte text allocates a string per character.
 */
export function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/** Horizontal spaces: space, no-break space, thin space, narrow no-break space. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** The lower-cased word that ends just before `before`, past spaces and a colon; '' if none. */
function wordBefore({ text, floor, cellStart }: Anchor, before: number): string {
  const limit = Math.max(floor, cellStart);
  let end = before;
  while (end > limit && (isSpaceCode(text.charCodeAt(end - 1)) || text.charCodeAt(end - 1) === 58)) end--;
  let start = end;
  while (start > limit && isLetterCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end).toLowerCase();
}

/** Searches `pattern` anywhere in the 64 characters before `before` (same cell, after the previous token). */
export function within(anchor: Anchor, pattern: RegExp, before: number = anchor.at): boolean {
  const from = Math.max(anchor.floor, anchor.cellStart, before - 64);
  return from < before && pattern.test(anchor.text.slice(from, before));
}

// `cue$` becomes `(?<=(cue))` with the sticky and indices flags, compiled once per pattern.
const twins = new WeakMap<RegExp, RegExp>();
function lookbehindTwin(pattern: RegExp): RegExp {
  let twin = twins.get(pattern);
  if (!twin) {
    const flags = [...new Set(`${pattern.flags}yd`)].filter((f) => f !== 'g').join('');
    twin = new RegExp(`(?<=(${pattern.source.slice(0, -1)}))`, flags);
    twins.set(pattern, twin);
  }
  return twin;
}

/**
 * Runs a sticky pattern at `from`; the match is `null` unless it starts exactly there.
 * A `WordCue` is gated first: its pattern runs only when the next word is one it can begin with.
 */
export function ahead(text: string, pattern: RegExp | WordCue, from: number): RegExpExecArray | null {
  if (pattern instanceof RegExp) {
    pattern.lastIndex = from;
    return pattern.exec(text);
  }
  if (!pattern.firstWords.has(wordAfter(text, from))) return null;
  pattern.pattern.lastIndex = from;
  return pattern.pattern.exec(text);
}

/** A sticky pattern that starts with a word (after optional spaces) and the words it can start with. */
export interface WordCue {
  pattern: RegExp;
  firstWords: ReadonlySet<string>;
}

export function wordCue(pattern: RegExp, firstWords: readonly string[]): WordCue {
  if (!pattern.sticky) throw new Error(`word cue pattern must be sticky: ${pattern.source}`);
  return { pattern, firstWords: new Set(firstWords.map((w) => w.toLowerCase())) };
}

/** Superscript digits ¹ ² ³ ⁰ ⁴–⁹ (footnote markers). */
export function isSuperscriptCode(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/**
 * The lower-cased word that starts at `from`, past spaces and footnote markers; when the next
 * character is no letter, that character (`%`, `,`); '' at the end of the text.
 */
function wordAfter(text: string, from: number): string {
  let start = from;
  while (start < text.length && (isSpaceCode(text.charCodeAt(start)) || isSuperscriptCode(text.charCodeAt(start)))) start++;
  let end = start;
  while (end < text.length && isLetterCode(text.charCodeAt(end))) end++;
  return (end > start ? text.slice(start, end) : text.charAt(start)).toLowerCase();
}

export function makeToken(text: string, kind: NumericKind, start: number, end: number, fields: Partial<NumericToken> = {}): NumericToken {
  return { kind, start, end, raw: text.slice(start, end), ...fields };
}

/** Valid day and month of a `d/m` pair. */
export function isDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

const FIRST_YEAR = 1975;
const LAST_YEAR = 2100;

export function isYear(value: number): boolean {
  return Number.isInteger(value) && value >= FIRST_YEAR && value <= LAST_YEAR;
}

/** A two-digit year of a date stamp (`13.12.16`): 00–49 → 2000s, 50–99 → 1900s. */
export function expandYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}
