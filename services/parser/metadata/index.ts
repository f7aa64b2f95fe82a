export { detectReportMetadata } from './detect-report-metadata.ts';
export { toDetected, metadataWarnings } from './detected-summary.ts';
export type {
  Confidence,
  DetectedPeriod,
  DetectedUnit,
  LevelHint,
  MetadataWarning,
  MetadataWarningCode,
  PeriodHint,
  PeriodZone,
  ReportMetadata,
  Span,
  UnitLevel,
  UnitSource,
} from './report-metadata.ts';
