import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WORKER_NAMES } from '../../../pipelines/worker.ts';

/**
 * infra/docker/Dockerfile, read as text (no Docker engine needed). The image copies named
 * folders rather than the whole context, so the test that matters most follows the
 * CLI's imports and fails when one reaches a folder the image would not have.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOCKERFILE = readFileSync(path.join(ROOT, 'infra/docker/Dockerfile'), 'utf8');
const ENTRY = 'pipelines/cli/main.ts';

/** Instructions with line continuations joined and comments dropped. */
const instructions = DOCKERFILE.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const of = (keyword: string) => instructions.filter((l) => l.toUpperCase().startsWith(`${keyword} `)).map((l) => l.slice(keyword.length + 1).trim());

/** Every repository file reachable from `entry` through relative static or dynamic imports. */
function runtimeFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.ts')) continue;
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
      if (!existsSync(path.join(ROOT, target))) throw new Error(`${file} imports ${m[1]!}, which does not exist`);
      queue.push(target);
    }
  }
  return seen;
}

describe('infra/docker/Dockerfile', () => {
  it('copies every folder the worker CLI imports from', () => {
    const files = runtimeFiles(ENTRY);
    expect(files.size).toBeGreaterThan(10); // the walk really followed imports
    const copied = of('COPY').map((args) => args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1)).flat();
    const needed = new Set([...files].map((f) => (f.includes('/') ? f.split('/')[0]! : f)));
    expect([...needed].filter((top) => !copied.includes(top)).sort()).toEqual([]);
  });

  it('installs dependencies from the lock file, dev dependencies included (tsx runs the TypeScript)', () => {
    expect(of('COPY')).toContain('package.json package-lock.json ./');
    expect(of('RUN').some((r) => /\bnpm ci\b.*--include=dev/.test(r))).toBe(true);
  });

  it('builds on Node 20 (Debian bookworm) with poppler-utils, tesseract with Vietnamese, and LibreOffice for .doc', () => {
    expect(of('FROM')).toEqual(['node:20-bookworm-slim']);
    const install = of('RUN').find((r) => /apt-get install\b/.test(r)) ?? '';
    for (const pkg of ['poppler-utils', 'tesseract-ocr', 'tesseract-ocr-vie', 'libreoffice-writer-nogui', 'antiword']) {
      expect(install.split(/\s+/), pkg).toContain(pkg);
    }
  });

  it('runs as an unprivileged user', () => {
    const user = of('USER').at(-1);
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user!.split(':')[0]);
  });

  it('starts the CLI through tsx and defaults to a worker that exists', () => {
    const entrypoint = JSON.parse(of('ENTRYPOINT').at(-1)!) as string[];
    expect(entrypoint.slice(-2)).toEqual(['/app/node_modules/.bin/tsx', ENTRY]);
    expect(of('WORKDIR')).toContain('/app');
    const cmd = JSON.parse(of('CMD').at(-1)!) as string[];
    expect(cmd[0]).toBe('worker');
    expect(WORKER_NAMES).toContain(cmd[1]);
  });

  it('keeps host dependencies, data and history out of the build context', () => {
    const ignored = readFileSync(path.join(ROOT, 'infra/docker/Dockerfile.dockerignore'), 'utf8')
      .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    for (const entry of ['node_modules', 'data', '.git']) expect(ignored).toContain(entry);
  });
});
