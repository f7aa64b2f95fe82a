import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createHash } from 'node:crypto';
import { createEvent } from '../../schemas/events.ts';
import type { EventBus } from '../../infra/bus/event-bus.ts';
import type { ObjectStore } from '../../infra/store/object-store.ts';
import { quarantineObjectKey, reportObjectKey, sha256Hex } from '../../infra/store/object-key.ts';
import { tonghopError } from '../../infra/errors/error-catalog.ts';
import { isTonghopError, type TonghopError } from '../../infra/errors/tonghop-error.ts';
import { forReport, type Logger } from '../../infra/log/logger.ts';
import { checkUpload, type AcceptedUpload } from './upload-check.ts';
import { SubmissionClaims, type IngestResult, type Submission } from './submission.ts';

/**
 * Ingest: the front door. Checks an upload (size, type by magic bytes), names it by
 * its sha256, stores the original under a content-addressed key and announces it with
 * `report.submitted`. A rejected upload is announced with `report.failed` (stage
 * `ingest`) and, when small enough, kept in quarantine so nothing is lost. Identical
 * bytes submitted again for the same unit and period are recognised and not stored
 * or announced twice.
 */
export interface IngestDeps {
  store: ObjectStore;
  bus: EventBus;
  log: Logger;
  /** Largest accepted upload, in bytes. */
  maxBytes: number;
  now?: () => Date;
}

export interface IngestService {
  submit(submission: Submission): Promise<IngestResult>;
  /** Reads a file from disk (refusing oversized files before reading them) and submits it. */
  submitFile(path: string, claims?: SubmissionClaims): Promise<IngestResult>;
}

const SOURCE = 'tonghop/ingest';

export function createIngestService(deps: IngestDeps): IngestService {
  const now = deps.now ?? (() => new Date());

  /** `keep`: store the bytes in quarantine; `size`: the upload's size when `sub.bytes` was never read. */
  async function reject(
    reportId: string, sub: Submission, unit: string, period: string, err: TonghopError, keep: boolean, size = sub.bytes.length,
  ): Promise<IngestResult> {
    const log = forReport(deps.log, reportId, unit);
    let quarantineKey: string | undefined;
    if (keep && sub.bytes.length > 0) {
      quarantineKey = quarantineObjectKey(reportId);
      await deps.store.put(quarantineKey, sub.bytes, { contentType: 'application/octet-stream' });
    }
    log.warn({ code: err.code, fileName: sub.fileName, bytes: size }, err.reason.en);
    await deps.bus.publish(createEvent({
      type: 'report.failed',
      source: SOURCE,
      subject: unit,
      id: `${reportId}:ingest-failed`,
      data: {
        reportId, stage: 'ingest', code: err.code, reason: err.reason, retriable: err.retriable,
        fileName: sub.fileName, bytes: size, claimed: { unit, period }, quarantineKey,
      },
    }));
    return { status: 'rejected', reportId, fileName: sub.fileName, bytes: size, code: err.code, reason: err.reason };
  }

  async function submit(sub: Submission): Promise<IngestResult> {
    const claims = SubmissionClaims.parse(sub.claims ?? {});
    const reportId = sha256Hex(sub.bytes);
    const { unit, period } = claims;
    let accepted: AcceptedUpload;
    try {
      accepted = checkUpload(sub.bytes, sub.fileName, deps.maxBytes);
    } catch (err) {
      if (!isTonghopError(err)) throw err;
      // Keep a wrong-type upload for inspection; an empty or oversized one has nothing worth keeping.
      return reject(reportId, sub, unit, period, err, err.code === 'TH_ERR_UNSUPPORTED_TYPE');
    }
    const objectKey = reportObjectKey(unit, period, reportId, accepted.extension);
    const log = forReport(deps.log, reportId, unit);
    if (await deps.store.head(objectKey)) {
      log.info({ objectKey, fileName: sub.fileName }, 'duplicate submission recognised; not stored again');
      return { status: 'duplicate', reportId, objectKey, fileName: sub.fileName, bytes: sub.bytes.length };
    }
    await deps.store.put(objectKey, sub.bytes, { contentType: accepted.mediaType });
    await deps.bus.publish(createEvent({
      type: 'report.submitted',
      source: SOURCE,
      subject: unit,
      id: `${reportId}:submitted:${unit}:${period}`,
      data: {
        reportId, objectKey, fileName: sub.fileName, mediaType: accepted.mediaType, bytes: sub.bytes.length,
        submittedBy: claims.submittedBy, submittedAt: now().toISOString(), claimed: { unit, period },
      },
    }));
    log.info({ objectKey, fileName: sub.fileName, bytes: sub.bytes.length, mediaType: accepted.mediaType }, 'report accepted');
    return { status: 'accepted', reportId, objectKey, fileName: sub.fileName, bytes: sub.bytes.length };
  }

  async function submitFile(path: string, claims: SubmissionClaims = {}): Promise<IngestResult> {
    const fileName = basename(path);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (err) {
      throw tonghopError('TH_ERR_FILE_NOT_FOUND', [path], err);
    }
    if (size > deps.maxBytes) {
      // Hash without holding the file in memory, so the failure still has a stable report id.
      const reportId = await hashFile(path);
      const parsed = SubmissionClaims.parse(claims);
      return reject(reportId, { bytes: new Uint8Array(0), fileName }, parsed.unit, parsed.period,
        tonghopError('TH_ERR_FILE_TOO_LARGE', [fileName, size, deps.maxBytes]), false, size);
    }
    const handle = await open(path, 'r');
    try {
      const bytes = new Uint8Array(await handle.readFile());
      return await submit({ bytes, fileName, claims });
    } finally {
      await handle.close();
    }
  }

  return { submit, submitFile };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    for await (const chunk of handle.createReadStream()) hash.update(chunk as Buffer);
  } finally {
    await handle.close().catch(() => undefined);
  }
  return hash.digest('hex');
}
