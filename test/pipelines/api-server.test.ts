import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../pipelines/api-server.ts';
import { loadConfig } from '../../pipelines/config.ts';
import { startEmbedded, type EmbeddedPipeline } from '../../pipelines/embedded-runner.ts';
import { tokenSha256 } from '../../services/api/access/token-secret.ts';
import { capturingLogger } from '../support/silent-logger.ts';

/** The serving entry point: real adapters, a real socket on 127.0.0.1, both token modes. */
describe('startApiServer', () => {
  let dir: string;
  let pipeline: EmbeddedPipeline;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-api-serve-'));
    pipeline = await startEmbedded(loadConfig({}, { dataDir: dir }), capturingLogger().log);
  });
  afterAll(async () => {
    await pipeline.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const sink = () => {
    let text = '';
    return { out: new Writable({ write(c: Buffer, _e, done) { text += c.toString('utf8'); done(); } }), text: () => text };
  };

  it('without a tokens file: listens on loopback with generated admin and analyst tokens, printed once', async () => {
    const printed = sink();
    const config = loadConfig({ TONGHOP_API_PORT: '0' }, { dataDir: dir });
    expect(config.api).toMatchObject({ host: '127.0.0.1', queryMaxRows: 10_000 });
    const api = await startApiServer({ config, log: capturingLogger().log, pipeline, out: printed.out });
    try {
      expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(printed.text()).toContain(api.generated!.admin);
      expect((await fetch(`${api.url}/v1/me`)).status).toBe(401);
      const me = await fetch(`${api.url}/v1/me`, { headers: { authorization: `Bearer ${api.generated!.analyst}` } });
      expect(await me.json()).toMatchObject({ role: 'analyst', national: true });
      expect((await fetch(`${api.url}/docs/json`)).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('with a tokens file: reads it (sha256 only) and writes admins’ changes back', async () => {
    const file = join(dir, 'tokens.json');
    await writeFile(file, JSON.stringify({ tokens: [{ id: 'boss', name: 'Quản trị', role: 'admin', sha256: tokenSha256('s3cret-admin'), createdAt: '2026-01-01T00:00:00.000Z' }] }));
    const config = loadConfig({ TONGHOP_API_PORT: '0', TONGHOP_TOKENS_FILE: file }, { dataDir: dir });
    const api = await startApiServer({ config, log: capturingLogger().log, pipeline, out: sink().out });
    try {
      expect(api.generated).toBeUndefined();
      const created = await fetch(`${api.url}/v1/admin/tokens`, {
        method: 'POST', headers: { authorization: 'Bearer s3cret-admin', 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'hue', name: 'Sở Nội vụ Huế', role: 'analyst', province: '46' }),
      });
      expect(created.status).toBe(201);
      const { token } = await created.json() as { token: string };
      const saved = await readFile(file, 'utf8');
      expect(saved).toContain(tokenSha256(token));
      expect(saved).not.toContain(token);
      expect((await fetch(`${api.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('stops at start-up on a bad tokens file, naming the problem', async () => {
    const file = join(dir, 'bad-tokens.json');
    await writeFile(file, JSON.stringify({ tokens: [{ id: 'x', name: 'x', role: 'unit', sha256: 'nothex', createdAt: '2026-01-01T00:00:00.000Z' }] }));
    const config = loadConfig({ TONGHOP_API_PORT: '0', TONGHOP_TOKENS_FILE: file }, { dataDir: dir });
    const err = await startApiServer({ config, log: capturingLogger().log, pipeline, out: sink().out }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'TH_ERR_CONFIG' });
    expect((err as Error).message).toMatch(/sha256[\s\S]*unit/);
  });
});
