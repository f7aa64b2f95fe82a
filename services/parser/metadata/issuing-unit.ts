import { LEVEL_NAMES, LEVEL_RANK, nameKey } from './administrative-level.ts';
import type { ReportDate } from './report-date.ts';
import type { Confidence, DetectedUnit, LevelHint, MetadataWarning, UnitLevel, UnitSource } from './report-metadata.ts';
import { SOURCE_WEIGHT, type SelfReference, type UnitMention } from './unit-mentions.ts';

/**
 * Decides the issuing unit, its parents and the level hint from the mentions.
 *
 * Level hint: bare self-references (`UBND huyện đã …`, `toàn tỉnh`) are counted per level;
 * the top level wins with at least LEVEL_MIN of them and at least twice the runner-up.
 * Bare `thành phố` counts as a province when the named issuer is a centrally-governed
 * city, otherwise as a district.
 *
 * Issuer, in order:
 *  1. the letterhead: its most local unit (`UBND HUYỆN QUẢNG ĐIỀN` / `UBND XÃ QUẢNG NGẠN`
 *     → the commune; the district becomes a parent); a department's letterhead
 *     (`SỞ NỘI VỤ TỈNH SÓC TRĂNG`) gives its province, but weaker;
 *  2. otherwise the best-scored unit stated in a strong place (title, closing sentence,
 *     `UBND tỉnh X báo cáo`, the place of the place-date line);
 *  3. otherwise a unit named in the body only, at the hinted level, scoring at least
 *     BODY_MIN (e.g. two `UBND huyện X` mentions) and twice the runner-up — else nothing,
 *     with an `unit-ambiguous` warning;
 *  4. otherwise, when the place-date line names a place and the level hint is clear, that
 *     place at the hinted level (`unit-from-place-date` warning).
 * A unit's score is the sum of its mentions' weights (unit-mentions.ts), body mentions
 * capped at BODY_CAP, plus 40 when the place-date line names it and 20 when the title
 * holds its bare name (`CCHC 2022 Bắc Bình`).
 *
 * Parents: for each level above the issuer's (or the hinted level), the best-scored unit
 * with at least PARENT_MIN (one `UBND tỉnh X` mention, two `trên địa bàn tỉnh X`, …).
 */
export interface UnitDecision {
  unit?: DetectedUnit;
  parentUnits?: DetectedUnit[];
  levelHint?: LevelHint;
  warnings: MetadataWarning[];
}

const LEVEL_MIN = 3;
const BODY_MIN = 16;
const BODY_CAP = 40;
const PARENT_MIN = 10;
const TITLE_NAME_BONUS = 20;
const STRONG: readonly UnitSource[] = ['header', 'header-agency', 'title', 'closing', 'self-report', 'place-date'];

interface Scored {
  key: string;
  level: UnitLevel;
  name: string;
  mentions: UnitMention[];
  score: number;
  sources: UnitSource[];
  cityAmbiguous: boolean;
}

