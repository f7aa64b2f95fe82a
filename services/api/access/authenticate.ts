import type { FastifyRequest } from 'fastify';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import type { TokenStore } from '../../../infra/auth/token-store.ts';
import { principalOf } from './principal.ts';
import { tokenSha256 } from './token-secret.ts';

/**
 * The onRequest hook of every /v1 route: `Authorization: Bearer <secret>` → the token whose
 * sha256 matches → `request.principal`. A missing, malformed or unknown token is 401
 * (TH_ERR_UNAUTHORIZED) before any handler runs.
 */
export function authenticate(tokens: TokenStore): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    const record = match?.[1] ? await tokens.findBySha256(tokenSha256(match[1])) : undefined;
    if (!record) throw tonghopError('TH_ERR_UNAUTHORIZED');
    request.principal = principalOf(record);
  };
}
