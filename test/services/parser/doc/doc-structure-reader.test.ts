import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fact } from '../../../../schemas/fact/v1.ts';
import { analyzeDocument } from '../../../../services/parser/document-analysis.ts';
import type { StructuredDocument } from '../../../../services/parser/document-model.ts';
import { readDocStructure, type DocReaderOptions } from '../../../../services/parser/doc/doc-structure-reader.ts';
import { findExecutable } from '../../../../services/parser/tool-process.ts';
import { readDocxStructure } from '../../../../services/parser/docx/docx-structure-reader.ts';
import { buildCompoundFile, countingBytes, wordDocumentStream } from './compound-file-builder.ts';
import { makeSampleDocs, SAMPLE_NAMES, withEncryptedFlag, type SampleDoc, type SampleName } from './sample-docs.ts';

/**
 * The .doc reader against the DOCX reader on the five sample reports: each DOCX is saved as .doc
 * by LibreOffice at test time (sample-docs.ts) and must give the same facts as the DOCX itself,
 * in every field (indicator, numbers, scope, role, certainty, table cell, quote and span).
 */
const soffice = findExecutable('soffice') ?? findExecutable('libreoffice');
const antiword = findExecutable('antiword');
if (!soffice) console.warn('LibreOffice (soffice) not installed: the .doc sample tests are skipped (apt-get install libreoffice-writer-nogui)');
if (!antiword) console.warn('antiword not installed: the .doc antiword tests are skipped (apt-get install antiword)');

const factsOf = (doc: StructuredDocument): Fact[] => analyzeDocument('r-doc', doc).facts;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tonghop-doc-test-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A private, empty folder for the reader's working folders, to see that it cleans up. */
async function workRoot(label: string): Promise<string> {
  const dir = join(scratch, `${label}-${Math.random().toString(36).slice(2)}`);
  await mkdir(dir);
  return dir;
}

/** A PATH holding only the given tools (links to the real ones, or stand-ins). */
async function pathWith(tools: Record<string, string>): Promise<NodeJS.ProcessEnv> {
  const bin = await workRoot('bin');
  for (const [name, target] of Object.entries(tools)) await symlink(target, join(bin, name));
  return { ...process.env, PATH: bin };
}

async function refusal(read: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await read;
  } catch (err) {
    const { code, message } = err as { code: string; message: string };
    return { code, message };
  }
  throw new Error('the read was not refused');
}

/** Processes whose command line mentions `text` (Linux /proc); [] where there is no /proc. */
function processesMentioning(text: string): string[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      return cmdline.includes(text) ? [`${pid}: ${cmdline}`] : [];
    } catch {
      return [];
    }
  });
}

describe('readDocStructure, without any tool', () => {
  const validWord97 = buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({}) }, { name: '1Table', data: countingBytes(600) }]).bytes;

  it('refuses an OLE header followed by junk with TH_ERR_DOC_CORRUPT, leaving nothing behind', async () => {
    const junk = new Uint8Array(30_000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    junk.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    const tmpDir = await workRoot('junk');
    for (const engine of ['auto', 'libreoffice', 'antiword'] as const) {
      expect(await refusal(readDocStructure(junk, 'junk.doc', { engine, tmpDir }))).toMatchObject({
        code: 'TH_ERR_DOC_CORRUPT', message: expect.stringContaining('junk.doc') as unknown,
      });
    }
    expect(await readdir(tmpDir)).toEqual([]);
  });

  it('says which Debian packages to install when neither soffice nor antiword is on the PATH', async () => {
    const empty = await workRoot('empty-path');
    const missing = await refusal(readDocStructure(validWord97, 'a.doc', { env: { PATH: empty } }));
    expect(missing.code).toBe('TH_ERR_DOC_TOOL_MISSING');
    expect(missing.message).toContain('libreoffice-writer-nogui');
    expect(missing.message).toContain('antiword');
  });

  it('does not fall back when an engine is forced and its tool is missing', async () => {
    const standIn = join(await workRoot('stand-in'), 'tool');
    await writeFile(standIn, '#!/bin/sh\nexit 0\n');
    await chmod(standIn, 0o755);
    const onlyAntiword = await pathWith({ antiword: standIn });
    expect(await refusal(readDocStructure(validWord97, 'a.doc', { engine: 'libreoffice', env: onlyAntiword }))).toMatchObject({
      code: 'TH_ERR_DOC_TOOL_MISSING', message: expect.stringContaining('soffice not found') as unknown,
    });
    const onlySoffice = await pathWith({ soffice: standIn });
    expect(await refusal(readDocStructure(validWord97, 'a.doc', { engine: 'antiword', env: onlySoffice }))).toMatchObject({
      code: 'TH_ERR_DOC_TOOL_MISSING', message: expect.stringContaining('antiword not found') as unknown,
    });
  });
});

