import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convertWithLibreOffice } from '../../../../samples/libreoffice.ts';

/**
 * The five sample reports (samples/*.docx, real reports) saved as Word 97–2003 .doc at test time,
 * the way an office still on the old format sends them: one headless LibreOffice run
 * (`--convert-to "doc:MS Word 97"`, samples/libreoffice.ts, a profile of its own) into `dir`.
 * The conversion goes through the sample generator's runner, not the reader's, so a fault in
 * the code under test cannot shape its own fixtures.
 */
export const SAMPLE_NAMES = [
  '000-huyen-a-luoi-cchc-2011-2020',
  '001-huyen-cchc-2019',
  '002-tinh-soc-trang-cchc-2016',
  '003-xa-quang-ngan-cchc-2011-2020',
  '004-huyen-bac-binh-cchc-2022',
] as const;

export type SampleName = (typeof SAMPLE_NAMES)[number];

export const SAMPLES_DIR = join(import.meta.dirname, '../../../../samples');

export interface SampleDoc {
  docx: Uint8Array;
  doc: Uint8Array;
}

export async function makeSampleDocs(soffice: string, dir: string): Promise<Map<SampleName, SampleDoc>> {
  const outDir = join(dir, 'doc');
  await convertWithLibreOffice(
    {
      soffice,
      inputs: SAMPLE_NAMES.map((name) => join(SAMPLES_DIR, `${name}.docx`)),
      convertTo: 'doc:MS Word 97',
      outDir,
      profileDir: join(dir, 'profile'),
      timeoutMs: 120_000,
    },
    SAMPLE_NAMES.map((name) => join(outDir, `${name}.doc`)),
  );
  const docs = new Map<SampleName, SampleDoc>();
  for (const name of SAMPLE_NAMES) {
    docs.set(name, {
      docx: new Uint8Array(await readFile(join(SAMPLES_DIR, `${name}.docx`))),
      doc: new Uint8Array(await readFile(join(outDir, `${name}.doc`))),
    });
  }
  return docs;
}

/**
 * A copy of a .doc with the FIB's fEncrypted flag set, as Word sets it when a password is given
 * (the content is not actually enciphered: the reader must refuse on the flag alone). The FIB is
 * found without the code under test: the 512-byte sector that starts with Word's wIdent 0xA5EC
 * and an nFib of Word 97 or later.
 */
export function withEncryptedFlag(doc: Uint8Array): Uint8Array {
  const copy = doc.slice();
  for (let at = 512; at + 512 <= copy.length; at += 512) {
    if (copy[at] === 0xec && copy[at + 1] === 0xa5 && (copy[at + 2]! | (copy[at + 3]! << 8)) >= 0xc1) {
      copy[at + 0x0b] = copy[at + 0x0b]! | 0x01; // flags u16 @0x0A, high byte: 0x0100 is fEncrypted
      return copy;
    }
  }
  throw new Error('no Word 97 FIB found');
}
