import { FlagV1, type Flag } from '../../../schemas/flag/v1.ts';
import { boundViolations } from './bounds.ts';
import { flagId } from './flag-id.ts';
import type { DocumentFacts, FlagDraft } from './flag-draft.ts';
import { granularityViolations } from './granularity.ts';
import { indicatorRuleViolations } from './indicator-rules.ts';
import { rateMismatches } from './rate-mismatch.ts';
import { sumMismatches } from './sum-mismatch.ts';
import { scopePartitionViolations } from './scope-partition.ts';
import { fileFlowViolations } from './file-flow.ts';
import { withSeverityPolicy } from './severity-policy.ts';

/**
 * The checks one report can be put to on its own (families 1–4 and the indicator rules):
 * what `tonghop analyze` prints and what the consolidator stores for a parsed report.
 * Flags come out in document order (page, then position), errors before warnings before
 * info on the same spot; each is validated against the flag schema. Every draft passes the
 * severity policy (severity-policy.ts) on its way out.
 */
export type DocumentCheck = (doc: DocumentFacts) => FlagDraft[];

export const DOCUMENT_CHECKS: readonly DocumentCheck[] = [rateMismatches, sumMismatches, boundViolations, granularityViolations, indicatorRuleViolations, fileFlowViolations, scopePartitionViolations];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function checkDocument(doc: DocumentFacts, checks: readonly DocumentCheck[] = DOCUMENT_CHECKS): Flag[] {
  const drafts = checks.flatMap((check) => check(doc)).map(withSeverityPolicy);
  const flags = drafts.map((d) => toFlag(d, doc));
  const unique = [...new Map(flags.map((f) => [f.id, f])).values()];
  const at = (f: Flag) => f.evidence[0]!;
  return unique.sort((a, b) => at(a).page - at(b).page || (at(a).start ?? 0) - (at(b).start ?? 0)
    || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function toFlag(draft: FlagDraft, doc: DocumentFacts): Flag {
  const { facts, ...rest } = draft;
  return FlagV1.parse({
    ...rest,
    id: flagId(draft.ruleId, doc.unit, doc.period, facts.map((f) => f.id)),
    unit: doc.unit,
    period: doc.period,
    evidence: facts.map((f) => ({
      reportId: f.evidence.reportId, page: f.evidence.page, quote: f.evidence.quote, start: f.evidence.start, end: f.evidence.end,
      ...(f.evidence.ocrConfidence === undefined ? {} : { ocrConfidence: f.evidence.ocrConfidence }),
    })),
    indicators: indicatorsOf(facts),
  });
}

/** The catalog codes among the facts a check read, in order, once each (empty: none has one). */
function indicatorsOf(facts: FlagDraft['facts']): string[] {
  return [...new Set(facts.flatMap((f) => (f.indicator === undefined ? [] : [f.indicator])))];
}
