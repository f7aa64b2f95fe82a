/**
 * Number literals as Vietnamese official writing prints them.
 *
 *   literal    := [ '-' ] body
 *   body       := grouped [ ',' frac ]           853.793   1.234,5   845.938
 *               | digits  [ ',' frac ]           268763    89,39     0,5    02
 *               | spaced                         8 340     1 156 252   (web counters)
 *               | english                        3.5       4.0       106.80
 *   grouped    := d{1,3} ( '.' d{3} )+          dot = thousands separator
 *   spaced     := d{1,3} ( ' ' d{3} )+          space (or no-break space) as separator
 *   english    := d+ '.' d+  that is no `grouped` (the dot then has other than 3 digits after it)
 *   frac       := d+                            comma = decimal separator
 *
 * Worked examples:
 *   '853.793'  → 853793,   decimals 0        '89,39'   → 89.39, decimals 2
 *   '1.234,5'  → 1234.5,   decimals 1        '02'      → 2,     decimals 0 (a count)
 *   '3.5'      → 3.5,      decimals 1        '8 340'   → 8340,  decimals 0
 *   '1.2345'   → 1.2345,   decimals 4        '1.234.5' → undefined (neither grouped nor english)
 *
 * A dot followed by exactly three digits is always a thousands separator here: the corpus
 * has no decimals written English-style with three places, while `1.313 hồ sơ` is common.
 * Whether `2.3` at a line start is a heading is the tokenizer's decision, not this module's.
 */
export interface ParsedNumber {
  value: number;
  decimals: number;
}

const GROUPED = /^(-?)(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/;
const PLAIN = /^(-?)(\d+)(?:,(\d+))?$/;
const SPACED = /^(-?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)$/;
const ENGLISH = /^(-?)(\d+)\.(\d+)$/;

/** Reads one literal (the whole string, nothing around it); undefined when it is no number. */
export function parseVietnameseNumber(raw: string): ParsedNumber | undefined {
  const grouped = GROUPED.exec(raw) ?? PLAIN.exec(raw);
  if (grouped) return compose(grouped[1] === '-', grouped[2]!.replace(/\./g, ''), grouped[3] ?? '');
  const spaced = SPACED.exec(raw);
  if (spaced) return compose(spaced[1] === '-', spaced[2]!.replace(/\D/g, ''), '');
  const english = ENGLISH.exec(raw);
  if (english) return compose(english[1] === '-', english[2]!, english[3]!);
  return undefined;
}

function compose(negative: boolean, integer: string, fraction: string): ParsedNumber {
  const magnitude = Number(fraction === '' ? integer : `${integer}.${fraction}`);
  return { value: negative ? -magnitude : magnitude, decimals: fraction.length };
}

/** The digits of a literal as one integer and the count of its decimal places: `15,08` → 1508, 2. */
export function mantissaOf(raw: string): { mantissa: number; decimals: number } | undefined {
  const parsed = parseVietnameseNumber(raw);
  if (!parsed) return undefined;
  const comma = raw.indexOf(',');
  const dot = raw.indexOf('.');
  const digits = raw.replace(/\D/g, '');
  // An English decimal (`3.5`) keeps its dot as the decimal point.
  const english = comma < 0 && dot >= 0 && !GROUPED.test(raw);
  const decimals = comma >= 0 ? raw.length - comma - 1 : english ? raw.length - dot - 1 : 0;
  return { mantissa: Number(digits) * (raw.startsWith('-') ? -1 : 1), decimals };
}

/**
 * `mantissa × 10^(exponent − decimals)` computed without a floating product when the result
 * is whole: `15,08 tỷ` is 1508 × 10^7 = 15080000000 exactly, where 15.08 × 1e9 is not.
 */
export function scaleExactly(mantissa: number, decimals: number, exponent: number): number {
  const shift = exponent - decimals;
  return shift >= 0 ? mantissa * 10 ** shift : mantissa / 10 ** -shift;
}

/** How a literal was written, as the tokenizer reads it at a position. */
export type LiteralForm = 'grouped' | 'plain' | 'decimal' | 'spaced' | 'english' | 'dotted';

export interface Literal {
  start: number;
  end: number;
  raw: string;
  form: LiteralForm;
  /** Undefined only for `dotted` (three or more dot groups that are no thousands: `1.2.3`). */
  parsed?: ParsedNumber;
}

// Each reader is sticky: it matches at `lastIndex` or not at all. The negative lookaheads stop
// a reader from taking a prefix of a longer literal (`1.234` of `1.234.5`).
const READ_GROUPED = /\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d]|[.,]\d)/y;
const READ_DECIMAL = /\d+,\d+(?![\d]|[.,]\d)/y;
const READ_SPACED = /[1-9]\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d]|[.,/]\d|[ \u00a0]?%)/y;
const READ_DOTTED = /\d+(?:\.\d+){2,}(?![\d]|[.,]\d)/y;
const READ_ENGLISH = /\d+\.\d+(?![\d]|[.,]\d)/y;
const READ_PLAIN = /\d+/y;

export interface ReadOptions {
  /** Read `a,b` as the integer `a` (the comma separates list items, as in `1,2,3`). */
  commaIsSeparator?: boolean;
}

/** Reads the literal that starts at `at` (a digit). Always returns at least the digit run. */
export function readLiteral(text: string, at: number, options: ReadOptions = {}): Literal {
  const attempts: [RegExp, LiteralForm][] = options.commaIsSeparator
    ? [[READ_GROUPED, 'grouped'], [READ_SPACED, 'spaced'], [READ_DOTTED, 'dotted'], [READ_ENGLISH, 'english']]
    : [[READ_GROUPED, 'grouped'], [READ_DECIMAL, 'decimal'], [READ_SPACED, 'spaced'], [READ_DOTTED, 'dotted'], [READ_ENGLISH, 'english']];
  for (const [reader, form] of attempts) {
    reader.lastIndex = at;
    const m = reader.exec(text);
    if (!m) continue;
    // `1.234,5` must not stop at a comma list separator: a grouped literal with a comma is a decimal.
    const raw = options.commaIsSeparator && form === 'grouped' ? m[0].replace(/,\d+$/, '') : m[0];
    const end = at + raw.length;
    if (form === 'dotted') return { start: at, end, raw, form };
    return { start: at, end, raw, form, parsed: parseVietnameseNumber(raw)! };
  }
  READ_PLAIN.lastIndex = at;
  const raw = READ_PLAIN.exec(text)?.[0] ?? text.charAt(at);
  return { start: at, end: at + raw.length, raw, form: 'plain', parsed: parseVietnameseNumber(raw)! };
}
