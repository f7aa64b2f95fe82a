import { H, LETTER_CLASS, UPPER_CLASS } from './numeral-lexicon.ts';
import { ahead, makeToken, type Recognizer } from './scan-anchor.ts';
import type { NumericToken } from './numeric-token.ts';

/**
 * Heading and list markers. A marker is recognised where a heading starts: at the start of a
 * line (paragraph), after any layout prefix that a converter left there.
 *
 *   prefix   := ( space | tab | '#' | '*' | '>' | '•' | '·' | '+' | '-' | '–' | <tag> )*
 *   marker   := d{1,2} ( '.' d{1,2} )* closer?      closer := '.' | ')'
 *               -- with at least one inner dot or a closer: `1.`, `1.1.`, `2.3`, `1)`
 *             | d{1,3} TAB letter                   -- a table row's running number (STT)
 *             | roman closer | letter closer         -- `I.`, `IV.`, `a)`, `b.`, `đ)`, `A.`
 *   then a space, tab, `*`, `<` or the line end.
 *
 *   `1.1. Kết quả chủ yếu`          → section-number `1.1.`
 *   `#### **1. Công tác chỉ đạo**`   → section-number `1.`
 *   `2.\tSố công chức được tuyển`    → section-number `2.` (table row)
 *   `1\tSố lượng văn bản`            → section-number `1` (STT column)
 *   `1.313 hồ sơ …`                  → no marker: a dot before three digits is a thousands dot
 *   `12 xã đã …`                     → no marker: a bare number opening a line is a count
 *   `3.5% …`                         → no marker: the marker must be followed by a space
 *
 * Inside a line, `(1) Cải cách thể chế` (a parenthesised number before a capitalised title)
 * is a list marker too.
 */
const LINE_PREFIX = /^(?:[ \t#*>•·+\-–]|<[^>\n]{1,20}>)*$/u;
const NUMBERED = /(\d{1,2}(?:\.\d{1,2})*)([.)])?(?=[ \t\u00a0*<\n]|$)/y;
const TABLE_ROW_NUMBER = new RegExp(`\\d{1,3}(?=\\t[${LETTER_CLASS}<*])`, 'y');
const PARENTHESISED = new RegExp(`\\d{1,2}\\)(?=${H}+[${UPPER_CLASS}])`, 'y');

export const recognizeSectionNumber: Recognizer = ({ text, at, lineStart, floor }) => {
  // A heading's layout prefix is short; a digit deep inside a paragraph is no heading.
  if (at - lineStart <= 24 && LINE_PREFIX.test(text.slice(lineStart, at))) {
    const m = ahead(text, NUMBERED, at);
    if (m && (m[0].includes('.') || m[2] !== undefined)) {
      // `25.05.2020` at a line start is a date stamp, not a heading (a four-digit last group).
      if (!/\.\d{4}$/.test(m[0])) return makeToken(text, 'section-number', at, at + m[0].length);
    }
    const row = ahead(text, TABLE_ROW_NUMBER, at);
    if (row) return makeToken(text, 'section-number', at, at + row[0].length);
  }
  if (at > floor && text.charAt(at - 1) === '(') {
    const m = ahead(text, PARENTHESISED, at);
    if (m) return makeToken(text, 'section-number', at - 1, at + m[0].length);
  }
  return undefined;
};

const LETTER_MARKER = /^((?:[ \t#*>•·+\-–]|<[^>\n]{1,20}>)*)(X{0,3}(?:IX|IV|V?I{0,3})|[a-zđ]|[A-ZĐ])([.)])(?=[ \t\u00a0*]|$)/gmu;

/** Markers without digits (`I.`, `II.`, `a)`, `đ)`, `A.`) at line starts, found in one pass over the text. */
export function letterSectionMarkers(text: string): NumericToken[] {
  const out: NumericToken[] = [];
  for (const m of text.matchAll(LETTER_MARKER)) {
    const mark = m[2] ?? '';
    if (mark === '') continue;
    const start = m.index + (m[1] ?? '').length;
    out.push(makeToken(text, 'section-number', start, start + mark.length + (m[3] ?? '').length));
  }
  return out;
}
