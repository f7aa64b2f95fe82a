import type { Certainty, FactScope, FileRole } from '../../../schemas/fact/v1.ts';
import type { NumericToken } from '../numbers/index.ts';
import { opensBracket } from './brackets.ts';
import { fileRoleOf, isFileNoun, withinParent } from './file-role.ts';
import { countedUnitsScope, lastStrongScope, scopeCues, sentenceScope } from './figure-scope.ts';
import type { SentenceSpan } from './sentence-splitter.ts';

/**
 * What a figure is beyond its number: whose (scope), its place in the flow of files (role)
 * and how exactly it was printed (certainty). One context per document: it carries the
 * scope a heading or an earlier sentence of the paragraph set, and reads each figure's
 * own words. See figure-scope.ts and file-role.ts for the classes of statements.
 */
export interface FigureReading {
  scope: FactScope;
  role?: FileRole;
  /** The role came from the clause before the figure, not its own words. */
  roleInferred?: true;
  certainty: Certainty;
}

const VALUE_KINDS = new Set<NumericToken['kind']>(['quantity', 'percent', 'ratio', 'money']);
// `và` ends a clause only right before the number: `tiếp nhận và giải quyết 3.201` is one verb.
const CLAUSE_SPLIT = /[,;()]|(?<![\p{L}\p{M}])trong đó(?![\p{L}\p{M}])|(?<![\p{L}\p{M}])(?:và|hoặc)\s*$/iu;
/** Early files listed apart from those on time. */
/** Early files listed apart from on-time ones (`trước hạn 120, đúng hạn 900`), not together (`trước và đúng hạn`, `đúng và trước hạn`). */
export const EARLY_APART = /(?<!đúng (?:hạn |hẹn )?và )(?:trước|sớm) (?:hạn|hẹn)(?! và đúng)(?!,? đúng)/iu;
/** A short line that only names a level or office: `b) Cấp xã:`, `- Tại Bộ phận Một cửa huyện:`. */
const LABEL_LINE_MAX = 90;

export class FigureContext {
  private headingScope: Omit<FactScope, 'from'> | undefined;
  private text = '';
  private cues: ReturnType<typeof scopeCues> = [];
  private carried: Omit<FactScope, 'from'> | undefined;
  /** The paragraph lists early files apart from those on time. */
  private earlyApart = false;

