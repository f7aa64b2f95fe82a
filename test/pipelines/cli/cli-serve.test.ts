import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

/**
 * `npm start` is `ingest samples --serve`: the summary, then the dashboard and the API on
 * 127.0.0.1 over the database just filled, until Ctrl+C. Run here on one sample, on a port
 * the system picks.
 */
describe('tonghop ingest --serve (what npm start does)', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'tonghop-serve-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('prints the summary, then a dashboard address with a token that opens the consolidated data, and stops on SIGINT', async () => {
    const child = spawn(tsx, ['pipelines/cli/main.ts', 'ingest', 'samples/002-tinh-soc-trang-cchc-2016.pdf', '--data', join(dir, 'data'), '--serve'], {
      cwd: root, env: { ...process.env, LOG_LEVEL: '', TONGHOP_API_PORT: '0', TONGHOP_API_HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no dashboard address within 90 s; stderr:\n${stderr}`)), 90_000);
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        const m = /dashboard: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      void exited.then((code) => reject(new Error(`exited with ${code} before serving; stderr:\n${stderr}`)));
    });
    try {
      expect(stdout).toContain('tonghop — kết quả nhập báo cáo / ingest summary');
      const url = new URL(address);
      const token = url.hash.slice('#token='.length);
      const page = await fetch(`${url.origin}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      const figures = await fetch(`${url.origin}/v1/figures?unit=94&period=2016`, { headers: { authorization: `Bearer ${token}` } });
      expect(figures.status).toBe(200);
      const body = await figures.json() as { figures: { unit: string; indicator: string; reported: number | null }[] };
      expect(body.figures.find((f) => f.indicator === 'hoso.rate_on_time')).toMatchObject({ unit: '94', reported: 89.39 });
      const flags = await fetch(`${url.origin}/v1/flags?unit=94&severity=error`, { headers: { authorization: `Bearer ${token}` } });
      expect(((await flags.json()) as { flags: unknown[] }).flags).toHaveLength(2);
      expect((await fetch(`${url.origin}/v1/flags`)).status).toBe(401);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});