export function decideUnit(
  mentions: UnitMention[],
  selfReferences: SelfReference[],
  placeDate: ReportDate | undefined,
  titleText: string | undefined,
): UnitDecision {
  const warnings: MetadataWarning[] = [];
  const scored = score(mentions, placeDate, titleText);

  const headerUnits = scored.filter((s) => s.sources.includes('header'));
  let issuer: Scored | undefined;
  if (headerUnits.length > 0) {
    issuer = [...headerUnits].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || b.score - a.score)[0];
  }
  const provisionalHint = levelHintOf(selfReferences, issuer);
  if (!issuer) {
    const strong = scored.filter((s) => s.sources.some((src) => STRONG.includes(src)));
    issuer = strong.sort((a, b) => b.score - a.score)[0];
  }
  if (!issuer) issuer = bodyOnly(scored, provisionalHint?.level, warnings);
  const levelHint = levelHintOf(selfReferences, issuer) ?? provisionalHint;

  let unit: DetectedUnit | undefined;
  if (issuer) {
    unit = toUnit(issuer, confidenceOf(issuer, levelHint));
    conflicts(issuer, scored, warnings);
    if (levelHint && levelHint.level !== issuer.level) {
      warnings.push({
        code: 'unit-level-mismatch',
        vi: `Đơn vị ban hành là ${LEVEL_NAMES[issuer.level].vi} ${issuer.name}, nhưng văn bản hay nói "UBND ${LEVEL_NAMES[levelHint.level].vi}".`,
        en: `The issuer is the ${LEVEL_NAMES[issuer.level].en} ${issuer.name}, yet the text keeps referring to itself as a ${LEVEL_NAMES[levelHint.level].en}.`,
      });
    }
    if (issuer.cityAmbiguous) {
      warnings.push({
        code: 'city-level-ambiguous',
        vi: `Cấp của thành phố ${issuer.name} phụ thuộc thời điểm (trực thuộc trung ương từ 01/01/2025); đã xếp là ${LEVEL_NAMES[issuer.level].vi}.`,
        en: `The level of ${issuer.name} city depends on the date (centrally governed from 1 Jan 2025); taken as a ${LEVEL_NAMES[issuer.level].en}.`,
      });
    }
  } else if (placeDate && levelHint) {
    unit = {
      name: placeDate.place,
      level: levelHint.level,
      evidence: placeDate.placeEvidence,
      confidence: 'low',
      sources: ['place-date'],
    };
    warnings.push({
      code: 'unit-from-place-date',
      vi: `Tên đơn vị lấy từ địa danh "${placeDate.place}" ở dòng ngày tháng; cấp ${LEVEL_NAMES[levelHint.level].vi} suy ra từ cách văn bản tự xưng.`,
      en: `Unit name taken from the place "${placeDate.place}" of the date line; the ${LEVEL_NAMES[levelHint.level].en} level inferred from how the text refers to itself.`,
    });
  } else if (levelHint) {
    warnings.push({
      code: 'unit-level-only',
      vi: `Văn bản không nêu tên đơn vị ban hành; chỉ biết là cấp ${LEVEL_NAMES[levelHint.level].vi}.`,
      en: `The report never names its issuer; only its level (${LEVEL_NAMES[levelHint.level].en}) is clear.`,
    });
  } else if (!warnings.some((w) => w.code === 'unit-ambiguous')) {
    warnings.push({
      code: 'unit-not-found',
      vi: 'Không xác định được đơn vị ban hành báo cáo.',
      en: 'The issuing unit could not be identified.',
    });
  }

  const ownLevel = unit?.level ?? levelHint?.level;
  const parentUnits = ownLevel === undefined ? [] : parents(scored, ownLevel, issuer?.key, warnings);
  return {
    ...(unit ? { unit } : {}),
    ...(parentUnits.length > 0 ? { parentUnits } : {}),
    ...(levelHint ? { levelHint } : {}),
    warnings,
  };
}

function score(mentions: UnitMention[], placeDate: ReportDate | undefined, titleText: string | undefined): Scored[] {
  const byKey = new Map<string, UnitMention[]>();
  for (const m of mentions) {
    const k = `${m.level}:${m.key}`;
    byKey.set(k, [...(byKey.get(k) ?? []), m]);
  }
  const placeKey = placeDate ? nameKey(placeDate.place) : undefined;
  // The bare-name bonus is for titles that name no unit with a level (`CCHC 2022 Bắc Bình`);
  // otherwise `xã Quảng Ngạn` in the title would also lift a stray `xã Ngạn` from the body.
  const titleNamesUnit = mentions.some((m) => m.source === 'title');
  const titleKey = titleText && !titleNamesUnit ? ` ${nameKey(titleText).replace(/[^\p{L}\p{M}\p{N} -]/gu, ' ')} ` : undefined;
  const out: Scored[] = [];
  for (const list of byKey.values()) {
    const first = list[0];
    if (!first) continue;
    const body = list.filter((m) => m.source === 'body').reduce((n, m) => n + m.weight, 0);
    const strong = list.filter((m) => m.source !== 'body').reduce((n, m) => n + m.weight, 0);
    const sources = [...new Set(list.map((m) => m.source))];
    let total = strong + Math.min(BODY_CAP, body);
    if (placeKey === first.key) {
      total += SOURCE_WEIGHT['place-date'];
      sources.push('place-date');
    }
    if (titleKey?.includes(` ${first.key} `) && !sources.includes('title')) {
      total += TITLE_NAME_BONUS;
      sources.push('title');
    }
    const best = [...list].sort((a, b) => b.weight - a.weight)[0] ?? first;
    out.push({
      key: first.key,
      level: first.level,
      name: best.name,
      mentions: [best, ...list.filter((m) => m !== best)],
      score: total,
      sources: sortSources(sources),
      cityAmbiguous: first.cityAmbiguous,
    });
  }
  return out;
}

function sortSources(sources: UnitSource[]): UnitSource[] {
  const order: UnitSource[] = ['header', 'header-agency', 'title', 'closing', 'self-report', 'place-date', 'body'];
  return order.filter((s) => sources.includes(s));
}

