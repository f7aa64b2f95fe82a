import type { UnitLevel } from '../../schemas/registry/admin-unit.ts';
import { RATE_CODES, STANDALONE, TTHC_PARTS, type FigureCode } from './synthetic-indicators.ts';

/**
 * The errors a synthetic province can carry, each of which must raise exactly one rule
 * family (ARCHITECTURE.md, "Rule families") and nothing else:
 *
 *   kind           what is changed                                      where
 *   rate_mismatch  a printed % 3.5–9 points off its n/d                   text and table
 *   sum_mismatch   one part of `TTHC áp dụng: X, gồm: …` off by 12–40     text and table
 *   bounds         staff present = quota + 1 or 2                        text and table
 *   hierarchy      a district's figure for its communes (`cấp xã trên    text and table
 *                  địa bàn`) 6–10 % (≥ 5) above their sum; or the
 *                  province's for its district offices (`cấp huyện`)     text
 *                  above theirs
 *   conflict       the appendix differs from the body (a count by        table only
 *                  15–30 %, ≥ 2; a rate by its last two digits swapped)
 *   completeness   one report is not produced                            —
 *   outlier        one commune's figure × 10 in one period               text and table
 *
 * Errors that change an additive figure (bounds, outlier, hierarchy) are carried up: every
 * parent sums the figures its children printed, so the parents stay consistent with them.
 * Where each error's values come from is in error-plan.ts.
 */
export const ERROR_KINDS = ['rate_mismatch', 'sum_mismatch', 'bounds', 'hierarchy', 'conflict', 'completeness', 'outlier'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The rule family an error must raise: each kind raises the family of its own name. */
export type FlagFamily = ErrorKind;

/** What to inject; anything left out is chosen with the seed. */
export interface ErrorRequest {
  kind: ErrorKind;
  /** Level of the unit whose report carries the error (defaults: `DEFAULT_LEVEL`). */
  level?: UnitLevel;
  /** GSO code of that unit. */
  unit?: string;
  period?: string;
  /** The indicator to spoil (defaults: `DEFAULT_INDICATOR`; allowed: `ALLOWED_INDICATORS`). */
  indicator?: FigureCode;
}

/** One of each kind. */
export const DEFAULT_ERRORS: readonly ErrorRequest[] = ERROR_KINDS.map((kind) => ({ kind }));

export const DEFAULT_LEVEL: Readonly<Record<ErrorKind, UnitLevel>> = {
  rate_mismatch: 'commune', sum_mismatch: 'district', bounds: 'commune', hierarchy: 'district',
  conflict: 'commune', completeness: 'commune', outlier: 'commune',
};

export const ALLOWED_LEVELS: Readonly<Record<ErrorKind, readonly UnitLevel[]>> = {
  rate_mismatch: ['commune', 'district', 'province'],
  sum_mismatch: ['commune', 'district', 'province'],
  // A commune's figure goes up into its parents' sums; a parent's own would be a hierarchy error.
  bounds: ['commune'],
  hierarchy: ['district', 'province'],
  conflict: ['commune', 'district', 'province'],
  completeness: ['commune', 'district'],
  outlier: ['commune'],
};

export const DEFAULT_INDICATOR: Readonly<Record<ErrorKind, FigureCode | undefined>> = {
  rate_mismatch: 'hoso.rate_on_time', sum_mismatch: 'tthc.level.district', bounds: 'staff.present', hierarchy: 'hoso.online',
  conflict: 'vbqppl.reviewed', completeness: undefined, outlier: 'staff.trained',
};

/**
 * Indicators an error may spoil without touching another family: rates only for rates; the
 * parts of the procedures-in-force breakdown (not additive, so no parent sums them); staff
 * present for bounds; standalone additive counts for conflict and outlier (hoso.online is left
 * out of outliers: ten times it could pass the files received); for hierarchy, files received
 * online, the standalone count a parent states per level (its other figures are its own or
 * unstated, compared with no sum).
 */
export const ALLOWED_INDICATORS: Readonly<Record<ErrorKind, readonly FigureCode[]>> = {
  rate_mismatch: RATE_CODES,
  sum_mismatch: TTHC_PARTS,
  bounds: ['staff.present'],
  hierarchy: ['hoso.online'],
  conflict: [...STANDALONE, ...RATE_CODES],
  completeness: [],
  outlier: STANDALONE.filter((c) => c !== 'hoso.online'),
};

/** Flags of the error's family that single-document rules raise in each affected file. */
export const DOCUMENT_FLAGS: Readonly<Record<ErrorKind, number>> = {
  // The text's n/d with its rate; the appendix's % has no n/d to check.
  rate_mismatch: 1,
  // The text's `gồm:` breakdown and the appendix's `-` sub-rows.
  sum_mismatch: 2,
  // The indicator rule staff.present ≤ staff.assigned, in the sentence and in the table column.
  bounds: 2,
  hierarchy: 0, conflict: 0, completeness: 0, outlier: 0,
};

export interface InjectedUnit {
  code: string;
  name: string;
  level: UnitLevel;
}

export interface InjectedError {
  /** `E1`, `E2`, … in request order. */
  id: string;
  kind: ErrorKind;
  family: FlagFamily;
  unit: InjectedUnit;
  period: string;
  indicators: FigureCode[];
  /** The figures as they should be. */
  trueValues: Partial<Record<FigureCode, number>>;
  /** What the report prints instead, in its body text and in its appendix table. */
  printed: { text: Partial<Record<FigureCode, number>>; table: Partial<Record<FigureCode, number>> };
  /** The files that carry the error; for completeness, the files that were not produced. */
  files: string[];
  /** Flags of `family` that the single-document rules (`analyze`) raise in each of those files. */
  documentFlags: number;
  description: string;
  /** Kind-specific numbers (the sum of the children, the factor, the parents' change, …). */
  details: Record<string, number | string>;
}
