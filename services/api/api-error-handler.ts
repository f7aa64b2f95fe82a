import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorDefinition, tonghopError, type ErrorCode } from '../../infra/errors/error-catalog.ts';
import { isTonghopError, type TonghopError } from '../../infra/errors/tonghop-error.ts';
import type { ApiError } from '../../schemas/api/api-error.ts';

/**
 * Every error leaves the API as `{ code, message: { vi, en } }` (schemas/api/api-error.ts)
 * with the catalogue's HTTP status: coded errors as they are; request validation →
 * TH_ERR_INVALID_REQUEST (400) naming the fields; an oversized multipart file →
 * TH_ERR_FILE_TOO_LARGE (413); fastify's own 4xx → TH_ERR_INVALID_REQUEST with fastify's
 * status; an unknown route → TH_ERR_NOT_FOUND; anything else → TH_ERR_INTERNAL (500), logged.
 */
export function installErrorHandling(app: FastifyInstance, maxUploadBytes: number): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const [status, body] = toApiError(err, maxUploadBytes);
    if (status >= 500) request.log.error({ err }, 'request failed');
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const e = tonghopError('TH_ERR_NOT_FOUND', [`${request.method} ${request.url.split('?')[0] ?? ''}`]);
    return reply.code(404).send(body(e));
  });
}

function body(e: TonghopError): ApiError {
  return { code: e.code, message: e.reason };
}

function coded(code: ErrorCode, args: (string | number)[], status = errorDefinition(code).status): [number, ApiError] {
  return [status, body(tonghopError(code, args))];
}

export function toApiError(err: FastifyError, maxUploadBytes: number): [number, ApiError] {
  if (isTonghopError(err)) return [err.status, body(err)];
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext ?? 'request';
    const issues = err.validation.map((v) => `${where}${v.instancePath.replace(/\//g, '.')}: ${v.message ?? 'invalid'}`).join('; ');
    return coded('TH_ERR_INVALID_REQUEST', [issues]);
  }
  if (isResponseSerializationError(err)) return coded('TH_ERR_INTERNAL', ['response does not match its schema']);
  if (err.code === 'FST_REQ_FILE_TOO_LARGE') return coded('TH_ERR_FILE_TOO_LARGE', ['upload', `> ${maxUploadBytes}`, maxUploadBytes]);
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 400 && status < 500) return coded('TH_ERR_INVALID_REQUEST', [err.message], status);
  return coded('TH_ERR_INTERNAL', [err.message]);
}
