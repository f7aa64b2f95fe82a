/**
 * Reports print rates at some precision (`55%`, `93,1%`, `89,39%`); a check may only ask
 * a figure to agree to that precision. The precision is read from the number as the
 * parser gives it (89.39 → 2 decimals): a trailing zero the report printed (`41,90%`) is
 * lost, which only makes a check more lenient.
 */
export function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 0;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Rounds half away from zero, as reports (and Excel) do; 1e-9 absorbs binary fractions (2.675 → 2.68). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9) / f;
}

/** Cuts the digits beyond `decimals` (what a report shows when it truncates instead of rounding). */
export function truncateTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.sign(value) * Math.floor(Math.abs(value) * f + 1e-9) / f;
}

/** `value` shows as `printed` at `decimals` places, rounded or truncated (reports do both). */
export function printsAs(value: number, printed: number, decimals: number): boolean {
  return samePrinted(roundTo(value, decimals), printed, decimals) || samePrinted(truncateTo(value, decimals), printed, decimals);
}

/** The two printed numbers are the same at the given precision. */
export function samePrinted(a: number, b: number, decimals: number): boolean {
  return Math.abs(a - b) < 0.5 / 10 ** decimals;
}

/** Half a unit of the last printed digit: how far the true value may lie from a rounded one. */
export function halfUnit(decimals: number): number {
  return 0.5 / 10 ** decimals;
}

/** One unit of the last printed digit, read from trailing zeros: 15 080 000 000 → 10 000 000, 700 → 100, 1 234 → 1. */
export function printedUnit(value: number): number {
  let unit = 1;
  while (unit < 1e12 && value !== 0 && Math.abs(value) % (unit * 10) === 0) unit *= 10;
  return unit;
}
