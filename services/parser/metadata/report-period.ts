import { Period } from '../../../schemas/identifiers.ts';
import { inZone, type DocumentZones } from './document-zones.ts';
import { clauseStart, sentenceEnd, sentenceStart, spanOf, type PageView } from './page-view.ts';
import type { Confidence, DetectedPeriod, MetadataWarning, PeriodHint, PeriodZone, Span } from './report-metadata.ts';
import { collapseSpaces, WORD_START } from '../../text/vietnamese-text.ts';

/**
 * The reporting period. Phrases read (any case), and the Period they give:
 *
 *   giai đoạn 2011 - 2020   (also –, —, "đến"; typos gia/gian đoạn; thời kỳ)   → 2011..2020
 *   năm 2011-2018                                                               → 2011..2018
 *   quý I/2020, quý 1 năm 2020, QUÝ IV - 2020                                  → 2020-Q1 …
 *   6 tháng đầu năm 2020, sáu tháng cuối năm                                    → 2020-H1, -H2
 *   9 tháng (đầu năm) 2020                                                      → 2020-9M
 *   tháng 3/2020, tháng 03 năm 2020                                             → 2020-M03
 *   năm 2016, CCHC 2022 / cải cách hành chính 2022                             → 2016, 2022
 *
 * A quarter/half/nine-month phrase without a year takes the year printed in the same
 * sentence, else the report date's year (and one step less confidence).
 *
 * Years that are references, not the period, are dropped: dates (`ngày 29 tháng 4 năm 2020`,
 * `tháng 11/2016` after `đến`), time points (`từ năm`, `đến năm`, `cuối năm`), documents
 * (`Căn cứ …`, `Quyết định số …` — unless it goes on `… về việc báo cáo …`, which asks for
 * this very report —, `Luật Xây dựng năm 2014`, `Hiến pháp năm 2013`), comparisons
 * (`so với năm 2018`, `cùng kỳ`), forward-looking parts (`định hướng giai đoạn 2021 - 2030`,
 * `phương hướng … năm 2023`, `trọng tâm năm 2017`), indices (`Chỉ số CCHC năm 2015`),
 * terms (`nhiệm kỳ`, `năm học`) and spans of documents (`ban hành trong giai đoạn 2014-2018`).
 * The cues are looked for in the clause before the phrase (commas delimit clauses).
 *
 * Scoring, by zone (see document-zones.ts): title 100, closing 80 (its first period only),
 * intro 60 — an intro phrase counts only next to the report's subject (`cải cách hành chính`,
 * `CCHC`, `báo cáo`, `kết quả`, …) or opening its sentence (`Năm 2022, công tác …`) — plus 20
 * for such a subject cue. Body phrases score 5 and never make a period on their own.
 *
 * When nothing is stated: a period repeated in the body (twice, and twice as often as any
 * other) or the year after a single comparison year (`so với năm 2018` → 2019) becomes a
 * `periodHint`, with a warning. Low-confidence guesses stay out of `period` on purpose:
 * `period` feeds `report.parsed.detected`, which the roll-ups trust.
 */
export interface PeriodResult {
  period?: DetectedPeriod;
  periodHint?: PeriodHint;
  warnings: MetadataWarning[];
}

interface Candidate {
  value: string;
  label: string;
  span: Span;
  zone: PeriodZone;
  score: number;
  reference: boolean;
  comparisonYear?: number;
  yearFromDate: boolean;
}

type Kind = 'stage' | 'range' | 'quarter' | 'half' | 'nine' | 'month' | 'year' | 'subject-year';

