import type { TokenRecord } from '../../schemas/api/access-token.ts';

/**
 * TokenStore: the API's access tokens, by the sha256 of their secret (schemas/api/access-token.ts).
 *
 * In it: find a token by the hash of the secret a request presented; list; add (a duplicate id
 * is refused); remove by id. Only hashes are ever stored: a secret exists once, in the reply
 * to whoever created it.
 *
 * Deliberately left out: expiry, scopes beyond the record's role, contacts (the notifier's).
 */
export interface TokenStore {
  findBySha256(sha256: string): Promise<TokenRecord | undefined>;
  list(): Promise<TokenRecord[]>;
  /** Throws when the id is taken. */
  add(record: TokenRecord): Promise<void>;
  /** Whether there was such a token. */
  remove(id: string): Promise<boolean>;
}
