import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { isTonghopError } from '../../../infra/errors/tonghop-error.ts';
import type { LocalizedText } from '../../../schemas/localized-text.ts';
import type { StructuredDocument } from '../document-model.ts';
import { readDocxStructure } from '../docx/docx-structure-reader.ts';
import { layOutPage } from '../docx/page-layout.ts';
import { docBookBlocks, runAntiword } from './antiword-docbook.ts';
import { convertToDocx, WORD97_IMPORT_FILTER } from './libreoffice-conversion.ts';
import { findExecutable } from '../tool-process.ts';
import { checkWordFile } from './word-file-check.ts';

/**
 * Word 97–2003 .doc → StructuredDocument: one page, like a DOCX, with the same facts as the
 * DOCX of the same report. Steps: the file is checked (word-file-check.ts: a compound file with
 * a Word FIB, not encrypted) → its bytes go to a private temporary folder → a tool reads it →
 * the folder is deleted, whatever happened. Engines, chosen by `engine`:
 *
 * - `libreoffice` (engine name `libreoffice-docx`): headless LibreOffice converts it to DOCX
 *   (libreoffice-conversion.ts, a private profile per call, so calls may run at once), and the
 *   DOCX reader reads that (docx-structure-reader.ts): merged cells, headings, superscripts and
 *   footnotes as for any DOCX. `auto` takes it when `soffice` (or `libreoffice`) is on the PATH.
 * - `antiword` (`antiword-docbook`): antiword's DocBook through the DOCX reader's block rules
 *   (antiword-docbook.ts). `auto` takes it when LibreOffice is missing, and then says once per
 *   process, on stderr (a Node process warning, code TH_LIBREOFFICE_MISSING), that installing
 *   LibreOffice is recommended; each document so read also carries a warning of what antiword
 *   loses (below).
 * - neither installed → TH_ERR_DOC_TOOL_MISSING, naming the Debian packages.
 *
 * Measured (the five samples/*.docx saved as .doc by LibreOffice 7.4 `--convert-to doc`, read
 * back by each tool; the facts of `analyzeDocument` compared with the DOCX's as a multiset on
 * indicator, kind, numbers and quote; "all fields" adds scope, role, certainty, counted noun,
 * table cell and period; time per file, tool and reader, over four runs on 2 cores shared with
 * other work):
 *
 *   sample                     facts │ LibreOffice→DOCX   │ antiword -x db   │ catdoc -w (tab rows as tables)
 *                                    │ equal  time        │ equal  time      │ equal (all fields)  time
 *   000 huyện A Lưới              81 │  81   1.35–2.37 s  │  81   14–47 ms   │  81 (80)            10–18 ms
 *   001 huyện, 2019               49 │  49   1.22–2.12 s  │  49    8–30 ms   │  49 (49)             6–16 ms
 *   002 tỉnh Sóc Trăng           153 │ 153   1.25–2.18 s  │ 153   12–62 ms   │ 153 (143)           13–30 ms
 *   003 xã Quảng Ngạn (tables)   251 │ 251   1.66–2.84 s  │  65   23–58 ms   │ 185 (58), +36 wrong  9–12 ms
 *   004 huyện Bắc Bình           101 │ 101   1.32–2.11 s  │ 101    6–32 ms   │ 101 (101)            6–18 ms
 *
 * LibreOffice's facts are identical to the DOCX's, all fields and evidence spans, and so is its
 * page text, byte for byte; a fresh profile is ≈ 0.3–0.5 s of its time. antiword's are identical
 * too on the four reports without merged-cell tables. On 003 it keeps 2 of the 10 tables,
 * garbled, and drops the text of the other appendices: all 186 table-cell facts are lost (the 65
 * facts of the running text are kept). It also drops manual line breaks, gluing the words either
 * side ("nhà nướcgiai đoạn" in 003's title, "54.599hồ sơ" in a test file). catdoc marks no
 * headings, so scopes leak past them (10 facts of 002 differ, mostly in scope), and has no cell
 * structure (a cell of two paragraphs splits its row: 36 table-cell facts under the wrong row).
 * Hence LibreOffice, and antiword as the fallback: 50–100 times faster, but only for running
 * text. Caveat: every .doc measured was written by LibreOffice; no Word-written .doc was at hand.
 *
 * Text is NFC (both paths go through html-inline.ts). Errors: TH_ERR_DOC_CORRUPT (not a Word
 * file, broken, refused by the tool, or past `timeoutMs`, after which the tool's process group is
 * killed), TH_ERR_DOC_ENCRYPTED, TH_ERR_DOC_TOOL_MISSING.
 */
export type DocEngine = 'auto' | 'libreoffice' | 'antiword';