const YEAR = '((?:19|20)\\d{2})';
const PATTERNS: readonly { kind: Kind; re: RegExp }[] = [
  { kind: 'stage', re: new RegExp(`${WORD_START}(?:giai|gia|gian)\\s+đoạn\\s*${YEAR}\\s*(?:[-–—]|đến|tới)\\s*${YEAR}(?!\\d)`, 'giu') },
  { kind: 'stage', re: new RegExp(`${WORD_START}thời\\s+kỳ\\s*${YEAR}\\s*(?:[-–—]|đến|tới)\\s*${YEAR}(?!\\d)`, 'giu') },
  { kind: 'range', re: new RegExp(`${WORD_START}năm\\s+${YEAR}\\s*[-–—]\\s*${YEAR}(?!\\d)`, 'giu') },
  { kind: 'quarter', re: new RegExp(`${WORD_START}quý\\s+(IV|I{1,3}|[1-4])(?:\\s*(?:\\/|-|–|năm)\\s*${YEAR})?(?![\\p{L}\\p{M}\\d])`, 'giu') },
  { kind: 'half', re: new RegExp(`${WORD_START}(?:0?6|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+${YEAR})?(?!\\d)`, 'giu') },
  { kind: 'nine', re: new RegExp(`${WORD_START}(?:0?9|chín)\\s+tháng(?!\\s*\\d)(?:\\s+đầu)?(?:\\s+năm)?(?:\\s+${YEAR})?(?!\\d)`, 'giu') },
  { kind: 'month', re: new RegExp(`${WORD_START}tháng\\s+(0?[1-9]|1[0-2])\\s*(?:\\/|năm)\\s*${YEAR}(?!\\d)`, 'giu') },
  { kind: 'year', re: new RegExp(`${WORD_START}năm\\s+${YEAR}(?![\\d/])(?!\\s*[-–—]\\s*\\d)`, 'giu') },
  { kind: 'subject-year', re: new RegExp(`${WORD_START}(?:CCHC|cải\\s+cách\\s+hành\\s+chính)\\s+${YEAR}(?![\\d/])`, 'giu') },
];

const ZONE_SCORE: Readonly<Record<PeriodZone, number>> = { title: 100, closing: 80, intro: 60, body: 5 };
const SUBJECT_BONUS = 20;
const BODY_CAP = 20;

const SUBJECT = /cải\s+cách\s+hành\s+chính|CCHC|báo\s+cáo|tổng\s+kết|sơ\s+kết|kết\s+quả|tình\s+hình|chương\s+trình\s+tổng\s+thể/iu;
/** A cited document: its own period is not the report's — unless the citation asks for this report (`… về việc báo cáo …`). */
const DOCUMENT_CUES: readonly RegExp[] = [
  /căn\s+cứ/giu,
  /(?:quyết\s+định|nghị\s+quyết|nghị\s+định|chỉ\s+thị|kế\s+hoạch|công\s+văn|thông\s+tư|chương\s+trình\s+hành\s+động|thông\s+báo|hướng\s+dẫn|đề\s+án|tờ\s+trình)\s+(?:số\s+)?\d/giu,
  /số\s+\d+[a-z]?\s*[/-]/giu,
];
const ASKS_FOR_REPORT = /báo\s+cáo/iu;
const OTHER_CUES: readonly RegExp[] = [
  /hiến\s+pháp/iu,
  /(?<![\p{L}\p{M}])(?:Luật|LUẬT)\s/u,
  /so\s+với/iu,
  /cùng\s+kỳ/iu,
  /chỉ\s+số/iu,
  /nhiệm\s+kỳ/iu,
  /năm\s+học/iu,
  /định\s+hướng/iu,
  /phương\s+hướng/iu,
  /trọng\s+tâm/iu,
  /năm\s+tới/iu,
  /tiếp\s+theo/iu,
  /dự\s+kiến/iu,
  /ban\s+hành\s+(?:trong|từ)/iu,
];
const REFERENCE_JUST_BEFORE = /(?:^|[^\p{L}\p{M}])(?:từ|đến|tới|trước|sau|cuối|đầu|vào|giữa|hết|ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2})?|\d{1,2}\s*\/)\s*$/iu;
const COMPARISON_BEFORE = /so\s+với\s+(?:cùng\s+kỳ\s+)?$/iu;
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };

export function detectPeriod(pages: PageView[], zones: DocumentZones, reportYear: number | undefined): PeriodResult {
  const candidates = pages.flatMap((page) => candidatesOf(page, zones, reportYear));
  const stated = candidates.filter((c) => !c.reference);
  const period = choose(stated);
  if (period) {
    const warnings: MetadataWarning[] = [];
    const rival = rivalInTitle(stated, period.value);
    if (rival) {
      warnings.push({
        code: 'period-conflict',
        vi: `Tiêu đề nêu hai kỳ báo cáo (${period.label}; ${rival.label}); lấy ${period.label}.`,
        en: `The title names two periods (${period.label}; ${rival.label}); ${period.label} was taken.`,
      });
    }
    return { period, warnings };
  }
  const hint = bodyHint(stated) ?? comparisonHint(candidates);
  if (hint) {
    const why = hint.basis === 'comparison'
      ? { vi: `suy ra từ "${hint.label}"`, en: `inferred from "${hint.label}"` }
      : { vi: `chỉ thấy "${hint.label}" lặp lại trong thân bài`, en: `only "${hint.label}" recurs in the body` };
    return {
      periodHint: hint,
      warnings: [{
        code: 'period-inferred',
        vi: `Văn bản không nêu kỳ báo cáo; có thể là ${hint.value} (${why.vi}), cần xác nhận.`,
        en: `The report does not state its period; it may be ${hint.value} (${why.en}); please confirm.`,
      }],
    };
  }
  return {
    warnings: [{
      code: 'period-not-found',
      vi: 'Không xác định được kỳ báo cáo (năm, quý, giai đoạn) từ tiêu đề hay phần mở đầu.',
      en: 'No reporting period (year, quarter, stage) was found in the title or opening.',
    }],
  };
}

function candidatesOf(page: PageView, zones: DocumentZones, reportYear: number | undefined): Candidate[] {
  const raw: { kind: Kind; m: RegExpExecArray }[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of page.view.matchAll(re)) raw.push({ kind, m });
  }
  // Keep the longest phrase where phrases overlap: `6 tháng đầu năm 2020` over `năm 2020`.
  raw.sort((a, b) => b.m[0].length - a.m[0].length || a.m.index - b.m.index);
  const kept: { kind: Kind; m: RegExpExecArray }[] = [];
  for (const r of raw) {
    const s = r.m.index;
    const e = s + r.m[0].length;
    if (kept.every((k) => e <= k.m.index || s >= k.m.index + k.m[0].length)) kept.push(r);
  }
  kept.sort((a, b) => a.m.index - b.m.index);

  const out: Candidate[] = [];
  const closingSeen = new Set<number>();
  for (const { kind, m } of kept) {
    const start = m.index;
    const end = start + m[0].length;
    const built = periodOf(kind, m, page.view, start, reportYear);
    if (!built || !Period.safeParse(built.value).success) continue;
    const clause = page.view.slice(clauseStart(page.view, start), start);
    const sentenceHead = page.view.slice(sentenceStart(page.view, start), start);
    const comparison = COMPARISON_BEFORE.test(clause) && /^\d{4}$/.test(built.value) ? Number(built.value) : undefined;
    const reference = REFERENCE_JUST_BEFORE.test(clause) || OTHER_CUES.some((re) => re.test(clause)) || citesDocument(clause);
    const subject = SUBJECT.test(clause) || SUBJECT.test(sentenceHead) || sentenceHead.trim() === '';
    let zone = zoneOf(zones, page.page, start);
    if (zone === 'closing') {
      const closingIndex = zones.closing.findIndex((z) => inZone(z, page.page, start));
      if (closingSeen.has(closingIndex)) zone = 'body';
      closingSeen.add(closingIndex);
    }
    if (zone === 'intro' && !subject) zone = 'body';
    const score = ZONE_SCORE[zone] + (zone !== 'body' && subject ? SUBJECT_BONUS : 0);
    out.push({
      value: built.value,
      label: collapseSpaces(m[0]),
      span: spanOf(page, start, end),
      zone,
      score,
      reference,
      ...(comparison !== undefined ? { comparisonYear: comparison } : {}),
      yearFromDate: built.yearFromDate,
    });
  }
  return out;
}

/** The clause cites a document, and does not go on to say the document asks for this report. */
function citesDocument(clause: string): boolean {
  let last = -1;
  for (const re of DOCUMENT_CUES) {
    for (const m of clause.matchAll(re)) last = Math.max(last, m.index + m[0].length);
  }
  return last >= 0 && !ASKS_FOR_REPORT.test(clause.slice(last));
}

function zoneOf(zones: DocumentZones, page: number, at: number): PeriodZone {
  const t = zones.title?.evidence;
  if (t && t.page === page && at >= t.start && at < t.end) return 'title';
  if (zones.closing.some((z) => inZone(z, page, at))) return 'closing';
  if (inZone(zones.intro, page, at)) return 'intro';
  return 'body';
}