  /**
   * Starts a paragraph; a heading (or a short label line) sets or clears the heading scope. The
   * scope the last sentence left carries on into the next paragraph until a heading: reports
   * go on about the subject they named (`… toàn tỉnh đã tiếp nhận …` ¶ `Trong số hồ sơ còn lại …`).
   */
  paragraph(text: string, heading: boolean): void {
    this.text = text;
    this.cues = scopeCues(text);
    this.earlyApart = EARLY_APART.test(text);
    const labelLine = heading || (text.length <= LABEL_LINE_MAX && /:\s*$/u.test(text)) || sectionTitle(text);
    if (labelLine && !/\d{2,}/u.test(text.replace(/^\s*[\dIVX]+(?:\.\d+)*[.)]?\s*/u, ''))) {
      this.headingScope = lastStrongScope(this.cues, 0, text.length);
      this.carried = undefined;
    }
  }

  /** After a sentence: its last strong cue carries to the next sentences. */
  sentenceDone(sentence: SentenceSpan): void {
    this.carried = lastStrongScope(this.cues, sentence.start, sentence.end) ?? this.carried;
  }

  read(token: NumericToken, noun: string | undefined, sentence: SentenceSpan, tokens: readonly NumericToken[]): FigureReading {
    const clause = this.text.slice(sentence.start, token.start).split(/[,;(]/u).at(-1) ?? '';
    // A bare number after a label that names files counts them (`Số hồ sơ đã giải quyết: 9.986 (…)`, `12.262/17.108`).
    const aboutFiles = isFileNoun(noun) || token.kind === 'percent' || ((token.kind === 'ratio' || token.kind === 'quantity') && noun === undefined && /hồ sơ/iu.test(clause));
    const role = aboutFiles ? this.roleOf(token, noun, sentence, tokens) : undefined;
    const counted = token.kind === 'quantity' || token.kind === 'ratio' ? countedUnitsScope(noun) : undefined;
    return { scope: counted ? { ...counted, from: 'sentence' } : this.scopeOf(token, sentence, tokens), ...(role ? { role: role.role } : {}), ...(role?.inferred ? { roleInferred: true } : {}), certainty: certaintyOf(token) };
  }

  scopeOf(token: NumericToken, sentence: SentenceSpan, tokens: readonly NumericToken[] = []): FactScope {
    const own = sentenceScope(this.text, this.cues, sentence.start, Math.min(token.start, token.qualifierSpan?.start ?? token.start), token.end, sentence.end);
    if (own) return { ...own, from: 'sentence' };
    // A part listed under its total (`UBND phường đã tiếp nhận 3.718 hồ sơ, trong đó có 2.255 hồ sơ
    // được nộp trực tuyến`) is of the total's scope.
    // Only a subject's scope passes down, in the parent's clause: not a level attached after the
    // parent's noun (`134 thủ tục cấp xã; trong đó …` lists the 2.268's parts, not the 134's).
    const parent = tokens.length > 0 ? this.parentOf(token, sentence, tokens) : undefined;
    const sameList = parent !== undefined && !this.text.slice(parent.end, token.start).includes(';');
    const parentScope = parent && sameList ? sentenceScope(this.text, this.cues, sentence.start, Math.min(parent.start, parent.qualifierSpan?.start ?? parent.start), parent.end, sentence.end, false) : undefined;
    if (parentScope) return { ...parentScope, from: 'sentence' };
    if (this.carried) return { ...this.carried, from: 'paragraph' };
    if (this.headingScope) return { ...this.headingScope, from: 'heading' };
    return { reach: 'unstated' };
  }

  private roleOf(token: NumericToken, noun: string | undefined, sentence: SentenceSpan, tokens: readonly NumericToken[]): { role: FileRole; inferred: boolean } | undefined {
    const words = fileRoleOf(this.wordsOf(token, noun, sentence, tokens));
    const own = words ?? this.roleOfClauseBefore(token, sentence);
    const parent = this.parentOf(token, sentence, tokens);
    const role = parent ? withinParent(own, fileRoleOf(this.wordsOf(parent, undefined, sentence, tokens))) : own;
    if (!role) return undefined;
    // `đúng hạn` counts the early files too unless the report lists them apart (catalog: hoso.on_time).
    return { role: role === 'on-time' && !this.earlyApart ? 'early-or-on-time' : role, inferred: words === undefined };
  }

  /**
   * The words that name a figure: its clause before it (back to `,`, `;`, `(`, `và`, `còn`; past
   * a label's colon: `Đã giải quyết: 18.642`) and the words after its noun up to the next
   * punctuation, `và` or `còn` (`689 hồ sơ quá hạn`).
   */
  private wordsOf(token: NumericToken, noun: string | undefined, sentence: SentenceSpan, tokens: readonly NumericToken[]): string {
    const previous = tokens.filter((t) => t.end <= token.start && VALUE_KINDS.has(t.kind)).at(-1);
    const from = Math.max(sentence.start, previous?.end ?? sentence.start);
    const head = this.text.slice(from, Math.min(token.start, token.qualifierSpan?.start ?? token.start));
    const pieces = head.split(CLAUSE_SPLIT);
    let before = pieces.at(-1) ?? '';
    if (/^[\s:–-]*$/u.test(before) && /:\s*$/u.test(head) && pieces.length >= 2) before = pieces.at(-2) ?? '';
    // The noun right after the figure, not the next figure's (`399 hồ sơ trước hạn (chiếm 26,6%), 1.093 hồ sơ đúng hạn`).
    const near = noun ? this.text.slice(token.end, token.end + 12 + noun.length).indexOf(noun) : -1;
    const nounAt = near >= 0 && /^[^\d(),;]*$/u.test(this.text.slice(token.end, token.end + near)) ? near : -1;
    const nounEnd = nounAt < 0 ? token.end : token.end + nounAt + noun!.length;
    // … up to the next figure's words: `259 hồ sơ đúng hạn và chỉ tám hồ sơ quá hạn` names 259 on time.
    let after = (/^[^,;.()\d]{0,40}/u.exec(this.text.slice(nounEnd, sentence.end))?.[0] ?? '').split(FIGURE_JOIN)[0]!;
    // `và giải quyết` after the noun starts the next figure's verb unless a verb came before it
    // (`đã tiếp nhận 94.665 hồ sơ thủ tục hành chính và giải quyết 94.985 hồ sơ`; but `hồ sơ được tiếp nhận và giải quyết`).
    const nextVerb = NEXT_VERB.exec(after);
    if (nextVerb && !FLOW_VERB.test(after.slice(0, nextVerb.index))) after = after.slice(0, nextVerb.index);
    // The noun may hold words of the step when it is an abbreviation the reader extends (`1,07 ngàn HS kỳ trước chuyển sang`).
    return `${before} ${noun ?? ''} ${after}`;
  }

  /** A figure listed under a clause that names the step (`Các sở tiếp nhận nhiều: Sở A 1,7 ngàn HS, …`). */
  private roleOfClauseBefore(token: NumericToken, sentence: SentenceSpan): FileRole | undefined {
    const pieces = this.text.slice(sentence.start, token.start).split(CLAUSE_SPLIT);
    for (let i = pieces.length - 1; i >= 0; i--) {
      const role = fileRoleOf(pieces[i]!);
      if (role) return role;
    }
    return undefined;
  }

  /** The figure whose parts this one is: the value before an open `(` or a `trong đó` that precedes it. */
  private parentOf(token: NumericToken, sentence: SentenceSpan, tokens: readonly NumericToken[]): NumericToken | undefined {
    const values = tokens.filter((t) => t.end <= token.start && VALUE_KINDS.has(t.kind) && t.start >= sentence.start);
    // `Trong số 3.405 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 2.436 hồ sơ và có 969 hồ sơ đã quá hạn`.
    const among = values.find((t) => /trong số\s*$/iu.test(this.text.slice(sentence.start, t.start)));
    if (among) return among;
    for (let i = values.length - 1; i >= 0; i--) {
      const between = this.text.slice(values[i]!.end, token.start);
      // `… gồm 7.172 hồ sơ, có 5.950 hồ sơ chưa đến hạn và 1.222 hồ sơ đã quá hạn`: `, có` lists its parts too.
      if (opensBracket(between) || /(?<![\p{L}\p{M}])(?:trong đó|gồm|bao gồm)(?![\p{L}\p{M}])|^[^,;]*,\s*có\s/iu.test(between)) return values[i];
    }
    return undefined;
  }
}

