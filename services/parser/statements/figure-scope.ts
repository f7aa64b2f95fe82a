import type { FactScope } from '../../../schemas/fact/v1.ts';
import type { UnitLevel } from '../metadata/report-metadata.ts';
import { vietnameseKey } from '../../text/vietnamese-text.ts';
import { STATE_BODY } from './state-body-names.ts';

/**
 * Whose figure a number is (schemas/fact/v1.ts `FactScope`), read from the words around it.
 * The classes of real statements (test/corpus/, units from communes to ministries):
 *
 *   levels  `Bộ phận Một cửa cấp xã trên địa bàn huyện`, `cấp huyện, cấp xã`, `các xã, thị trấn`,
 *           `UBND các xã`, `các huyện, thị xã, thành phố`, `các sở, ban, ngành` (province level)
 *   office  `tại Bộ phận Một cửa UBND huyện`, `Bộ phận tiếp nhận và trả kết quả của UBND thành phố`,
 *           `Trung tâm Phục vụ hành chính công tỉnh` → the level its words name; a bare
 *           `Bộ phận Một cửa` → the reporting unit's own office
 *   area    `toàn huyện`, `toàn tỉnh`, `trên địa bàn tỉnh` with no level before it
 *   named   `huyện Lập Thạch`, `xã Tân Lập`, `Sở Tư pháp` (capitalised names), agencies by function
 *           (`Công an tỉnh`, `Chi nhánh Văn phòng đăng ký đất đai huyện`, `Bảo hiểm xã hội`)
 *
 * A figure takes the nearest cue before it in its sentence, or a locative right after it in
 * its clause (`tiếp nhận 1.200 hồ sơ tại Trung tâm …`); else the sentence before it in the
 * paragraph left one (`Cấp xã: tiếp nhận 3.000 hồ sơ. Đã giải quyết 2.900 …`); else the
 * heading above it (`b) Cấp xã`); else it is unstated. A `UBND huyện` subject is a cue only
 * in its own clause: reports cite `UBND tỉnh` as the author of plans all the time.
 */
const LEVEL_OF: Readonly<Record<string, UnitLevel>> = {
  'xã': 'commune', 'phường': 'commune', 'thị trấn': 'commune', 'đặc khu': 'commune',
  'huyện': 'district', 'quận': 'district', 'thị xã': 'district', 'thành phố': 'district',
  'tỉnh': 'province',
};
const LEVEL_WORD = '(?:thị trấn|thị xã|thành phố|đặc khu|phường|huyện|quận|tỉnh|xã)';
const OFFICE = '(?:bộ phận (?:một cửa|1 cửa|tiếp nhận và trả kết quả|tn ?& ?tkq|tn và tkq)|trung tâm (?:phục vụ )?hành chính công|trung tâm phục vụ hcc)';

interface Cue {
  start: number;
  end: number;
  scope: Omit<FactScope, 'from'>;
  /** A clause-only cue: `UBND huyện` as a subject. */
  weak?: boolean;
  /** A level right after an earlier number's noun (`134 thủ tục cấp xã`): that number's alone. */
  attached?: boolean;
  /** Its sentence's only (`Riêng …`): the next sentences return to what the report was about. */
  local?: boolean;
}

const LEVELS_PHRASE = new RegExp(
  `(?:${OFFICE}\\s+)?(?:(?:ubnd|ủy ban nhân dân)\\s+)?(?:cấp|các)\\s+(${LEVEL_WORD}(?:\\s*(?:,|và|/|;)\\s*(?:cấp\\s+)?${LEVEL_WORD})*)(?:\\s+trên địa bàn(?:\\s+toàn)?\\s+${LEVEL_WORD})?`,
  'gu',
);
/**
 * Two levels joined: `của huyện và các xã, thị trấn`, `UBND huyện và UBND 11 xã, thị trấn`,
 * `cấp huyện và bộ phận một cửa các xã`: the offices of both levels together (a district's
 * whole area, `scope-relative.ts`). A name after the level word (`huyện Lạc Dương và …`) is a
 * named unit, not a level.
 */
