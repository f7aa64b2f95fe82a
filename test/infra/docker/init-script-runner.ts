import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs one of infra/docker's init scripts with `sh`, its client tool (kafka-topics,
 * mc) replaced by a stub that records each call's arguments and succeeds, or fails for
 * calls that contain `failOn` as one argument. The script's own logic (names, counts,
 * waiting, idempotence flags) runs; nothing talks to a server.
 */
export interface StubbedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Arguments of every call to the stub, in order. */
  calls: string[][];
}

export interface StubOptions {
  /** The variable through which the script takes its tool, e.g. KAFKA_TOPICS_BIN. */
  stubVariable: string;
  env?: Record<string, string>;
  /** A call with this exact argument exits 1 (e.g. `--list`: the broker never answers). */
  failOn?: string;
}

/** Separates arguments on a log line; no argument contains it. */
const US = '\u001f';

export function runWithStub(script: string, opts: StubOptions): StubbedRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'tonghop-init-'));
  try {
    const log = path.join(dir, 'calls.log');
    const stub = path.join(dir, 'stub.sh');
    const fail = opts.failOn === undefined ? '' : `for a in "$@"; do [ "$a" = '${opts.failOn}' ] && exit 1; done\n`;
    writeFileSync(stub, `#!/bin/sh\n(IFS='${US}'; printf '%s\\n' "$*") >> '${log}'\n${fail}exit 0\n`);
    chmodSync(stub, 0o755);
    writeFileSync(log, '');
    const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', [opts.stubVariable]: stub, ...opts.env };
    const run = spawnSync('sh', [script], { env, encoding: 'utf8', timeout: 30_000 });
    if (run.error) throw run.error;
    const calls = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '').map((l) => l.split(US));
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, calls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
