import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../pipelines/config.ts';
import { runWithStub } from './init-script-runner.ts';

/** infra/docker/minio-init.sh, run with a stub `mc`: it creates the workers' bucket, idempotently. */
const SCRIPT = fileURLToPath(new URL('../../../infra/docker/minio-init.sh', import.meta.url));
const CREDENTIALS = { MINIO_ROOT_USER: 'u', MINIO_ROOT_PASSWORD: 'p-12345678' };

describe('infra/docker/minio-init.sh', () => {
  it('creates the bucket the workers use by default, after MinIO is ready', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'MC_BIN', env: CREDENTIALS });
    expect(run.status, run.stderr).toBe(0);
    const bucket = loadConfig({ S3_ENDPOINT: 'http://minio:9000' }).s3!.bucket;
    expect(run.calls.map((args) => args[0])).toEqual(['alias', 'ready', 'mb']);
    expect(run.calls[0]).toEqual(['alias', 'set', '--api', 'S3v4', 'tonghop', 'http://minio:9000', 'u', 'p-12345678']);
    expect(run.calls[2]).toEqual(['mb', '--ignore-existing', `tonghop/${bucket}`]);
  });

  it('follows S3_BUCKET and MINIO_ENDPOINT', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'MC_BIN', env: { ...CREDENTIALS, S3_BUCKET: 'other-bucket', MINIO_ENDPOINT: 'http://s3.local:9000' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.calls[0]).toContain('http://s3.local:9000');
    expect(run.calls.at(-1)).toEqual(['mb', '--ignore-existing', 'tonghop/other-bucket']);
  });

  it('refuses to run without credentials', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'MC_BIN' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/MINIO_ROOT_USER is required/);
    expect(run.calls).toEqual([]);
  });

  it('fails without creating the bucket when MinIO never becomes ready', () => {
    const run = runWithStub(SCRIPT, { stubVariable: 'MC_BIN', env: { ...CREDENTIALS, MINIO_INIT_WAIT_SECONDS: '0' }, failOn: 'ready' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/did not answer/);
    expect(run.calls.some((args) => args[0] === 'mb')).toBe(false);
  });
});
