import { cityLevel, LEVEL_OF_WORD, LEVEL_WORD_SOURCE, levelWordOf, nameKey, type LevelWord } from './administrative-level.ts';
import { inZone, type DocumentZones } from './document-zones.ts';
import { spanOf, type PageView } from './page-view.ts';
import type { Span, UnitLevel, UnitSource } from './report-metadata.ts';
import { titleCase, vietnameseKey, WORD_START } from '../../text/vietnamese-text.ts';

/**
 * Every place a report names an administrative unit, and every place it refers to its own
 * level without a name. Grammar of a mention:
 *
 *   mention  = [prefix] level-word name
 *   prefix   = "UBND" | "Ủy ban nhân dân" | "HĐND (và UBND)" | "trên địa bàn" | "toàn" | …
 *   name     = token { ( " " | " - " ) token }          at most 6 tokens
 *   token    = Capitalised syllable ("Quảng", "A", "H'Leo")   after a lowercase/Capitalised level word
 *            | UPPERCASE syllable ("QUẢNG")                   after an UPPERCASE level word (letterheads)
 *            | 1–2 digits, alone, after phường/quận           ("Phường 1")
 *
 * A name stops at a lowercase word, punctuation, another level word, `NĂM <year>` or a
 * word that cannot be part of one (`Ủy`, `CỘNG`, `Độc`, `Số`, …). Names that are really
 * common nouns are dropped: `xã hội` (society), `Tỉnh ủy`, `Huyện đoàn`,
 * `CỘNG HÒA XÃ HỘI CHỦ NGHĨA`.
 *
 * Each mention is weighted by where it stands (see `SOURCE_WEIGHT`); a bare self-reference
 * (`UBND huyện đã …`, `trên địa bàn huyện,`, `toàn tỉnh`) only counts toward the level hint.
 */
export interface UnitMention {
  span: Span;
  name: string;
  key: string;
  level: UnitLevel;
  /** `thành phố Huế`: the level depends on the date. */
  cityAmbiguous: boolean;
  source: UnitSource;
  weight: number;
}

export interface SelfReference {
  span: Span;
  level: UnitLevel | 'city';
}

/** Weights of a single mention by source; body mentions depend on their prefix. */
export const SOURCE_WEIGHT = {
  header: 100,
  'header-agency': 60,
  title: 80,
  closing: 80,
  'self-report': 50,
  'place-date': 40,
  bodyUbnd: 10,
  bodyArea: 8,
  bodyPlain: 3,
} as const;

const LEVEL_WORD = new RegExp(`${WORD_START}(${LEVEL_WORD_SOURCE})(?![\\p{Ll}\\p{M}\\p{N}])`, 'gu');
const LEVEL_WORD_AT = new RegExp(`^${LEVEL_WORD_SOURCE}(?![\\p{L}\\p{M}\\p{N}])`, 'u');
const UBND_BEFORE = /(?:UBND|ủy\s+ban\s+nhân\s+dân|uỷ\s+ban\s+nhân\s+dân|HĐND|hội\s+đồng\s+nhân\s+dân)(?:\s+(?:và\s+)?(?:UBND|ủy\s+ban\s+nhân\s+dân|uỷ\s+ban\s+nhân\s+dân))?[\s.:]*$/iu;
const AREA_BEFORE = /(?:trên\s+địa\s+bàn|địa\s+bàn|toàn)\s+$/iu;
const REPORTS_AFTER = /^[\s,]*(?:xin\s+)?(?:báo\s+cáo|tổng\s+kết)/iu;
const HEADER_UBND = /UBND|ỦY\s+BAN\s+NHÂN\s+DÂN|UỶ\s+BAN\s+NHÂN\s+DÂN|Ủy\s+ban\s+nhân\s+dân/u;

