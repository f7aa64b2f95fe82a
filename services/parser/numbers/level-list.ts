import { countNounAfter, H, LEVEL_CUE, LEVEL_CUE_BEHIND } from './numeral-lexicon.ts';
import { ahead, behind, makeToken, type Recognizer } from './scan-anchor.ts';

/**
 * Levels of online public services (mức độ 1–4) and of information security (cấp độ 1–5).
 *
 *   level-list := cue level ( separator [ cue ] level )*
 *   cue        := 'mức độ' | 'cấp độ'
 *   level      := one digit 1–5, not followed by another digit, a decimal part or '%'
 *   separator  := ',' | ';' | 'và' | 'hoặc' | '-' | '–' | 'đến' | 'tới'   (spaces allowed)
 *
 *   `dịch vụ công trực tuyến mức độ 3, 4`  → levels [3, 4]
 *   `ở mức độ 1,2, đạt tỷ lệ 100%`         → levels [1, 2]   (a list, never the decimal 1.2)
 *   `mức độ 3 và 4`, `mức độ 3, mức độ 4`  → levels [3, 4]   (one token)
 *   `mức độ 4 là 140 hồ sơ`                → levels [4], then the quantity 140
 *   `ở mức độ 3 và 54 TTHC ở mức độ 4`     → levels [3], quantity 54, levels [4]
 *   `80 dịch vụ công mức độ 3`             → quantity 80, levels [3]
 *
 * A later item followed by a count noun is a count and ends the list
 * (`mức độ 3, 4 thủ tục` → levels [3], quantity 4). The span starts at the cue.
 */
const LEVEL = /([1-5])(?![\d]|[.,]\d{2}|[ \u00a0]?%)/y;
const SEPARATOR = new RegExp(`${H}*(?:,|;|và|hoặc|-|–|đến|tới)${H}*(?:${LEVEL_CUE}${H}*)?`, 'iuy');

export const recognizeLevelList: Recognizer = (anchor) => {
  const { text, at } = anchor;
  const cue = behind(anchor, LEVEL_CUE_BEHIND);
  if (!cue) return undefined;
  const first = ahead(text, LEVEL, at);
  if (!first) return undefined;
  const levels = [Number(first[1])];
  let end = at + 1;
  for (;;) {
    const sep = ahead(text, SEPARATOR, end);
    if (!sep) break;
    const itemAt = end + sep[0].length;
    const item = ahead(text, LEVEL, itemAt);
    if (!item || countNounAfter(text, itemAt + 1)) break;
    levels.push(Number(item[1]));
    end = itemAt + 1;
  }
  return makeToken(text, 'level-list', cue.groupStarts[0] ?? cue.start, end, { levels });
};