describe.skipIf(!soffice)('readDocStructure on the five samples saved as .doc', () => {
  let samples: Map<SampleName, SampleDoc>;
  const docxFacts = new Map<SampleName, Fact[]>();
  const docxDocs = new Map<SampleName, StructuredDocument>();
  const viaLibreOffice = new Map<SampleName, StructuredDocument>();
  let concurrentWork: string;

  beforeAll(async () => {
    samples = await makeSampleDocs(soffice!, await workRoot('fixtures'));
    for (const [name, { docx }] of samples) {
      const doc = await readDocxStructure(docx, `${name}.docx`);
      docxDocs.set(name, doc);
      docxFacts.set(name, factsOf(doc));
    }
    // All five at once: each call has its own LibreOffice profile, so none hands its work to another.
    concurrentWork = await workRoot('concurrent');
    const read = await Promise.all(SAMPLE_NAMES.map((name) => readDocStructure(samples.get(name)!.doc, `${name}.doc`, { engine: 'auto', tmpDir: concurrentWork })));
    SAMPLE_NAMES.forEach((name, i) => viaLibreOffice.set(name, read[i]!));
  }, 180_000);

  it.each(SAMPLE_NAMES)('%s: LibreOffice gives the DOCX\'s facts, every field, and its page text', (name) => {
    const doc = viaLibreOffice.get(name)!;
    expect(doc).toMatchObject({ engine: 'libreoffice-docx', warnings: [] });
    expect(doc.pages).toHaveLength(1);
    const text = doc.pages[0]!.text;
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toBe(docxDocs.get(name)!.pages[0]!.text);
    const expected = docxFacts.get(name)!;
    // Not a comparison of two empty lists: every sample states dozens of figures, with scopes and roles.
    expect(expected.length).toBeGreaterThan(40);
    expect(expected.some((f) => f.scope !== undefined && f.scope.reach !== 'unstated')).toBe(true);
    expect(factsOf(doc)).toEqual(expected);
  });

  it('keeps the merged cells of sample 003\'s appendix tables (colSpan/rowSpan), as the DOCX does', () => {
    const spans = (doc: StructuredDocument) => doc.pages[0]!.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => `${c.colSpan ?? 1}x${c.rowSpan ?? 1}`)) : []));
    const fromDoc = spans(viaLibreOffice.get('003-xa-quang-ngan-cchc-2011-2020')!);
    expect(fromDoc.filter((s) => s !== '1x1').length).toBeGreaterThan(0);
    expect(fromDoc).toEqual(spans(docxDocs.get('003-xa-quang-ngan-cchc-2011-2020')!));
    expect(factsOf(viaLibreOffice.get('003-xa-quang-ngan-cchc-2011-2020')!).filter((f) => f.kind === 'table-cell').length).toBeGreaterThanOrEqual(186);
  });

  it('removes its working folders, LibreOffice profiles included', async () => {
    expect(await readdir(concurrentWork)).toEqual([]);
  });

  it('refuses a password-protected .doc with TH_ERR_DOC_ENCRYPTED before any tool runs', async () => {
    const encrypted = withEncryptedFlag(samples.get('001-huyen-cchc-2019')!.doc);
    const tmpDir = await workRoot('encrypted');
    for (const engine of ['libreoffice', 'antiword'] as const) {
      expect(await refusal(readDocStructure(encrypted, 'mat-khau.doc', { engine, tmpDir }))).toMatchObject({
        code: 'TH_ERR_DOC_ENCRYPTED', message: expect.stringContaining('mat-khau.doc') as unknown,
      });
    }
    expect(await readdir(tmpDir)).toEqual([]);
  });

  it('stops LibreOffice at the timeout, kills it, and cleans up', async () => {
    const tmpDir = await workRoot('timeout');
    const options: DocReaderOptions = { engine: 'libreoffice', timeoutMs: 150, tmpDir };
    expect(await refusal(readDocStructure(samples.get('003-xa-quang-ngan-cchc-2011-2020')!.doc, '003.doc', options))).toMatchObject({
      code: 'TH_ERR_DOC_CORRUPT', message: expect.stringContaining('stopped after 150 ms') as unknown,
    });
    expect(await readdir(tmpDir)).toEqual([]);
    // Every process of the run had the private profile (inside tmpDir) on its command line.
    expect(processesMentioning(tmpDir)).toEqual([]);
  });

  describe.skipIf(!antiword)('antiword, the fallback', () => {
    it.each(SAMPLE_NAMES.filter((n) => n !== '003-xa-quang-ngan-cchc-2011-2020'))('%s: the DOCX\'s facts, every field', async (name) => {
      const doc = await readDocStructure(samples.get(name)!.doc, `${name}.doc`, { engine: 'antiword' });
      expect(doc.engine).toBe('antiword-docbook');
      expect(doc.warnings).toEqual([expect.objectContaining({ en: expect.stringContaining('merged cells') as unknown }) as unknown]);
      expect(doc.pages[0]!.text).toBe(doc.pages[0]!.text.normalize('NFC'));
      expect(factsOf(doc)).toEqual(docxFacts.get(name));
    });

    it('003: the body\'s facts, but not the appendix tables with merged cells (measured: 65 of 251 facts)', async () => {
      const name = '003-xa-quang-ngan-cchc-2011-2020';
      const facts = factsOf(await readDocStructure(samples.get(name)!.doc, `${name}.doc`, { engine: 'antiword' }));
      const expected = docxFacts.get(name)!;
      // antiword 0.37 has no merged cells: it garbles the first appendix tables and drops the rest with their
      // text, so every table-cell fact is lost. It also drops manual line breaks (the title's "nhà nước⏎giai
      // đoạn" becomes "nhà nướcgiai đoạn"), so the page text is one character shorter from the title on and
      // every span and fact id (which hashes the span) moves by one; the facts themselves (kind, indicator,
      // numbers, scope, role, certainty, quote) are those of the DOCX.
      const unplaced = (f: Fact) => ({ ...f, id: '', evidence: { ...f.evidence, start: 0, end: 0 } });
      expect(facts.filter((f) => f.kind === 'table-cell')).toEqual([]);
      expect(facts.map(unplaced)).toEqual(expected.filter((f) => f.kind !== 'table-cell').map(unplaced));
      expect(facts.length).toBeLessThan(expected.length);
    });

    it('is what `auto` takes when only antiword is installed, and says once that LibreOffice is recommended', async () => {
      const warnings: Error[] = [];
      const listen = (w: Error) => warnings.push(w);
      process.on('warning', listen);
      try {
        const env = await pathWith({ antiword: antiword! });
        const first = await readDocStructure(samples.get('001-huyen-cchc-2019')!.doc, '001.doc', { env });
        await readDocStructure(samples.get('004-huyen-bac-binh-cchc-2022')!.doc, '004.doc', { env });
        await new Promise((r) => setImmediate(r)); // process warnings are emitted on the next tick
        expect(first.engine).toBe('antiword-docbook');
        expect(factsOf(first)).toEqual(docxFacts.get('001-huyen-cchc-2019'));
        expect(warnings.filter((w) => (w as Error & { code?: string }).code === 'TH_LIBREOFFICE_MISSING')).toHaveLength(1);
      } finally {
        process.off('warning', listen);
      }
    });
  });
});
