import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { BucketLocationConstraint, ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { tonghopError } from '../errors/error-catalog.ts';
import { isTonghopError } from '../errors/tonghop-error.ts';
import { assertValidKey, isPossibleKeyPrefix, isValidKey, sha256Hex } from './object-key.ts';
import type { ObjectInfo, ObjectStore } from './object-store.ts';

/**
 * S3ObjectStore: the ObjectStore on S3 or any S3-compatible server (MinIO, s3rver),
 * through @aws-sdk/client-s3.
 *
 * One object per key in one bucket. `put` sends a single PutObject below
 * `multipartThresholdBytes` and a multipart upload (@aws-sdk/lib-storage) at or above
 * it; either way the sha256 goes in the user metadata `x-amz-meta-sha256` and the content
 * type in Content-Type, so `head` returns them and `get` verifies the bytes against
 * them. `list` pages through ListObjectsV2 and yields key and size only: sha256 and
 * content type would cost one HeadObject per key, so ask `head` when you need them.
 * Keys that break the key grammar (written by other tools) are skipped by `list`.
 *
 * Errors: a missing object is TH_ERR_OBJECT_NOT_FOUND; network failures, timeouts,
 * throttling and 5xx are TH_ERR_STORE_UNAVAILABLE (retriable, the SDK error as cause)
 * once the SDK's own `maxAttempts` are spent; a missing bucket, refused credentials
 * or a bucket name owned by someone else are TH_ERR_CONFIG; any other rejection is a
 * plain Error carrying the SDK error as cause. No S3 type crosses the port.
 *
 * Checksums: recent SDKs send CRC32 trailers with aws-chunked encoding by default,
 * which s3rver and some S3-compatible servers reject, so request and response
 * checksums are computed only WHEN_REQUIRED. Integrity rests on the sha256 checked by
 * `get`, not on transport checksums.
 *
 * Deliberately left out: streaming bodies (objects are read whole into memory),
 * presigned URLs, versioning, server-side encryption, storage classes, tagging, and
 * cleaning up multipart uploads abandoned by a crashed process (use a bucket lifecycle
 * rule). `head` of a key in a missing bucket answers undefined: a HEAD response has no
 * body to tell the two apart. Without the s3:ListBucket permission, AWS answers 403
 * rather than 404 for a missing key, which surfaces as TH_ERR_CONFIG: grant it.
 */
export interface S3ObjectStoreOptions {
  /** Endpoint URL, e.g. `http://127.0.0.1:9000` for MinIO. Default: AWS for `region`. */
  endpoint?: string;
  /** Region, e.g. `us-east-1` (MinIO and s3rver accept `us-east-1`). Required. */
  region: string;
  /** Bucket holding every object. Required; see `ensureBucket()`. */
  bucket: string;
  /** Static credentials; give both or neither. Default: the SDK's provider chain (env, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Address buckets as `<endpoint>/<bucket>` instead of `<bucket>.<host>`; MinIO and s3rver need true. Default false. */
  forcePathStyle?: boolean;
  /** Bytes; bodies this size or larger go up as multipart. Must exceed `partSizeBytes`. Default 8 MiB. */
  multipartThresholdBytes?: number;
  /** Bytes per multipart part, at least 5 MiB (S3's minimum for all parts but the last). Default 5 MiB. */
  partSizeBytes?: number;
  /** Parts uploaded at once; memory use is up to this × `partSizeBytes`. Default 4. */
  partConcurrency?: number;
  /** Keys per ListObjectsV2 page, 1 to 1000. Default 1000 (S3's maximum). */
  listPageSize?: number;
  /** Attempts per request made by the SDK (1 = no retry), with its backoff. Default 3. */
  maxAttempts?: number;
  /** Milliseconds to establish a connection; 0 = no limit. Default 5,000. */
  connectionTimeoutMs?: number;
  /** Milliseconds for one request and its response (one part, for multipart); 0 = no limit. Default 120,000. */
  requestTimeoutMs?: number;
}

const MiB = 1024 * 1024;

export const S3_OBJECT_STORE_DEFAULTS = {
  forcePathStyle: false,
  multipartThresholdBytes: 8 * MiB,
  partSizeBytes: 5 * MiB,
  partConcurrency: 4,
  listPageSize: 1000,
  maxAttempts: 3,
  connectionTimeoutMs: 5_000,
  requestTimeoutMs: 120_000,
} as const;

/** S3's smallest allowed part (all parts but the last). */
const MIN_PART_BYTES = 5 * MiB;
/** User metadata name; S3 stores it as the header `x-amz-meta-sha256`. */
const SHA256_METADATA = 'sha256';

const ACCESS_REFUSED = new Set(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'InvalidToken']);
const THROTTLED = new Set(['SlowDown', 'Throttling', 'ThrottlingException', 'RequestTimeout', 'RequestTimeTooSkewed', 'ServiceUnavailable', 'InternalError']);

type ResolvedOptions = Required<Omit<S3ObjectStoreOptions, 'endpoint' | 'accessKeyId' | 'secretAccessKey'>>
  & Pick<S3ObjectStoreOptions, 'endpoint' | 'accessKeyId' | 'secretAccessKey'>;

