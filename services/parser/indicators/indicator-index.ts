import { GAP, INDICATOR_CATALOG, type IndicatorCatalog, type IndicatorDefinition } from '../../../schemas/indicators/catalog.ts';
import { foldWord, toWords, type TextRules, type Words } from './indicator-text.ts';

/**
 * The catalog compiled for matching: every alias and noun turned into words by the same
 * rules as the text (indicator-text.ts), once, when the module loads. An alias that comes
 * out empty stops the process there rather than silently never matching.
 */
export interface CompiledAlias {
  /** The alias as written in the catalog (what a match reports). */
  text: string;
  /** Word lists between gaps: `tỷ lệ … đúng hạn` → [[tỷ, lệ], [đúng, hạn]]. */
  segments: string[][];
  /** Words outside gaps: the alias's specificity. */
  length: number;
  /** The alias already names one of the indicator's nouns (`tổng số thủ tục hành chính`). */
  embedsNoun: boolean;
}

export interface CompiledIndicator {
  definition: IndicatorDefinition;
  aliases: CompiledAlias[];
  nouns: string[][];
  /** Catalog order, the last tie-break. */
  order: number;
}

export interface IndicatorIndex {
  rules: TextRules;
  indicators: CompiledIndicator[];
  /** Count indicator → the percentage whose numerator it is (hoso.on_time → hoso.rate_on_time). */
  rateOf: ReadonlyMap<string, string>;
  byCode: ReadonlyMap<string, CompiledIndicator>;
  /** Every alias, numbered in catalog order (indicator, then alias): what `byFirstWord` points at. */
  aliases: readonly { indicator: CompiledIndicator; alias: CompiledAlias }[];
  /**
   * Alias numbers by the alias's first word as written, and (prefixed `~`) by that word
   * folded: a text can only hold an alias whose first word it holds, exactly or — for a
   * word typed without diacritics — folded (indicator-text.ts findPhrase).
   */
  byFirstWord: ReadonlyMap<string, readonly number[]>;
}

/** Largest gap, in words, that `…` in an alias stands for. */
export const MAX_GAP = 8;

export function compileCatalog(catalog: Readonly<IndicatorCatalog>): IndicatorIndex {
  const rules: TextRules = { abbreviations: catalog.abbreviations, rewrites: catalog.rewrites };
  const phrase = (text: string): string[] => {
    const words = toWords(text, rules).exact;
    if (words.length === 0) throw new Error(`indicator catalog: "${text}" has no words after normalisation`);
    return words;
  };
  const indicators = catalog.indicators.map((definition, order): CompiledIndicator => {
    const nouns = (definition.nouns ?? []).map(phrase);
    const aliases = definition.aliases.map((text): CompiledAlias => {
      const segments = text.split(` ${GAP} `).map(phrase);
      const flat = segments.flat();
      return {
        text,
        segments,
        length: flat.length,
        embedsNoun: nouns.some((n) => containsRun(flat, n)),
      };
    });
    return { definition, aliases, nouns, order };
  });
  const rateOf = new Map<string, string>();
  for (const c of indicators) {
    const numerator = c.definition.ratio?.numerator;
    if (numerator !== undefined && !rateOf.has(numerator)) rateOf.set(numerator, c.definition.code);
  }
  const aliases = indicators.flatMap((indicator) => indicator.aliases.map((alias) => ({ indicator, alias })));
  const byFirstWord = new Map<string, number[]>();
  const file = (key: string, n: number) => {
    const list = byFirstWord.get(key) ?? [];
    if (list.at(-1) !== n) list.push(n);
    byFirstWord.set(key, list);
  };
  aliases.forEach(({ alias }, n) => {
    const first = alias.segments[0]![0]!;
    file(first, n);
    file(`~${foldWord(first)}`, n);
  });
  return { rules, indicators, rateOf, byCode: new Map(indicators.map((c) => [c.definition.code, c])), aliases, byFirstWord };
}

/** The numbers of the aliases whose first word occurs in one of the texts, in catalog order. */
export function candidateAliases(index: IndicatorIndex, texts: readonly (Words | undefined)[]): number[] {
  const found = new Set<number>();
  for (const words of texts) {
    if (words) for (const n of candidatesIn(index, words)) found.add(n);
  }
  return [...found].sort((a, b) => a - b);
}

/** Per text (toWords hands back the same Words for the same text), the aliases it may hold. */
const candidatesByText = new WeakMap<IndicatorIndex, WeakMap<Words, readonly number[]>>();

function candidatesIn(index: IndicatorIndex, words: Words): readonly number[] {
  let byText = candidatesByText.get(index);
  if (!byText) candidatesByText.set(index, (byText = new WeakMap()));
  const known = byText.get(words);
  if (known) return known;
  const found = new Set<number>();
  const keys = words.starts?.keys() ?? words.exact.flatMap((word, i) => (words.plain[i] ? [word, `~${words.folded[i]!}`] : [word]));
  for (const key of keys) {
    for (const n of index.byFirstWord.get(key) ?? []) found.add(n);
  }
  const list = [...found];
  byText.set(words, list);
  return list;
}

export function containsRun(words: readonly string[], run: readonly string[]): boolean {
  if (run.length === 0) return false;
  for (let i = 0; i + run.length <= words.length; i += 1) {
    if (run.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}

/** The shipped catalog, compiled at import. */
export const INDICATOR_INDEX: IndicatorIndex = compileCatalog(INDICATOR_CATALOG);
