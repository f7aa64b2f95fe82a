import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadConfig } from '../../pipelines/config.ts';

describe('loadConfig', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ dataDir: resolve('data'), duckdbPath: resolve('data/tonghop.duckdb'), objectsDir: resolve('data/objects'), maxUploadBytes: 52_428_800, kafka: undefined, s3: undefined });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('switches to Kafka and S3 when their variables are set', () => {
    const c = loadConfig({ KAFKA_BROKERS: 'k1:9092,k2:9092', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b', S3_FORCE_PATH_STYLE: 'false' });
    expect(c.kafka).toEqual({ brokers: ['k1:9092', 'k2:9092'], clientId: 'tonghop', topicPrefix: 'tonghop.' });
    expect(c.s3).toMatchObject({ endpoint: 'http://127.0.0.1:9000', bucket: 'tonghop', forcePathStyle: false, accessKeyId: 'a' });
  });

  it('lets --data override the data folder, database included', () => {
    expect(loadConfig({ TONGHOP_DUCKDB_PATH: '/elsewhere.duckdb' }, { dataDir: '/tmp/x' }).duckdbPath).toBe('/tmp/x/tonghop.duckdb');
  });

  it('fails fast listing every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ KAFKA_BROKERS: 'no-port', TONGHOP_MAX_UPLOAD_BYTES: '-5', S3_ENDPOINT: 'not a url' });
    } catch (err) { error = err; }
    expect(error).toMatchObject({ code: 'TH_ERR_CONFIG' });
    const message = (error as Error).message;
    for (const name of ['KAFKA_BROKERS', 'TONGHOP_MAX_UPLOAD_BYTES', 'S3_ENDPOINT']) expect(message).toContain(name);
  });

  it('refuses half a pair of S3 credentials', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'a' })).toThrow(/set together/);
  });
});
