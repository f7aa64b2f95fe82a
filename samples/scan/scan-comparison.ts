// Reads a born-digital report and its scanned copy the same way the product does (read,
// analyse, single-document checks) and compares them: how many of the born-digital
// facts the scan gives again, and which of its warning-or-error flags the scan raises too.
// Used by the scan tests and `npm run samples:scans`.
import type { Fact } from '../../schemas/fact/v1.ts';
import type { Flag } from '../../schemas/flag/v1.ts';
import { Period, type MediaType } from '../../schemas/identifiers.ts';
import { checkDocument } from '../../services/consolidator/rules/document-rules.ts';
import { analyzeDocument } from '../../services/parser/document-analysis.ts';
import { readDocument } from '../../services/parser/document-reader.ts';

export interface ReadReport {
  engine: string;
  facts: Fact[];
  flags: Flag[];
  unit: string | undefined;
  period: string | undefined;
}

export async function readReport(bytes: Uint8Array, mediaType: MediaType, name: string): Promise<ReadReport> {
  const doc = await readDocument(bytes, mediaType, name);
  const { facts, metadata } = analyzeDocument('0'.repeat(64), doc);
  const period = Period.safeParse(metadata.period?.value);
  const flags = checkDocument({ unit: 'unknown', period: period.success ? period.data : 'unknown', facts });
  return { engine: doc.engine, facts, flags, unit: metadata.unit?.name, period: metadata.period?.value };
}

/** A fact by what it says, not where: indicator (or label), value, rate, ratio, total. */
export function factKey(f: Fact): string {
  return [f.indicator ?? f.label, f.value, f.numerator, f.denominator, f.rate, f.total].map((v) => v ?? '').join('|');
}

/** A flag by what it says: rule, severity, the two sides compared. */
export function flagKey(f: Flag): string {
  return [f.ruleId, f.severity, f.left, f.right].join('|');
}

export interface ScanComparison {
  facts: number;
  recalled: number;
  missed: Fact[];
  /** Facts the scan gives that the born-digital report does not (misreadings, mostly). */
  extra: Fact[];
  flags: Flag[];
  flagsMissed: Flag[];
  /** Errors raised on the scan that the born-digital report does not raise. */
  newErrors: Flag[];
}

export function compareReadings(digital: ReadReport, scan: ReadReport): ScanComparison {
  const left = new Map<string, number>();
  for (const f of scan.facts) left.set(factKey(f), (left.get(factKey(f)) ?? 0) + 1);
  const missed: Fact[] = [];
  for (const f of digital.facts) {
    const n = left.get(factKey(f)) ?? 0;
    if (n > 0) left.set(factKey(f), n - 1);
    else missed.push(f);
  }
  const extra = scan.facts.filter((f) => {
    const n = left.get(factKey(f)) ?? 0;
    if (n > 0) left.set(factKey(f), n - 1);
    return n > 0;
  });
  const raised = (flags: Flag[]) => flags.filter((f) => f.severity !== 'info');
  // A scan's doubtful digit may turn an error into a warning: rule and values must match, severity need not.
  const sides = (f: Flag) => [f.ruleId, f.left, f.right].join('|');
  const scanned = new Set(raised(scan.flags).map(sides));
  const digitalErrors = new Set(digital.flags.filter((f) => f.severity === 'error').map(sides));
  return {
    facts: digital.facts.length,
    recalled: digital.facts.length - missed.length,
    missed,
    extra,
    flags: raised(digital.flags),
    flagsMissed: raised(digital.flags).filter((f) => !scanned.has(sides(f))),
    newErrors: scan.flags.filter((f) => f.severity === 'error' && !digitalErrors.has(sides(f))),
  };
}
