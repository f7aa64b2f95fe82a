import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryTokenStore } from '../../../infra/auth/token-store.memory.ts';
import { loadConfig } from '../../../pipelines/config.ts';
import { startEmbedded, type EmbeddedPipeline } from '../../../pipelines/embedded-runner.ts';
import { TokenRecord } from '../../../schemas/api/access-token.ts';
import { buildApiServer } from '../../../services/api/api-server.ts';
import { tokenSha256 } from '../../../services/api/access/token-secret.ts';
import { loadUnitRegistry } from '../../../services/registry/unit-registry.ts';
import { bearer } from '../../support/api-harness.ts';
import { minimalPdf } from '../../support/minimal-pdf.ts';
import { multipartBody } from '../../support/multipart-body.ts';
import { capturingLogger } from '../../support/silent-logger.ts';

/**
 * POST /v1/reports through the real embedded pipeline (ingest → parser → consolidator) and the
 * shipped register: Xã Quảng Ngạn (19873) submits sample 003 and reads back its facts and flags.
 */
const samples = join(import.meta.dirname, '../../../samples');

describe('analyst API: intake', () => {
  let dir: string;
  let pipeline: EmbeddedPipeline;
  let app: FastifyInstance;
  let docx: Uint8Array;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-api-intake-'));
    pipeline = await startEmbedded(loadConfig({}, { dataDir: dir }), capturingLogger().log);
    const createdAt = '2026-01-01T00:00:00.000Z';
    const tokens = createMemoryTokenStore([
      TokenRecord.parse({ id: 'quang-ngan', name: 'Xã Quảng Ngạn', role: 'unit', unit: '19873', sha256: tokenSha256('quang-ngan'), createdAt }),
      TokenRecord.parse({ id: 'quang-cong', name: 'Xã Quảng Công', role: 'unit', unit: '19867', sha256: tokenSha256('quang-cong'), createdAt }),
    ]);
    app = await buildApiServer({ db: pipeline.db, store: pipeline.store, intake: pipeline.ingest, registry: loadUnitRegistry(), tokens, contacts: pipeline.contacts, options: { maxUploadBytes: 100_000 } });
    docx = new Uint8Array(await readFile(join(samples, '003-xa-quang-ngan-cchc-2011-2020.docx')));
  });
  afterAll(async () => {
    await app.close();
    await pipeline.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = (fields: Record<string, string>, file?: { name: string; bytes: Uint8Array; field?: string }, token = 'quang-ngan') => {
    const body = multipartBody(fields, file);
    return app.inject({ method: 'POST', url: '/v1/reports', payload: body.payload, headers: { ...body.headers, ...bearer(token) } });
  };

  it('takes a report, returns its id at once, and serves its facts and flags once parsed', async () => {
    const r = await upload({ claimedPeriod: '2011..2020' }, { name: 'bao-cao-quang-ngan.docx', bytes: docx });
    expect(r.statusCode).toBe(202);
    const accepted = r.json<{ reportId: string; status: string; unit: string; reportUrl: string }>();
    expect(accepted).toMatchObject({ status: 'accepted', unit: '19873', period: '2011..2020', fileName: 'bao-cao-quang-ngan.docx', bytes: docx.length });
    await pipeline.whenIdle();
    const report = await app.inject({ url: accepted.reportUrl, headers: bearer('quang-ngan') });
    expect(report.statusCode).toBe(200);
    const body = report.json<{ status: string; unit: string; submittedBy: string; facts: { evidence: { page: number; quote: string } }[]; flags: { flag: { family: string; severity: string } }[] }>();
    expect(body).toMatchObject({ status: 'parsed', unit: '19873', submittedBy: 'token:quang-ngan' });
    expect(body.facts.length).toBeGreaterThan(100);
    expect(body.facts.every((f) => f.evidence.page >= 1 && f.evidence.quote.length > 0)).toBe(true);
    // The staffing appendix: 24 present against a quota of 23.
    expect(body.flags.map((f) => [f.flag.family, f.flag.severity])).toContainEqual(['bounds', 'error']);
    const file = await app.inject({ url: `${accepted.reportUrl}/file`, headers: bearer('quang-ngan') });
    expect(file.rawPayload.equals(Buffer.from(docx))).toBe(true);
    // The neighbour sees none of it.
    expect((await app.inject({ url: accepted.reportUrl, headers: bearer('quang-cong') })).statusCode).toBe(404);

    const again = await upload({ claimedPeriod: '2011..2020' }, { name: 'lan-2.docx', bytes: docx });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ status: 'duplicate', reportId: accepted.reportId });
  });

  it('refuses bad uploads with the ingest service’s codes, and keeps serving', async () => {
    const refusal = (res: Awaited<ReturnType<typeof upload>>) => ({ status: res.statusCode, code: res.json<{ code: string }>().code });
    expect(refusal(await upload({ claimedPeriod: '2022' }, { name: 'rong.pdf', bytes: new Uint8Array(0) }))).toEqual({ status: 400, code: 'TH_ERR_EMPTY_FILE' });
    expect(refusal(await upload({ claimedPeriod: '2022' }, { name: 'bang.xlsx', bytes: new TextEncoder().encode('chỉ là văn bản, không phải PDF') })))
      .toEqual({ status: 415, code: 'TH_ERR_UNSUPPORTED_TYPE' });
    expect(refusal(await upload({ claimedPeriod: '2022' }, { name: 'lon.pdf', bytes: new Uint8Array(200_000).fill(0x25) }))).toEqual({ status: 413, code: 'TH_ERR_FILE_TOO_LARGE' });
    expect(refusal(await upload({ claimedPeriod: '2022' }))).toEqual({ status: 400, code: 'TH_ERR_INVALID_REQUEST' });
    expect(refusal(await upload({}, { name: 'x.docx', bytes: docx }))).toEqual({ status: 400, code: 'TH_ERR_INVALID_REQUEST' });
    expect(refusal(await upload({ claimedPeriod: 'năm ngoái' }, { name: 'x.docx', bytes: docx }))).toEqual({ status: 400, code: 'TH_ERR_INVALID_REQUEST' });
    expect(refusal(await upload({ claimedPeriod: '2022', claimedUnit: '19867' }, { name: 'x.docx', bytes: docx }))).toEqual({ status: 403, code: 'TH_ERR_FORBIDDEN' });
    const json = await app.inject({ method: 'POST', url: '/v1/reports', headers: bearer('quang-ngan'), payload: { claimedPeriod: '2022' } });
    expect(json.statusCode).toBeGreaterThanOrEqual(400);
    expect(json.statusCode).toBeLessThan(500);

    // PDF-shaped but cut short: accepted, then failed with the parser's code.
    const cut = await upload({ claimedPeriod: '2022' }, { name: 'cut.pdf', bytes: minimalPdf([['Bao cao']]).subarray(0, 100) });
    expect(cut.statusCode).toBe(202);
    await pipeline.whenIdle();
    const failed = await app.inject({ url: cut.json<{ reportUrl: string }>().reportUrl, headers: bearer('quang-ngan') });
    const failure = failed.json<{ status: string; errorCode: string; reason: { vi: string; en: string } | null }>();
    expect(failure).toMatchObject({ status: 'failed', errorCode: 'TH_ERR_PDF_CORRUPT' });
    expect(failure.reason?.vi.length).toBeGreaterThan(5);
    expect(failure.reason?.en.length).toBeGreaterThan(5);
    const list = await app.inject({ url: '/v1/reports', headers: bearer('quang-ngan') });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ reports: { fileName: string }[] }>().reports.map((x) => x.fileName)).toEqual(expect.arrayContaining(['bao-cao-quang-ngan.docx', 'cut.pdf']));
  });
});
