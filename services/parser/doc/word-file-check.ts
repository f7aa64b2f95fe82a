import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { openCompoundFile } from './compound-file.ts';

/**
 * Checks that a .doc is a Word binary document a converter may be given, from the start of its
 * File Information Block (MS-DOC 2.5.2, FibBase: the first 32 bytes of the `WordDocument` stream):
 *
 *   wIdent u16 @0 = 0xA5EC · nFib u16 @2 · … · flags u16 @0x0A:
 *     fWhichTblStm 0x0200 (tables in `1Table`, else `0Table`) · fEncrypted 0x0100 · fObfuscated 0x8000
 *   nFib ≥ 193 (0xC1): Word 97, 2000, 2002, 2003 (193, 217, 257, 268) and later writers of the format
 *   nFib 101–105: Word 6.0 and Word 95, which keep their tables inside `WordDocument`
 *
 * Refused, before any tool runs:
 *   - not a compound file, or a broken one (compound-file.ts), no `WordDocument` stream, a FIB
 *     that is not Word's, Word before 6.0, or a Word 97 file without its table stream
 *     → TH_ERR_DOC_CORRUPT;
 *   - fEncrypted (RC4 or XOR-obfuscated, i.e. opened with a password), or an encrypted
 *     Office 2007+ file (`EncryptedPackage`) named .doc → TH_ERR_DOC_ENCRYPTED.
 * This matters for more than a better message: LibreOffice, told nothing, imports bytes it
 * cannot parse as plain text and "succeeds".
 */
export interface WordFileInfo {
  /** The FIB's format version. */
  nFib: number;
  /** `word97`: Word 97–2003's format (LibreOffice filter "MS Word 97"); `word6`: Word 6.0/95. */
  format: 'word97' | 'word6';
}

const FIB_IDENT = 0xa5ec;
const FIB_BASE_BYTES = 32;
const NFIB_WORD97 = 0xc1;
const NFIB_WORD6 = 101;
const F_WHICH_TABLE_STREAM = 0x0200;
const F_ENCRYPTED = 0x0100;

export function checkWordFile(bytes: Uint8Array, fileName: string): WordFileInfo {
  const corrupt = (why: string) => tonghopError('TH_ERR_DOC_CORRUPT', [`${fileName} (${why})`]);
  const file = openCompoundFile(bytes, fileName);
  const stream = (name: string) => file.entries.find((e) => e.type === 'stream' && e.name === name);
  const wordDocument = stream('WordDocument');
  if (!wordDocument) {
    if (stream('EncryptedPackage')) throw tonghopError('TH_ERR_DOC_ENCRYPTED', [fileName]);
    throw corrupt('no WordDocument stream: not a Word document');
  }
  const fib = file.readStreamHead(wordDocument, FIB_BASE_BYTES);
  if (fib.length < FIB_BASE_BYTES) throw corrupt('WordDocument stream too short for a FIB');
  const view = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  const nFib = view.getUint16(2, true);
  const flags = view.getUint16(0x0a, true);
  if (view.getUint16(0, true) !== FIB_IDENT) throw corrupt('no Word FIB signature');
  if (nFib < NFIB_WORD6) throw corrupt(`Word format ${nFib}, older than Word 6.0`);
  if (flags & F_ENCRYPTED) throw tonghopError('TH_ERR_DOC_ENCRYPTED', [fileName]);
  if (nFib < NFIB_WORD97) return { nFib, format: 'word6' };
  const table = flags & F_WHICH_TABLE_STREAM ? '1Table' : '0Table';
  if (!stream(table)) throw corrupt(`no ${table} stream`);
  return { nFib, format: 'word97' };
}
