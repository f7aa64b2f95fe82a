import { mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { lastLine, runTool } from '../tool-process.ts';

/**
 * Converts one Word binary file to DOCX with headless LibreOffice (Debian
 * `libreoffice-writer-nogui`) and returns the DOCX's bytes:
 *
 *   soffice -env:UserInstallation=file://<workDir>/profile --headless --norestore --nolockcheck
 *           [--infilter="MS Word 97"] --convert-to "docx:MS Word 2007 XML" --outdir <workDir>/out <input>
 *
 * - The profile is private to the call (created in `workDir`, which the caller owns and deletes):
 *   two soffice processes on one profile do not both work, the second hands its request to the
 *   first and exits. A fresh profile costs ≈ 0.3–0.5 s of the ≈ 1.2–2 s a conversion takes here.
 * - `--infilter` names the import filter for Word 97–2003 files (word-file-check.ts tells which):
 *   without it, LibreOffice imports a file its Word filter refuses as plain text, and "succeeds".
 *   Word 6.0/95 files are left to LibreOffice's own type detection.
 * - soffice exits 0 even when the conversion failed ("Error: source file could not be loaded"),
 *   so success is the DOCX being there. A missing DOCX, a non-zero exit, or a run past
 *   `timeoutMs` (the process group is then killed, tool-process.ts) is TH_ERR_DOC_CORRUPT with
 *   soffice's last words; soffice failing to start is TH_ERR_DOC_TOOL_MISSING.
 */
export interface LibreOfficeConversion {
  /** Path of soffice (or libreoffice). */
  soffice: string;
  /** The .doc to convert; its base name, with `.docx`, names the output. */
  inputPath: string;
  /** A private folder for the profile and the output; the caller creates and deletes it. */
  workDir: string;
  /** LibreOffice import filter, e.g. "MS Word 97"; absent: LibreOffice's type detection. */
  inputFilter?: string;
  timeoutMs: number;
  env?: NodeJS.ProcessEnv;
  /** What the file is called in errors. */
  fileName: string;
}

export const WORD97_IMPORT_FILTER = 'MS Word 97';
const DOCX_EXPORT = 'docx:MS Word 2007 XML';

export async function convertToDocx(job: LibreOfficeConversion): Promise<Uint8Array> {
  const outDir = join(job.workDir, 'out');
  const profileDir = join(job.workDir, 'profile');
  await mkdir(outDir, { recursive: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    '--headless', '--norestore', '--nolockcheck',
    ...(job.inputFilter ? [`--infilter=${job.inputFilter}`] : []),
    '--convert-to', DOCX_EXPORT, '--outdir', outDir, job.inputPath,
  ];
  let outcome;
  try {
    outcome = await runTool({ command: job.soffice, args, timeoutMs: job.timeoutMs, env: job.env, maxStdoutBytes: 1 << 20 });
  } catch (err) {
    throw tonghopError('TH_ERR_DOC_TOOL_MISSING', [`${job.fileName} (${job.soffice}: ${(err as Error).message})`], err);
  }
  const failed = (why: string) => tonghopError('TH_ERR_DOC_CORRUPT', [`${job.fileName} (LibreOffice: ${why})`]);
  if (outcome.timedOut) throw failed(`stopped after ${job.timeoutMs} ms`);
  if (outcome.code !== 0) throw failed(lastLine(outcome.stderr) || `exit ${outcome.code ?? outcome.signal}`);
  const output = join(outDir, `${basename(job.inputPath, extname(job.inputPath))}.docx`);
  try {
    return new Uint8Array(await readFile(output));
  } catch {
    // soffice prints "Warning: failed to launch javaldx …" on every start; the line after it says why.
    throw failed(lastLine(outcome.stderr.replace(/^Warning: failed to launch javaldx.*$/gm, '')) || 'no DOCX written');
  }
}
