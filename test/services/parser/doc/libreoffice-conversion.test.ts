import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertToDocx, WORD97_IMPORT_FILTER } from '../../../../services/parser/doc/libreoffice-conversion.ts';
import { findExecutable } from '../../../../services/parser/tool-process.ts';

/**
 * The runner on its own, past the reader's checks: soffice exits 0 when it could not load a file,
 * and the runner must still see the failure. (Through the reader, such a file never gets here:
 * word-file-check.ts refuses it first.)
 */
const soffice = findExecutable('soffice') ?? findExecutable('libreoffice');
if (!soffice) console.warn('LibreOffice (soffice) not installed: the conversion runner tests are skipped (apt-get install libreoffice-writer-nogui)');

describe.skipIf(!soffice)('convertToDocx', () => {
  let workDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'tonghop-lo-test-'));
  });
  afterAll(() => rm(workDir, { recursive: true, force: true }));

  it('reports a file the Word filter cannot load as TH_ERR_DOC_CORRUPT, with soffice\'s words', async () => {
    const junk = new Uint8Array(20_000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    junk.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    const inputPath = join(workDir, 'in.doc');
    await writeFile(inputPath, junk);
    const conversion = convertToDocx({ soffice: soffice!, inputPath, workDir, inputFilter: WORD97_IMPORT_FILTER, timeoutMs: 60_000, fileName: 'junk.doc' });
    await expect(conversion).rejects.toMatchObject({
      code: 'TH_ERR_DOC_CORRUPT',
      message: expect.stringMatching(/junk\.doc \(LibreOffice: Error: source file could not be loaded\)/) as unknown,
    });
  });

  it('says the tool is missing when soffice cannot be started', async () => {
    const inputPath = join(workDir, 'in.doc');
    await expect(convertToDocx({ soffice: join(workDir, 'no-soffice'), inputPath, workDir, timeoutMs: 1000, fileName: 'a.doc' }))
      .rejects.toMatchObject({ code: 'TH_ERR_DOC_TOOL_MISSING' });
  });
});
