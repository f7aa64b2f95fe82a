import { countNounAfter, DOCUMENT_CODE, DOCUMENT_CUE_BEHIND, HEADER_NUMBER_CUE } from './numeral-lexicon.ts';
import { ahead, behind, makeToken, type Recognizer } from './scan-anchor.ts';

/**
 * Numbers of legal and administrative documents (số ký hiệu văn bản).
 *
 * By shape — digits, then a slash or hyphen and an upper-case code:
 *   doc      := serial ( ('/' | '.') serial )* ( '/' | '-' ) code ( ('/' | '-') code )*
 *   serial   := d+ [a-z]?                          30c, 2015
 *   code     := UPPER ( letter | digit | '&' )*   NĐ, QĐ, UBND, TTg, CTr, QĐHC, QH13
 *
 *   `16/2015/NĐ-CP`  `17/BC-UBND`  `65/QĐ-UBND`  `30c/NQ-CP`  `02-NQ/TU`  `207/BNV-CCHC`
 *   `1105/QĐHC-CTUBND`  `80/2015/QH13` (the code's digits belong to the token)
 *
 * By cue — a number right after a document type, with or without `số`, or after a header's `Số:`:
 *   `Kế hoạch số 23 ngày 26/01/2022` → `23`;  `Nghị định 68 là 119 trường hợp` → `68`;
 *   `Số: 106.80.` → `106.80` (a garbled header number still is one)
 *   `Công văn số 120  ngày …` → `120`
 * Strong types (`Nghị định`, `Quyết định`, `Kế hoạch`, …) need no `số`; weaker ones
 * (`Báo cáo`, `Văn bản`, `Đề án`, …) do, because `văn bản 12` is rarely a citation.
 * A count noun after a bare-type number makes it a count instead: `Kế hoạch 2 đợt` is not cited.
 * `tổng số 987 văn bản` is a count: a bare `số` is no cue.
 */
const BY_SHAPE = new RegExp(`\\d+[a-zđ]?(?:[./]\\d+[a-zđ]?)*[/-]${DOCUMENT_CODE}(?:[/-]${DOCUMENT_CODE})*`, 'uy');
const CITED_NUMBER = /\d+[a-zđ]?(?:[./]\d+[a-zđ]?)*/uy;

export const recognizeDocumentNumberByShape: Recognizer = ({ text, at }) => {
  const m = ahead(text, BY_SHAPE, at);
  return m ? makeToken(text, 'document-number', at, at + m[0].length) : undefined;
};

export const recognizeDocumentNumberByCue: Recognizer = (anchor) => {
  const { text, at, lineStart } = anchor;
  const cue = behind(anchor, DOCUMENT_CUE_BEHIND);
  // `Số:` heads a short line prefix; test it only there.
  const header = cue ? undefined : at - lineStart <= 24 && HEADER_NUMBER_CUE.test(text.slice(lineStart, at));
  if (!cue && !header) return undefined;
  const m = ahead(text, CITED_NUMBER, at);
  if (!m) return undefined;
  const end = at + m[0].length;
  // `cue.groups[0]` is `số`: with it, the number is cited whatever follows.
  const bareType = cue !== undefined && cue.groups[0] === undefined;
  if (bareType && countNounAfter(text, end)) return undefined;
  return makeToken(text, 'document-number', at, end);
};
