import type { TokenRecord } from '../../schemas/api/access-token.ts';
import type { TokenStore } from './token-store.ts';

/** TokenStore in memory: the local default (generated tokens, lost at exit) and tests. */
export function createMemoryTokenStore(initial: readonly TokenRecord[] = []): TokenStore {
  const byId = new Map(initial.map((t) => [t.id, t]));
  return {
    findBySha256: (sha256) => Promise.resolve([...byId.values()].find((t) => t.sha256 === sha256)),
    list: () => Promise.resolve([...byId.values()].sort((a, b) => a.id.localeCompare(b.id))),
    add(record) {
      if (byId.has(record.id)) return Promise.reject(new Error(`token id ${record.id} exists`));
      byId.set(record.id, record);
      return Promise.resolve();
    },
    remove: (id) => Promise.resolve(byId.delete(id)),
  };
}
