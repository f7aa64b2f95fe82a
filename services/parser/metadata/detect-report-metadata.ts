import { findZones } from './document-zones.ts';
import { decideUnit } from './issuing-unit.ts';
import { toPageView } from './page-view.ts';
import { detectReportDate } from './report-date.ts';
import type { MetadataWarning, ReportMetadata } from './report-metadata.ts';
import { detectReportNumber } from './report-number.ts';
import { detectPeriod } from './report-period.ts';
import { scanUnitMentions } from './unit-mentions.ts';

/**
 * Reads a report's own metadata from its pages: issuing unit (and parents, or only a level),
 * period, number, date and title. Pure and synchronous; about a millisecond per page.
 * Pages must be NFC (`normalizeText` in page-text.ts): offsets in every `Span` are offsets
 * in `pages[i].text`, and `quote === text.slice(start, end)`.
 */
export function detectReportMetadata(pages: readonly { page: number; text: string }[]): ReportMetadata {
  const views = pages.map(toPageView);
  const zones = findZones(views);
  const reportDate = detectReportDate(views, zones);
  const number = detectReportNumber(zones);
  const { mentions, selfReferences } = scanUnitMentions(views, zones);
  const units = decideUnit(mentions, selfReferences, reportDate, zones.title?.value);
  const reportYear = reportDate ? Number(reportDate.value.slice(0, 4)) : undefined;
  const period = detectPeriod(views, zones, reportYear);

  const warnings: MetadataWarning[] = [...units.warnings, ...period.warnings];
  if (number.unreadable) {
    warnings.push({
      code: 'report-number-unreadable',
      vi: `Không đọc được số hiệu văn bản từ "${number.unreadable.quote}".`,
      en: `The document number could not be read from "${number.unreadable.quote}".`,
    });
  }
  return {
    ...(units.unit ? { unit: units.unit } : {}),
    ...(units.parentUnits ? { parentUnits: units.parentUnits } : {}),
    ...(units.levelHint ? { levelHint: units.levelHint } : {}),
    ...(period.period ? { period: period.period } : {}),
    ...(period.periodHint ? { periodHint: period.periodHint } : {}),
    ...(number.number ? { reportNumber: number.number } : {}),
    ...(reportDate ? { reportDate: { value: reportDate.value, place: reportDate.place, evidence: reportDate.evidence } } : {}),
    ...(zones.title ? { title: { value: zones.title.value, evidence: zones.title.evidence } } : {}),
    warnings,
  };
}
