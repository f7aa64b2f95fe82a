import { describe, expect, it } from 'vitest';
import { createEvent, EventSchemas, EVENT_TYPES } from '../../schemas/events.ts';
import { Period, UnitCode } from '../../schemas/identifiers.ts';
import { FactV1 } from '../../schemas/fact/v1.ts';

describe('event schemas', () => {
  it('build a CloudEvents-style envelope around valid data', () => {
    const e = createEvent({
      type: 'report.failed', source: 'tonghop/test', subject: '79', id: 'fixed', time: new Date('2026-01-01T00:00:00Z'),
      data: { reportId: 'b'.repeat(64), stage: 'ingest', code: 'TH_ERR_EMPTY_FILE', reason: { vi: 'rỗng', en: 'empty' }, retriable: false },
    });
    expect(e).toEqual({
      specversion: '1.0', id: 'fixed', type: 'report.failed', source: 'tonghop/test', time: '2026-01-01T00:00:00.000Z',
      subject: '79', dataVersion: 'v1', data: expect.objectContaining({ code: 'TH_ERR_EMPTY_FILE' }) as unknown,
    });
  });

  it('refuse data that breaks the schema', () => {
    expect(() => createEvent({
      type: 'report.failed', source: 's', subject: '79',
      data: { reportId: 'short', stage: 'ingest', code: 'bad code', reason: { vi: '', en: 'x' }, retriable: false },
    })).toThrow(/reportId|code|vi/);
  });

  it('exist for every event type of the architecture', () => {
    expect(EVENT_TYPES.sort()).toEqual(['bus.dead-letter', 'dq.alert', 'dq.flag', 'facts.extracted', 'report.failed', 'report.parsed', 'report.progress', 'report.submitted']);
    for (const type of EVENT_TYPES) expect(EventSchemas[type].shape.type.value).toBe(type);
  });

  it.each(['2016', '2020-Q1', '2020-H2', '2020-M03', '2020-9M', '2011..2020', 'unknown'])('accept the period %s', (p) => {
    expect(Period.safeParse(p).success).toBe(true);
  });

  it.each(['16', '2020-Q5', '2020-M13', 'năm 2016', '2011-2020'])('refuse the period %s', (p) => {
    expect(Period.safeParse(p).success).toBe(false);
  });

  it('take unit codes as GSO digits or unknown', () => {
    expect(['79', '760', '26734', 'unknown'].map((u) => UnitCode.safeParse(u).success)).toEqual([true, true, true, true]);
    expect(['7', '123456', 'Sóc Trăng'].map((u) => UnitCode.safeParse(u).success)).toEqual([false, false, false]);
  });

  it('require provenance on every fact', () => {
    const base = { id: 'f', reportId: 'c'.repeat(64), kind: 'count', label: 'hồ sơ', value: 3, unit: 'hồ sơ' };
    expect(FactV1.safeParse(base).success).toBe(false);
    expect(FactV1.safeParse({ ...base, evidence: { reportId: 'c'.repeat(64), page: 2, start: 5, end: 4, quote: 'x' } }).success).toBe(false);
    expect(FactV1.safeParse({ ...base, evidence: { reportId: 'c'.repeat(64), page: 2, start: 5, end: 9, quote: '3 hồ sơ' } }).success).toBe(true);
  });
});
