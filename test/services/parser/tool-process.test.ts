import { readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable, runTool } from '../../../services/parser/tool-process.ts';

/** Whether a process runs: a zombie (killed, not yet reaped by an init that may never reap it) does not. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('runTool', () => {
  it('returns stdout, stderr and the exit code', async () => {
    const outcome = await runTool({ command: 'sh', args: ['-c', 'printf "Bắc Bình"; echo oops >&2; exit 3'], timeoutMs: 10_000 });
    expect(outcome).toEqual({ code: 3, signal: null, stdout: 'Bắc Bình', stderr: 'oops\n', timedOut: false, overflow: false });
  });

  it('kills the whole process group on timeout, grandchildren included', async () => {
    // The shell starts a background sleep (a grandchild of ours, as soffice.bin is of the soffice script), prints its pid, and waits.
    const started = Date.now();
    const outcome = await runTool({ command: 'sh', args: ['-c', 'sleep 30 & echo $!; wait'], timeoutMs: 300 });
    expect(outcome.timedOut).toBe(true);
    expect(outcome.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(10_000);
    const grandchild = Number(outcome.stdout.trim());
    expect(grandchild).toBeGreaterThan(0);
    // SIGKILL is delivered at once, but give the kernel a moment to reap it.
    for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive(grandchild)).toBe(false);
  });

  it('stops a tool whose output passes the limit', async () => {
    const outcome = await runTool({ command: 'sh', args: ['-c', 'while :; do echo xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; done'], timeoutMs: 10_000, maxStdoutBytes: 10_000 });
    expect(outcome).toMatchObject({ overflow: true, timedOut: false, signal: 'SIGKILL' });
    expect(outcome.stdout.length).toBeLessThanOrEqual(10_000);
  });

  it('rejects when the tool cannot be started', async () => {
    await expect(runTool({ command: '/nonexistent/soffice', args: [], timeoutMs: 1000 })).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('findExecutable', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tonghop-find-'));
    await mkdir(join(dir, 'a', 'soffice'), { recursive: true }); // a folder of that name is not the tool
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'b', 'soffice'), '#!/bin/sh\n');
    await chmod(join(dir, 'b', 'soffice'), 0o755);
    await writeFile(join(dir, 'a', 'antiword'), 'not executable');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('takes the first executable file of that name on the PATH', () => {
    expect(findExecutable('soffice', { PATH: `${join(dir, 'a')}:${join(dir, 'b')}` })).toBe(join(dir, 'b', 'soffice'));
    expect(findExecutable('antiword', { PATH: join(dir, 'a') })).toBeUndefined();
    expect(findExecutable('soffice', { PATH: '' })).toBeUndefined();
    expect(findExecutable('soffice', {})).toBeUndefined();
  });
});
