// Headless LibreOffice conversions, the way an office produces its DOCX and PDF files.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const INSTALL_HINT = 'install libreoffice-writer-nogui fonts-liberation2 (e.g. apt-get install libreoffice-writer-nogui fonts-liberation2)';

export class LibreOfficeMissingError extends Error {
  constructor() {
    super(`LibreOffice (soffice) was not found on PATH: ${INSTALL_HINT}`);
    this.name = 'LibreOfficeMissingError';
  }
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** SOFFICE overrides the lookup for machines where LibreOffice lives outside PATH. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string {
  const override = env['SOFFICE'];
  if (override) {
    if (isExecutable(override)) return override;
    throw new LibreOfficeMissingError();
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new LibreOfficeMissingError();
}

export interface ConversionRequest {
  readonly soffice: string;
  readonly inputs: readonly string[];
  /** LibreOffice's target spec, e.g. 'docx:MS Word 2007 XML' or 'pdf:writer_pdf_Export'. */
  readonly convertTo: string;
  /** Import filter; HTML needs "HTML (StarWriter)" or it opens in Writer/Web, which has no page layout. */
  readonly inputFilter?: string;
  readonly outDir: string;
  /** A fresh profile per run: a shared one makes a second soffice hand its work to the first. */
  readonly profileDir: string;
  readonly timeoutMs: number;
}

/**
 * Converts all inputs in one soffice process (start-up dominates the cost) and resolves once
 * every expected output exists; soffice exits 0 even when a conversion failed.
 */
export async function convertWithLibreOffice(request: ConversionRequest, expectedOutputs: readonly string[]): Promise<void> {
  const args = [
    `-env:UserInstallation=${pathToFileURL(request.profileDir).href}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    ...(request.inputFilter ? [`--infilter=${request.inputFilter}`] : []),
    '--convert-to',
    request.convertTo,
    '--outdir',
    request.outDir,
    ...request.inputs,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    // Own process group, so a timeout can stop soffice.bin and not just the wrapper script.
    const child = spawn(request.soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      reject(new Error(`soffice --convert-to ${request.convertTo} timed out after ${request.timeoutMs} ms\n${log}`));
    }, request.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(log);
      else reject(new Error(`soffice --convert-to ${request.convertTo} exited with ${String(code)}\n${log}`));
    });
  });
  const missing = expectedOutputs.filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`soffice did not produce ${missing.join(', ')}\n${output}`);
  }
}
