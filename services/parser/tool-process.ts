import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

/**
 * Runs one external tool (soffice and antiword for .doc; tesseract, pdftoppm and pdfimages
 * for OCR) to completion and says how it ended; the callers turn that into coded errors.
 * What it guarantees:
 *   - the tool runs in its own process group, and a run past `timeoutMs` kills the whole group
 *     (SIGKILL): `soffice` is a shell script that starts `soffice.bin`, and killing only the
 *     script would leave the office process working on in the background;
 *   - the promise settles only once the group is gone (`close`), so the caller may then delete
 *     the folder the tool was working in;
 *   - stdout is kept up to `maxStdoutBytes` (past that the group is killed and `overflow` set),
 *     stderr up to 64 KiB: enough for the tool's last words.
 * It rejects only when the tool cannot be started at all (ENOENT and the like).
 */
export interface ToolRun {
  command: string;
  args: readonly string[];
  /** Longest the run may take, ms. */
  timeoutMs: number;
  /** Environment of the tool; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Most stdout kept, bytes; default 256 MiB. */
  maxStdoutBytes?: number;
}

export interface ToolOutcome {
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  overflow: boolean;
}

const MAX_STDERR_BYTES = 65_536;

export function runTool(run: ToolRun): Promise<ToolOutcome> {
  const maxStdout = run.maxStdoutBytes ?? 256 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, [...run.args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: run.env ?? process.env });
    const decoder = new StringDecoder('utf8');
    let stdout = '';
    let stdoutBytes = 0;
    let stderr = '';
    let timedOut = false;
    let overflow = false;
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, run.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxStdout) {
        if (!overflow) killGroup();
        overflow = true;
        return;
      }
      stdout += decoder.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR_BYTES) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      stdout += decoder.end();
      resolve({ code, signal, stdout, stderr, timedOut, overflow });
    });
  });
}

/** The path of an executable `name` on the PATH of `env`, or undefined. Checked on every call: no process-wide cache, so a changed PATH is seen. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** The last non-empty line a tool printed, for an error message. */
export function lastLine(text: string): string {
  return text.trim().split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? '';
}
