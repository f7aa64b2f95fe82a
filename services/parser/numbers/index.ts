/**
 * The Vietnamese numeral layer: `tokenizeNumbers` finds and classifies every numeric
 * expression of a line or paragraph; `parseVietnameseNumber` reads one literal.
 * Statement extractors take `quantity`, `percent`, `ratio` and `money` tokens as figures and
 * use the others (dates, years, periods, document numbers, …) as context or skip them.
 */
export { tokenizeNumbers } from './tokenize-numbers.ts';
export { parseVietnameseNumber, type ParsedNumber } from './vietnamese-number.ts';
export type { CalendarDate, NumericKind, NumericScale, NumericToken } from './numeric-token.ts';
