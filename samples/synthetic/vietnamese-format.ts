import { foldDiacritics } from '../../services/text/vietnamese-text.ts';

/**
 * How a Vietnamese report prints numbers, percentages, periods and unit names.
 *
 *   count     `.` between thousands: 1234 → `1.234`; in running text, numbers below ten
 *             take a leading zero as official letters write them (`03 văn bản`)
 *   percent   two decimals after `,`, rounded half up on the exact fraction:
 *             1150/1200 = 95,8333… → `95,83`; 1521/1600 = 95,0625 → `95,06`
 *   period    `2022` → `năm 2022`, `2025-H1` → `6 tháng đầu năm 2025`, `2024-Q3` → `quý III năm 2024`
 */
export function formatCount(n: number, padBelowTen = false): string {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number: ${n}`);
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(n));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return sign + (padBelowTen && Math.abs(n) < 10 ? `0${grouped}` : grouped);
}

/** A percentage with two decimals (95.83) → `95,83`. */
export function formatPercent(rate: number): string {
  return rate.toFixed(2).replace('.', ',');
}

/**
 * 100·n/d in hundredths of a percent, rounded half up on exact integers (no floating point):
 * (1150, 1200) → 9583.
 */
export function rateHundredths(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator <= 0 || numerator < 0) {
    throw new RangeError(`not a rate: ${numerator}/${denominator}`);
  }
  return Math.floor((2 * 10000 * numerator + denominator) / (2 * denominator));
}

/** 100·n/d as the report prints it, a number with two decimals: (1150, 1200) → 95.83. */
export function ratePercent(numerator: number, denominator: number): number {
  return rateHundredths(numerator, denominator) / 100;
}

/**
 * Whether 100·n/d lies exactly halfway between two printable values (…,xx5 exactly): the
 * one case where two careful readers may round differently. The generator avoids it.
 */
export function isRoundingTie(numerator: number, denominator: number): boolean {
  return (2 * 10000 * numerator) % (2 * denominator) === denominator;
}

export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

/** `Xã Phước Dân` → `xa-phuoc-dan`; `Thành phố Phan Rang-Tháp Chàm` → `thanh-pho-phan-rang-thap-cham`. */
export function slug(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The supported periods: a year, a half year, a quarter, nine months. */
export const PERIOD_PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]|9M))?$/;

/** `năm 2022`, `6 tháng đầu năm 2025`, `6 tháng cuối năm 2024`, `quý I năm 2024`, `9 tháng đầu năm 2024`. */
export function periodPhrase(period: string): string {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new RangeError(`unsupported period ${period}: use YYYY, YYYY-H1, YYYY-H2, YYYY-Q1…Q4 or YYYY-9M`);
  const year = m[1]!;
  const part = m[2];
  if (!part) return `năm ${year}`;
  if (part === 'H1') return `6 tháng đầu năm ${year}`;
  if (part === 'H2') return `6 tháng cuối năm ${year}`;
  if (part === '9M') return `9 tháng đầu năm ${year}`;
  return `quý ${ROMAN[Number(part.slice(1)) - 1]!} năm ${year}`;
}

/** Share of a year a period covers: flows scale with it. */
export function periodFraction(period: string): number {
  const part = PERIOD_PATTERN.exec(period)?.[2];
  if (!part) return 1;
  if (part === '9M') return 0.75;
  return part.startsWith('H') ? 0.5 : 0.25;
}

/** The month a period's report is dated in: the period's last month. */
export function periodLastMonth(period: string): number {
  const part = PERIOD_PATTERN.exec(period)?.[2];
  if (!part) return 12;
  if (part === 'H1') return 6;
  if (part === 'H2') return 12;
  if (part === '9M') return 9;
  return Number(part.slice(1)) * 3;
}

export function periodYear(period: string): number {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new RangeError(`unsupported period ${period}`);
  return Number(m[1]);
}
