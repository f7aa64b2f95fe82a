import { H, STANDARD_CUE_BEHIND } from './numeral-lexicon.ts';
import { ahead, behind, makeToken, type Recognizer } from './scan-anchor.ts';

/**
 * Quality and technical standards.
 *
 *   standard := body number [ edition ]
 *            |  d{4,5} ':' year                      -- a bare `9001:2015` continuing a list
 *   body     := [ 'TCVN' ] ( 'ISO' | 'TCVN' | 'IEC' ) [ '/IEC' ] [ ':' ]
 *   number   := d{3,5}
 *   edition  := ( ':' | '-' | '–' ) year             -- spaces allowed around it
 *
 *   `ISO 9001:2008`          `TCVN ISO 9001:2015`     `TCVN 9001:2015`
 *   `ISO 9001: 2015`         `Tiêu chuẩn ISO: 9001-2008`       `ISO9001`
 *   `TCVN ISO 9001:2008, 9001:2015` → two standards, the second without its body
 *
 * The span starts at the body (`ISO`, `TCVN ISO`); `value` is the standard's number (9001).
 */
const NUMBER_AND_EDITION = new RegExp(`(\\d{3,5})(?:${H}*[:\\-–]${H}*(?:19|20)\\d\\d)?(?![\\d])`, 'uy');
const BARE = new RegExp(`(\\d{4,5}):${H}?(?:19|20)\\d\\d(?![\\d]|[.,]\\d)`, 'uy');

export const recognizeStandard: Recognizer = (anchor) => {
  const { text, at } = anchor;
  const cue = behind(anchor, STANDARD_CUE_BEHIND);
  if (cue) {
    const m = ahead(text, NUMBER_AND_EDITION, at);
    if (m) return makeToken(text, 'standard', cue.groupStarts[0] ?? cue.start, at + m[0].length, { value: Number(m[1]) });
  }
  const bare = ahead(text, BARE, at);
  return bare ? makeToken(text, 'standard', at, at + bare[0].length, { value: Number(bare[1]) }) : undefined;
};
