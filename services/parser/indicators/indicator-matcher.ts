import { candidateAliases, containsRun, INDICATOR_INDEX, MAX_GAP, type CompiledAlias, type CompiledIndicator, type IndicatorIndex } from './indicator-index.ts';
import { findPhrase, toWords, type PhraseMatch, type Words } from './indicator-text.ts';

/**
 * Maps a figure's label (and, when known, the noun it counts, its sentence and its fact kind)
 * to a catalog indicator.
 *
 * Text and aliases are compared as words (indicator-text.ts: lowercase NFC, one tone
 * placement, abbreviations expanded, punctuation dropped). Every alias of every indicator is
 * looked for in the label, then in the noun, then in the sentence; each hit scores the product of:
 *
 *   place      1.00 in the label, 0.90 in the counted noun (`04 cuộc đối thoại`), 0.65 only in
 *              the sentence (which also speaks of other figures: only an alias of three or
 *              more words whose noun agrees can pass from there)
 *   spelling   1.00 word for word; 0.80 when a word typed without diacritics matched by its
 *              folded form (`ho so` ~ `hồ sơ`). A word that carries diacritics must match them:
 *              `hộ số` never matches `hồ sơ`.
 *   length     0.70 for a one-word alias, 0.85 for two, 1.00 for three or more
 *   noun       with `context.noun`: 1.00 if it names one of the indicator's nouns, 0.40 if not,
 *              0.95 when the indicator lists none. Without it: 1.00 if a noun occurs in the
 *              label (outside the alias) or the sentence, or the alias names it; 0.85 if not.
 *   kind       a rate cue (kind rate/ratio/share/coverage; without a kind, `tỷ lệ` or `%` in the
 *              label) favours percentages: percent 1.00, count 0.60 — but a count indicator
 *              whose percentage twin exists (catalog `ratio.numerator`) is promoted to the
 *              twin at 0.95; one without a twin gets 0.75 when the fact names what it counts
 *              (kind ratio, share, coverage: `80,37% công chức có trình độ đại học`).
 *              Without a cue: count 1.00, percent 0.85, VND 0.90. kind `money`:
 *              VND 1.00, others 0.50; kind `count`: percent 0.50.
 *   priority   the indicator's catalog priority (noun-phrase entries such as staff.total: 0.9)
 *
 * A hit whose words lie inside a longer hit's (same place, that hit scoring at least the
 * threshold) is dropped: `giải quyết quá hạn` inside `đang giải quyết quá hạn`.
 * The best remaining hit wins; ties go to the longer alias (`tiếp nhận và giải quyết` beats
 * `giải quyết`), then to catalog order. No match is reported when the best score is below
 * MATCH_THRESHOLD (0.6: a two-word alias found only in the sentence, 0.65 × 0.85, is too
 * weak; so is a label whose noun contradicts, × 0.40), or when two indicators tie on score
 * and alias length — `đã giải quyết` with no noun could be files or feedback, and a wrong
 * code is worse than none.
 *
 * Combined phrases: `tiếp nhận và giải quyết N hồ sơ` is hoso.received (N is the intake that
 * was handled; a resolved count, when stated, comes in its own phrase). `sớm và đúng hẹn`,
 * `trước hạn và đúng hạn` are hoso.on_time; `trước hạn` alone is hoso.early.
 */
export interface IndicatorContext {
  /** The figure's label, e.g. `đã tiếp nhận và giải quyết` or a table row `Số lượng TTHC cấp xã`. */
  label: string;
  /** What the figure counts, e.g. `hồ sơ`, `thủ tục`, `cán bộ, công chức`. */
  noun?: string;
  /** The whole sentence, for context the label lacks. */
  sentence?: string;
  /** The fact kind (schemas/fact/v1.ts FactKind): `count`, `rate`, `ratio`, `share`, `money`, … */
  kind?: string;
}

export interface IndicatorMatch {
  code: string;
  /** The catalog alias that matched, as written there. */
  alias: string;
  /** 0–1; see the table above. */
  score: number;
  /** Found only in the sentence, not in the figure's own label or noun: the sentence may speak of other figures. */
  fromSentence?: true;
}

export const MATCH_THRESHOLD = 0.6;

