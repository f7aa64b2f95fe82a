import { describe, expect, it } from 'vitest';
import { checkWordFile } from '../../../../services/parser/doc/word-file-check.ts';
import { buildCompoundFile, countingBytes, wordDocumentStream } from './compound-file-builder.ts';

const table = { name: '1Table', data: countingBytes(600) };

function refusal(bytes: Uint8Array): { code: string; message: string } | undefined {
  try {
    checkWordFile(bytes, 'r.doc');
    return undefined;
  } catch (err) {
    const { code, message } = err as { code: string; message: string };
    return { code, message };
  }
}

describe('checkWordFile', () => {
  it('accepts a Word 97–2003 file with its table stream, and a Word 6/95 file without one', () => {
    const word97 = buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({ nFib: 0x0101 }) }, table]);
    expect(checkWordFile(word97.bytes, 'r.doc')).toEqual({ nFib: 0x0101, format: 'word97' });
    const word95 = buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({ nFib: 104, flags: 0 }) }]);
    expect(checkWordFile(word95.bytes, 'r.doc')).toEqual({ nFib: 104, format: 'word6' });
  });

  it('reads the FIB from a WordDocument stream kept in the mini stream', () => {
    const short = buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({ nFib: 0xc1, flags: 0 }, 1500) }, { name: '0Table', data: countingBytes(100) }]);
    expect(short.layout.streams['WordDocument']?.mini).toBe(true);
    expect(checkWordFile(short.bytes, 'r.doc')).toEqual({ nFib: 0xc1, format: 'word97' });
  });

  it('refuses a password-protected file (fEncrypted) with TH_ERR_DOC_ENCRYPTED', () => {
    const encrypted = buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({ flags: 0x0200 | 0x0100 }) }, table]);
    expect(refusal(encrypted.bytes)).toMatchObject({ code: 'TH_ERR_DOC_ENCRYPTED', message: expect.stringContaining('password-protected') as unknown });
    const agile = buildCompoundFile([{ name: 'EncryptionInfo', data: countingBytes(200) }, { name: 'EncryptedPackage', data: countingBytes(5000) }]);
    expect(refusal(agile.bytes)?.code).toBe('TH_ERR_DOC_ENCRYPTED');
  });

  it('refuses compound files that are not Word documents, with the reason', () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['an Excel 97 workbook', buildCompoundFile([{ name: 'Workbook', data: countingBytes(5000) }]).bytes, /no WordDocument stream/],
      ['a foreign FIB', buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({ ident: 0x1234 }) }, table]).bytes, /no Word FIB signature/],
      ['Word 2.0', buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({ nFib: 45 }) }, table]).bytes, /older than Word 6.0/],
      ['a missing table stream', buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({ flags: 0x0200 }) }, { name: '0Table', data: countingBytes(10) }]).bytes, /no 1Table stream/],
      ['a FIB cut short', buildCompoundFile([{ name: 'WordDocument', data: wordDocumentStream({}, 20) }, table]).bytes, /too short for a FIB/],
    ];
    for (const [what, bytes, why] of cases) {
      expect(refusal(bytes), what).toMatchObject({ code: 'TH_ERR_DOC_CORRUPT', message: expect.stringMatching(why) as unknown });
    }
  });

  it('refuses an OLE header followed by junk', () => {
    const junk = new Uint8Array(20_000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    junk.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
    expect(refusal(junk)).toMatchObject({ code: 'TH_ERR_DOC_CORRUPT', message: expect.stringContaining('r.doc') as unknown });
  });
});