const JOINT_LEVELS_PHRASE = new RegExp(
  `(?:(?:ubnd|ủy ban nhân dân)\\s+|cấp\\s+)?(${LEVEL_WORD})\\s+và\\s+(?:${OFFICE}\\s+)?(?:của\\s+)?(?:(?:ubnd|ủy ban nhân dân)\\s+)?(?:cấp\\s+|các\\s+)?(?:\\d+\\s+)?(${LEVEL_WORD}(?:\\s*,?\\s*${LEVEL_WORD})*)(?![\\p{L}\\p{M}])`,
  'gu',
);
/** Cheap tests that let most paragraphs skip the two phrases above and below (measured: bench:pdf). */
const JOINT_HINT = new RegExp(`${LEVEL_WORD}\\s+và\\s`, 'u');
const BODY_HINT = /(?:Bộ|Sở|Phòng)\s+\p{Lu}/u;
const AGENCIES_PHRASE = /(?:các\s+)?sở,?\s+ban,?\s+ngành(?:\s+(?:cấp\s+)?tỉnh)?/gu;
const OFFICE_PHRASE = new RegExp(`${OFFICE}(?:\\s+(?:của\\s+)?(?:ubnd|ủy ban nhân dân))?(?:\\s+(?:cấp\\s+|các\\s+)?(${LEVEL_WORD}))?`, 'gu');
const AREA_PHRASE = new RegExp(`toàn\\s+(${LEVEL_WORD})|trên\\s+(?:địa bàn|phạm vi)(?:\\s+toàn)?\\s+(${LEVEL_WORD})`, 'gu');
const COUNCIL_SUBJECT = new RegExp(`(?:ubnd|ủy ban nhân dân)\\s+(${LEVEL_WORD})(?![\\p{L}\\p{M}])`, 'gu');
/** The press's abbreviations of unit types, each written with a dot: `TP.`, `TX.`, `Q.1`, `P.Phạm Ngũ Lão`, `H.`. */
const PRESS_ABBREVIATION = '(?:TP|TX|Q|P|H)';
/** A level word (or its abbreviation in the press: `Q.1`, `TX.Tân Uyên`, `P.Phạm Ngũ Lão`) and a capitalised name (in the original text), or a named agency. */
const NAMED = new RegExp(`(?<![\\p{L}\\p{M}])(?:(?:[Hh]uyện|[Xx]ã|[Pp]hường|[Tt]hị trấn|[Đđ]ặc khu|[Tt]hị xã|[Qq]uận|[Tt]hành phố|TP\\.?|[Tt]ỉnh|Sở|Bộ(?!\\s+(?:TTHC|phận))|Phòng|Chi cục|Công an|Bảo hiểm xã hội|Cục|Chi nhánh)\\s+|${PRESS_ABBREVIATION}\\.\\s*)((?:\\p{Lu}[\\p{L}\\p{M}]*|\\d{1,2})(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}]*|\\d{1,2}))*)`, 'gu');

/** Agencies named by their function and the level they serve: `Công an tỉnh`, `Chi nhánh Văn phòng đăng ký đất đai huyện`. */
const AGENCY = /(?<![\p{L}\p{M}])(?:Công an|Bảo hiểm xã hội|Kho bạc Nhà nước|Chi cục Thuế|Cục Thuế|(?:Chi nhánh )?Văn phòng [Đđ]ăng ký đất đai|Điện lực|Bưu điện)(?:\s+(?:tỉnh|huyện|thành phố|thị xã|quận))?(?![\p{L}\p{M}])/gu;

/**
 * A name of two or more capitalised words right before a bracket that opens on a figure, the
 * way lists give each unit its figure: `các tỉnh: Hòa Bình (86,5%), Nam Định (65,9%)`.
 */