function levelHintOf(selfReferences: SelfReference[], issuer: Scored | undefined): LevelHint | undefined {
  const cityAs: UnitLevel = issuer?.level === 'province' && issuer.mentions.some((m) => /thành\s+phố|TP/iu.test(m.span.quote)) ? 'province' : 'district';
  const counts = new Map<UnitLevel, SelfReference[]>();
  for (const ref of selfReferences) {
    const level = ref.level === 'city' ? cityAs : ref.level;
    counts.set(level, [...(counts.get(level) ?? []), ref]);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].length - a[1].length);
  const top = ranked[0];
  const runnerUp = ranked[1]?.[1].length ?? 0;
  const first = top?.[1][0];
  if (!top || !first || top[1].length < LEVEL_MIN || top[1].length < 2 * runnerUp) return undefined;
  return { level: top[0], mentions: top[1].length, evidence: first.span };
}

function bodyOnly(scored: Scored[], hinted: UnitLevel | undefined, warnings: MetadataWarning[]): Scored | undefined {
  const pool = scored.filter((s) => hinted === undefined || s.level === hinted).sort((a, b) => b.score - a.score);
  const best = pool[0];
  if (!best || best.score < BODY_MIN) return undefined;
  const second = pool[1];
  if (second && best.score < 2 * second.score) {
    warnings.push({
      code: 'unit-ambiguous',
      vi: `Không rõ đơn vị ban hành: ${describe(best)} hay ${describe(second)}.`,
      en: `The issuer is unclear: ${describe(best, 'en')} or ${describe(second, 'en')}.`,
    });
    return undefined;
  }
  return best;
}

function confidenceOf(issuer: Scored, hint: LevelHint | undefined): Confidence {
  const strong = issuer.sources.filter((s) => STRONG.includes(s));
  if (strong.includes('header') || strong.length >= 2) return 'high';
  if (strong.length === 1) return hint?.level === issuer.level ? 'high' : 'medium';
  return hint?.level === issuer.level ? 'medium' : 'low';
}

function conflicts(issuer: Scored, scored: Scored[], warnings: MetadataWarning[]): void {
  const rival = scored
    .filter((s) => s !== issuer && s.level === issuer.level && s.sources.some((src) => src === 'header' || src === 'title' || src === 'closing'))
    .sort((a, b) => b.score - a.score)[0];
  if (!rival) return;
  warnings.push({
    code: 'unit-conflict',
    vi: `Văn bản nêu hai đơn vị cùng cấp ở vị trí quan trọng: ${describe(issuer)} (được chọn) và ${describe(rival)}.`,
    en: `Two units of the same level are named in prominent places: ${describe(issuer, 'en')} (taken) and ${describe(rival, 'en')}.`,
  });
}

function parents(scored: Scored[], ownLevel: UnitLevel, issuerKey: string | undefined, warnings: MetadataWarning[]): DetectedUnit[] {
  const out: DetectedUnit[] = [];
  for (const level of ['province', 'district'] as const) {
    if (LEVEL_RANK[level] >= LEVEL_RANK[ownLevel]) continue;
    const pool = scored.filter((s) => s.level === level && s.key !== issuerKey).sort((a, b) => b.score - a.score);
    const best = pool[0];
    if (!best || best.score < PARENT_MIN) continue;
    const second = pool[1];
    if (second && second.score >= PARENT_MIN && best.score < 2 * second.score) {
      warnings.push({
        code: 'parent-ambiguous',
        vi: `Không rõ ${LEVEL_NAMES[level].vi} chủ quản: ${best.name} hay ${second.name}.`,
        en: `The parent ${LEVEL_NAMES[level].en} is unclear: ${best.name} or ${second.name}.`,
      });
      continue;
    }
    out.push(toUnit(best, best.sources.some((s) => STRONG.includes(s)) || best.score >= 2 * PARENT_MIN ? 'high' : 'medium'));
  }
  return out;
}

function toUnit(s: Scored, confidence: Confidence): DetectedUnit {
  const evidence = s.mentions[0]?.span;
  if (!evidence) throw new Error(`unit ${s.name} has no mention`);
  return { name: s.name, level: s.level, evidence, confidence, sources: s.sources };
}

function describe(s: Scored, lang: 'vi' | 'en' = 'vi'): string {
  return lang === 'vi' ? `${LEVEL_NAMES[s.level].vi} ${s.name}` : `${s.name} (${LEVEL_NAMES[s.level].en})`;
}
