import type { Fact } from '../../../schemas/fact/v1.ts';
import type { StructuredDocument } from '../document-model.ts';
import { tokenizeNumbers, type NumericToken } from '../numbers/index.ts';
import { factId } from '../fact-id.ts';
import { paragraphStream, type StreamParagraph } from './paragraph-stream.ts';
import { splitSentences, type SentenceSpan } from './sentence-splitter.ts';
import { readUnitNoun } from './unit-noun.ts';
import { opensBracket } from './brackets.ts';
import { FigureContext } from './figure-context.ts';
import { fileRoleOf, isFileNoun } from './file-role.ts';
import { rolePartition } from './role-partition.ts';
import { isIndexScore, isPoints, isRankCue, isThreshold } from './statement-kind.ts';

/**
 * Running text → facts, sentence by sentence. Each paragraph is tokenized once
 * (services/parser/numbers/) and split into sentences; dates, document numbers, years,
 * levels and the like are never read as quantities. In each sentence, in this order:
 *
 *   ratio / coverage  `a/b` + noun (`18/18 xã` → coverage when the noun is a unit or body),
 *                     with the reported rate when a percent follows shortly (`… đạt tỷ lệ 89,39%`)
 *   share             ≥ 2 percents listed with labels (`Đại học 66,06%, cao đẳng 2,75%`),
 *                     of the last count stated before them (this sentence or the one before)
 *   change            a percent after `tăng`/`giảm` (`tăng 6,5% so với năm 2018`)
 *   rate              any other percent; numerator = the count right before it in the clause,
 *                     denominator = an earlier count of the same noun, here or in the
 *                     sentence before, not smaller than the numerator
 *                     (`đã giải quyết 14.322 hồ sơ. Trong đó, đúng hạn 14.283 hồ sơ, đạt tỷ lệ 98,03%`)
 *   breakdown         a count or amount followed by `(`, `trong đó`, `gồm`, `cụ thể` or `:`
 *                     and then ≥ 2 counts of the same kind (`38 văn bản (gồm 10 nghị quyết, 28 quyết định)`)
 *   enumeration       a count followed by `:` and ≥ 2 names (`05 xã: A; B; C; D; E`)
 *   count, money      every quantity with a noun, every amount of money (in VND)
 * Evidence is the sentence: its page, its span in that page's text, and its text.
 */
