import { createHash } from 'node:crypto';
import { tonghopError } from '../errors/error-catalog.ts';
import type { FileExtension } from '../../schemas/identifiers.ts';

/**
 * Object keys. Originals are content-addressed:
 *   reports/<unit>/<period>/<sha256>.<ext>
 * The client's file name never enters a key; unit and period are reduced to a safe
 * alphabet. Grammar of any key: segment ("/" segment)*, segment = [A-Za-z0-9._-]+,
 * and no segment is "." or "..".
 */
const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** True when `key` follows the grammar above (and is 1..1024 characters long). */
export function isValidKey(key: string): boolean {
  return key.length > 0 && key.length <= 1024
    && key.split('/').every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
}

/**
 * False when no valid key can start with `prefix` (`../`, `/x`, `a//`, `a b`), so a
 * listing can answer "nothing" without asking the backend, which may reject such a
 * prefix outright (MinIO does). The empty prefix matches every key.
 */
export function isPossibleKeyPrefix(prefix: string): boolean {
  const slash = prefix.lastIndexOf('/');
  const partial = prefix.slice(slash + 1);
  return prefix.length <= 1024
    && /^[A-Za-z0-9._-]*$/.test(partial)
    && (slash === -1 || isValidKey(prefix.slice(0, slash)));
}

/** Throws TH_ERR_INVALID_OBJECT_KEY unless `isValidKey(key)`. */
export function assertValidKey(key: string): void {
  if (!isValidKey(key)) {
    throw tonghopError('TH_ERR_INVALID_OBJECT_KEY', [JSON.stringify(key)]);
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function safeSegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return cleaned.length > 0 ? cleaned.slice(0, 64) : 'unknown';
}

export function reportObjectKey(unit: string, period: string, sha256: string, ext: FileExtension): string {
  return `reports/${safeSegment(unit)}/${safeSegment(period)}/${sha256}.${ext}`;
}

/** Where a rejected upload is kept for the submitter and the operator to inspect. */
export function quarantineObjectKey(sha256: string): string {
  return `quarantine/${sha256}.bin`;
}

/** A report read into pages of paragraphs and tables (schemas/records/structured-document.ts). */
export function documentObjectKey(reportId: string): string {
  return `parsed/${reportId}/document.json`;
}
