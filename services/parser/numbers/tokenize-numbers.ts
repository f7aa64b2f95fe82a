import { recognizeDay, recognizeDateStamp, recognizeMonth, recognizeSpokenDate } from './calendar-date.ts';
import { recognizeDocumentNumberByCue, recognizeDocumentNumberByShape } from './document-number.ts';
import { recognizeFootnote } from './footnote-marker.ts';
import { recognizeGluedCode } from './glued-code.ts';
import { recognizeLevelList } from './level-list.ts';
import { recognizeMeasure } from './measure.ts';
import type { NumericToken } from './numeric-token.ts';
import { recognizeOrdinal, romanOrdinals } from './ordinal.ts';
import { recognizeMonthsOfYear, recognizeQuarter, recognizeYear, recognizeYearRange } from './period-and-year.ts';
import { qualify } from './qualifier.ts';
import { recognizeRatioOrDate, recognizeSpokenRatio } from './ratio-or-date.ts';
import { recognizeStandard } from './standard.ts';
import type { Anchor, Recognizer } from './scan-anchor.ts';
import { letterSectionMarkers, recognizeSectionNumber } from './section-number.ts';

/**
 * Finds every numeric expression in NFC report text and says what it is.
 *
 * The scan walks the text once, stopping at digits (and at tabs and line breaks, to know
 * where cells and lines start). At each digit not yet covered it asks the recognizers below,
 * in order; the first that claims the digit makes the token, and the scan goes on after it.
 * A recognizer may start its token before the digit (at a cue such as `ngày`, `quý`,
 * `mức độ`, `ISO`, `Phụ lục`), never before the previous token's end. Markers without digits
 * (`II.`, `a)`, `Chương II`) come from separate passes and are kept where no digit token
 * overlaps them.
 *
 * Why this order: shape beats context, context beats the default.
 *   1. footnote markers (superscripts are never part of a number)
 *   2. heading markers at a line start (`1.2.`, `a)` … `1\t` in a table)
 *   3. digits glued to letters (`ipv6`, `Covid-19`)
 *   4. document numbers by shape (`/NĐ-CP`) — before anything reads `16/2015` as a date or ratio
 *   5. standards (`ISO 9001:2008`) — before `9001:2008` or `9001-2008` means anything else
 *   6. document numbers by cue (`Kế hoạch số 23`)
 *   7. level lists (`mức độ 3, 4`) — before `1,2` is read as a decimal
 *   8. date stamps (`28/11/2016`, `13.12.16`), year ranges, spoken dates, quarters,
 *      `6 tháng đầu năm`, `tháng 11/2016`, years after a cue
 *   9. ordinals (`Phụ lục 5`), a day after `ngày`
 *  10. `a/b` (ratio or date), `a trên b`
 *  11. plain numbers with their unit: percent, money, scaled quantity, bare year, quantity
 * Quantities, percents, money and ratios then get their qualifier (`trên`, `tối thiểu`, `trở lên`).
 *
 * Worked example — `tiết kiệm được trên 15,08 tỷ đồng, giải quyết 44/44 ý kiến ngày 31/3`:
 *   money 15080000000 (qualifier above, scale tỷ), ratio 44/44, date 31/3.
 */
const RECOGNIZERS: readonly Recognizer[] = [
  recognizeFootnote,
  recognizeSectionNumber,
  recognizeGluedCode,
  recognizeDocumentNumberByShape,
  recognizeStandard,
  recognizeDocumentNumberByCue,
  recognizeLevelList,
  recognizeDateStamp,
  recognizeYearRange,
  recognizeSpokenDate,
  recognizeQuarter,
  recognizeMonthsOfYear,
  recognizeMonth,
  recognizeYear,
  recognizeOrdinal,
  recognizeDay,
  recognizeRatioOrDate,
  recognizeSpokenRatio,
  recognizeMeasure,
];

// The scan stops only at line breaks, tabs and digits (ASCII and superscript); the regular
// expression engine skips everything between.
const STOPS = /[\n\t0-9\u00b2\u00b3\u00b9\u2070\u2074-\u2079]/g;

export function tokenizeNumbers(text: string): NumericToken[] {
  const tokens: NumericToken[] = [];
  let lineStart = 0;
  let cellStart = 0;
  let floor = 0;
  const stops = new RegExp(STOPS.source, 'g');
  for (let m = stops.exec(text); m; m = stops.exec(text)) {
    const i = m.index;
    const code = text.charCodeAt(i);
    if (code === 10) {
      lineStart = cellStart = i + 1;
      continue;
    }
    if (code === 9) {
      cellStart = i + 1;
      continue;
    }
    const token = recognize({ text, at: i, lineStart, cellStart, floor, previous: tokens.at(-1) });
    tokens.push(token);
    floor = token.end;
    // Keep the line and cell starts right for whatever the token stepped over.
    for (let j = i + 1; j < token.end; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) lineStart = cellStart = j + 1;
      else if (c === 9) cellStart = j + 1;
    }
    stops.lastIndex = token.end;
  }
  return withDigitlessMarkers(text, tokens);
}

function recognize(anchor: Anchor): NumericToken {
  for (const recognizer of RECOGNIZERS) {
    const token = recognizer(anchor);
    if (token && token.end > anchor.at && token.start >= anchor.floor && token.start <= anchor.at) return qualify(token, anchor);
  }
  // recognizeMeasure always claims a digit; this guards the contract if it ever stops doing so.
  return { kind: 'quantity', start: anchor.at, end: anchor.at + 1, raw: anchor.text.charAt(anchor.at) };
}

/** Merges heading letters and roman ordinals into the digit tokens, dropping any that overlap one. */
function withDigitlessMarkers(text: string, tokens: NumericToken[]): NumericToken[] {
  const extra = [...letterSectionMarkers(text), ...romanOrdinals(text)].sort((a, b) => a.start - b.start);
  if (extra.length === 0) return tokens;
  const merged: NumericToken[] = [];
  let k = 0;
  let lastEnd = 0;
  for (const token of tokens) {
    for (; k < extra.length && extra[k]!.start < token.start; k++) {
      const marker = extra[k]!;
      if (marker.start >= lastEnd && marker.end <= token.start) {
        merged.push(marker);
        lastEnd = marker.end;
      }
    }
    merged.push(token);
    lastEnd = token.end;
  }
  for (; k < extra.length; k++) {
    const marker = extra[k]!;
    if (marker.start >= lastEnd) {
      merged.push(marker);
      lastEnd = marker.end;
    }
  }
  return merged;
}
