import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fact } from '../../schemas/fact/v1.ts';
import type { Flag } from '../../schemas/flag/v1.ts';
import { analyzeDocument } from '../../services/parser/document-analysis.ts';
import { checkDocument } from '../../services/consolidator/rules/document-rules.ts';
import { CorpusPassage, type CorpusScope, type GoldFact, type GoldFlag } from './corpus-passage.ts';
import { passageDocument } from './passage-document.ts';
import { relativeScope } from '../../services/parser/statements/scope-relative.ts';

/**
 * Scores the product on the development corpus (README.md beside this file):
 *
 *   error precision   error flags that match an expected flag the gold calls an error,
 *                     over all error flags raised
 *   recall            expected flags matched by a flag raised at warning or error, over all
 *                     expected flags
 *   clean             clean passages on which no error flag was raised, over clean passages
 *   scope/role/certainty accuracy   over the gold facts the product found (same number in a
 *                     sentence holding the gold quote)
 *
 * A raised flag matches an expected one when at least two of the expected numbers (all of
 * them when fewer) are among the flag's values.
 */
export const PASSAGES_DIR = new URL('./passages/', import.meta.url);

export function loadCorpus(dir: URL = PASSAGES_DIR): CorpusPassage[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const parsed = CorpusPassage.safeParse(JSON.parse(readFileSync(join(dir.pathname, f), 'utf8')));
    if (!parsed.success) throw new Error(`${f}: ${parsed.error.message}`);
    return parsed.data;
  });
}

export interface PassageResult {
  passage: CorpusPassage;
  facts: Fact[];
  flags: Flag[];
  /** Expected flags and the raised flag (warning or error) that matched each, if any. */
  expected: { gold: GoldFlag; raised?: Flag }[];
  /** Error flags raised, each with the gold flag it matches (undefined: a false error). */
  errors: { flag: Flag; gold?: GoldFlag }[];
  readings: FactReading[];
}

export interface FactReading {
  gold: GoldFact;
  found?: Fact;
  scopeRight?: boolean;
  roleRight?: boolean;
  certaintyRight?: boolean;
}

export interface CorpusScore {
  passages: number;
  errorFlags: number;
  trueErrors: number;
  errorPrecision: number;
  expectedFlags: number;
  found: number;
  recall: number;
  cleanPassages: number;
  cleanWithoutError: number;
  cleanShare: number;
  goldFacts: number;
  factsFound: number;
  scopeAccuracy: number;
  roleAccuracy: number;
  certaintyAccuracy: number;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

export function matches(flag: Flag, gold: GoldFlag): boolean {
  const values = Object.values(flag.values);
  const hits = gold.numbers.filter((n) => values.some((v) => near(v, n))).length;
  return hits >= Math.min(2, gold.numbers.length);
}

export function runPassage(passage: CorpusPassage): PassageResult {
  const reportId = createHash('sha256').update(passage.id).digest('hex');
  const { facts } = analyzeDocument(reportId, passageDocument(passage.text));
  const flags = checkDocument({ unit: 'unknown', period: 'unknown', facts });
  const raised = flags.filter((f) => f.severity !== 'info');
  return {
    passage, facts, flags,
    expected: passage.gold.flags.map((gold) => ({ gold, raised: raised.find((f) => matches(f, gold)) })),
    errors: flags.filter((f) => f.severity === 'error').map((flag) => ({ flag, gold: passage.gold.flags.find((g) => g.severity === 'error' && matches(flag, g)) })),
    readings: passage.gold.facts.map((gold) => readingOf(gold, facts, passage)),
  };
}

/** The numbers a fact states, for finding the gold's figure among them. */
function numbersOf(f: Fact): number[] {
  return [f.value, f.total, f.numerator, f.denominator, f.rate].filter((v): v is number => v !== undefined);
}

function readingOf(gold: GoldFact, facts: readonly Fact[], passage: CorpusPassage): FactReading {
  const quote = gold.quote.normalize('NFC').replace(/\s+/g, ' ');
  const candidates = facts.filter((f) => f.evidence.quote.replace(/\s+/g, ' ').includes(quote) && numbersOf(f).some((v) => near(v, gold.value)));
  // The fact whose own value is the figure (not a breakdown that mentions it as its total).
  const found = candidates.find((f) => f.value !== undefined && near(f.value, gold.value)) ?? candidates[0];
  if (!found) return { gold };
  return {
    gold, found,
    // The unit's name without the context the corpus adds in brackets (`Quận 1 (TP. Hồ Chí Minh)`), as the register names it.
    scopeRight: corpusScopeOf(found, passage.unit.level, passage.unit.name.replace(/\s*\(.*\)\s*$/u, '')) === gold.scope,
    roleRight: (found.role ?? undefined) === gold.role,
    certaintyRight: (found.certainty ?? 'exact') === gold.certainty,
  };
}

/** The product's scope of a fact in the corpus's words (relative to the reporting unit's level). */
export function corpusScopeOf(fact: Fact, unitLevel: CorpusPassage['unit']['level'], unitName?: string): CorpusScope {
  const level = unitLevel === 'ministry' || unitLevel === 'national' ? undefined : unitLevel;
  const scope = fact.scope ? relativeScope(fact.scope, { level, name: unitName }, fact.kind) : undefined;
  if (!scope) return 'unstated';
  switch (scope.reach) {
    case 'own': return 'own';
    case 'area': return 'all-levels';
    case 'named': return 'named';
    case 'unstated': return 'unstated';
    case 'levels': {
      const levels = scope.levels ?? [];
      if (levels.length > 1) return 'lower-levels';
      return levels[0] === 'commune' ? 'commune-level' : levels[0] === 'district' ? 'district-level' : 'province-level';
    }
  }
}

export function scoreCorpus(results: readonly PassageResult[]): CorpusScore {
  const errors = results.flatMap((r) => r.errors);
  const expected = results.flatMap((r) => r.expected);
  const clean = results.filter((r) => r.passage.gold.clean);
  const readings = results.flatMap((r) => r.readings);
  const found = readings.filter((r) => r.found);
  const share = (n: number, d: number) => (d === 0 ? 1 : n / d);
  const trueErrors = errors.filter((e) => e.gold).length;
  const foundFlags = expected.filter((e) => e.raised).length;
  const cleanWithoutError = clean.filter((r) => r.errors.length === 0).length;
  return {
    passages: results.length,
    errorFlags: errors.length, trueErrors, errorPrecision: share(trueErrors, errors.length),
    expectedFlags: expected.length, found: foundFlags, recall: share(foundFlags, expected.length),
    cleanPassages: clean.length, cleanWithoutError, cleanShare: share(cleanWithoutError, clean.length),
    goldFacts: readings.length, factsFound: found.length,
    scopeAccuracy: share(found.filter((r) => r.scopeRight).length, found.length),
    roleAccuracy: share(found.filter((r) => r.roleRight).length, found.length),
    certaintyAccuracy: share(found.filter((r) => r.certaintyRight).length, found.length),
  };
}
