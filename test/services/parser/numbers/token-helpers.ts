import { expect } from 'vitest';
import { tokenizeNumbers, type NumericToken } from '../../../../services/parser/numbers/index.ts';

/** `kind:raw` for every token, the compact form most tables compare against. */
export function kindsOf(text: string): string[] {
  return tokenizeNumbers(text).map((t) => `${t.kind}:${t.raw}`);
}

/** The one token whose raw text is `raw`; fails the test when there is none or several. */
export function tokenAt(text: string, raw: string): NumericToken {
  const found = tokenizeNumbers(text).filter((t) => t.raw === raw);
  expect(found.map((t) => t.raw), `tokens of ${JSON.stringify(text)} with raw ${JSON.stringify(raw)}`).toEqual([raw]);
  return found[0]!;
}

const DIGIT = /[0-9⁰¹²³⁴⁵⁶⁷⁸⁹]/u;

/**
 * The tokenizer's contract: tokens in order, not overlapping, `raw` equal to the slice, and
 * every digit (ASCII or superscript) inside exactly one token. Returns the uncovered digits'
 * positions and the doubly covered ones, so a failure says where.
 */
export function contractViolations(text: string, tokens: readonly NumericToken[]): string[] {
  const problems: string[] = [];
  const owner = new Array<number>(text.length).fill(0);
  let lastEnd = 0;
  tokens.forEach((t, k) => {
    if (t.start < lastEnd) problems.push(`token ${k} (${t.raw}) starts at ${t.start} before the previous end ${lastEnd}`);
    if (t.end <= t.start) problems.push(`token ${k} (${t.raw}) is empty`);
    if (text.slice(t.start, t.end) !== t.raw) problems.push(`token ${k} raw ${JSON.stringify(t.raw)} differs from its span`);
    lastEnd = Math.max(lastEnd, t.end);
    for (let i = t.start; i < t.end; i++) owner[i] = (owner[i] ?? 0) + 1;
  });
  for (let i = 0; i < text.length; i++) {
    if (!DIGIT.test(text.charAt(i))) continue;
    if (owner[i] !== 1) {
      const context = text.slice(Math.max(0, i - 20), i + 20).replace(/\s+/g, ' ');
      problems.push(`digit at ${i} covered ${owner[i] ?? 0} times: …${context}…`);
    }
  }
  return problems;
}
