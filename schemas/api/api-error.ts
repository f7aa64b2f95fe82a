import { z } from 'zod';
import { LocalizedText } from '../localized-text.ts';

/**
 * Every error the analyst API returns: a stable code from the error catalogue
 * (infra/errors/error-catalog.ts, README "Mã lỗi / Error codes") and what a person reads,
 * Vietnamese first. The HTTP status is the catalogue's.
 */
export const ApiError = z.object({
  code: z.string().regex(/^TH_ERR_[A-Z0-9_]+$/),
  message: LocalizedText,
}).meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiError>;

/** The error responses every authenticated route may give, for OpenAPI. */
export const ERROR_RESPONSES = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError } as const;
