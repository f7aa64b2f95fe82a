import type { ReportParsed } from '../../../schemas/report-parsed/v1.ts';
import type { LocalizedText } from '../../../schemas/localized-text.ts';
import type { ReportMetadata } from './report-metadata.ts';

/**
 * The part of the metadata that `report.parsed` carries: the issuing unit and period only
 * when they were read, not inferred (hints stay out), and the warnings as LocalizedText.
 * The GSO `code` is left for the unit register to fill.
 */
export function toDetected(meta: ReportMetadata): ReportParsed['detected'] {
  return {
    ...(meta.unit ? { unit: { name: meta.unit.name, level: meta.unit.level } } : {}),
    ...(meta.period ? { period: meta.period.value } : {}),
  };
}

export function metadataWarnings(meta: ReportMetadata): LocalizedText[] {
  return meta.warnings.map(({ vi, en }) => ({ vi, en }));
}