export class S3ObjectStore implements ObjectStore {
  readonly bucket: string;
  readonly #options: ResolvedOptions;
  readonly #client: S3Client;

  constructor(options: S3ObjectStoreOptions) {
    this.#options = resolveOptions(options);
    this.bucket = this.#options.bucket;
    const { endpoint, region, accessKeyId, secretAccessKey } = this.#options;
    this.#client = new S3Client({
      region,
      forcePathStyle: this.#options.forcePathStyle,
      maxAttempts: this.#options.maxAttempts,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: {
        connectionTimeout: this.#options.connectionTimeoutMs,
        requestTimeout: this.#options.requestTimeoutMs,
        throwOnRequestTimeout: true,
      },
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(accessKeyId === undefined || secretAccessKey === undefined ? {} : { credentials: { accessKeyId, secretAccessKey } }),
    });
  }

  async put(key: string, body: Uint8Array, opts: { contentType: string }): Promise<ObjectInfo> {
    assertValidKey(key);
    const sha256 = sha256Hex(body);
    const params = { Bucket: this.bucket, Key: key, Body: body, ContentType: opts.contentType, Metadata: { [SHA256_METADATA]: sha256 } };
    try {
      if (body.byteLength < this.#options.multipartThresholdBytes) {
        await this.#client.send(new PutObjectCommand({ ...params, ContentLength: body.byteLength }));
      } else {
        // The threshold exceeds the part size, so Upload always makes two or more parts here.
        const upload = new Upload({
          client: this.#client,
          params,
          partSize: this.#options.partSizeBytes,
          queueSize: this.#options.partConcurrency,
          leavePartsOnError: false,
        });
        await upload.done();
      }
    } catch (err) {
      throw this.#storeError(err, 'put', key);
    }
    return { key, size: body.byteLength, sha256, contentType: opts.contentType };
  }

  async get(key: string): Promise<Uint8Array> {
    assertValidKey(key);
    let bytes: Uint8Array;
    let recorded: string | undefined;
    try {
      const out = await this.#client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      bytes = out.Body === undefined ? new Uint8Array(0) : await out.Body.transformToByteArray();
      recorded = out.Metadata?.[SHA256_METADATA];
    } catch (err) {
      throw this.#storeError(err, 'get', key);
    }
    // Objects written by other tools carry no sha256: returned as they are, unverified.
    if (recorded !== undefined && recorded !== sha256Hex(bytes)) {
      throw tonghopError('TH_ERR_OBJECT_CORRUPT', [key]);
    }
    return bytes;
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    assertValidKey(key);
    try {
      const out = await this.#client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const info: ObjectInfo = { key, size: out.ContentLength ?? 0 };
      const sha256 = out.Metadata?.[SHA256_METADATA];
      if (sha256 !== undefined) info.sha256 = sha256;
      if (out.ContentType !== undefined) info.contentType = out.ContentType;
      return info;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw this.#storeError(err, 'head', key);
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    if (!isPossibleKeyPrefix(prefix)) return;
    // MinIO rejects a prefix ending in a "." or ".." segment, yet keys such as "a/..b" are
    // valid: ask for the folder instead and filter here.
    const partial = prefix.slice(prefix.lastIndexOf('/') + 1);
    const requested = partial === '.' || partial === '..' ? prefix.slice(0, prefix.length - partial.length) : prefix;
    let continuationToken: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.#client.send(new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: requested,
          MaxKeys: this.#options.listPageSize,
          ContinuationToken: continuationToken,
        }));
      } catch (err) {
        throw this.#storeError(err, 'list', prefix);
      }
      // S3 returns keys in UTF-8 byte order, which is the port's order for ASCII keys.
      for (const object of page.Contents ?? []) {
        const key = object.Key;
        if (key !== undefined && key.startsWith(prefix) && isValidKey(key)) yield { key, size: object.Size ?? 0 };
      }
      continuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (continuationToken !== undefined);
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      // S3 answers 204 for a missing key; some compatible servers answer 404.
      if (!isNotFound(err)) throw this.#storeError(err, 'delete', key);
    }
  }

  /**
   * Startup wiring, not part of the port: creates the bucket unless it exists (with a
   * LocationConstraint outside us-east-1). Safe to call from several processes at once.
   */
  async ensureBucket(): Promise<void> {
    try {
      await this.#client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return;
    } catch (err) {
      if (!isNotFound(err)) throw this.#storeError(err, 'ensureBucket', '');
    }
    const region = this.#options.region;
    try {
      await this.#client.send(new CreateBucketCommand({
        Bucket: this.bucket,
        ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }));
    } catch (err) {
      if (describeError(err).name !== 'BucketAlreadyOwnedByYou') throw this.#storeError(err, 'ensureBucket', '');
    }
  }

  /** Releases the client's sockets. The store must not be used afterwards. */
  close(): void {
    this.#client.destroy();
  }

  #storeError(err: unknown, op: string, key: string): Error {
    if (isTonghopError(err)) return err;
    const { name, status, detail } = describeError(err);
    const endpoint = this.#options.endpoint ?? `AWS ${this.#options.region}`;
    const what = `S3 ${op} ${JSON.stringify(key)} in bucket ${JSON.stringify(this.bucket)} at ${endpoint}`;
    const httpStatus = status === undefined ? '' : ` (HTTP ${status})`;
    if (name === 'NoSuchBucket') {
      return tonghopError('TH_ERR_CONFIG', [`${what}: the bucket does not exist; create it or call ensureBucket() at startup`], err);
    }
    if (name === 'NoSuchKey' || name === 'NotFound' || status === 404) {
      return tonghopError('TH_ERR_OBJECT_NOT_FOUND', [key], err);
    }
    if (name === 'BucketAlreadyExists') {
      return tonghopError('TH_ERR_CONFIG', [`${what}: the bucket name belongs to another account`], err);
    }
    if (status === 401 || status === 403 || ACCESS_REFUSED.has(name)) {
      return tonghopError('TH_ERR_CONFIG', [`${what}: access refused${httpStatus}: ${name}; check the credentials and the bucket policy`], err);
    }
    if (status === undefined || status >= 500 || status === 408 || status === 429 || THROTTLED.has(name)) {
      return tonghopError('TH_ERR_STORE_UNAVAILABLE', [`${what}: ${name}${httpStatus}: ${detail}`], err);
    }
    return new Error(`${what} was rejected: ${name}${httpStatus}: ${detail}`, { cause: err });
  }
}

