import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodDateSql } from '../../../services/api/sql/period-date-sql.ts';
import { loadUnitRegistry } from '../../../services/registry/unit-registry.ts';
import { apiHarness, bearer, type ApiHarness } from '../../support/api-harness.ts';

/** The read endpoints a drill-down page uses, and the OpenAPI document, on a real consolidator database. */
describe('analyst API: reading', () => {
  let a: ApiHarness;
  beforeAll(async () => {
    a = await apiHarness({ options: { dueDays: 30 } });
    await a.store.put(`reports/90002/2022/${a.reportIds['90002']!}.pdf`, new TextEncoder().encode('%PDF-1.4 original'), { contentType: 'application/pdf' });
  });
  afterAll(async () => { await a.close(); });

  const get = <T = unknown>(url: string, token = 'analyst-90') => a.app.inject({ url, headers: bearer(token) }).then((r) => ({ status: r.statusCode, body: r.json<T>(), raw: r }));

  it('units: the children of a unit on a period’s map', async () => {
    const r = await get<{ date: string; units: { code: string; name: string; childCount: number }[] }>('/v1/units?parent=901&period=2022');
    expect(r.status).toBe(200);
    expect(r.body.date).toBe('2022-12-31');
    expect(r.body.units.map((u) => u.code)).toEqual(['90001', '90002', '90003', '90004']);
    const one = await get<{ unit: { name: string; childCount: number }; ancestors: { code: string }[]; children: unknown[] }>('/v1/units/901?period=2022');
    expect(one.body).toMatchObject({ unit: { name: 'Huyện Một', childCount: 4 }, ancestors: [{ code: '90' }] });
    expect(one.body.children).toHaveLength(4);
  });

  it('figures: a unit and its children, reported beside derived, with coverage and flag counts', async () => {
    const r = await get<{ figures: Record<string, unknown>[] }>('/v1/figures?unit=901&children=true&period=2022');
    expect(r.body.figures[0]).toEqual({
      unit: '901', unitName: 'Huyện Một', period: '2022', indicator: 'hoso.received', indicatorName: 'Hồ sơ tiếp nhận', scope: 'commune',
      reported: 300, derived: 305, childrenReported: 3, childrenExpected: 4, coverage: 0.75, flags: 1,
    });
    expect(r.body.figures.map((f) => f.unit)).toEqual(['901', '90001', '90003', '90004']);
    const districts = await get<{ figures: { unit: string }[] }>('/v1/figures?level=district&period=2022', 'national');
    expect(districts.body.figures.map((f) => f.unit)).toEqual(['901', '911']);
    const series = await get<{ points: { period: string; reported: number }[] }>('/v1/figures/series?unit=90001&indicator=hoso.received');
    expect(series.body.points).toEqual([expect.objectContaining({ period: '2022', reported: 100 })]);
  });

  it('figures/indicators: which indicators a level or a unit\'s children give, most units first, in the reader\'s scope', async () => {
    const all = await get<{ indicators: { indicator: string; indicatorName: string | null; units: number }[] }>('/v1/figures/indicators?level=district&period=2022', 'national');
    expect(all.status).toBe(200);
    expect(all.body.indicators).toEqual([{ indicator: 'hoso.received', indicatorName: 'Hồ sơ tiếp nhận', units: 2 }]);
    const mine = await get<{ indicators: { units: number }[] }>('/v1/figures/indicators?level=district&period=2022', 'analyst-91');
    expect(mine.body.indicators).toEqual([expect.objectContaining({ indicator: 'hoso.received', units: 1 })]);
    const children = await get<{ indicators: { indicator: string; units: number }[] }>('/v1/figures/indicators?unit=901&children=true&period=2022');
    expect(children.body.indicators).toEqual([expect.objectContaining({ indicator: 'hoso.received', units: 4 })]);
    expect((await get('/v1/figures/indicators?unit=911&children=true&period=2022', 'analyst-90')).status).toBe(403);
  });

  it('flags: filters by subtree, severity, family and status; evidence and indicators', async () => {
    const r = await get<{ flags: { status: string; indicators: string[]; flag: { unit: string; ruleId: string; evidence: { page: number; quote: string }[] } }[] }>('/v1/flags?unit=901&family=hierarchy');
    expect(r.body.flags).toHaveLength(1);
    expect(r.body.flags[0]).toMatchObject({ status: 'raised', indicators: ['hoso.received'], flag: { unit: '901', ruleId: 'hierarchy.children_sum', evidence: [{ page: 4, quote: 'cấp xã đã tiếp nhận 300 hồ sơ' }] } });
    expect((await get<{ flags: unknown[] }>('/v1/flags?unit=902')).body.flags).toEqual([]);
    // 90004 was missing while three of 901's communes had reported, until it reported too.
    const resolved = (await get<{ flags: { status: string; resolvedAt: string | null; flag: { ruleId: string; unit: string } }[] }>('/v1/flags?status=resolved')).body.flags;
    expect(resolved.map((f) => [f.status, f.flag.ruleId, f.flag.unit])).toEqual([['resolved', 'completeness.missing', '90004']]);
    expect(resolved[0]?.resolvedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await get<{ flags: { flag: { unit: string } }[] }>('/v1/flags?family=completeness')).body.flags).toEqual([]);
    const errors = (await get<{ flags: { flag: { severity: string } }[] }>('/v1/flags?severity=error')).body.flags;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => f.flag.severity === 'error')).toBe(true);
    const bad = await get<{ code: string; message: { en: string } }>('/v1/flags?severity=fatal');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('TH_ERR_INVALID_REQUEST');
    expect(bad.body.message.en).toContain('severity');
  });

  it('a report with its facts (page, span, quote), its flags, and its original file', async () => {
    const id = a.reportIds['90002']!;
    const r = await get<{ status: string; unit: string; facts: { evidence: { page: number; quote: string; start: number; end: number } }[]; flags: { flag: { ruleId: string } }[]; fileUrl: string }>(`/v1/reports/${id}`, 'unit-90002');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'parsed', unit: '90002', fileUrl: `/v1/reports/${id}/file` });
    expect(r.body.facts.map((f) => f.evidence)).toEqual([
      { reportId: id, page: 2, start: 0, end: 19, quote: 'tiếp nhận 101 hồ sơ' },
      { reportId: id, page: 5, start: 100, end: 121, quote: 'Hồ sơ tiếp nhận | 121' },
    ]);
    expect(r.body.flags.map((f) => f.flag.ruleId)).toEqual(['conflict.text_vs_table']);
    const file = await a.app.inject({ url: r.body.fileUrl, headers: bearer('unit-90002') });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.body).toBe('%PDF-1.4 original');
    expect((await get(`/v1/reports/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await get('/v1/reports/not-an-id')).status).toBe(400);
  });

  it('completeness: expected vs received per parent and period, with the late ones', async () => {
    const r = await get<{ dueDays: number; rows: Record<string, unknown>[] }>('/v1/completeness?unit=901&period=2022');
    // The harness submits in 2026 for 2022: every report is late against 30 days.
    expect(r.body.dueDays).toBe(30);
    expect(r.body.rows).toEqual([expect.objectContaining({ unit: '901', unitName: 'Huyện Một', period: '2022', expected: 4, received: 4, missing: [] })]);
    const late = r.body.rows[0]!.late as { code: string; due: string; daysLate: number }[];
    expect(late.map((l) => l.code)).toEqual(['90001', '90002', '90003', '90004']);
    expect(late[0]).toMatchObject({ due: '2023-01-30', daysLate: 1067 });
    const province = await get<{ rows: { unit: string; expected: number; received: number; missing: { code: string }[] }[] }>('/v1/completeness?period=2022');
    expect(province.body.rows).toEqual([expect.objectContaining({ unit: '90', expected: 2, received: 1, missing: [{ code: '902', name: 'Huyện Hai' }] })]);
    const own = await get<{ rows: { unit: string; expected: number }[] }>('/v1/completeness?period=2022', 'unit-90001');
    expect(own.body.rows).toEqual([expect.objectContaining({ unit: '901', expected: 1, received: 1 })]);
  });

  it('serves OpenAPI from the same zod schemas, and JSON errors for unknown routes', async () => {
    const doc = await a.app.inject({ url: '/docs/json' });
    const spec = doc.json<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of ['/v1/units/', '/v1/figures/', '/v1/figures/series', '/v1/reports/', '/v1/reports/{id}', '/v1/reports/{id}/file', '/v1/flags/', '/v1/completeness/', '/v1/query/', '/v1/admin/tokens']) {
      expect(Object.keys(spec.paths), path).toContain(path);
    }
    expect(spec.paths['/v1/flags/']!.get!.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['unit', 'period', 'severity', 'family', 'status', 'format']));
    expect((await a.app.inject({ url: '/docs' })).statusCode).toBeLessThan(400);
    const missing = await get('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'TH_ERR_NOT_FOUND' });
  });

  it('reads periods against the same date in SQL as the register does', async () => {
    const registry = loadUnitRegistry();
    const periods = ['2016', '2020-Q1', '2020-Q4', '2020-H1', '2020-H2', '2020-M02', '2021-M02', '2020-M12', '2020-9M', '2011..2020', '2001', 'unknown'];
    const rows = await a.h.db.all<{ p: string; d: string | null }>(
      `SELECT p, CAST(${periodDateSql('p', registry.firstDate)} AS VARCHAR) AS d FROM (VALUES ${periods.map((p) => `('${p}')`).join(', ')}) t(p)`);
    expect(Object.fromEntries(rows.map((r) => [r.p, r.d]))).toEqual(Object.fromEntries(periods.map((p) => [p, registry.dateFor(p) ?? null])));
  });
});