const COVERAGE_NOUN = /^(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|đơn vị|cơ quan|sở|ban|ngành|bộ(?![\p{L}\p{M}]|\s+(?:hồ sơ|thủ tục|phận|chỉ số))|phòng|trường|trạm|thôn|bản|tổ dân phố|bộ phận|địa phương|UBND|Ủy ban nhân dân)/iu;
const VALUE_KINDS = new Set<NumericToken['kind']>(['quantity', 'percent', 'ratio', 'money']);
const RATE_CUE = /(?:đạt|tỷ lệ|tỉ lệ|chiếm|bằng)\s*(?:tỷ lệ|tỉ lệ|là)?\s*:?\s*$/iu;
const NESTED_CUE = /(?:trong đó|gồm|cụ thể)(?![\p{L}\p{M}])/iu;
const CHANGE_WORD = /(?:^|[^\p{L}\p{M}])(?:tăng|giảm|giải thể|thành lập mới)(?![\p{L}\p{M}])/iu;
const SUPERSCRIPTS = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/u;
const CHANGE_CUE = /(?:tăng|giảm|nâng|hạ)(?:\s+(?:thêm|lên|xuống|được|hơn))?\s*$/iu;
// The parts follow the total's noun directly, or a few words later when a bracket names them
// (`38 văn bản của cấp huyện (gồm 10 nghị quyết, 28 quyết định)`).
// `7.518 TTHC ở 3 cấp: tỉnh, huyện, xã, trong đó: …`: a place named by a count and its names may stand between.
const BREAKDOWN_CUE = /^\s*(?:\(\s*(?:gồm|trong đó)?:?|[,;]?\s*(?:trong đó|gồm(?: có)?|cụ thể|bao gồm)\s*:?|:|[^\d(),.;:]{0,60},\s*với(?![\p{L}\p{M}])|[^\d(),.;:]{1,60}(?:\(\s*(?:gồm|trong đó)|,\s*trong đó)\s*:?|\s*(?:ở|tại|của|thuộc)\s+\d{1,2}\s+[\p{L}\p{M} ]{1,20}:\s*[\p{L}\p{M} ,]{1,80},\s*trong đó\s*:?)/iu;

/** A place in a ranking without `thứ` (`nằm vị trí số 44`, `xếp hạng số 5`). */
const RANK_PLACE = /(?:vị trí|hạng)\s+số\s*$/iu;
/** A verb of ranking right before a place: a place alone (no `/63`) is a rank only after one. */
const RANK_VERB = /(?:xếp|đứng|nằm|giữ|vươn lên|tụt|lùi|đạt)(?:\s+(?:ở|tại|vào|lên|xuống))?(?:\s+(?:vị trí|hạng|thứ hạng))?(?:\s+số)?\s*$|(?:vị trí|hạng)\s*$/iu;

/** What a bare `tổng số N` may count, named earlier in its sentence. */
const TOTALLED_NOUN = /(?<![\p{L}\p{M}])(?:hồ sơ|thủ tục hành chính|thủ tục|TTHC|văn bản)(?![\p{L}\p{M}])/giu;

type Quantity = NumericToken & { value: number };

const isCount = (t: NumericToken): t is Quantity => t.kind === 'quantity' && t.value !== undefined;
const isCountOrMoney = (t: NumericToken): t is Quantity => (t.kind === 'quantity' || t.kind === 'money') && t.value !== undefined;

interface SentenceContext {
  tokens: NumericToken[];
  span: SentenceSpan;
}

export function statementFacts(reportId: string, doc: StructuredDocument): Fact[] {
  const facts: Fact[] = [];
  const context = new FigureContext();
  for (const para of paragraphStream(doc)) {
    const tokens = tokenizeNumbers(para.text);
    context.paragraph(para.text, para.heading ?? false);
    let previous: SentenceContext | undefined;
    for (const sentence of splitSentences(para.text)) {
      const own = tokens.filter((t) => t.start >= sentence.start && t.end <= sentence.end);
      facts.push(...new SentenceReader(reportId, para, sentence, own, previous, context).read());
      context.sentenceDone(sentence);
      previous = { tokens: own, span: sentence };
    }
  }
  return facts;
}

/**
 * Files settled on time, early or late are part of the files resolved, not a part beside
 * them: `tiếp nhận 21.196 hồ sơ, trong đó: Đã giải quyết 18.642 …, Giải quyết đúng hẹn 4.201 …;
 * Đang giải quyết 2.553` has the parts 18.642 and 2.553. (Catalog: hoso.on_time ⊂ hoso.resolved.)
 */
const RESOLVED = /(?:đã )?giải quyết\s*$/iu;
const TIMELINESS = /(?:đúng|sớm|trước|quá|trễ|chậm)\s+(?:hạn|hẹn)/iu;

function withoutTimelinessSubsets(parts: NonNullable<Fact['parts']>): NonNullable<Fact['parts']> {
  const hasResolved = parts.some((p) => RESOLVED.test(p.label.replace(/\s*hồ sơ$/iu, '')) && !TIMELINESS.test(p.label));
  return hasResolved ? parts.filter((p) => !TIMELINESS.test(p.label)) : parts;
}

/**
 * Two counted nouns name the same thing when one begins or ends the other
 * (`thủ tục` ⊂ `thủ tục hành chính`, `phản ánh, kiến nghị` ⊂ `ý kiến phản ánh, kiến nghị`).
 */
function sameNoun(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `) || x.endsWith(` ${y}`) || y.endsWith(` ${x}`);
}

class SentenceReader {
  private readonly consumed = new Set<NumericToken>();
  private readonly facts: Fact[] = [];
  private readonly evidence: Fact['evidence'];

  constructor(
    private readonly reportId: string,
    private readonly para: StreamParagraph,
    private readonly sentence: SentenceSpan,
    private readonly tokens: NumericToken[],
    private readonly previous: SentenceContext | undefined,
    private readonly context: FigureContext,
  ) {
    const first = para.locate(sentence.start);
    const last = para.locate(sentence.end - 1);
    const pageText = para.page.page === first.page ? para.page.text : '';
    const end = last.page === first.page ? last.offset + 1 : Math.max(first.offset, pageText.indexOf('\n', first.offset));
    this.evidence = { reportId, page: first.page, start: first.offset, end, quote: para.text.slice(sentence.start, sentence.end) };
  }

  read(): Fact[] {
    this.ranks();
    this.ratios();
    this.changes();
    this.rateBreakdowns();
    this.shares();
    this.rates();
    this.breakdowns();
    this.breakdownOfPreviousTotal();
    this.countsAndMoney();
    return this.facts;
  }

  private push(kind: Fact['kind'], token: NumericToken, fields: Omit<Fact, 'id' | 'reportId' | 'kind' | 'evidence'>, evidence = this.evidence): void {
    const noun = fields.unit === '%' || fields.unit === 'VND' || fields.unit === '' ? undefined : fields.unit;
    const reading = this.context.read(token, noun, this.sentence, this.tokens);
    // The quote ends where the sentence does; the figure's offsets are counted from its start.
    const quoteStart = this.sentence.end - evidence.quote.length;
    const figure = token.start >= quoteStart && token.end <= this.sentence.end ? { start: token.start - quoteStart, end: token.end - quoteStart } : undefined;
    this.facts.push({
      id: factId(this.reportId, evidence.page, evidence.start, evidence.end, kind, String(token.start)),
      reportId: this.reportId, kind, ...fields,
      ...(token.qualifier && !fields.qualifier ? { qualifier: token.qualifier } : {}),
      scope: reading.scope,
      // A change (`tăng 46% so với cùng kỳ`) is no number of files at any step of their flow.
      ...(kind !== 'change' && (fields.role ?? reading.role) ? { role: fields.role ?? reading.role } : {}),
      ...(kind !== 'change' && !fields.role && reading.roleInferred ? { roleInferred: true as const } : {}),
      certainty: fields.qualifier ? 'approximate' : reading.certainty,
      block: this.para.index,
      evidence: figure ? { ...evidence, figure } : evidence,
    });
  }

  /** A part of a breakdown with its role in the flow of files, when it counts files. */
  private part(label: string, token: NumericToken, value: number, noun: string | undefined): NonNullable<Fact['parts']>[number] {
    const role = this.context.read(token, noun, this.sentence, this.tokens).role;
    return { label, value, ...(role ? { role } : {}) };
  }

  /**
   * `xếp thứ 12/63`, `đứng thứ 5/63`, `xếp hạng 12/63`: a place out of a number, not a count; and
   * a place alone after a ranking verb (`đứng thứ 4 cả nước`, `xếp vị trí thứ 40`, `nằm vị trí số 44`).
   */
  private ranks(): void {
    this.tokens.forEach((t, i) => {
      const next = this.tokens[i + 1];
      const placeAlone = t.kind === 'quantity' && RANK_PLACE.test(this.para.text.slice(Math.max(this.sentence.start, t.start - 30), t.start));
      if ((t.kind !== 'ordinal' && !placeAlone) || t.value === undefined || (t.kind === 'ordinal' && !isRankCue(t.raw))) return;
      const outOf = next?.kind === 'quantity' && next.value !== undefined && /^\s*\/\s*$/u.test(this.para.text.slice(t.end, next.start));
      if (!outOf && !RANK_VERB.test(this.para.text.slice(Math.max(this.sentence.start, t.start - 30), t.start))) return;
      this.consumed.add(t);
      if (outOf) this.consumed.add(next);
      const noun = outOf ? this.nounAfter(next) : undefined;
      this.push('rank', t, { label: this.labelBefore(t) || t.raw, value: t.value, ...(outOf ? { denominator: next.value } : {}), unit: noun ?? '' });
    });
  }

  private nounAfter(t: NumericToken): string | undefined {
    const marks = SUPERSCRIPTS.exec(this.para.text.slice(t.end))?.[0].length ?? 0;
    return readUnitNoun(this.para.text, t.end + marks)?.noun ?? this.totalNamedBefore(t);
  }

  /**
   * A bare total after `tổng số` counts what its sentence named before it: `Riêng các hồ sơ thuộc
   * thẩm quyền cấp xã, có tổng số 2.760, với 2.602 hồ sơ …`, `Về thủ tục hành chính: tổng số là 1.234.`
   */
  private totalNamedBefore(t: NumericToken): string | undefined {
    if (t.kind !== 'quantity') return undefined;
    const before = this.para.text.slice(this.sentence.start, t.start);
    if (/(?:tổng số|tổng cộng)(?:\s+(?:là|có))?\s*:?\s*$/iu.test(before)) return [...before.matchAll(TOTALLED_NOUN)].at(-1)?.[0].toLowerCase();
    // `Số hồ sơ hoàn thành toàn bộ quy trình số hóa là 9.143`, `…, tiếp nhận mới là 1.545, …`: the
    // clause's subject names it, or the clause names a step of the flow of files its sentence spoke of.
    if (!/(?:là|:)\s*$/u.test(before)) return undefined;
    const clause = before.split(/[,;(]/u).at(-1) ?? '';
    const subject = [...clause.matchAll(TOTALLED_NOUN)].at(-1)?.[0].toLowerCase();
    if (subject) return subject;
    return fileRoleOf(clause) && /hồ sơ/iu.test(before) ? 'hồ sơ' : undefined;
  }

  /** Where the words before a token end: before its qualifier when the qualifier comes first. */
  private headEnd(t: NumericToken): number {
    return Math.min(t.start, t.qualifierSpan?.start ?? t.start);
  }

  /** Up to five whole words before the token (and its qualifier), back to the clause start. */
  private labelBefore(t: NumericToken, sentence: SentenceSpan = this.sentence): string {
    const from = Math.max(sentence.start, t.start - 80);
    const head = this.para.text.slice(from, this.headEnd(t));
    // `Giải quyết đúng hẹn: 4.845 hồ sơ`: nothing between the colon and the number, so the label is before it.
    const pieces = head.split(/[,;:().!?\d]/u);
    const chosen = pieces.length >= 2 && pieces.at(-1)!.trim() === '' && /:\s*$/.test(head) ? pieces.length - 2 : pieces.length - 1;
    const clause = pieces[chosen] ?? '';
    const words = clause.trim().split(/\s+/u).filter(Boolean);
    // A window that starts inside a word would show half of it.
    if (from > sentence.start && words.length > 0 && chosen === 0 && !/\s/.test(this.para.text[from - 1] ?? ' ')) words.shift();
    return words.slice(-5).join(' ');
  }

  private label(t: NumericToken, noun: string | undefined): string {
    return [this.labelBefore(t), noun].filter(Boolean).join(' ').trim() || (noun ?? '');
  }

  private quantities(): Quantity[] {
    return this.tokens.filter(isCount);
  }

  private ratios(): void {
    for (const r of this.tokens.filter((t) => t.kind === 'ratio' && t.numerator !== undefined && t.denominator !== undefined)) {
      const noun = this.nounAfter(r);
      // The rate reported with the ratio: the next number in the sentence, if it is a percent
      // close by in its clause or introduced as one (`13/29⁵ đơn vị … theo đúng vị trí việc làm, đạt tỷ lệ 41,93%`).
      // Dates, document numbers and standards in between do not separate them (`43/43 … TCVN 9001:2008, đạt tỷ lệ 100%`).
      // A rate that prints its own fraction after it comes first: `đạt 47,8% (4.954.457/10.364.973)`.
      const before = this.tokens.filter((t) => t.end <= r.start && VALUE_KINDS.has(t.kind)).at(-1);
      const own = before?.kind === 'percent' && !this.consumed.has(before) && /^\s*\(\s*$/u.test(this.para.text.slice(before.end, r.start)) ? before : undefined;
      const next = this.tokens.find((t) => t.start >= r.end && VALUE_KINDS.has(t.kind));
      const cued = next !== undefined && RATE_CUE.test(this.para.text.slice(r.end, next.start));
      // Uncued, only a percent close by and in the same clause: `12/15 xã …; tỷ lệ hồ sơ trực tuyến 45%` is another figure.
      const close = next !== undefined && next.start - r.end < 40 && !/[;:]/u.test(this.para.text.slice(r.end, next.start));
      const rate = own ?? (next?.kind === 'percent' && (close || cued) ? next : undefined);
      if (rate) this.consumed.add(rate);
      if (noun && COVERAGE_NOUN.test(noun) && rate && isThreshold(rate, this.para.text.slice(r.end, rate.start))) {
        // `Có 5/9 huyện đạt tỷ lệ này dưới 3%`: how many units meet a threshold, not 5/9 = 3 %.
        this.push('threshold-count', r, { label: this.label(r, noun), numerator: r.numerator, denominator: r.denominator, rate: rate.value!, unit: noun });
        continue;
      }
      this.push(noun && COVERAGE_NOUN.test(noun) ? 'coverage' : 'ratio', r, {
        label: this.label(r, noun), numerator: r.numerator, denominator: r.denominator,
        ...(rate?.value !== undefined ? { rate: rate.value } : {}), unit: noun ?? '',
      });
    }
  }

  private shares(): void {
    const percents = this.tokens.filter((t) => t.kind === 'percent' && !this.consumed.has(t));
    let run: NumericToken[] = [];
    const flush = () => {
      if (run.length >= 2) {
        // `5 tỉnh … gồm: Bạc Liêu (7,4%), Sơn La (8,3%)`: each unit's own rate, not shares of the 5.
        const counted = this.baseBefore(run[0]!);
        const baseNoun = counted ? this.nounAfter(counted) : undefined;
        const base = counted && !(baseNoun && COVERAGE_NOUN.test(baseNoun)) ? counted : undefined;
        let labelStart = run[0]!.start;
        run.forEach((p, i) => {
          const from = i === 0 ? Math.max(this.sentence.start, p.start - 60) : run[i - 1]!.end;
          const label = this.para.text.slice(from, p.start).split(/[,;:]/u).at(-1)!.replace(/\b(?:đạt|chiếm|là)\s*$/iu, '').trim();
          labelStart = Math.min(labelStart, from);
          this.consumed.add(p);
          this.push('share', p, { label, rate: p.value!, unit: '%', ...(base ? { total: base.value } : {}) });
        });
      }
      run = [];
    };
    // In a share list each label comes before its percent, which is followed by a separator:
    // `Đại học 66,06%, cao đẳng 2,75% …`, unlike `100% cán bộ …, 99,94% viên chức …`.
    const closesItem = (p: NumericToken) => /^\s*(?:[,;.)]|và\s|$)/u.test(this.para.text.slice(p.end, this.sentence.end));
    for (const p of percents) {
      const prev = run.at(-1);
      const between = prev ? this.para.text.slice(prev.end, p.start) : '';
      if (!closesItem(p) || (prev && !(between.length < 60 && /[,;]/.test(between) && !/\d/.test(between)))) flush();
      if (closesItem(p)) run.push(p);
    }
    flush();
  }

  /** The last count stated before `t`: in this sentence, else in the previous one. */
  private baseBefore(t: NumericToken): Quantity | undefined {
    const here = this.quantities().filter((q) => q.end <= t.start).at(-1);
    const before = this.previous?.tokens.filter(isCount).at(-1);
    return here ?? before;
  }

  private changes(): void {
    for (const p of this.tokens.filter((t) => t.kind === 'percent' && !this.consumed.has(t) && t.value !== undefined)) {
      const head = this.para.text.slice(Math.max(this.sentence.start, p.start - 30), this.headEnd(p));
      if (!CHANGE_CUE.test(head)) continue;
      this.consumed.add(p);
      this.push('change', p, { label: this.labelBefore(p), value: p.value!, unit: '%' });
    }
  }

  /**
   * `tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 đạt 60,72% (mức độ 3 là 32,3%, mức độ 4 là 37,4%)`: a rate
   * with the rates of its groups in brackets after it. Whether they add up (groups of one base) or
   * average to it (rates of groups) is the rule's to tell (sum-mismatch.ts).
   */
  private rateBreakdowns(): void {
    for (const p of this.tokens.filter((t) => t.kind === 'percent' && !this.consumed.has(t) && t.value !== undefined)) {
      const open = /^\s*\(/u.exec(this.para.text.slice(p.end, this.sentence.end));
      if (!open) continue;
      const close = this.para.text.indexOf(')', p.end + open[0].length);
      if (close < 0 || close > this.sentence.end) continue;
      const inside = this.tokens.filter((t) => t.start > p.end && t.end <= close && VALUE_KINDS.has(t.kind));
      if (inside.length < 2 || inside.some((t) => t.kind !== 'percent' || t.value === undefined || this.consumed.has(t) || t.qualifier)) continue;
      const between = (t: NumericToken, i: number) => this.para.text.slice(i === 0 ? p.end + open[0].length : inside[i - 1]!.end, t.start);
      if (inside.some((t, i) => CHANGE_CUE.test(between(t, i)) || /so với/iu.test(between(t, i)))) continue;
      inside.forEach((t) => this.consumed.add(t));
      this.push('breakdown', p, {
        label: this.labelBefore(p), total: p.value!, unit: '%', cue: '(',
        parts: inside.map((t, i) => ({ label: between(t, i).replace(/^[\s,;]+|\s*(?:là|đạt|chiếm)?\s*$/gu, '').trim(), value: t.value! })),
      });
    }
  }

  private rates(): void {
    for (const p of this.tokens.filter((t) => t.kind === 'percent' && !this.consumed.has(t) && t.value !== undefined)) {
      if (isIndexScore(this.para.text.slice(Math.max(this.sentence.start, p.start - 80), p.start))) {
        // `Chỉ số SIPAS đạt 82,5%`: an index, not a share of counted things.
        this.consumed.add(p);
        this.push('score', p, { label: this.labelBefore(p), value: p.value!, unit: '%' });
        continue;
      }
      const numerator = this.quantities().filter((q) => q.end <= p.start && !/[.;]/.test(this.para.text.slice(q.end, p.start))).at(-1);
      const noun = numerator ? this.nounAfter(numerator) : undefined;
      const denominator = numerator && noun ? this.sameNounBefore(numerator, noun) : undefined;
      // `Có 99,9% hồ sơ được tiếp nhận …`: the percent names what it is a share of after it.
      const before = this.labelBefore(p);
      const label = numerator ? before || this.label(numerator, noun) : before.split(' ').length >= 3 ? before : this.label(p, this.nounAfter(p));
      this.push('rate', p, {
        label, rate: p.value!, unit: noun ?? '%',
        ...(numerator && noun ? { numerator: numerator.value } : {}),
        ...(denominator ? { denominator: denominator.value } : {}),
      });
    }
  }

  /** An earlier count of the same noun, not smaller than `q`: nearest first, this sentence then the previous. */
  private sameNounBefore(q: Quantity, noun: string): Quantity | undefined {
    const candidates = [
      ...this.quantities().filter((c) => c.end <= q.start).reverse(),
      ...(this.previous?.tokens.filter(isCount).reverse() ?? []),
    ];
    return candidates.find((c) => c.value >= q.value && this.nounAfter(c) === noun);
  }

  /** Tokens that can be parts of a breakdown: counts or amounts, and ratios by their numerator (`Đã giải quyết: 18.642/21.196 hồ sơ`). */
  private partCandidates(kind: NumericToken['kind']): Quantity[] {
    return this.tokens
      .map((t) => (kind === 'quantity' && t.kind === 'ratio' && t.numerator !== undefined ? { ...t, kind: 'quantity' as const, value: t.numerator } : t))
      .filter((t): t is Quantity => t.kind === kind && t.value !== undefined);
  }

  private breakdowns(): void {
    const amounts = this.tokens.filter(isCountOrMoney);
    amounts.forEach((total) => {
      const nounSpan = readUnitNoun(this.para.text, total.end);
      const after = this.para.text.slice(nounSpan?.end ?? total.end, this.sentence.end);
      const cue = BREAKDOWN_CUE.exec(after);
      if (!cue) return;
      const bracketed = cue[0].includes('(');
      const scopeEnd = bracketed ? (nounSpan?.end ?? total.end) + after.indexOf(')') : this.sentence.end;
      let limit = scopeEnd > total.end ? scopeEnd : this.sentence.end;
      // `23.233 hồ sơ, với 6.596 hồ sơ trực tuyến …; cấp huyện tiếp nhận 6.776 hồ sơ, với …`: `với` adds a figure to its clause only.
      if (/với/iu.test(cue[0]) && !bracketed) {
        const semicolon = this.para.text.indexOf(';', total.end);
        if (semicolon >= 0 && semicolon < limit) limit = semicolon;
      }
      const cueEnd = (nounSpan?.end ?? total.end) + cue.index + cue[0].length;
      const candidates = this.partCandidates(total.kind).filter((t) => t.start >= cueEnd && t.end <= limit);
      // A part with parts of its own (`… và 171 TTHC …, trong đó có 02 …`) ends this list.
      const nested = candidates[0] ? NESTED_CUE.exec(this.para.text.slice(candidates[0].end, limit)) : null;
      if (nested && candidates[0]) limit = candidates[0].end + nested.index;
      const parts = candidates.filter((t) => t.end <= limit);
      if (parts.length < 2) return;
      // `với 05 lĩnh vực gồm 76 thủ tục, tiếp nhận 139 hồ sơ`: parts each larger than a total of
      // another noun count other things; the total counts the groups they fall in.
      const totalNoun = nounSpan?.noun;
      if (total.kind === 'quantity' && totalNoun && parts.every((p) => p.value > total.value && !sameNoun(this.nounAfter(p), totalNoun))) return;
      // `689 đơn vị, trong đó, giảm 06 …, giải thể 03 …`: what follows are changes, not parts.
      if (CHANGE_WORD.test(this.para.text.slice(total.end, parts[0]!.start))) return;
      if (total.kind === 'quantity' && !/(?:trong đó|gồm|cụ thể|bao gồm)(?![\p{L}\p{M}])|\(/iu.test(cue[0]) && !nounSpan) return;
      const partition = rolePartition(withoutTimelinessSubsets(parts.map((p) => this.part(this.label(p, this.nounAfter(p)), p, p.value, this.nounAfter(p) ?? nounSpan?.noun))), bracketed);
      const asParts = partition.parts;
      if (asParts.length < 2) return;
      const enumerated = /^\s*:/.test(cue[0]) && !/\d/.test(after.slice(cue[0].length, after.search(/[.]|$/u)));
      if (enumerated) return;
      // `7.518 TTHC ở 3 cấp: tỉnh, huyện, xã, trong đó: 3.595 …`: the 3 counts the names listed, the parts belong to 7.518.
      if (/^\s*:\s*[\p{L}\p{M} ]+(?:,\s*[\p{L}\p{M} ]+)+,/u.test(after.slice(cue.index, parts[0]!.start - (nounSpan?.end ?? total.end)))) return;
      this.push('breakdown', total, {
        ...(partition.totalRole && isFileNoun(nounSpan?.noun) ? { role: partition.totalRole } : {}),
        label: this.label(total, nounSpan?.noun), total: total.value, parts: asParts,
        unit: total.kind === 'money' ? 'VND' : nounSpan?.noun ?? '', cue: cue[0].replace(/[\s,:]/g, ' ').trim() || ':',
      });
    });
  }

  /**
   * `… tổng số tiền tiết kiệm được trên 15,08 tỷ đồng. Trong đó, tiết kiệm … 5,778 tỷ đồng; …`:
   * the parts open the next sentence. The evidence then spans both sentences.
   */
  private breakdownOfPreviousTotal(): void {
    // `\b` is ASCII-only in JavaScript, even with the u flag: Vietnamese words end with a lookahead.
    const cue = /^(?:trong đó|cụ thể|bao gồm|gồm)(?![\p{L}\p{M}])\s*[,:]?/iu.exec(this.para.text.slice(this.sentence.start, this.sentence.end));
    // The total is the last figure of the sentence before, not one in its brackets (`24 người( 01 công an chính quy)`).
    const total = this.previous?.tokens.filter((t) => isCountOrMoney(t) && !opensBracket(this.para.text.slice(this.previous!.span.start, t.start))).at(-1);
    if (!cue || !total || !this.previous) return;
    const candidates = this.partCandidates(total.kind);
    // `Trong đó: Về trình độ chuyên môn: Đại học 19 người, …; Về trình độ lý luận chính trị: …`: each labelled
    // group after a semicolon is another division of the same total; the first one is read.
    const next = candidates.findIndex((p, i) => i > 0 && /;\s*[^\d;:]{2,60}:/u.test(this.para.text.slice(candidates[i - 1]!.end, p.start)));
    const parts = next < 0 ? candidates : candidates.slice(0, next);
    if (parts.length < 2) return;
    const noun = total.kind === 'quantity' ? this.nounAfter(total) : undefined;
    if (total.kind === 'quantity' && (!noun || parts.some((p) => !sameNoun(this.nounAfter(p), noun)))) return;
    const first = this.para.locate(this.previous.span.start);
    const evidence = first.page === this.evidence.page
      ? { ...this.evidence, start: first.offset, quote: this.para.text.slice(this.previous.span.start, this.sentence.end) }
      : this.evidence;
    this.push('breakdown', total, {
      label: [this.labelBefore(total, this.previous.span), noun].filter(Boolean).join(' '), total: total.value,
      parts: parts.map((p) => this.part(this.labelBefore(p), p, p.value, this.nounAfter(p) ?? noun)),
      unit: total.kind === 'money' ? 'VND' : noun ?? '', cue: cue[0].replace(/[,:]/g, '').trim().toLowerCase(),
    }, evidence);
  }

  private countsAndMoney(): void {
    for (const t of this.tokens) {
      if (t.value === undefined || this.consumed.has(t)) continue;
      if (t.kind === 'money') {
        this.push('money', t, { label: this.labelBefore(t) || 'kinh phí', value: t.value, unit: 'VND' });
        continue;
      }
      if (t.kind !== 'quantity') continue;
      const noun = this.nounAfter(t);
      if (!noun) continue;
      if (isPoints(noun)) {
        const head = this.para.text.slice(Math.max(this.sentence.start, t.start - 30), this.headEnd(t));
        this.push(CHANGE_CUE.test(head) ? 'change' : 'score', t, { label: this.label(t, noun), value: t.value, unit: noun });
        continue;
      }
      const names = this.enumeratedNames(t);
      if (names) this.push('enumeration', t, { label: this.label(t, noun), value: t.value, names, unit: noun });
      this.push('count', t, { label: this.label(t, noun), value: t.value, unit: noun });
    }
  }

  /** `05 xã: A; B; C` (or `05 xã đã đăng ký gồm: A; B; C`) → the names, when they are what the count promises. */
  private enumeratedNames(t: NumericToken): string[] | undefined {
    const noun = readUnitNoun(this.para.text, t.end);
    const rest = this.para.text.slice(noun?.end ?? t.end, this.sentence.end);
    // `05 xã: A; B` or, after a few words, `05 xã đã đăng ký gồm: A; B`.
    const m = /^\s*(?:(?:[^\d:;,.]{1,30}\s)?(?:gồm|là))?\s*:\s*([^\d]+?)\s*[.]?$/u.exec(rest);
    if (!m) return undefined;
    const names = m[1]!.split(/\s*[;,]\s*(?:và\s+)?|\s+và\s+/u).map((n) => n.trim()).filter(Boolean);
    return names.length >= 2 ? names : undefined;
  }
}