export function createS3ObjectStore(options: S3ObjectStoreOptions): S3ObjectStore {
  return new S3ObjectStore(options);
}

/** Fills in defaults and checks every option at once (fail at boot, not at the first 12 MiB upload). */
function resolveOptions(options: S3ObjectStoreOptions): ResolvedOptions {
  const d = S3_OBJECT_STORE_DEFAULTS;
  const resolved: ResolvedOptions = {
    endpoint: options.endpoint,
    region: options.region,
    bucket: options.bucket,
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    forcePathStyle: options.forcePathStyle ?? d.forcePathStyle,
    multipartThresholdBytes: options.multipartThresholdBytes ?? d.multipartThresholdBytes,
    partSizeBytes: options.partSizeBytes ?? d.partSizeBytes,
    partConcurrency: options.partConcurrency ?? d.partConcurrency,
    listPageSize: options.listPageSize ?? d.listPageSize,
    maxAttempts: options.maxAttempts ?? d.maxAttempts,
    connectionTimeoutMs: options.connectionTimeoutMs ?? d.connectionTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs ?? d.requestTimeoutMs,
  };
  const problems: string[] = [];
  const wholeNumber = (name: keyof ResolvedOptions, min: number, max = Number.MAX_SAFE_INTEGER): void => {
    const value = resolved[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push(`- ${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
    }
  };
  if (typeof resolved.bucket !== 'string' || resolved.bucket.length === 0) problems.push('- bucket is required');
  if (typeof resolved.region !== 'string' || resolved.region.length === 0) problems.push('- region is required');
  if (resolved.endpoint !== undefined && !/^https?:$/.test(URL.canParse(resolved.endpoint) ? new URL(resolved.endpoint).protocol : '')) {
    problems.push(`- endpoint must be an http:// or https:// URL, got ${JSON.stringify(resolved.endpoint)}`);
  }
  if ((resolved.accessKeyId === undefined) !== (resolved.secretAccessKey === undefined)) {
    problems.push('- accessKeyId and secretAccessKey go together: give both or neither');
  }
  wholeNumber('partSizeBytes', MIN_PART_BYTES, 5 * 1024 * MiB);
  wholeNumber('multipartThresholdBytes', 1);
  if (resolved.multipartThresholdBytes <= resolved.partSizeBytes) {
    problems.push(`- multipartThresholdBytes (${resolved.multipartThresholdBytes}) must exceed partSizeBytes (${resolved.partSizeBytes}), or a body at the threshold would fit in one part and skip multipart`);
  }
  wholeNumber('partConcurrency', 1, 64);
  wholeNumber('listPageSize', 1, 1000);
  wholeNumber('maxAttempts', 1, 20);
  wholeNumber('connectionTimeoutMs', 0);
  wholeNumber('requestTimeoutMs', 0);
  if (problems.length > 0) throw tonghopError('TH_ERR_CONFIG', [`S3ObjectStore:\n${problems.join('\n')}`]);
  return resolved;
}

function isNotFound(err: unknown): boolean {
  const { name, status } = describeError(err);
  return name === 'NoSuchKey' || name === 'NotFound' || (status === 404 && name !== 'NoSuchBucket');
}

/** Reads what we need off an SDK or network error without depending on SDK types. */
function describeError(err: unknown): { name: string; status: number | undefined; detail: string } {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: unknown; Code?: unknown; code?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown };
  };
  const name = typeof e.Code === 'string' ? e.Code : typeof e.name === 'string' ? e.name : 'Error';
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' && e.message.length > 0 ? e.message : String(err);
  return { name, status, detail: code === undefined || message.includes(code) ? message : `${code} ${message}` };
}