const NAME_BEFORE_FIGURE = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){1,3}(?=\s*\(\s*\d)/gu;

/**
 * The office or council a name is the name of (`UBND TP. Nha Trang`, `bộ phận “một cửa” TX.Tân
 * Uyên`, `Trung tâm Phục vụ hành chính công tỉnh Bến Tre`): kept in the cue, since a unit's own
 * name with its office is its office, and alone it is the place (`scope-relative.ts`).
 */
const OFFICE_BEFORE_NAME = /(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|bộ phận[^,;.()\d]{0,40}?|trung tâm[^,;.()\d]{0,50}?)\s*(?:của\s+)?$/iu;
const OFFICE_LEAD = /^(?:ubnd|ủy ban nhân dân|bộ phận|trung tâm|văn phòng)/iu;

/** A named scope's cue that holds the office or council before the name (`UBND TP. Nha Trang`), as OFFICE_BEFORE_NAME keeps it. */
export function cueNamesOffice(cue: string | undefined): boolean {
  return OFFICE_LEAD.test(vietnameseKey(cue ?? ''));
}

const BODY_PLACE = /^\s+(?:tỉnh|thành phố|huyện|quận|thị xã|TP\.?)\s*\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*/u;

/** A capitalised word after a space: no name without one. */
const NAMED_HINT = /\s[\p{Lu}\d]/u;

const LEVEL_WORDS = new RegExp(LEVEL_WORD, 'gu');

function levelsOf(words: string): UnitLevel[] {
  const found = words.match(LEVEL_WORDS) ?? [];
  return [...new Set(found.map((w) => LEVEL_OF[w]!))];
}

const COUNTED_UNITS = new RegExp(`^(${LEVEL_WORD})(?:\\s*(?:,|và|/)\\s*${LEVEL_WORD})*(?![\\p{L}\\p{M}])(?!\\s+\\p{Lu})`, 'u');

/**
 * A count of units of a level is about that level's units: `166 xã, phường mới`, `Trong 27 xã,
 * phường của thành phố`, `5/9 huyện, thành phố đạt …` (not `3 xã Tân Lập`, a name).
 */
export function countedUnitsScope(noun: string | undefined): Omit<FactScope, 'from'> | undefined {
  const m = noun ? COUNTED_UNITS.exec(noun.trim()) : null;
  if (!m) return undefined;
  return { reach: 'levels', levels: levelsOf(vietnameseKey(m[0])), cue: m[0] };
}

/** Every scope cue in `text` (NFC), in text order; overlapping weaker readings dropped. */
export function scopeCues(text: string): Cue[] {
  const key = vietnameseKey(text);
  const cues: Cue[] = [];
  // Each phrase has a word it cannot do without; most paragraphs lack most of them, and a
  // substring check is far cheaper than a scan with the phrase (measured: bench:pdf).
  const has = (...words: string[]) => words.some((w) => key.includes(w));
  if (has('cấp ', 'các ')) for (const m of key.matchAll(LEVELS_PHRASE)) {
    cues.push({ start: m.index, end: m.index + m[0].length, scope: { reach: 'levels', levels: levelsOf(m[1]!), cue: text.slice(m.index, m.index + m[0].length) } });
  }
  if (has(' và ') && JOINT_HINT.test(key)) for (const m of key.matchAll(JOINT_LEVELS_PHRASE)) {
    if (/^\s*\p{Lu}/u.test(text.slice(m.index + m[0].length))) continue;
    cues.push({ start: m.index, end: m.index + m[0].length, scope: { reach: 'levels', levels: levelsOf(`${m[1]!} ${m[2]!}`), cue: text.slice(m.index, m.index + m[0].length) } });
  }
  if (has('ngành')) for (const m of key.matchAll(AGENCIES_PHRASE)) {
    cues.push({ start: m.index, end: m.index + m[0].length, scope: { reach: 'levels', levels: ['province'], cue: text.slice(m.index, m.index + m[0].length) } });
  }
  if (has('bộ phận', 'trung tâm')) for (const m of key.matchAll(OFFICE_PHRASE)) {
    const level = m[1] ? LEVEL_OF[m[1]] : /trung tâm/u.test(m[0]) ? 'province' : undefined;
    const cue = text.slice(m.index, m.index + m[0].length);
    cues.push({ start: m.index, end: m.index + m[0].length, scope: level ? { reach: 'levels', levels: [level], cue } : { reach: 'own', cue } });
  }
  if (has('toàn', 'trên địa bàn', 'trên phạm vi')) for (const m of key.matchAll(AREA_PHRASE)) {
    cues.push({ start: m.index, end: m.index + m[0].length, scope: { reach: 'area', levels: [LEVEL_OF[m[1] ?? m[2]!]!], cue: text.slice(m.index, m.index + m[0].length) } });
  }
  if (has('ubnd', 'ủy ban nhân dân')) for (const m of key.matchAll(COUNCIL_SUBJECT)) {
    cues.push({ start: m.index, end: m.index + m[0].length, weak: true, scope: { reach: 'levels', levels: [LEVEL_OF[m[1]!]!], cue: text.slice(m.index, m.index + m[0].length) } });
  }
  if (has('công an', 'bảo hiểm', 'kho bạc', 'thuế', 'đăng ký đất đai', 'điện lực', 'bưu điện')) for (const m of text.matchAll(AGENCY)) {
    cues.push({ start: m.index, end: m.index + m[0].length, scope: { reach: 'named', name: m[0].replace(/\s+/g, ' '), cue: m[0] } });
  }
  if (BODY_HINT.test(text)) for (const m of text.matchAll(STATE_BODY)) {
    if (!/^\p{Lu}/u.test(m[0])) continue;
    // `Sở Tư pháp tỉnh Hải Dương`: the place after a department is whose department it is, no cue of its own.
    const end = m.index + m[0].length + (BODY_PLACE.exec(text.slice(m.index + m[0].length))?.[0].length ?? 0);
    cues.push({ start: m.index, end, scope: { reach: 'named', name: m[0].replace(/\s+/g, ' '), cue: text.slice(m.index, end) } });
  }
  if (NAMED_HINT.test(text)) for (const m of text.matchAll(NAMED)) {
    const office = OFFICE_BEFORE_NAME.exec(text.slice(Math.max(0, m.index - 60), m.index));
    cues.push({ start: m.index, end: m.index + m[0].length, scope: { reach: 'named', name: m[0].replace(/\s+/g, ' '), cue: `${office?.[0] ?? ''}${m[0]}` } });
  }
  if (text.includes('(')) for (const m of text.matchAll(NAME_BEFORE_FIGURE)) {
    cues.push({ start: m.index, end: m.index + m[0].length, scope: { reach: 'named', name: m[0].replace(/\s+/g, ' '), cue: m[0] } });
  }
  if (text.includes('Riêng') || text.includes('riêng')) cues.push(...subsetCues(text, cues));
  // Longest first at a position, then drop what a kept cue covers.
  cues.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Cue[] = [];
  for (const c of cues) {
    const last = kept.at(-1);
    if (last && c.start < last.end) continue;
    kept.push(attachedToEarlierNumber(text, c) ? { ...c, attached: true } : c);
  }
  return kept;
}

/**
 * `Riêng các hồ sơ thuộc thẩm quyền cấp xã, có tổng số 2.760, với 2.602 …`, `Riêng lĩnh vực đất
 * đai, …`: the figures that follow are of that part only, not the unit's whole, and not to be
 * added to or compared with its other figures. `Riêng cấp xã …`, `Riêng Bộ phận Một cửa huyện …`
 * name a level or office, read as such.
 */
const SUBSET = /(?<![\p{L}\p{M}])[Rr]iêng\s+([^,:;.()\d]{3,90}?)(?=\s*[,:]|\s+(?:đã|có|tiếp nhận|giải quyết)(?![\p{L}\p{M}]))/gu;

function subsetCues(text: string, cues: readonly Cue[]): Cue[] {
  const found: Cue[] = [];
  for (const m of text.matchAll(SUBSET)) {
    const start = m.index + m[0].length - m[1]!.length;
    const leading = /^(?:(?:các|tại|ở)\s+)?/u.exec(m[1]!)![0].length;
    if (cues.some((c) => c.start === start + leading)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, local: true, scope: { reach: 'named', name: m[0].replace(/\s+/g, ' '), cue: m[0] } });
  }
  return found;
}

