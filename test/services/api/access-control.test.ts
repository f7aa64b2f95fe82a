import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, bearer, type ApiHarness } from '../../support/api-harness.ts';
import { multipartBody } from '../../support/multipart-body.ts';
import { minimalPdf } from '../../support/minimal-pdf.ts';

/**
 * Every endpoint enforces the token's scope (services/api/access/access-policy.ts), on a real
 * consolidator database with two provinces (test/support/api-harness.ts).
 */
describe('analyst API: access', () => {
  let a: ApiHarness;
  beforeAll(async () => { a = await apiHarness(); });
  afterAll(async () => { await a.close(); });

  const get = (url: string, token?: string) => a.app.inject({ url, headers: token ? bearer(token) : {} });
  const flagUnits = async (token: string, query = '') => {
    const r = await get(`/v1/flags?status=all${query}`, token);
    expect(r.statusCode).toBe(200);
    return [...new Set((r.json<{ flags: { flag: { unit: string } }[] }>()).flags.map((f) => f.flag.unit))].sort();
  };
  const upload = (token: string, fields: Record<string, string>) => {
    const body = multipartBody(fields, { name: 'bao-cao.pdf', bytes: minimalPdf([['Báo cáo']]) });
    return a.app.inject({ method: 'POST', url: '/v1/reports', payload: body.payload, headers: { ...body.headers, ...bearer(token) } });
  };

  it('refuses requests without a valid token (401), with the error shape', async () => {
    for (const r of [await get('/v1/flags'), await get('/v1/flags', 'not-a-token'),
      await a.app.inject({ url: '/v1/flags', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } })]) {
      expect(r.statusCode).toBe(401);
      const body = r.json<{ code: string; message: { vi: string; en: string } }>();
      expect(Object.keys(body).sort()).toEqual(['code', 'message']);
      expect(body.code).toBe('TH_ERR_UNAUTHORIZED');
      expect(body.message.vi).toContain('mã truy cập');
      expect(body.message.en).toContain('token');
    }
    expect((await get('/docs/json')).statusCode).toBe(200);
  });

  it('a commune sees its own alerts and cannot read its neighbour’s', async () => {
    expect(await flagUnits('unit-90002')).toEqual(['90002']);
    expect(await flagUnits('unit-90001')).toEqual([]);
    const neighbour = await get('/v1/flags?unit=90002', 'unit-90001');
    expect(neighbour.statusCode).toBe(403);
    expect(neighbour.json<{ code: string }>().code).toBe('TH_ERR_FORBIDDEN');
    // Asking for the parent district does not widen a commune's scope either.
    expect((await get('/v1/flags?unit=901', 'unit-90001')).statusCode).toBe(403);
  });

  it('a commune cannot read its neighbour’s reports, figures, units or files', async () => {
    const own = await get('/v1/reports', 'unit-90001');
    expect(own.json<{ reports: { unit: string }[] }>().reports.map((r) => r.unit)).toEqual(['90001']);
    expect((await get('/v1/reports?unit=90002', 'unit-90001')).statusCode).toBe(403);
    const id = a.reportIds['90002']!;
    for (const url of [`/v1/reports/${id}`, `/v1/reports/${id}/file`]) {
      const r = await get(url, 'unit-90001');
      expect(r.statusCode).toBe(404);
      expect(r.json<{ code: string }>().code).toBe('TH_ERR_NOT_FOUND');
    }
    expect((await get(`/v1/reports/${id}`, 'unit-90002')).statusCode).toBe(200);
    expect((await get('/v1/figures?unit=90002', 'unit-90001')).statusCode).toBe(403);
    const figures = await get('/v1/figures?period=2022', 'unit-90001');
    expect(figures.json<{ figures: { unit: string }[] }>().figures.map((f) => f.unit)).toEqual(['90001']);
    expect((await get('/v1/units/90002', 'unit-90001')).statusCode).toBe(403);
    expect((await get('/v1/units?parent=901', 'unit-90001')).statusCode).toBe(403);
  });

  it('a commune submits for itself (its unit by default) and never on a neighbour’s behalf', async () => {
    const before = a.submissions.length;
    const denied = await upload('unit-90001', { claimedPeriod: '2023', claimedUnit: '90002' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ code: string }>().code).toBe('TH_ERR_FORBIDDEN');
    expect(denied.json<{ message: { en: string } }>().message.en).toContain('90002');
    expect(a.submissions.length).toBe(before);
    const own = await upload('unit-90001', { claimedPeriod: '2023' });
    expect(own.statusCode).toBe(202);
    expect(own.json()).toMatchObject({ status: 'accepted', unit: '90001', period: '2023' });
    expect(a.submissions.at(-1)?.claims).toEqual({ unit: '90001', period: '2023', submittedBy: 'token:unit-90001' });
  });

  it('an analyst of province 90 reads its subtree and not province 91 — by the register, not by code prefix', async () => {
    expect(await flagUnits('analyst-90')).toEqual(expect.arrayContaining(['901', '90002']));
    expect(await flagUnits('analyst-90')).not.toContain('91101');
    expect((await get('/v1/flags?unit=91', 'analyst-90')).statusCode).toBe(403);
    // 90099 starts with 90 but lies in province 91.
    expect((await get('/v1/figures?unit=90099', 'analyst-90')).statusCode).toBe(403);
    expect((await get('/v1/figures?unit=90099', 'analyst-91')).statusCode).toBe(200);
    const all90 = (await get('/v1/figures?period=2022', 'analyst-90')).json<{ figures: { unit: string }[] }>().figures.map((f) => f.unit);
    expect(all90).toContain('90001');
    expect(all90).not.toContain('90099');
    const all91 = (await get('/v1/figures?period=2022', 'analyst-91')).json<{ figures: { unit: string }[] }>().figures.map((f) => f.unit).sort();
    // 91101's figure is ambiguous (text ≠ table) and stays out; 91 has a derived figure from 911.
    expect(all91).toEqual(['90099', '91', '911']);
    expect((await get(`/v1/reports/${a.reportIds['90099']!}`, 'analyst-90')).statusCode).toBe(404);
    expect((await get(`/v1/reports/${a.reportIds['90099']!}`, 'analyst-91')).statusCode).toBe(200);
    const units = (await get('/v1/units', 'analyst-91')).json<{ units: { code: string }[] }>().units.map((u) => u.code);
    expect(units).toEqual(['91']);
    expect((await upload('analyst-90', { claimedPeriod: '2023', claimedUnit: '90099' })).statusCode).toBe(403);
    expect((await upload('analyst-90', { claimedPeriod: '2023', claimedUnit: '90003' })).statusCode).toBe(202);
  });

  it('a national analyst reads every province', async () => {
    expect(await flagUnits('national')).toEqual(expect.arrayContaining(['90002', '91101']));
    expect((await get('/v1/units', 'national')).json<{ units: { code: string }[] }>().units.map((u) => u.code)).toEqual(['90', '91']);
  });

  it('only admins manage tokens; a new token works at once and a revoked one stops at once', async () => {
    for (const token of ['national', 'analyst-90', 'unit-90001']) {
      expect((await get('/v1/admin/tokens', token)).statusCode).toBe(403);
    }
    const list = await get('/v1/admin/tokens', 'admin');
    expect(list.statusCode).toBe(200);
    expect(JSON.stringify(list.json())).not.toMatch(/sha256|[0-9a-f]{64}/);
    const created = await a.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: bearer('admin'), payload: { id: 'xa-90003', name: 'Xã Một 3', role: 'unit', unit: '90003' } });
    expect(created.statusCode).toBe(201);
    const { token } = created.json<{ token: string }>();
    expect(token).toMatch(/^th_/);
    expect((await get('/v1/me', token)).json()).toMatchObject({ id: 'xa-90003', role: 'unit', unit: '90003' });
    expect((await get('/v1/reports', token)).json<{ reports: { unit: string }[] }>().reports.map((r) => r.unit)).toEqual(['90003']);
    const dup = await a.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: bearer('admin'), payload: { id: 'xa-90003', name: 'again', role: 'admin' } });
    expect(dup.statusCode).toBe(409);
    const bad = await a.app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: bearer('admin'), payload: { name: 'no unit', role: 'unit' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ code: string }>().code).toBe('TH_ERR_INVALID_REQUEST');
    expect((await a.app.inject({ method: 'DELETE', url: '/v1/admin/tokens/xa-90003', headers: bearer('admin') })).statusCode).toBe(204);
    expect((await get('/v1/me', token)).statusCode).toBe(401);
    expect((await a.app.inject({ method: 'DELETE', url: '/v1/admin/tokens/xa-90003', headers: bearer('admin') })).statusCode).toBe(404);
  });

  it('only admins manage contacts; a change reaches the store the notifier reads, and secrets are never read back', async () => {
    const contact = { unit: '90001', name: 'Văn phòng UBND xã', email: ['vanphong@90001.example.vn'], webhook: { url: 'https://hooks.example.vn/90001', secret: 's'.repeat(24) } };
    for (const token of ['unit-90001', 'analyst-90', 'national']) {
      expect((await get('/v1/admin/contacts', token)).statusCode).toBe(403);
      expect((await a.app.inject({ method: 'PUT', url: '/v1/admin/contacts/90001', headers: bearer(token), payload: contact })).statusCode).toBe(403);
    }
    const put = await a.app.inject({ method: 'PUT', url: '/v1/admin/contacts/90001', headers: bearer('admin'), payload: contact });
    expect(put.statusCode).toBe(200);
    expect(put.body).not.toContain('s'.repeat(24));
    expect(put.json()).toEqual({ unit: '90001', name: 'Văn phòng UBND xã', email: ['vanphong@90001.example.vn'], webhook: { url: 'https://hooks.example.vn/90001', secretSet: true } });
    expect((await a.contacts.read()).units).toEqual([contact]);
    const listed = await get('/v1/admin/contacts', 'admin');
    expect(listed.json<{ contacts: { unit: string }[] }>().contacts.map((c) => c.unit)).toEqual(['90001']);
    expect(listed.body).not.toContain('s'.repeat(24));
    // Invalid contacts and a body for another unit are refused, and change nothing.
    const invalid = await a.app.inject({ method: 'PUT', url: '/v1/admin/contacts/90002', headers: bearer('admin'), payload: { unit: '90002', email: ['not-an-address'], webhook: { url: 'http://hooks.example.vn/x', secret: 'short' } } });
    expect(invalid.statusCode).toBe(400);
    const elsewhere = await a.app.inject({ method: 'PUT', url: '/v1/admin/contacts/90002', headers: bearer('admin'), payload: contact });
    expect(elsewhere.statusCode).toBe(400);
    expect((await a.contacts.read()).units.map((c) => c.unit)).toEqual(['90001']);
    expect((await a.app.inject({ method: 'DELETE', url: '/v1/admin/contacts/90001', headers: bearer('admin') })).statusCode).toBe(204);
    expect((await a.app.inject({ method: 'DELETE', url: '/v1/admin/contacts/90001', headers: bearer('admin') })).statusCode).toBe(404);
    expect((await a.contacts.read()).units).toEqual([]);
  });

  it('reporting units may not run SQL', async () => {
    const r = await a.app.inject({ method: 'POST', url: '/v1/query', headers: bearer('unit-90001'), payload: { sql: 'SELECT 1' } });
    expect(r.statusCode).toBe(403);
  });
});
