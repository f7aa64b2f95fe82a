/**
 * A number and its Excel number format code → the text a Vietnamese report prints for it.
 *
 * Format codes are stored in the file in Excel's invariant (en-US) syntax whatever the author's
 * locale: `,` groups thousands and `.` marks decimals in the code. A Vietnamese Excel or Word
 * shows them the other way round, so the output always uses `.` for thousands and `,` for
 * decimals, the convention parseVietnameseNumber reads:
 *
 *   code            value      shown            code              value      shown
 *   General         12262      12262            #,##0             12262      12.262
 *   General         99.14      99,14            #,##0.00          1234.5     1.234,50
 *   0               7.6        8                0.0%              0.971      97,1%
 *   00              3          03               0%                0.4        40%
 *   0.0             95.4       95,4             #,##0,            15806000   15.806
 *   0.0#            2.5        2,5              #,##0 "hồ sơ"     4845       4.845 hồ sơ
 *   #,##0;(#,##0)   -52        (52)             _(* #,##0_);_(* (#,##0);_(* "-"??_)   0   -
 *
 * Grammar (one section of `positive;negative;zero;text`, chosen by the sign; a missing negative
 * section means the positive one with `-` in front, a missing zero section the positive one):
 *
 *   section     := ( literal | bracket | pad | fill | percent | digits | General )*
 *   literal     := '"' text '"' | '\' char | any other char (`-`, `(`, ` `, `đ`, …), printed as is
 *   bracket     := '[$' symbol ('-' locale)? ']' → symbol;  [Red], [>=100], [$-42A] → nothing
 *   pad, fill   := '_' char | '*' char → nothing (column padding; the result is trimmed anyway)
 *   percent     := '%' → multiplies by 100 and prints `%`
 *   digits      := [0#?,]+ ( '.' [0#?]* )? [,]*      the first run of placeholders only
 *                   integer part: `0` count = minimum digits (`00` → `03`); a `,` between
 *                   placeholders groups thousands; each trailing `,` divides by 1000
 *                   decimals: up to the count of `0#?`, at least the count of `0`
 *
 * Rounding is half away from zero on the value's 15 significant digits, as Excel rounds
 * (0.975 with `0.00` → `0,98`, though the double is 0.97499…). General prints up to 10
 * significant digits without grouping, and E-notation from 10^11 (`1,23457E+11`).
 *
 * Deliberate departures from Excel: conditions (`[>=100]`) are ignored and the section is chosen
 * by sign; scientific (`0.00E+00`), fraction (`# ?/?`) and multi-run codes (`000-000`) fall back to
 * General; a code that leaves no decimals after its point (`0.##` of 5) prints no dangling
 * separator (`5`, where Excel prints `5.`), since no report writes `5,`; a negative that rounds to
 * zero prints no sign (`0,0`, where Excel prints `-0.0`). Date and time codes are
 * formatted by `formatDate` (dd/mm/yyyy).
 */
export function formatNumber(value: number, code: string | undefined): string {
  if (!Number.isFinite(value)) return '';
  const sections = splitSections(code ?? '');
  const first = sections[0];
  if (first === undefined || /^general$/i.test(first.trim())) return formatGeneral(value);
  if (isDateCode(first)) return formatDate(serialToDate(value), first);
  let section: string;
  let sign = '';
  if (value < 0 && sections.length >= 2) section = sections[1]!;
  else if (value === 0 && sections.length >= 3) section = sections[2]!;
  else {
    section = first;
    if (value < 0) sign = '-';
  }
  const text = formatSection(Math.abs(value), section);
  return sign !== '' && /[1-9]/.test(text) ? `${sign}${text}` : text;
}

