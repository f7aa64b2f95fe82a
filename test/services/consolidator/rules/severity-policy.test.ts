import { describe, expect, it } from 'vitest';
import { OCR_SURE, withSeverityPolicy } from '../../../../services/consolidator/rules/severity-policy.ts';
import type { FlagDraft } from '../../../../services/consolidator/rules/flag-draft.ts';
import type { Fact } from '../../../../schemas/fact/v1.ts';
import { fact } from '../../../support/fact-builder.ts';

const own = { reach: 'own' as const, from: 'sentence' as const };
const draft = (facts: Fact[], over: Partial<FlagDraft> = {}): FlagDraft => ({
  ruleId: 'test.rule', family: 'bounds', severity: 'error', left: 105, right: 100, imbalance: 5, values: { a: 105, b: 100 },
  message: { vi: 'x', en: 'x' }, facts, ...over,
});

describe('severity policy', () => {
  it('keeps an error whose figures are exact, of one scope, with their roles read, and says why', () => {
    const out = withSeverityPolicy(draft([fact({ kind: 'count', value: 105, role: 'resolved', indicator: 'hoso.resolved', scope: own }), fact({ kind: 'count', value: 100, role: 'in-hand', indicator: 'hoso.in_hand', scope: own })]));
    expect(out.severity).toBe('error');
    expect(out.severityReason?.vi).toMatch(/^Lỗi: mọi số đều chính xác/);
  });

  it('an approximate figure (hơn, gần, `16 nghìn`) makes it a warning', () => {
    const out = withSeverityPolicy(draft([fact({ kind: 'count', value: 16000, certainty: 'approximate', label: 'hơn 16 nghìn hồ sơ', scope: own }), fact({ kind: 'count', value: 15000, scope: own })]));
    expect(out).toMatchObject({ severity: 'warning' });
    expect(out.severityReason?.vi).toContain('gần đúng');
  });

  it('a figure OCR read from a scan with low confidence makes it a warning that names the page; a sure reading stays an error', () => {
    const evidence = (ocrConfidence: number) => ({ reportId: 'r'.repeat(64), page: 3, start: 0, end: 10, quote: 'q', ocrConfidence });
    const doubtful = withSeverityPolicy(draft([
      fact({ kind: 'count', value: 105, role: 'resolved', indicator: 'hoso.resolved', scope: own, label: 'đã giải quyết', evidence: evidence(61) }),
      fact({ kind: 'count', value: 100, role: 'in-hand', indicator: 'hoso.in_hand', scope: own, evidence: evidence(96) }),
    ]));
    expect(doubtful.severity).toBe('warning');
    expect(doubtful.severityReason?.vi).toContain('đọc từ bản quét (OCR) với độ tin cậy 61%, cần đối chiếu với ảnh trang 3');
    expect(doubtful.severityReason?.en).toContain('61% confidence');
    const sure = withSeverityPolicy(draft([
      fact({ kind: 'count', value: 105, role: 'resolved', indicator: 'hoso.resolved', scope: own, evidence: evidence(OCR_SURE) }),
      fact({ kind: 'count', value: 100, role: 'in-hand', indicator: 'hoso.in_hand', scope: own, evidence: evidence(97) }),
    ]));
    expect(sure.severity).toBe('error');
  });

  it('a file count whose step was guessed, not read, makes it a warning', () => {
    const out = withSeverityPolicy(draft([fact({ kind: 'count', value: 199, indicator: 'hoso.resolved', scope: own }), fact({ kind: 'count', value: 231, role: 'on-time', indicator: 'hoso.on_time', scope: own })]));
    expect(out.severity).toBe('warning');
  });

  it('figures of two scopes compared like for like make it a warning; a breakdown by level does not', () => {
    const communes = { reach: 'levels' as const, levels: ['commune' as const], from: 'sentence' as const };
    const a = fact({ kind: 'count', value: 105, scope: own });
    const b = fact({ kind: 'count', value: 100, scope: communes });
    expect(withSeverityPolicy(draft([a, b])).severity).toBe('warning');
    expect(withSeverityPolicy(draft([a, b], { family: 'sum_mismatch' })).severity).toBe('error');
  });

  it('a gap too large for a slip, with no fix suggested, is a warning; with a fix it stays an error', () => {
    const facts = [fact({ kind: 'breakdown', total: 3, scope: own })];
    const wide = draft(facts, { family: 'sum_mismatch', left: 3, right: 7498, imbalance: -7495 });
    expect(withSeverityPolicy(wide).severity).toBe('warning');
    expect(withSeverityPolicy({ ...wide, suggestion: { vi: 'Có thể…', en: 'Perhaps…' } }).severity).toBe('error');
  });
});
