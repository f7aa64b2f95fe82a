/**
 * Splits a paragraph into sentences, as spans into the paragraph's text.
 *
 * A sentence ends at `.`, `!`, `?` or `…` followed by white space and then a capital,
 * a digit, an opening quote or a dash; or at the end of the paragraph. It does not end:
 *   - inside a number (`853.793`, `1.2.`): no white space follows the dot;
 *   - after a section number alone (`1.`, `II.`, `a.` at the start): `1. Về kế hoạch` is one sentence;
 *   - after a common abbreviation (`TP.`, `TX.`, `Tp.`, `ThS.`, `TS.`, `Ths.`, `PGS.`, `GS.`, `v.v.`);
 *   - after an ellipsis (`...`, `…`) unless a capital letter follows: lists trail off with one
 *     (`công tác phí,... 606 triệu đồng`).
 * Semicolons do not end sentences: enumerations (`05 xã: A; B; C`) must stay whole.
 */
export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = /(?:^|[\s(])(?:TP|Tp|TX|ThS|Ths|TS|PGS|GS|v\.v|BS|KS|CN|ĐT|P)\.$/u;
const SECTION_ONLY = /^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\.$/u;
const NEXT_STARTS_SENTENCE = /^\s+["“'(\-–]?[\p{Lu}\d]/u;

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  const terminator = /[.!?…]+/g;
  for (let m = terminator.exec(text); m; m = terminator.exec(text)) {
    const end = m.index + m[0].length;
    const before = text.slice(start, end);
    if (!NEXT_STARTS_SENTENCE.test(text.slice(end, end + 4))) continue;
    if ((m[0].length > 1 || m[0] === '…') && !/^\s+["“'(]?\p{Lu}/u.test(text.slice(end, end + 4))) continue;
    if (SECTION_ONLY.test(before) || ABBREVIATIONS.test(before)) continue;
    pushTrimmed(spans, text, start, end);
    start = end;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function pushTrimmed(spans: SentenceSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
