// What two box sources (poppler's pdftotext, pdf.js) make of one PDF, compared at each stage
// and reported as readable differences, so a failing test says what differs and where:
//   boxes     → blocks, lines and words (text exact, boxes within a tolerance)
//   analysis  → facts (kind, numbers, indicator, label, page, quote) and flags, as
//               `tonghop analyze` computes them (pipelines/cli/analyze-command.ts)
import type { Fact } from '../../../../schemas/fact/v1.ts';
import type { Flag } from '../../../../schemas/flag/v1.ts';
import { Period } from '../../../../schemas/identifiers.ts';
import { checkDocument } from '../../../../services/consolidator/rules/document-rules.ts';
import { analyzeDocument } from '../../../../services/parser/document-analysis.ts';
import type { StructuredDocument } from '../../../../services/parser/document-model.ts';
import type { BboxBlock, BboxPage, BboxWord } from '../../../../services/parser/pdf/bbox-page.ts';
import { resolveReportUnit } from '../../../../services/parser/report-unit.ts';
import { loadUnitRegistry } from '../../../../services/registry/unit-registry.ts';

/** Blocks of one source with no block of the same lines and words in the other, per page. */
export function boxDifferences(a: BboxPage[], b: BboxPage[], tolerance: number): string[] {
  const out: string[] = [];
  if (a.length !== b.length) out.push(`${a.length} pages vs ${b.length}`);
  a.forEach((pa, p) => {
    const pb = b[p];
    if (!pb) return;
    if (Math.abs(pa.width - pb.width) > 0.01 || Math.abs(pa.height - pb.height) > 0.01) {
      out.push(`page ${p + 1}: ${pa.width}×${pa.height} vs ${pb.width}×${pb.height}`);
    }
    // Block order is each source's reading order; the layout does not depend on it.
    const unmatched = [...pb.blocks];
    for (const block of pa.blocks) {
      const i = unmatched.findIndex((other) => sameBlock(block, other, tolerance));
      if (i >= 0) unmatched.splice(i, 1);
      else out.push(`page ${p + 1}: only in the first: ${describe(block)}`);
    }
    for (const block of unmatched) out.push(`page ${p + 1}: only in the second: ${describe(block)}`);
  });
  return out;
}

function sameBlock(a: BboxBlock, b: BboxBlock, tolerance: number): boolean {
  return a.lines.length === b.lines.length && a.lines.every((line, l) => {
    const other = b.lines[l]!;
    return line.words.length === other.words.length && line.words.every((w, i) => sameWord(w, other.words[i]!, tolerance));
  });
}

function sameWord(a: BboxWord, b: BboxWord, tolerance: number): boolean {
  return a.text === b.text && Math.abs(a.xMin - b.xMin) <= tolerance && Math.abs(a.xMax - b.xMax) <= tolerance
    && Math.abs(a.yMin - b.yMin) <= tolerance && Math.abs(a.yMax - b.yMax) <= tolerance;
}

function describe(block: BboxBlock): string {
  return block.lines.map((l) => l.words.map((w) => `${w.text}@${w.xMin.toFixed(2)},${w.yMin.toFixed(2)}–${w.xMax.toFixed(2)}`).join(' ')).join(' | ').slice(0, 400);
}

/** Facts and flags of a document, as `tonghop analyze --json` gives them. */
export function analyze(doc: StructuredDocument): { facts: Fact[]; flags: Flag[] } {
  const { facts, metadata } = analyzeDocument('0'.repeat(64), doc);
  const period = Period.safeParse(metadata.period?.value);
  const resolved = resolveReportUnit(loadUnitRegistry(), metadata);
  return { facts, flags: checkDocument({ unit: resolved.code ?? 'unknown', period: period.success ? period.data : 'unknown', facts }) };
}

/** The fields a fact is compared on. */
export function factKey(f: Fact) {
  return {
    kind: f.kind, value: f.value, total: f.total, parts: f.parts, numerator: f.numerator, denominator: f.denominator,
    rate: f.rate, indicator: f.indicator, label: f.label, page: f.evidence.page, quote: f.evidence.quote,
  };
}

/** The fields a flag is compared on. */
export function flagKey(f: Flag) {
  return { ruleId: f.ruleId, severity: f.severity, values: f.values, evidence: f.evidence.map((e) => ({ page: e.page, quote: e.quote })) };
}

/** Differences between two lists, item by item: `#i field: a ≠ b («quote»)`, and items only on one side. */
export function listDifferences<T extends object>(a: T[], b: T[], what: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) {
      out.push(`${what} #${i} only in the ${x ? 'first' : 'second'}: ${JSON.stringify(x ?? y).slice(0, 300)}`);
      continue;
    }
    for (const field of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const vx = JSON.stringify((x as Record<string, unknown>)[field]);
      const vy = JSON.stringify((y as Record<string, unknown>)[field]);
      if (vx !== vy) out.push(`${what} #${i} ${field}: ${vx} ≠ ${vy} («${String((x as { quote?: string }).quote ?? '').slice(0, 120)}»)`);
    }
  }
  return out;
}