function periodOf(kind: Kind, m: RegExpExecArray, view: string, start: number, reportYear: number | undefined): { value: string; yearFromDate: boolean } | undefined {
  const fixed = (value: string): { value: string; yearFromDate: boolean } => ({ value, yearFromDate: false });
  switch (kind) {
    case 'stage':
    case 'range': {
      const from = Number(m[1]);
      const to = Number(m[2]);
      return from < to && to - from <= 30 ? fixed(`${from}..${to}`) : undefined;
    }
    case 'month':
      return fixed(`${m[2]}-M${String(Number(m[1])).padStart(2, '0')}`);
    case 'year':
    case 'subject-year':
      return fixed(m[1] ?? '');
    case 'quarter':
    case 'half':
    case 'nine': {
      const suffix = kind === 'quarter'
        ? `Q${ROMAN[(m[1] ?? '').toLowerCase()] ?? Number(m[1])}`
        : kind === 'half' ? (/đầu/iu.test(m[1] ?? '') ? 'H1' : 'H2') : '9M';
      const printed = kind === 'nine' ? m[1] : m[2];
      if (printed) return fixed(`${printed}-${suffix}`);
      const sentence = view.slice(sentenceStart(view, start), sentenceEnd(view, start));
      const near = /(?<!\d)((?:19|20)\d{2})(?!\d)/u.exec(sentence)?.[1];
      if (near) return fixed(`${near}-${suffix}`);
      return reportYear !== undefined ? { value: `${reportYear}-${suffix}`, yearFromDate: true } : undefined;
    }
  }
}

function choose(stated: Candidate[]): DetectedPeriod | undefined {
  const byValue = new Map<string, Candidate[]>();
  for (const c of stated) byValue.set(c.value, [...(byValue.get(c.value) ?? []), c]);
  let best: { value: string; score: number; list: Candidate[]; zones: PeriodZone[] } | undefined;
  for (const [value, list] of byValue) {
    const zones = [...new Set(list.map((c) => c.zone))];
    if (!zones.some((z) => z !== 'body')) continue;
    let score = 0;
    for (const zone of zones) {
      const inZoneList = list.filter((c) => c.zone === zone);
      score += zone === 'body'
        ? Math.min(BODY_CAP, inZoneList.reduce((n, c) => n + c.score, 0))
        : Math.max(...inZoneList.map((c) => c.score));
    }
    if (!best || score > best.score) best = { value, score, list, zones };
  }
  if (!best) return undefined;
  const evidence = [...best.list].sort((a, b) => b.score - a.score)[0];
  if (!evidence) return undefined;
  const strongZones = best.zones.filter((z) => z !== 'body');
  let confidence: Confidence = strongZones.includes('title') || strongZones.length >= 2 ? 'high' : 'medium';
  if (evidence.yearFromDate) confidence = confidence === 'high' ? 'medium' : 'low';
  return { value: evidence.value, label: evidence.label, evidence: evidence.span, confidence, zones: best.zones };
}

function rivalInTitle(stated: Candidate[], chosen: string): Candidate | undefined {
  return stated.find((c) => c.zone === 'title' && c.value !== chosen);
}

function bodyHint(stated: Candidate[]): PeriodHint | undefined {
  const counts = new Map<string, Candidate[]>();
  for (const c of stated) counts.set(c.value, [...(counts.get(c.value) ?? []), c]);
  const ranked = [...counts.values()].sort((a, b) => b.length - a.length);
  const top = ranked[0];
  const next = ranked[1]?.length ?? 0;
  const first = top?.[0];
  if (!top || !first || top.length < 2 || top.length < 2 * next) return undefined;
  return { value: first.value, label: first.label, evidence: first.span, basis: 'body' };
}

function comparisonHint(candidates: Candidate[]): PeriodHint | undefined {
  const comparisons = candidates.filter((c) => c.comparisonYear !== undefined);
  const years = new Set(comparisons.map((c) => c.comparisonYear));
  const first = comparisons[0];
  if (years.size !== 1 || !first || first.comparisonYear === undefined) return undefined;
  return { value: String(first.comparisonYear + 1), label: `so với ${first.label}`, evidence: first.span, basis: 'comparison' };
}
