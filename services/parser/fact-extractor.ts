import type { Fact } from '../../schemas/fact/v1.ts';
import type { StructuredDocument } from './document-model.ts';
import { tableFacts } from './tables/table-facts.ts';
import { statementFacts } from './statements/statement-facts.ts';
import { matchIndicator } from './indicators/index.ts';

/**
 * A structured document → its facts, in document order, each with the catalog's
 * indicator code where one matches (services/parser/indicators/). Tables give one
 * fact per numeric cell; running text gives statements (services/parser/statements/).
 */
export type BlockFactExtractor = (reportId: string, doc: StructuredDocument) => Fact[];

export function extractFacts(reportId: string, doc: StructuredDocument, extractors: BlockFactExtractor[] = [statementFacts, extractTableFacts]): Fact[] {
  const facts = extractors.flatMap((extract) => extract(reportId, doc));
  facts.sort((a, b) => a.evidence.page - b.evidence.page || a.evidence.start - b.evidence.start);
  return facts.map(withIndicator);
}

export function extractTableFacts(reportId: string, doc: StructuredDocument): Fact[] {
  return doc.pages.flatMap((page) => page.blocks.flatMap((block) => (block.kind === 'table' ? tableFacts(reportId, page, block) : [])));
}

function withIndicator(fact: Fact): Fact {
  if (fact.indicator) return fact;
  // `%` is a unit, not a counted noun: passed as one it would contradict every percentage's nouns.
  const noun = fact.unit && fact.unit !== '%' ? fact.unit : undefined;
  const match = matchIndicator({ label: fact.label, noun, sentence: fact.evidence.quote, kind: fact.kind });
  return match ? { ...fact, indicator: match.code } : fact;
}