const RATE_KINDS = new Set(['rate', 'ratio', 'share', 'coverage']);
const KNOWN_KINDS = new Set([...RATE_KINDS, 'count', 'money', 'breakdown', 'enumeration', 'change']);
type Place = 'label' | 'noun' | 'sentence';
/** Where an alias is looked for, in order: the label, the counted noun (`04 cuộc đối thoại`), the sentence. */
const PLACES: readonly Place[] = ['label', 'noun', 'sentence'];
const PLACE_FACTOR: Readonly<Record<Place, number>> = { label: 1, noun: 0.9, sentence: 0.65 };
const FOLDED = 0.8;
const NOUN = { agree: 1, none: 0.95, unseen: 0.85, disagree: 0.4 } as const;
const PROMOTED = 0.95;

interface Texts {
  label: Words;
  noun: Words | undefined;
  sentence: Words | undefined;
}

interface Cues {
  rate: boolean;
  /**
   * The fact names what it counts besides the rate — a ratio (`845.938/846.314 hồ sơ`), a share
   * (`80,37% công chức có trình độ đại học`), a coverage: a count reading is less off than for a bare %.
   */
  namesCount: boolean;
  money: boolean;
  count: boolean;
}

interface Hit extends IndicatorMatch {
  length: number;
  order: number;
  place: Place;
  start: number;
  end: number;
}

/** The indicator a figure measures, or undefined when no alias fits well enough or two fit equally. */
export function matchIndicator(context: IndicatorContext, index: IndicatorIndex = INDICATOR_INDEX): IndicatorMatch | undefined {
  const ranked = rank(context, index);
  const best = ranked[0];
  if (!best || best.score < MATCH_THRESHOLD) return undefined;
  const rival = ranked.find((h) => h.code !== best.code);
  if (rival && Math.abs(rival.score - best.score) < 1e-9 && rival.length === best.length) return undefined;
  return { code: best.code, alias: best.alias, score: best.score, ...(best.place === 'sentence' ? { fromSentence: true as const } : {}) };
}

/** Every indicator that matched at all, best first, one entry per code (for diagnostics). */
export function rankIndicators(context: IndicatorContext, index: IndicatorIndex = INDICATOR_INDEX): IndicatorMatch[] {
  return rank(context, index).map(({ code, alias, score }) => ({ code, alias, score }));
}