const TITLE_TOKEN = /\p{Lu}\p{Ll}*(?:'\p{L}+)?(?![\p{L}\p{M}\p{N}])/uy;
const UPPER_TOKEN = /\p{Lu}+(?:'\p{Lu}+)?(?![\p{L}\p{M}\p{N}])/uy;
const NUMBER_TOKEN = /\d{1,2}(?![\p{L}\p{M}\p{N}])/uy;
const SPACE_JOIN = /[ \t]+/y;
const OPTIONAL_SPACE = /[ \t]*/y;
const DASH_JOIN = /[ \t]*[-–][ \t]*/y;
const MAX_TOKENS = 6;
/** Words that end a name (or, first, mean there is none). Compared by `vietnameseKey`. */
const STOP_WORDS = new Set(['ủy', 'về', 'và', 'trong', 'theo', 'tại', 'đã', 'được', 'là', 'có', 'với', 'cho', 'đến', 'nhằm', 'căn', 'sở', 'phòng']);
/** Word sequences that end a name: document kinds, a merged letterhead column, a stamp. */
const STOP_SEQUENCE = /^(?:Nghị\s+(?:quyết|định)|Quyết\s+định|Chỉ\s+thị|Kế\s+hoạch|Thông\s+tư|Công\s+văn|Hội\s+nghị|Chương\s+trình|Đề\s+án|Luật\s|Báo\s+cáo|Cộng\s+h[òo]à?\s+xã|Độc\s+lập|Số\s*[:\d]|Năm\s+\d{4})/iu;
/** A name that is only one of these is a common noun: `Huyện Đoàn`, `Xã Hội`. */
const NOT_A_NAME = new Set(['đoàn', 'hội', 'đảng']);

export function scanUnitMentions(pages: PageView[], zones: DocumentZones): { mentions: UnitMention[]; selfReferences: SelfReference[] } {
  const allText = pages.map((p) => p.view).join('\n');
  const headerHasUbnd = zones.header !== undefined && zones.first !== undefined
    && HEADER_UBND.test(zones.first.view.slice(zones.header.start, zones.header.end));
  const mentions: UnitMention[] = [];
  const selfReferences: SelfReference[] = [];
  for (const page of pages) {
    for (const match of page.view.matchAll(LEVEL_WORD)) {
      const word = levelWordOf(match[1] ?? '');
      if (!word) continue;
      const at = match.index;
      const afterWord = at + (match[1] ?? '').length;
      const before = page.view.slice(Math.max(0, at - 60), at);
      const ubnd = UBND_BEFORE.exec(before);
      const name = readName(page.view, afterWord, word, match[1] ?? '');
      if (!name) {
        if (ubnd || AREA_BEFORE.test(before)) {
          selfReferences.push({ span: spanOf(page, at - (ubnd?.[0].length ?? 0), afterWord), level: word === 'thành phố' ? 'city' : LEVEL_OF_WORD[word] });
        }
        continue;
      }
      const city = word === 'thành phố' ? cityLevel(name.text, allText) : undefined;
      const level = city?.level ?? LEVEL_OF_WORD[word as Exclude<LevelWord, 'thành phố'>];
      const start = ubnd ? at - ubnd[0].length : at;
      const lineStart = /^[ \t]*$/.test(page.view.slice(page.view.lastIndexOf('\n', at - 1) + 1, at));
      const { source, weight } = classify(page, at, zones, {
        ubnd: ubnd !== null,
        area: AREA_BEFORE.test(before),
        reports: REPORTS_AFTER.test(page.view.slice(name.end, name.end + 30)),
        lineStart,
        headerHasUbnd,
      });
      mentions.push({
        span: spanOf(page, start, name.end),
        name: name.text,
        key: nameKey(name.text),
        level,
        cityAmbiguous: city?.ambiguous ?? false,
        source,
        weight,
      });
    }
  }
  return { mentions, selfReferences };
}

interface Context {
  ubnd: boolean;
  area: boolean;
  reports: boolean;
  lineStart: boolean;
  headerHasUbnd: boolean;
}

function classify(page: PageView, at: number, zones: DocumentZones, c: Context): { source: UnitSource; weight: number } {
  if (inZone(zones.header, page.page, at)) {
    return c.ubnd || (c.lineStart && c.headerHasUbnd)
      ? { source: 'header', weight: SOURCE_WEIGHT.header }
      : { source: 'header-agency', weight: SOURCE_WEIGHT['header-agency'] };
  }
  const title = zones.title?.evidence;
  if (title && title.page === page.page && at >= title.start && at < title.end) return { source: 'title', weight: SOURCE_WEIGHT.title };
  if (zones.closing.some((z) => inZone(z, page.page, at))) return { source: 'closing', weight: SOURCE_WEIGHT.closing };
  if (c.ubnd && c.reports) return { source: 'self-report', weight: SOURCE_WEIGHT['self-report'] };
  if (c.ubnd) return { source: 'body', weight: SOURCE_WEIGHT.bodyUbnd };
  if (c.area) return { source: 'body', weight: SOURCE_WEIGHT.bodyArea };
  return { source: 'body', weight: SOURCE_WEIGHT.bodyPlain };
}

interface ReadName {
  text: string;
  end: number;
}

/** Reads the name after a level word, in the case style the level word sets. */
function readName(view: string, from: number, word: LevelWord, matched: string): ReadName | undefined {
  OPTIONAL_SPACE.lastIndex = from;
  OPTIONAL_SPACE.test(view);
  const pos = OPTIONAL_SPACE.lastIndex;
  // `TP.Hồ Chí Minh` needs no space after the abbreviation; every other level word does.
  if (pos === from && !(word === 'thành phố' && matched.endsWith('.'))) return undefined;

  if (word === 'phường' || word === 'quận') {
    NUMBER_TOKEN.lastIndex = pos;
    const n = NUMBER_TOKEN.exec(view);
    if (n) return { text: `${word === 'phường' ? 'Phường' : 'Quận'} ${n[0]}`, end: NUMBER_TOKEN.lastIndex };
  }

  // The level word sets the case of the name (`XÃ QUẢNG NGẠN`, `xã Quảng Ngạn`); `TP.` is
  // uppercase either way, so there the first word of the name decides.
  const abbreviation = /^tp\.?$/iu.test(matched);
  const upper = isUpperWord(abbreviation ? peekWord(view, pos) : matched) && (!abbreviation || peekWord(view, pos).length > 1);
  const token = upper ? UPPER_TOKEN : TITLE_TOKEN;
  const tokens: string[] = [];
  const joiners: string[] = [];
  let end = pos;
  while (tokens.length < MAX_TOKENS) {
    let at = end;
    let joiner = '';
    if (tokens.length > 0) {
      DASH_JOIN.lastIndex = end;
      SPACE_JOIN.lastIndex = end;
      if (DASH_JOIN.test(view)) {
        at = DASH_JOIN.lastIndex;
        joiner = ' - ';
      } else if (SPACE_JOIN.test(view)) {
        at = SPACE_JOIN.lastIndex;
        joiner = ' ';
      } else {
        break;
      }
    }
    token.lastIndex = at;
    const t = token.exec(view);
    if (!t) break;
    if (STOP_WORDS.has(vietnameseKey(t[0])) || LEVEL_WORD_AT.test(view.slice(at, at + 12)) || STOP_SEQUENCE.test(view.slice(at, at + 24))) break;
    tokens.push(t[0]);
    joiners.push(joiner);
    end = token.lastIndex;
  }
  if (tokens.length === 0) return undefined;
  if (tokens.length === 1 && NOT_A_NAME.has(vietnameseKey(tokens[0] ?? ''))) return undefined;
  if (vietnameseKey(tokens[0] ?? '') === 'hội' && vietnameseKey(tokens[1] ?? '') === 'chủ') return undefined;
  const text = tokens.map((t, i) => `${joiners[i] ?? ''}${t}`).join('');
  return { text: upper ? titleCase(text) : text, end };
}

function isUpperWord(word: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function peekWord(view: string, pos: number): string {
  return /^[\p{L}']+/u.exec(view.slice(pos, pos + 20))?.[0] ?? '';
}

