import { randomBytes, randomUUID } from 'node:crypto';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Wait } from 'testcontainers';
import type { StartedTestContainer } from 'testcontainers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../infra/store/object-key.ts';
import { createS3ObjectStore } from '../../../infra/store/object-store.s3.ts';
import type { S3ObjectStore } from '../../../infra/store/object-store.s3.ts';
import { describeObjectStoreContract } from './object-store.contract.ts';
import { detectDocker } from '../../support/docker-available.ts';
import { LoopbackContainer } from '../../support/loopback-container.ts';

/**
 * S3ObjectStore against a real S3 implementation: MinIO in a container
 * (testcontainers). It checks what s3rver cannot: byte-order listing across folders and
 * a multipart ETag with its `-N` suffix. Runs only when a Docker engine answers;
 * otherwise every test is skipped and the reason printed. Override the image with
 * TONGHOP_MINIO_IMAGE.
 */

/** Pinned so a MinIO release cannot change the test under us (the tag testcontainers' MinIO module uses). */
const MINIO_IMAGE = process.env.TONGHOP_MINIO_IMAGE ?? 'minio/minio:RELEASE.2024-12-13T22-19-12Z';
const MINIO_PORT = 9000;
const CREDENTIALS = { accessKeyId: 'tonghop', secretAccessKey: 'tonghop-secret-123' } as const;
const BUCKET = 'tonghop-test';
const docker = await detectDocker();
if (!docker.available) console.warn(`[S3 (MinIO, testcontainers)] skipped: ${docker.reason}`);

describe.skipIf(!docker.available)('S3ObjectStore on MinIO (testcontainers)', () => {
  let container: StartedTestContainer | undefined;
  let endpoint = '';
  const opened: S3ObjectStore[] = [];

  function storeOn(): S3ObjectStore {
    const store = createS3ObjectStore({ endpoint, region: 'us-east-1', bucket: BUCKET, forcePathStyle: true, ...CREDENTIALS });
    opened.push(store);
    return store;
  }

  beforeAll(async () => {
    container = await new LoopbackContainer(MINIO_IMAGE, docker.available && docker.localHost)
      .withCommand(['server', '/data'])
      .withEnvironment({ MINIO_ROOT_USER: CREDENTIALS.accessKeyId, MINIO_ROOT_PASSWORD: CREDENTIALS.secretAccessKey })
      .withExposedPorts(MINIO_PORT)
      .withWaitStrategy(Wait.forHttp('/minio/health/live', MINIO_PORT))
      .start();
    endpoint = `http://${container.getHost()}:${container.getMappedPort(MINIO_PORT)}`;
    await storeOn().ensureBucket();
  });

  afterAll(async () => {
    for (const store of opened) store.close();
    await container?.stop();
  });

  describeObjectStoreContract('S3 (MinIO)', () => Promise.resolve({ store: storeOn(), cleanup: () => Promise.resolve() }));

  it('a 12 MiB object is stored as a 3-part multipart upload (ETag ends in -3)', async () => {
    const store = storeOn();
    const key = `multipart-${randomUUID()}/large.bin`;
    const body = randomBytes(12 * 1024 * 1024);
    await store.put(key, body, { contentType: 'application/octet-stream' });
    const raw = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
    try {
      const head = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head.ETag).toMatch(/-3"?$/);
      expect(head.Metadata?.sha256).toBe(sha256Hex(body));
    } finally {
      raw.destroy();
    }
  });

  it('ensureBucket is harmless on an existing bucket and creates a new one', async () => {
    await storeOn().ensureBucket();
    const other = createS3ObjectStore({ endpoint, region: 'us-east-1', bucket: `tonghop-${randomUUID().slice(0, 8)}`, forcePathStyle: true, ...CREDENTIALS });
    opened.push(other);
    await other.ensureBucket();
    await other.put('a.pdf', new Uint8Array([7]), { contentType: 'application/pdf' });
    expect(Array.from(await other.get('a.pdf'))).toEqual([7]);
  });
});
