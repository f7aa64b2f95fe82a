import { readFile } from 'node:fs/promises';
import { writeJsonFile } from '../fs/atomic-file.ts';
import { TokensFile, type TokenRecord } from '../../schemas/api/access-token.ts';
import { tonghopError } from '../errors/error-catalog.ts';
import { createMemoryTokenStore } from './token-store.memory.ts';
import type { TokenStore } from './token-store.ts';

/**
 * TokenStore on a JSON file (TONGHOP_TOKENS_FILE): `{ "tokens": [ … ] }`, validated with zod
 * when opened (a bad file stops start-up with TH_ERR_CONFIG naming every problem). Changes made
 * through the API are written back whole, to a temporary file renamed over the old one, so a
 * crash never leaves half a file. Only sha256 hashes are in it.
 */
export async function openFileTokenStore(path: string): Promise<TokenStore> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw tonghopError('TH_ERR_CONFIG', [`  TONGHOP_TOKENS_FILE ${path}: cannot read it`], err);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw tonghopError('TH_ERR_CONFIG', [`  TONGHOP_TOKENS_FILE ${path}: not JSON`], err);
  }
  const parsed = TokensFile.safeParse(json);
  if (!parsed.success) {
    throw tonghopError('TH_ERR_CONFIG', [parsed.error.issues.map((i) => `  ${path}: ${i.path.join('.')}: ${i.message}`).join('\n')]);
  }
  const memory = createMemoryTokenStore(parsed.data.tokens);
  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    writing = writing.then(async () => {
      const tokens: TokenRecord[] = await memory.list();
      await writeJsonFile(path, { tokens });
    });
    return writing;
  };
  return {
    findBySha256: (sha256) => memory.findBySha256(sha256),
    list: () => memory.list(),
    async add(record) {
      await memory.add(record);
      await save();
    },
    async remove(id) {
      const removed = await memory.remove(id);
      if (removed) await save();
      return removed;
    },
  };
}
