// The five seed reports, whole: the tokenizer's contract on every digit, the known traps in
// them classified right, and the figures the rule engine will check. The seeds live outside
// the repository (../shared/seeds, or $TONGHOP_SEEDS); without them this suite is skipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tokenizeNumbers, type NumericKind, type NumericToken } from '../../../../services/parser/numbers/index.ts';
import { contractViolations } from './token-helpers.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const SEEDS_DIR = resolve(process.env.TONGHOP_SEEDS ?? join(REPO_ROOT, '../shared/seeds'));
const seedsPresent = existsSync(SEEDS_DIR) && readdirSync(SEEDS_DIR).some((f) => f.endsWith('.txt'));
if (!seedsPresent) console.warn(`seed reports not found in ${SEEDS_DIR}: skipping the seed coverage suite`);

interface Seed {
  id: string;
  text: string;
  tokens: NumericToken[];
}

function loadSeeds(): Seed[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(SEEDS_DIR, f), 'utf8').normalize('NFC').replace(/\r\n?/g, '\n');
      return { id: f.slice(0, 3), text, tokens: tokenizeNumbers(text) };
    });
}

/** Every match of `pattern` over all seeds must lie inside a token of one of `kinds`. */
function expectInside(seeds: readonly Seed[], pattern: RegExp, kinds: readonly NumericKind[], atLeast: number): void {
  const misses: string[] = [];
  let count = 0;
  for (const seed of seeds) {
    for (const m of seed.text.matchAll(pattern)) {
      count++;
      const start = m.index;
      const end = start + m[0].length;
      const holder = seed.tokens.find((t) => t.start <= start && end <= t.end);
      if (!holder || !kinds.includes(holder.kind)) {
        misses.push(`${seed.id}: ${JSON.stringify(m[0])} in ${holder ? `${holder.kind} ${JSON.stringify(holder.raw)}` : 'no token'}`);
      }
    }
  }
  expect(misses).toEqual([]);
  // The pattern itself must find the traps, or the check above proves nothing.
  expect(count).toBeGreaterThanOrEqual(atLeast);
}

function find(seed: Seed, raw: string): NumericToken[] {
  return seed.tokens.filter((t) => t.raw === raw);
}