function rank(context: IndicatorContext, index: IndicatorIndex): Hit[] {
  const texts: Texts = {
    label: toWords(context.label, index.rules),
    noun: context.noun ? toWords(context.noun, index.rules) : undefined,
    sentence: context.sentence ? toWords(context.sentence, index.rules) : undefined,
  };
  const cues = cuesOf(context);
  const hits: Hit[] = [];
  for (const n of candidateAliases(index, [texts.label, texts.noun, texts.sentence])) {
    const { indicator, alias } = index.aliases[n]!;
    const hit = scoreAlias(indicator, alias, texts, cues, index);
    if (hit) hits.push(hit);
  }
  // A phrase inside a longer matching phrase is not a reading of its own:
  // `giải quyết quá hạn` inside `đang giải quyết quá hạn`, `giải quyết` inside `tiếp nhận và giải quyết`.
  const standing = hits.filter((h) => !hits.some((o) => o !== h && o.score >= MATCH_THRESHOLD && o.place === h.place
    && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  const best = new Map<string, Hit>();
  for (const hit of standing) {
    const kept = best.get(hit.code);
    if (!kept || better(hit, kept)) best.set(hit.code, hit);
  }
  return [...best.values()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}

/**
 * Higher score; then, of two phrases that overlap in the same place, the one that ends later: a
 * Vietnamese modifier follows its head, so the later phrase is the narrower reading (`số hồ sơ
 * tiếp nhận trực tuyến`: received online, not received); then the longer alias; then catalog order.
 */
function better(a: Hit, b: Hit): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (overlapApart(a, b)) return a.end > b.end;
  if (a.length !== b.length) return a.length > b.length;
  return a.order < b.order;
}

/** Two phrases in the same place that share words, neither inside the other. */
function overlapApart(a: Hit, b: Hit): boolean {
  return a.place === b.place && a.start < b.end && b.start < a.end && (a.start < b.start) === (a.end < b.end) && a.start !== b.start && a.end !== b.end;
}

function scoreAlias(indicator: CompiledIndicator, alias: CompiledAlias, texts: Texts, cues: Cues, index: IndicatorIndex): Hit | undefined {
  let place: Place | undefined;
  let match: PhraseMatch | undefined;
  for (const candidate of PLACES) {
    const words = texts[candidate];
    match = words ? findAlias(words, alias) : undefined;
    if (match) {
      place = candidate;
      break;
    }
  }
  if (!match || !place) return undefined;
  const spelling = match.exact ? 1 : FOLDED;
  const length = Math.min(1, 0.55 + 0.15 * alias.length);
  const nounFactor = nounAgreement(indicator, alias, texts, place, match);
  const unit = indicator.definition.unit;
  let code = indicator.definition.code;
  let kind: number;
  if (cues.money) kind = unit === 'VND' ? 1 : 0.5;
  else if (cues.rate) {
    const twin = unit === 'count' ? index.rateOf.get(code) : undefined;
    if (twin) {
      code = twin;
      kind = PROMOTED;
    } else {
      kind = unit === 'percent' ? 1 : cues.namesCount ? 0.75 : 0.6;
    }
  } else if (cues.count) kind = unit === 'percent' ? 0.5 : 1;
  else kind = unit === 'percent' ? 0.85 : unit === 'VND' ? 0.9 : 1;
  const priority = indicator.definition.priority ?? 1;
  const score = round(PLACE_FACTOR[place] * spelling * length * nounFactor * kind * priority);
  return { code, alias: alias.text, score, length: alias.length, order: indicator.order, place, start: match.start, end: match.end };
}

/**
 * Where an alias occurs in a text, remembered per text: the facts of one sentence are
 * matched against the same sentence, and toWords hands back the same Words for it.
 */
const aliasesFound = new WeakMap<Words, Map<CompiledAlias, PhraseMatch | null>>();

function findAlias(words: Words, alias: CompiledAlias): PhraseMatch | undefined {
  let found = aliasesFound.get(words);
  if (!found) aliasesFound.set(words, (found = new Map<CompiledAlias, PhraseMatch | null>()));
  let match = found.get(alias);
  if (match === undefined) found.set(alias, (match = findPhrase(words, alias.segments, MAX_GAP) ?? null));
  return match ?? undefined;
}

function nounAgreement(indicator: CompiledIndicator, alias: CompiledAlias, texts: Texts, place: Place, match: PhraseMatch): number {
  if (indicator.nouns.length === 0) return NOUN.none;
  if (texts.noun) return indicator.nouns.some((n) => texts.noun && findPhrase(texts.noun, [n], 0)) ? NOUN.agree : NOUN.disagree;
  if (alias.embedsNoun) return NOUN.agree;
  const label = place === 'label'
    ? { exact: blank(texts.label.exact, match), folded: blank(texts.label.folded, match), plain: texts.label.plain }
    : texts.label;
  const seen = indicator.nouns.some((n) => findPhrase(label, [n], 0) || (texts.sentence && findPhrase(texts.sentence, [n], 0)));
  return seen ? NOUN.agree : NOUN.unseen;
}

/** The words with the alias's own words blanked, so an alias word is not taken for the noun (gap words stay). */
function blank(words: string[], match: PhraseMatch): string[] {
  const taken = new Set(match.taken);
  return words.map((w, i) => (taken.has(i) ? '' : w));
}

/** The label as the rate cue reads it: only `tỉ lệ` spelt as `tỷ lệ` (one object, so toWords remembers its texts). */
const RATE_SPELLING = { abbreviations: {}, rewrites: [{ from: 'tỉ lệ', to: 'tỷ lệ' }] };

function cuesOf(context: IndicatorContext): Cues {
  const kind = context.kind;
  if (kind !== undefined && KNOWN_KINDS.has(kind)) {
    return { rate: RATE_KINDS.has(kind), namesCount: kind === 'ratio' || kind === 'share' || kind === 'coverage', money: kind === 'money', count: kind === 'count' };
  }
  const words = toWords(context.label, RATE_SPELLING).exact;
  return { rate: context.label.includes('%') || containsRun(words, ['tỷ', 'lệ']) || containsRun(words, ['phần', 'trăm']), namesCount: false, money: false, count: false };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