export interface DocReaderOptions {
  /** Which tool reads the file; default `auto` (LibreOffice, else antiword). */
  engine?: DocEngine;
  /** Longest one conversion may run, ms, before its process group is killed; default 60 000. */
  timeoutMs?: number;
  /** Environment the tools are looked up in (its PATH) and run with; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Folder in which the private working folder is made; default os.tmpdir(). */
  tmpDir?: string;
}

export const DEFAULT_DOC_OPTIONS: Readonly<Required<Pick<DocReaderOptions, 'engine' | 'timeoutMs'>>> = Object.freeze({ engine: 'auto', timeoutMs: 60_000 });

export const LIBREOFFICE_MISSING_WARNING = {
  code: 'TH_LIBREOFFICE_MISSING',
  vi: 'Chưa cài LibreOffice: tệp Word .doc được đọc bằng antiword, có thể mất bảng có ô gộp và dấu xuống dòng trong đoạn. Nên cài LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui).',
  en: 'LibreOffice is not installed: Word .doc files are read with antiword, which may lose tables with merged cells and line breaks inside paragraphs. Installing LibreOffice is recommended (Debian/Ubuntu: apt-get install libreoffice-writer-nogui).',
} as const;

const ANTIWORD_WARNING: LocalizedText = {
  vi: 'Tệp .doc được đọc bằng antiword (không có LibreOffice): bảng có ô gộp có thể bị thiếu hoặc sai cột, và chữ hai bên một dấu xuống dòng trong đoạn có thể bị dính liền',
  en: 'The .doc was read with antiword (no LibreOffice): tables with merged cells may be missing or misaligned, and the words either side of a line break inside a paragraph may run together',
};

let recommended = false;

export async function readDocStructure(bytes: Uint8Array, fileName: string, opts: DocReaderOptions = {}): Promise<StructuredDocument> {
  const info = checkWordFile(bytes, fileName);
  const env = opts.env ?? process.env;
  const engine = opts.engine ?? DEFAULT_DOC_OPTIONS.engine;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_DOC_OPTIONS.timeoutMs;
  const tool = pickTool(engine, env, fileName);
  const workDir = await mkdtemp(join(opts.tmpDir ?? tmpdir(), 'tonghop-doc-'));
  try {
    // The file's own name never reaches a command line or a path.
    const inputPath = join(workDir, 'in.doc');
    await writeFile(inputPath, bytes);
    if (tool.kind === 'libreoffice') {
      const docx = await convertToDocx({
        soffice: tool.path, inputPath, workDir, timeoutMs, env, fileName,
        ...(info.format === 'word97' ? { inputFilter: WORD97_IMPORT_FILTER } : {}),
      });
      return { ...await readConvertedDocx(docx, fileName), engine: 'libreoffice-docx' };
    }
    if (engine === 'auto' && !recommended) {
      recommended = true;
      process.emitWarning(`${LIBREOFFICE_MISSING_WARNING.vi} / ${LIBREOFFICE_MISSING_WARNING.en}`, { code: LIBREOFFICE_MISSING_WARNING.code });
    }
    const xml = await runAntiword({ antiword: tool.path, inputPath, timeoutMs, env, fileName });
    return { engine: 'antiword-docbook', pages: [layOutPage(docBookBlocks(xml), 1, 0)], warnings: [ANTIWORD_WARNING] };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** LibreOffice when the engine allows it and it is installed, else antiword when allowed and installed. */
function pickTool(engine: DocEngine, env: NodeJS.ProcessEnv, fileName: string): { kind: 'libreoffice' | 'antiword'; path: string } {
  const soffice = engine === 'antiword' ? undefined : findExecutable('soffice', env) ?? findExecutable('libreoffice', env);
  if (soffice) return { kind: 'libreoffice', path: soffice };
  const antiword = engine === 'libreoffice' ? undefined : findExecutable('antiword', env);
  if (antiword) return { kind: 'antiword', path: antiword };
  const wanted = engine === 'auto' ? 'soffice, antiword' : engine === 'libreoffice' ? 'soffice' : 'antiword';
  throw tonghopError('TH_ERR_DOC_TOOL_MISSING', [`${fileName} (${wanted} not found on PATH)`]);
}

/** LibreOffice's DOCX, read by the DOCX reader; a DOCX it cannot read means the .doc was bad. */
async function readConvertedDocx(docx: Uint8Array, fileName: string): Promise<StructuredDocument> {
  try {
    return await readDocxStructure(docx, fileName);
  } catch (err) {
    if (isTonghopError(err) && err.code === 'TH_ERR_DOCX_CORRUPT') {
      throw tonghopError('TH_ERR_DOC_CORRUPT', [`${fileName} (${err.reason.en})`], err);
    }
    throw err;
  }
}
