import type { Fact } from '../../../schemas/fact/v1.ts';
import type { Flag } from '../../../schemas/flag/v1.ts';
import type { Period, UnitCode } from '../../../schemas/identifiers.ts';

/** What a rule family finds in a document, before the engine stamps unit, period and id. */
export type FlagDraft = Omit<Flag, 'id' | 'unit' | 'period' | 'evidence'> & {
  /** The facts the check read: their ids make the flag id; their evidence proves it. */
  facts: readonly Fact[];
};

/** One report's facts, as the single-document families see them. */
export interface DocumentFacts {
  unit: UnitCode;
  period: Period;
  facts: readonly Fact[];
}

/** Formats a number the Vietnamese way for messages: 845.938, 89,39. */
export function vi(n: number): string {
  return n.toLocaleString('vi-VN', { maximumFractionDigits: 4 });
}

/** And the English way: 845,938, 89.39. */
export function en(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** An amount in messages, Vietnamese and English: money in billions (`15,08 tỷ đồng`, `VND 15.08 billion`), counts as they are. */
export function amountFormatters(money: boolean): [(x: number) => string, (x: number) => string] {
  return money ? [(x) => `${vi(x / 1e9)} tỷ đồng`, (x) => `VND ${en(x / 1e9)} billion`] : [vi, en];
}
