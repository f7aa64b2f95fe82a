import { describe, expect, it } from 'vitest';
import { isTonghopError } from '../../../infra/errors/tonghop-error.ts';
import { createS3ObjectStore, S3_OBJECT_STORE_DEFAULTS } from '../../../infra/store/object-store.s3.ts';
import type { S3ObjectStoreOptions } from '../../../infra/store/object-store.s3.ts';

/**
 * S3ObjectStore options, checked when the store is built (no server needed): a bad
 * setting fails at boot with TH_ERR_CONFIG naming every problem, not at the first large
 * upload. Behaviour against a server is in object-store.s3.integration.test.ts.
 */

const base: S3ObjectStoreOptions = { region: 'us-east-1', bucket: 'tonghop', endpoint: 'http://127.0.0.1:9000', forcePathStyle: true };
const MiB = 1024 * 1024;

function configError(options: S3ObjectStoreOptions): string {
  try {
    createS3ObjectStore(options).close();
  } catch (err) {
    expect(isTonghopError(err)).toBe(true);
    expect(err).toMatchObject({ code: 'TH_ERR_CONFIG', retriable: false });
    return (err as Error).message;
  }
  throw new Error('expected TH_ERR_CONFIG, but the store was built');
}

describe('S3ObjectStore options', () => {
  it('defaults: 8 MiB threshold, 5 MiB parts, 1000 keys per page, 3 attempts', () => {
    expect(S3_OBJECT_STORE_DEFAULTS).toMatchObject({
      multipartThresholdBytes: 8 * MiB,
      partSizeBytes: 5 * MiB,
      listPageSize: 1000,
      maxAttempts: 3,
      forcePathStyle: false,
    });
    const store = createS3ObjectStore(base);
    expect(store.bucket).toBe('tonghop');
    store.close();
  });

  it('accepts static credentials, or none (SDK provider chain)', () => {
    createS3ObjectStore({ ...base, accessKeyId: 'a', secretAccessKey: 'b' }).close();
    createS3ObjectStore({ region: 'eu-west-1', bucket: 'b' }).close();
  });

  it.each([
    ['a threshold not above the part size', { multipartThresholdBytes: 5 * MiB, partSizeBytes: 5 * MiB }, 'multipartThresholdBytes'],
    ['parts under S3\'s 5 MiB minimum', { partSizeBytes: 5 * MiB - 1 }, 'partSizeBytes'],
    ['a fractional part size', { partSizeBytes: 5 * MiB + 0.5 }, 'partSizeBytes'],
    ['an empty list page', { listPageSize: 0 }, 'listPageSize'],
    ['a list page above S3\'s 1000', { listPageSize: 1001 }, 'listPageSize'],
    ['zero attempts', { maxAttempts: 0 }, 'maxAttempts'],
    ['a negative timeout', { connectionTimeoutMs: -1 }, 'connectionTimeoutMs'],
    ['an access key without its secret', { accessKeyId: 'a' }, 'accessKeyId and secretAccessKey'],
    ['an endpoint that is not a URL', { endpoint: 'not a url' }, 'endpoint'],
    ['an endpoint without http(s)://', { endpoint: 'minio:9000' }, 'endpoint'],
    ['no bucket', { bucket: '' }, 'bucket is required'],
    ['no region', { region: '' }, 'region is required'],
  ])('rejects %s', (_label, overrides: Partial<S3ObjectStoreOptions>, mentioned) => {
    expect(configError({ ...base, ...overrides })).toContain(mentioned);
  });

  it('names every problem at once', () => {
    const message = configError({ ...base, bucket: '', listPageSize: 0, partSizeBytes: 1 });
    expect(message).toContain('bucket is required');
    expect(message).toContain('listPageSize');
    expect(message).toContain('partSizeBytes');
  });
});