const CLAUSE_BREAK = /[;.!?]/u;
/** Words that attach a following place to the figure before it. */
const LOCATIVE = /^\s*(?:hồ sơ|thủ tục|tthc)?[^,;.()\d]{0,25}?(?:tại|ở|của|thuộc)\s+(?:(?:ubnd|ủy ban nhân dân)\s+)?$/iu;

/**
 * The scope of the number at [at, atEnd) of `text` from the cues of its sentence
 * [sentenceStart, sentenceEnd): a locative after it in its clause, else the nearest cue
 * before it (a weak one only in its clause).
 */
export function sentenceScope(text: string, cues: readonly Cue[], sentenceStart: number, at: number, atEnd: number, sentenceEnd: number, withAfter = true): Omit<FactScope, 'from'> | undefined {
  const clauseEnd = nextBreak(text, atEnd, sentenceEnd);
  const after = withAfter && cues.find((c) => c.start >= atEnd && c.end <= clauseEnd && !/\d/.test(text.slice(atEnd, c.start))
    && (LOCATIVE.test(text.slice(atEnd, c.start)) || attachedAfterNoun(text, atEnd, c)));
  if (after) return after.scope;
  const clauseStart = Math.max(sentenceStart, ...[',', ';', '(', ':'].map((ch) => text.lastIndexOf(ch, at - 1) + 1));
  for (let i = cues.length - 1; i >= 0; i--) {
    const c = cues[i]!;
    if (c.end > at) continue;
    if (c.start < sentenceStart) break;
    if ((!c.weak || c.start >= clauseStart) && !c.attached && !closedBefore(text, c, at)) return c.scope;
  }
  return undefined;
}

