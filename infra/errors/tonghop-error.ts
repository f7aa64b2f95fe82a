import type { LocalizedText } from '../../schemas/localized-text.ts';

/**
 * The one error class tonghop throws on purpose. `code` is stable (TH_ERR_*), `reason`
 * is what a person reads (Vietnamese first), and `retriable` tells the bus whether
 * trying again can help: an unreadable PDF stays unreadable, a broker hiccup does not.
 */
export class TonghopError extends Error {
  override readonly name = 'TonghopError';
  readonly code: string;
  readonly reason: LocalizedText;
  readonly retriable: boolean;
  readonly status: number;

  constructor(code: string, reason: LocalizedText, opts: { retriable: boolean; status: number; cause?: unknown }) {
    super(`${code}: ${reason.en}`, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.reason = reason;
    this.retriable = opts.retriable;
    this.status = opts.status;
  }
}

/**
 * Errors cross process boundaries (and module copies), so match on the name and code
 * as well as on `instanceof`.
 */
export function isTonghopError(err: unknown): err is TonghopError {
  return err instanceof TonghopError
    || (err instanceof Error && err.name === 'TonghopError' && typeof (err as { code?: unknown }).code === 'string');
}

/** Unknown errors are retriable: a transient fault is the likelier cause, and retries are bounded. */
export function isRetriable(err: unknown): boolean {
  return isTonghopError(err) ? err.retriable : true;
}
