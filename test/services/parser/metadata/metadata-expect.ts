import { expect } from 'vitest';
import type { ReportMetadata, Span } from '../../../../services/parser/metadata/index.ts';

/** Every span in the metadata quotes its page exactly: `quote === text.slice(start, end)`. */
export function expectSpansQuoteTheText(meta: ReportMetadata, pages: readonly { page: number; text: string }[]): void {
  const spans: Span[] = [
    ...(meta.unit ? [meta.unit.evidence] : []),
    ...(meta.parentUnits ?? []).map((u) => u.evidence),
    ...(meta.levelHint ? [meta.levelHint.evidence] : []),
    ...(meta.period ? [meta.period.evidence] : []),
    ...(meta.periodHint ? [meta.periodHint.evidence] : []),
    ...(meta.reportNumber ? [meta.reportNumber.evidence] : []),
    ...(meta.reportDate ? [meta.reportDate.evidence] : []),
    ...(meta.title ? [meta.title.evidence] : []),
  ];
  for (const span of spans) {
    const page = pages.find((p) => p.page === span.page);
    expect(page, `page ${span.page}`).toBeDefined();
    expect(span.end).toBeGreaterThan(span.start);
    expect(page?.text.slice(span.start, span.end)).toBe(span.quote);
  }
}

export function warningCodes(meta: ReportMetadata): string[] {
  return meta.warnings.map((w) => w.code).sort();
}

/** One page of synthetic text, NFC as the readers deliver it. */
export function onePage(text: string): { page: number; text: string }[] {
  return [{ page: 1, text: text.normalize('NFC') }];
}