describe.skipIf(!seedsPresent)('the five seed reports', () => {
  const seeds = seedsPresent ? loadSeeds() : [];
  const byId = (id: string): Seed => {
    const seed = seeds.find((s) => s.id === id);
    if (!seed) throw new Error(`seed ${id} missing from ${SEEDS_DIR}`);
    return seed;
  };

  it('has all five', () => {
    expect(seeds.map((s) => s.id)).toEqual(['000', '001', '002', '003', '004']);
  });

  it('puts every digit in exactly one token, in order, without overlap', () => {
    for (const seed of seeds) expect(contractViolations(seed.text, seed.tokens), seed.id).toEqual([]);
  });

  it('reads every d/m/yyyy as a date (none is a ratio or a quantity)', () => {
    expectInside(seeds, /(?<![\d/])\d{1,2}\/\d{1,2}\/\d{4}(?![\d/])/g, ['date'], 115);
  });

  it('reads every spoken date `ngày D tháng M năm YYYY` as one date token', () => {
    expectInside(seeds, /ngày \d{1,2} tháng \d{1,2} năm \d{4}/giu, ['date'], 20);
  });

  it('reads every document number with a code (…/NĐ-CP, …-NQ/TU) as a document number', () => {
    expectInside(seeds, /\d+[a-z]?(?:\/\d+)*[/-][A-ZĐ][A-Za-zĐđ]*(?:[/-][A-ZĐ][A-Za-zĐđ]*)*/gu, ['document-number'], 152);
  });

  it('reads every "Kế hoạch / Quyết định / Nghị định / Công văn số N" as a document number', () => {
    const cited = /(?<=(?:Kế hoạch|Quyết định|Nghị định|Công văn)[\s\u00a0]+số[\s\u00a0]*)\d+(?![\d/])/gu;
    expectInside(seeds, cited, ['document-number'], 17);
  });

  it('reads every yyyy - yyyy as one year range', () => {
    expectInside(seeds, /(?<![\d:-])(?:19|20)\d\d[ \u00a0]*[-–][ \u00a0]*(?:19|20)\d\d(?!\d)/gu, ['year-range'], 44);
  });

  it('reads every ISO/TCVN 9001 reference as a standard', () => {
    expectInside(seeds, /9001(?:[ \u00a0]*[:-][ \u00a0]*20\d\d)?/gu, ['standard'], 33);
  });

  it('reads every number after "mức độ" as a level, never a count', () => {
    expectInside(seeds, /(?<=mức độ[ \u00a0]*)\d/giu, ['level-list'], 39);
    const levelLists = seeds.flatMap((s) => s.tokens).filter((t) => t.kind === 'level-list');
    expect(levelLists.every((t) => t.levels !== undefined && t.levels.every((l) => l >= 1 && l <= 4))).toBe(true);
    expect(levelLists.some((t) => t.levels?.join() === '1,2')).toBe(true);
  });

  it('reads every superscript as its own footnote marker', () => {
    expectInside(seeds, /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, ['footnote'], 16);
    expect(byId('002').tokens.filter((t) => t.kind === 'footnote').map((t) => t.value)).toEqual([1, 1, 2, 2, 3, 4, 3, 4, 5, 6, 5, 6, 7, 7, 8, 8]);
  });

  it('reads the year after "năm" as a year (or as the year of a spoken date)', () => {
    expectInside(seeds, /(?<=(?<![\p{L}])năm[ \u00a0]+)(?:19|20)\d\d(?![\d/-]|[ \u00a0]*[-–])/giu, ['year', 'date'], 170);
  });

  it('takes numbered headings at line starts as section numbers, not counts', () => {
    expectInside(seeds, /(?<=^[ #*]*)\d{1,2}(?:\.\d{1,2})+\.?(?= )/gmu, ['section-number'], 41);
  });

  it('finds the figures of seed 001', () => {
    const seed = byId('001');
    expect(find(seed, '15,08 tỷ đồng')).toMatchObject([{ kind: 'money', value: 15_080_000_000, decimals: 2, qualifier: 'above' }]);
    expect(find(seed, '54.599')).toMatchObject([{ kind: 'quantity', value: 54599 }]);
    expect(find(seed, '44/44')).toMatchObject([{ kind: 'ratio', numerator: 44, denominator: 44 }]);
    expect(find(seed, '99,99%')).toMatchObject([{ kind: 'percent', value: 99.99, decimals: 2 }]);
    expect(find(seed, '20%')).toMatchObject([{ kind: 'percent', qualifier: 'at-least' }]);
    expect(seed.tokens.filter((t) => t.kind === 'money').map((t) => t.value)).toEqual([15_080_000_000, 5_778_000_000, 606_000_000, 122_000_000, 9_300_000_000]);
  });

  it('finds the figures of seed 002', () => {
    const seed = byId('002');
    expect(find(seed, '845.938/846.314')).toMatchObject([{ kind: 'ratio', numerator: 845938, denominator: 846314 }]);
    expect(find(seed, '89,39%')).toMatchObject([{ kind: 'percent', value: 89.39, decimals: 2 }]);
    expect(find(seed, '32/38')).toMatchObject([{ kind: 'ratio', numerator: 32, denominator: 38 }]);
    expect(find(seed, '84,21%')).toMatchObject([{ kind: 'percent', value: 84.21, decimals: 2 }]);
    expect(find(seed, '853.793')).toMatchObject([{ kind: 'quantity', value: 853793 }]);
    expect(find(seed, '1.570/1.756')).toMatchObject([{ kind: 'ratio', numerator: 1570, denominator: 1756 }]);
    expect(find(seed, '13.12.16')).toMatchObject([{ kind: 'date', date: { day: 13, month: 12, year: 2016 } }]);
    expect(find(seed, 'tháng 11/2016').map((t) => t.kind)).toEqual(['date', 'date']);
    expect(seed.tokens.filter((t) => t.kind === 'money').map((t) => [t.value, t.qualifier])).toEqual([
      [1_000_000_000, 'above'], [34_000_000_000, 'above'], [1_880_000_000, undefined],
    ]);
  });

  it('finds the figures of seed 003', () => {
    const seed = byId('003');
    expect(find(seed, 'ngày 29 tháng 4 năm 2020')).toMatchObject([{ kind: 'date', date: { day: 29, month: 4, year: 2020 } }]);
    expect(find(seed, '30c/NQ-CP').map((t) => t.kind)).toEqual(['document-number', 'document-number']);
    expect(find(seed, '31/3').map((t) => t.kind).every((k) => k === 'date')).toBe(true);
    expect(find(seed, '30/12')).toMatchObject([{ kind: 'date', date: { day: 30, month: 12 } }]);
    expect(find(seed, '23/23')).toMatchObject([{ kind: 'ratio', numerator: 23, denominator: 23 }]);
    expect(find(seed, '38,24%')).toMatchObject([{ kind: 'percent', value: 38.24, decimals: 2 }]);
    expect(find(seed, 'Phần thứ I').map((t) => t.kind)).toEqual(['ordinal', 'ordinal']);
  });

  it('finds the figures of seed 004', () => {
    const seed = byId('004');
    expect(find(seed, '21.196')).toMatchObject([{ kind: 'quantity', value: 21196 }]);
    expect(find(seed, '18.642/21.196')).toMatchObject([{ kind: 'ratio', numerator: 18642, denominator: 21196 }]);
    expect(find(seed, '14.441/18.642')).toMatchObject([{ kind: 'ratio', numerator: 14441, denominator: 18642 }]);
    expect(find(seed, '2.553')).toMatchObject([{ kind: 'quantity', value: 2553 }]);
    expect(find(seed, '1.852/2.553')).toMatchObject([{ kind: 'ratio', numerator: 1852, denominator: 2553 }]);
    expect(find(seed, '12/12')).toMatchObject([{ kind: 'ratio' }]);
    expect(find(seed, '18/18')).toMatchObject([{ kind: 'ratio' }]);
    expect(find(seed, 'mức độ 3,4')).toMatchObject([{ kind: 'level-list', levels: [3, 4] }]);
    expect(find(seed, 'tháng 09/2020')).toMatchObject([{ kind: 'date', date: { month: 9, year: 2020 } }]);
  });

  it('leaves only one digit-bearing code in the seeds (ipv6)', () => {
    expect(seeds.flatMap((s) => s.tokens).filter((t) => t.kind === 'code').map((t) => t.raw)).toEqual(['ipv6']);
  });
});
