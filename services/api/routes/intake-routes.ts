import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ERROR_CODES, errorDefinition, tonghopError, type ErrorCode } from '../../../infra/errors/error-catalog.ts';
import { TonghopError } from '../../../infra/errors/tonghop-error.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { IntakeAccepted, IntakeFields } from '../../../schemas/api/reports.ts';
import { assertMaySubmit } from '../access/access-policy.ts';
import type { ApiContext } from '../api-context.ts';

/**
 * POST /v1/reports — a reporting unit hands in a report: multipart/form-data with `file`
 * (PDF, DOCX, DOC, XLSX or a page image), `claimedPeriod` and optionally `claimedUnit` (default: the token's unit).
 * A unit token may submit only for itself (403 otherwise). The file goes to the intake port
 * (the ingest service): 202 with the report id and `accepted` or `duplicate` (same bytes
 * already in); parsing goes on in the background — GET /v1/reports/:id shows its status,
 * facts and flags. Refused uploads get the ingest service's code and status (empty 400, not
 * an accepted kind 415, over TONGHOP_MAX_UPLOAD_BYTES 413, stopped while streaming); a file that is
 * PDF-shaped but unreadable is accepted and then shows `failed` with its code
 * (TH_ERR_PDF_CORRUPT, …).
 */
export const intakeRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  await app.register(multipart, { limits: { fileSize: ctx.options.maxUploadBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12 } });

  app.post('/', {
    schema: {
      consumes: ['multipart/form-data'],
      description: 'multipart/form-data: file (PDF, DOCX, DOC, XLSX, JPEG/PNG/TIFF), claimedPeriod (2016, 2020-Q1, …), claimedUnit? (GSO code; default the token’s unit)',
      response: { 202: IntakeAccepted, 413: ERROR_RESPONSES[400], 415: ERROR_RESPONSES[400], ...ERROR_RESPONSES },
    },
  }, async (request, reply) => {
    if (!request.isMultipart()) throw tonghopError('TH_ERR_INVALID_REQUEST', ['gửi multipart/form-data / send multipart/form-data']);
    let file: { bytes: Buffer; fileName: string } | undefined;
    const fields: Record<string, string> = {};
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') file = { bytes, fileName: part.filename || 'report' };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
    if (!file) throw tonghopError('TH_ERR_INVALID_REQUEST', ['thiếu trường "file" / the "file" field is missing']);
    const parsed = IntakeFields.safeParse(fields);
    if (!parsed.success) throw tonghopError('TH_ERR_INVALID_REQUEST', [parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')]);
    const principal = request.principal;
    const unit = parsed.data.claimedUnit ?? (principal.role === 'unit' ? principal.unit : 'unknown');
    const period = parsed.data.claimedPeriod;
    assertMaySubmit(principal, ctx.registry, unit, period);
    const result = await ctx.intake.submit({
      bytes: new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength), fileName: file.fileName,
      claims: { unit, period, submittedBy: `token:${principal.tokenId}` },
    });
    if (result.status === 'rejected') {
      const known = (ERROR_CODES as string[]).includes(result.code);
      throw new TonghopError(result.code, result.reason, { status: known ? errorDefinition(result.code as ErrorCode).status : 422, retriable: false });
    }
    return reply.code(202).send({
      reportId: result.reportId, status: result.status, unit, period, fileName: result.fileName, bytes: result.bytes, reportUrl: `/v1/reports/${result.reportId}`,
    });
  });
};
