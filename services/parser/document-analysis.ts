import type { Fact } from '../../schemas/fact/v1.ts';
import type { StructuredDocument } from './document-model.ts';
import { extractFacts } from './fact-extractor.ts';
import { detectReportMetadata, type ReportMetadata } from './metadata/index.ts';
import { withRelativeScopes } from './statements/scope-relative.ts';

/**
 * What a read document tells: its facts and its metadata (issuing unit, period, number,
 * date). Scopes are made relative to the issuing unit: its own level or name is `own`. The parser service, `tonghop analyze` and the benchmark all take it from here.
 */
export interface DocumentAnalysis {
  facts: Fact[];
  metadata: ReportMetadata;
}

export function analyzeDocument(reportId: string, doc: StructuredDocument): DocumentAnalysis {
  const metadata = detectReportMetadata(doc.pages);
  const unit = { name: metadata.unit?.name, level: metadata.unit?.level ?? metadata.levelHint?.level };
  return { facts: withRelativeScopes(extractFacts(reportId, doc), unit), metadata };
}
