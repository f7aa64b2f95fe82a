import type { Fact } from '../../schemas/fact/v1.ts';
import type { StructuredDocument } from './document-model.ts';
import { extractFacts } from './fact-extractor.ts';
import { detectReportMetadata, type ReportMetadata } from './metadata/index.ts';

/**
 * What a read document tells: its facts and its metadata (issuing unit, period, number,
 * date). The parser service, `tonghop analyze` and the benchmark all take it from here.
 */
export interface DocumentAnalysis {
  facts: Fact[];
  metadata: ReportMetadata;
}

export function analyzeDocument(reportId: string, doc: StructuredDocument): DocumentAnalysis {
  return { facts: extractFacts(reportId, doc), metadata: detectReportMetadata(doc.pages) };
}
