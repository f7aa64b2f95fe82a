import type { Period } from '../../../schemas/identifiers.ts';
import type { LocalizedText } from '../../../schemas/localized-text.ts';

/**
 * What a report says about itself: who issued it, for which period, its number, date and
 * title — each with the span of text it was read from.
 *
 * In: pages of NFC text (`PageText`, as the PDF and DOCX readers give them; markdown
 * emphasis left by converters is tolerated). Out: only what the text supports. When the
 * evidence is thin or contradictory the detector leaves the field out and says why in
 * `warnings`, rather than guessing. Knowledge that falls short of a fact is kept apart:
 * `levelHint` (the level is clear but no name is given) and `periodHint` (a period
 * inferred, e.g. from "so với năm 2018"). Neither flows into `report.parsed.detected`.
 *
 * Deliberately left out: matching names to GSO codes (needs the versioned unit register,
 * ARCHITECTURE.md "Consolidation"), and the figures themselves (the statement extractor).
 */
export type UnitLevel = 'province' | 'district' | 'commune';

/** Where a value was read: 1-based page, half-open [start, end) in that page's text, the text itself. */
export interface Span {
  page: number;
  start: number;
  end: number;
  quote: string;
}

/** high: stated where a report states it (header, title), or stated twice; medium: one weaker place; low: inferred. */
export type Confidence = 'high' | 'medium' | 'low';

/**
 * Where a unit was named, strongest first:
 *  header         `UBND XÃ QUẢNG NGẠN`, `ỦY BAN NHÂN DÂN` / `HUYỆN BẮC BÌNH` in the letterhead
 *  header-agency  a department in the letterhead, `SỞ NỘI VỤ TỈNH SÓC TRĂNG` (→ the province)
 *  title          `… của xã Quảng Ngạn` (or the bare name, `CCHC 2022 Bắc Bình`)
 *  closing        `Trên đây là báo cáo … của tỉnh Sóc Trăng`
 *  self-report    `Ủy ban nhân dân tỉnh Sóc Trăng báo cáo …`
 *  place-date     `Quảng Ngạn, ngày 29 tháng 4 năm 2020` (a name without a level)
 *  body           `UBND huyện A Lưới đã …`, `trên địa bàn huyện Bắc Bình`, `huyện A Lưới`
 */
export type UnitSource = 'header' | 'header-agency' | 'title' | 'closing' | 'self-report' | 'place-date' | 'body';

export interface DetectedUnit {
  name: string;
  level: UnitLevel;
  /** The strongest mention. */
  evidence: Span;
  confidence: Confidence;
  sources: UnitSource[];
}

/** The issuer's level when the text keeps saying `UBND huyện`, `toàn huyện` without a name. */
export interface LevelHint {
  level: UnitLevel;
  /** How many bare self-references (`UBND huyện`, `trên địa bàn huyện`, `toàn huyện`) were counted. */
  mentions: number;
  /** The first of them. */
  evidence: Span;
}

/** Where a period was read; `body` periods only ever become hints. */
export type PeriodZone = 'title' | 'intro' | 'closing' | 'body';

export interface DetectedPeriod {
  value: Period;
  /** The phrase as printed, spaces collapsed: `giai đoạn 2011 – 2020`, `năm 2016`, `quý I/2020`. */
  label: string;
  evidence: Span;
  confidence: Confidence;
  /** Every zone that named this period. */
  zones: PeriodZone[];
}

/**
 * A period the text implies but does not state.
 *  comparison  every comparison names the same year (`so với năm 2018`) → the year after
 *  body        one period recurs in the body, none is stated in the title or opening
 */
export interface PeriodHint {
  value: Period;
  label: string;
  evidence: Span;
  basis: 'comparison' | 'body';
}

/** A warning for people: a stable code plus Vietnamese and English (report.parsed carries LocalizedText). */
export interface MetadataWarning extends LocalizedText {
  code: MetadataWarningCode;
}

export type MetadataWarningCode =
  | 'unit-not-found'
  | 'unit-ambiguous'
  | 'unit-conflict'
  | 'unit-level-only'
  | 'unit-level-mismatch'
  | 'unit-from-place-date'
  | 'city-level-ambiguous'
  | 'parent-ambiguous'
  | 'period-not-found'
  | 'period-inferred'
  | 'period-conflict'
  | 'report-number-unreadable';

export interface ReportMetadata {
  /** The issuing unit (the body that signs the report; for a Sở, its province). */
  unit?: DetectedUnit;
  /** Higher units named as context (the province of a district, the district of a commune). */
  parentUnits?: DetectedUnit[];
  levelHint?: LevelHint;
  period?: DetectedPeriod;
  periodHint?: PeriodHint;
  /** `Số: 17/BC-UBND` → `17/BC-UBND`. */
  reportNumber?: { value: string; evidence: Span };
  /** `Quảng Ngạn, ngày 29 tháng 4 năm 2020` → `2020-04-29`. */
  reportDate?: { value: string; place: string; evidence: Span };
  title?: { value: string; evidence: Span };
  warnings: MetadataWarning[];
}
