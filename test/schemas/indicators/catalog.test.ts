import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_PATH, INDICATOR_CATALOG, parseIndicatorCatalog, type IndicatorCatalog } from '../../../schemas/indicators/catalog.ts';

/** A fresh, mutable copy of the shipped file, for breaking on purpose. */
function rawCatalog(): IndicatorCatalog {
  return JSON.parse(readFileSync(CATALOG_PATH, 'utf8')) as IndicatorCatalog;
}

function minimal(indicators: unknown[]): unknown {
  return { version: 1, abbreviations: {}, rewrites: [], indicators };
}

const entry = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  code: 'hoso.received',
  name: { vi: 'Hồ sơ tiếp nhận', en: 'Files received' },
  area: 'procedures',
  unit: 'count',
  additive: true,
  aliases: ['tiếp nhận'],
  nouns: ['hồ sơ'],
  ...over,
});

describe('indicator catalog (shipped)', () => {
  it('loads and validates at import, and is frozen', () => {
    expect(INDICATOR_CATALOG.indicators.length).toBeGreaterThanOrEqual(40);
    expect(INDICATOR_CATALOG.indicators.length).toBeLessThanOrEqual(80);
    expect(Object.isFrozen(INDICATOR_CATALOG)).toBe(true);
    expect(Object.isFrozen(INDICATOR_CATALOG.indicators[0]?.aliases)).toBe(true);
  });

  it('has the codes the parser and the rules rely on', () => {
    const codes = new Set(INDICATOR_CATALOG.indicators.map((d) => d.code));
    for (const code of [
      'tthc.total', 'tthc.level.province', 'tthc.level.district', 'tthc.level.commune', 'tthc.published',
      'tthc.new', 'tthc.amended', 'tthc.replaced', 'tthc.abolished', 'tthc.time_cut',
      'hoso.received', 'hoso.resolved', 'hoso.on_time', 'hoso.late', 'hoso.in_progress', 'hoso.online', 'hoso.returned', 'hoso.rate_on_time',
      'dvc.level3', 'dvc.level4', 'dvc.total', 'dvc.partial', 'dvc.full',
      'vbqppl.issued', 'vbqppl.reviewed', 'vbqppl.abolished',
      'staff.assigned', 'staff.present', 'staff.total', 'staff.standard',
      'staff.degree.university', 'staff.degree.college', 'staff.degree.intermediate', 'staff.degree.postgraduate', 'staff.trained',
      'units.merged', 'units.reorganised',
      'finance.savings', 'finance.autonomy_units',
      'it.iso_units', 'it.email_usage', 'it.digital_signature', 'it.one_stop_units',
      'inspection.count', 'dialogue.count', 'feedback.received', 'feedback.resolved', 'satisfaction.rate',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  it('keeps percentages non-additive and points each ratio at count indicators', () => {
    const byCode = new Map(INDICATOR_CATALOG.indicators.map((d) => [d.code, d]));
    for (const d of INDICATOR_CATALOG.indicators) {
      if (d.unit === 'percent') expect(d.additive, d.code).toBe(false);
      if (d.ratio) {
        expect(byCode.get(d.ratio.numerator)?.unit, d.code).toBe('count');
        expect(byCode.get(d.ratio.denominator)?.unit, d.code).toBe('count');
      }
    }
    expect(byCode.get('tthc.total')?.additive).toBe(false);
    expect(byCode.get('hoso.received')?.additive).toBe(true);
    expect(byCode.get('finance.savings')?.unit).toBe('VND');
    expect(byCode.get('tthc.level.commune')?.level).toBe('commune');
  });

  it('re-validates the file as committed (the schema is the only definition)', () => {
    expect(() => parseIndicatorCatalog(rawCatalog())).not.toThrow();
  });
});

describe('indicator catalog schema rejects', () => {
  it('a duplicate code', () => {
    expect(() => parseIndicatorCatalog(minimal([entry(), entry({ aliases: ['nhận'] })]))).toThrow(/duplicate indicator code hoso.received/);
  });

  it('aliases that are not lowercase NFC words', () => {
    expect(() => parseIndicatorCatalog(minimal([entry({ aliases: ['Tiếp nhận'] })]))).toThrow(/lowercase NFC/);
    expect(() => parseIndicatorCatalog(minimal([entry({ aliases: ['tiếp nhận'.normalize('NFD')] })]))).toThrow(/lowercase NFC/);
    expect(() => parseIndicatorCatalog(minimal([entry({ aliases: ['sửa đổi, bổ sung'] })]))).toThrow(/lowercase NFC/);
    expect(() => parseIndicatorCatalog(minimal([entry({ aliases: ['tiếp  nhận'] })]))).toThrow(/lowercase NFC/);
  });

  it('a gap at either end of an alias', () => {
    expect(() => parseIndicatorCatalog(minimal([entry({ aliases: ['… đúng hạn'] })]))).toThrow(/may stand between two words/);
    expect(() => parseIndicatorCatalog(minimal([entry({ aliases: ['tỷ lệ … đúng hạn'] })]))).not.toThrow();
  });

  it('one alias on two indicators unless their nouns tell them apart', () => {
    const feedback = entry({ code: 'feedback.received', name: { vi: 'PAKN', en: 'Feedback' }, area: 'oversight', nouns: ['phản ánh'] });
    expect(() => parseIndicatorCatalog(minimal([entry(), feedback]))).not.toThrow();
    expect(() => parseIndicatorCatalog(minimal([entry(), { ...feedback, nouns: ['hồ sơ', 'phản ánh'] }])))
      .toThrow(/alias 'tiếp nhận' is shared by hoso.received and feedback.received/);
    expect(() => parseIndicatorCatalog(minimal([entry(), { ...feedback, nouns: undefined }]))).toThrow(/without disjoint nouns/);
  });

  it('an additive percentage, a ratio on a count, and references to unknown codes', () => {
    expect(() => parseIndicatorCatalog(minimal([entry({ unit: 'percent' })]))).toThrow(/never additive/);
    expect(() => parseIndicatorCatalog(minimal([entry({ ratio: { numerator: 'hoso.received', denominator: 'hoso.received' } })])))
      .toThrow(/only a percentage has a ratio/);
    expect(() => parseIndicatorCatalog(minimal([entry({ parts: ['hoso.resolved', 'hoso.in_progress'] })]))).toThrow(/unknown indicator hoso.resolved/);
  });

  it('unknown fields and malformed codes', () => {
    expect(() => parseIndicatorCatalog(minimal([entry({ synonyms: ['x'] })]))).toThrow();
    expect(() => parseIndicatorCatalog(minimal([entry({ code: 'HoSo' })]))).toThrow(/dot-separated/);
    const broken = rawCatalog();
    broken.version = 2 as 1;
    expect(() => parseIndicatorCatalog(broken)).toThrow();
  });
});