/** `dd/mm/yyyy`, with ` hh:mm` (`:ss`) when the code shows hours; `hh:mm` alone for a time-only code. */
export function formatDate(date: Date, code: string | undefined): string {
  const bare = stripQuotedAndBracketed(code ?? '');
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const hasTime = /[hs]/i.test(bare);
  const hasDay = /[yd]/i.test(bare) || !hasTime;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${/s/i.test(bare) ? `:${pad(date.getUTCSeconds())}` : ''}`;
  if (!hasTime) return day;
  return hasDay ? `${day} ${time}` : time;
}

/** True when the code's letters, outside quotes and brackets, are date or time parts (as exceljs decides). */
export function isDateCode(code: string): boolean {
  return /[ymdhsb]/i.test(stripQuotedAndBracketed(code).replace(/general/gi, ''));
}

function stripQuotedAndBracketed(code: string): string {
  return code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '').replace(/[_*]./g, '');
}

/** Excel serial day (1900 system) → UTC date; 25569 is 1 January 1970. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25_569) * 86_400_000));
}

function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if ((ch === '\\' || ch === '_' || ch === '*') && i + 1 < code.length) {
      current += code.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '' || sections.length > 0) sections.push(current);
  return sections;
}

type Token = { kind: 'literal'; text: string } | { kind: 'digits'; pattern: string } | { kind: 'general' };

function formatSection(abs: number, section: string): string {
  const tokens = tokenize(section);
  const runs = tokens.filter((t) => t.kind === 'digits');
  // `@` alone (the Text format) or nothing at all shows the number as General does.
  if (!tokens.some((t) => t.kind !== 'literal') && !tokens.some((t) => t.kind === 'literal' && t.text.trim() !== '')) return formatGeneral(abs);
  if (runs.length > 1 || /[eE][+-]|[0#?]\s*\/\s*[0-9#?]/.test(stripQuotedAndBracketed(section))) return formatGeneral(abs);
  const percents = tokens.reduce((n, t) => n + (t.kind === 'literal' ? (t.text.match(/%/g)?.length ?? 0) : 0), 0);
  const scaled = abs * 100 ** percents;
  const out = tokens.map((t) => {
    if (t.kind === 'literal') return t.text;
    if (t.kind === 'general') return formatGeneral(scaled);
    return formatDigits(scaled, t.pattern);
  }).join('');
  return out.replace(/\s+/g, ' ').trim();
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const literal = (text: string) => {
    const last = tokens.at(-1);
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === '\\') {
      literal(section[i + 1] ?? '');
      i++;
    } else if (ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const stop = end < 0 ? section.length : end;
      const inside = section.slice(i + 1, stop);
      if (inside.startsWith('$')) literal(inside.slice(1).split('-')[0] ?? '');
      i = stop;
    } else if (/^general/i.test(section.slice(i))) {
      tokens.push({ kind: 'general' });
      i += 'general'.length - 1;
    } else if ('0#?'.includes(ch) || ((ch === '.' || ch === ',') && /[0#?]/.test(section.slice(i + 1, i + 2)))) {
      const run = /^[0#?,.]+/.exec(section.slice(i))![0];
      tokens.push({ kind: 'digits', pattern: run });
      i += run.length - 1;
    } else if (ch === '@') {
      // A text placeholder in a number's section prints nothing.
    } else {
      literal(ch);
    }
  }
  return tokens;
}

function formatDigits(value: number, pattern: string): string {
  let scale = 0;
  let body = pattern;
  while (body.endsWith(',')) {
    scale++;
    body = body.slice(0, -1);
  }
  const point = body.indexOf('.');
  const intPattern = point < 0 ? body : body.slice(0, point);
  const fracPattern = point < 0 ? '' : body.slice(point + 1).replace(/[^0#?]/g, '');
  const grouping = /[0#?],+[0#?]/.test(intPattern);
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const maxDec = fracPattern.length;
  const minDec = (fracPattern.match(/0/g) ?? []).length;
  const rounded = roundHalfAway(value / 1000 ** scale, maxDec);
  let int = rounded.int.replace(/^0+/, '');
  int = int.padStart(minInt, '0');
  let frac = rounded.frac.padEnd(maxDec, '0');
  while (frac.length > minDec && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (grouping) int = int.replace(/\B(?=(\d{3})+$)/g, '.');
  return frac === '' ? int : `${int},${frac}`;
}

/**
 * Excel's General: integers as they are, fractions to 10 significant digits with trailing
 * zeros dropped, E-notation with 6 significant digits from 10^11 (and below 10^-9).
 */
function formatGeneral(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = abs.toExponential(5).split('e');
    const m = mantissa!.replace(/\.?0+$/, '').replace('.', ',');
    const e = Number(exponent);
    return `${sign}${m}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const digits = Math.max(0, 10 - (Math.floor(Math.log10(abs)) + 1));
  const { int, frac } = roundHalfAway(abs, digits);
  const trimmed = frac.replace(/0+$/, '');
  return `${sign}${int.replace(/^0+(?=\d)/, '')}${trimmed === '' ? '' : `,${trimmed}`}`;
}

/** abs ≥ 0 rounded to `decimals` places, half away from zero, on its 15 significant digits. */
function roundHalfAway(abs: number, decimals: number): { int: string; frac: string } {
  const { int, frac } = plainDecimal(abs);
  if (frac.length <= decimals) return { int, frac };
  const kept = int + frac.slice(0, decimals);
  const up = frac.charCodeAt(decimals) >= 53; // '5'
  const digits = up ? increment(kept) : kept;
  const intLength = digits.length - decimals;
  return { int: digits.slice(0, intLength) || '0', frac: digits.slice(intLength) };
}

/** The 15 significant digits of abs as plain integer and fraction digit strings (no exponent). */
function plainDecimal(abs: number): { int: string; frac: string } {
  const [mantissa, exponentText] = abs.toExponential(14).split('e');
  const digits = mantissa!.replace('.', '');
  const exponent = Number(exponentText);
  if (exponent >= 0) {
    const int = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    return { int, frac: digits.slice(exponent + 1) };
  }
  return { int: '0', frac: '0'.repeat(-exponent - 1) + digits };
}

function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] === '9') {
      out[i] = '0';
    } else {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
  }
  return `1${out.join('')}`;
}