/** Approximate: a bound word (hơn, gần, trên, khoảng …) or a count printed in a scale (`16 nghìn hồ sơ`). */
export function certaintyOf(token: NumericToken): Certainty {
  if (token.qualifier) return 'approximate';
  if (token.kind === 'quantity' && token.scale) return 'approximate';
  return 'exact';
}

/**
 * A numbered section title in capitals (`II. CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH`, `3. CẢI CÁCH
 * TÀI CHÍNH CÔNG`) is a heading wherever the reader did not mark one: administrative reports
 * number their sections so, and a new section speaks of a new subject.
 */
/**
 * `và` / `còn` joining the next figure (`259 hồ sơ đúng hạn và chỉ tám hồ sơ quá hạn`), not one
 * inside a step's name (`đúng và trước hạn`, `tiếp nhận và giải quyết`).
 */
const FIGURE_JOIN = /\s(?:và|còn)\s(?!(?:trước|đúng|sớm)(?:\s(?:hạn|hẹn))?(?![\p{L}\p{M}])|giải quyết|xử lý|trả kết quả)/u;

const NEXT_VERB = /\s(?:và)\s(?=giải quyết|xử lý|trả kết quả)/u;
const FLOW_VERB = /tiếp nhận|giải quyết|xử lý|trả kết quả|nộp/u;

const SECTION_NUMBER = /^\s*(?:[IVXL]+|[A-Z]|\d+(?:\.\d+)*)[.)]\s+\S/u;
const SECTION_TITLE_MAX = 160;

function sectionTitle(text: string): boolean {
  return text.length <= SECTION_TITLE_MAX && SECTION_NUMBER.test(text) && /\p{Lu}{2}/u.test(text) && text === text.toLocaleUpperCase('vi-VN');
}