/** `134 thủ tục cấp xã`: a level right after the counted noun belongs to that number alone. */
const NOUN_THEN_LEVEL = /^\s*[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+){0,3}\s+$/u;

function attachedAfterNoun(text: string, numberEnd: number, cue: Cue): boolean {
  return cue.scope.reach === 'levels' && /^(?:cấp|các)\s/iu.test(cue.scope.cue ?? '') && NOUN_THEN_LEVEL.test(text.slice(numberEnd, cue.start))
    && !/(?:tiếp nhận|giải quyết|đạt|chiếm|của|tại|ở|được|đã)/iu.test(text.slice(numberEnd, cue.start));
}

function attachedToEarlierNumber(text: string, cue: Cue): boolean {
  const m = /(\d)([^\d]*)$/u.exec(text.slice(Math.max(0, cue.start - 40), cue.start));
  return m !== null && attachedAfterNoun(text, cue.start - (m[2] ?? '').length, cue);
}

/** A cue in brackets that close before the number names only what the brackets say (`01 hồ sơ quá hạn (xã Nguyễn Huệ), …`). */
function closedBefore(text: string, cue: Cue, at: number): boolean {
  const open = text.lastIndexOf('(', cue.start);
  if (open < 0) return false;
  const close = text.indexOf(')', cue.end);
  return close >= 0 && close < at && !text.slice(open, cue.start).includes(')');
}

function nextBreak(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (CLAUSE_BREAK.test(text[i]!) && !/\d/.test(text[i + 1] ?? '') && !UNIT_ABBREVIATION.test(text.slice(Math.max(0, i - 3), i))) return i;
  return limit;
}

/** The press's unit abbreviations end in a dot that ends no clause (`tại UBND P.Phạm Ngũ Lão`). */
const UNIT_ABBREVIATION = new RegExp(`(?:^|[^\\p{L}\\p{M}])${PRESS_ABBREVIATION}$`, 'u');

/** The scope a whole sentence leaves for the next ones: its last strong cue. */
export function lastStrongScope(cues: readonly Cue[], start: number, end: number): Omit<FactScope, 'from'> | undefined {
  return cues.filter((c) => !c.weak && !c.local && c.start >= start && c.end <= end).at(-1)?.scope;
}
