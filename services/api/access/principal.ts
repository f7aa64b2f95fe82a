import type { TokenRecord, TokenView } from '../../../schemas/api/access-token.ts';

/**
 * Who is asking: what a request's bearer token grants (schemas/api/access-token.ts).
 *   unit      one unit code
 *   analyst   one province code, or national (province undefined)
 *   admin     everything, and token management
 */
export type Principal =
  | { tokenId: string; name: string; role: 'unit'; unit: string }
  | { tokenId: string; name: string; role: 'analyst'; province?: string }
  | { tokenId: string; name: string; role: 'admin' };

export function principalOf(t: TokenRecord): Principal {
  if (t.role === 'unit') return { tokenId: t.id, name: t.name, role: 'unit', unit: t.unit ?? 'unknown' };
  if (t.role === 'analyst') return { tokenId: t.id, name: t.name, role: 'analyst', ...(t.national ? {} : { province: t.province }) };
  return { tokenId: t.id, name: t.name, role: 'admin' };
}

export function tokenView(t: TokenRecord): TokenView {
  return {
    id: t.id, name: t.name, role: t.role, unit: t.unit ?? null, province: t.province ?? null,
    national: t.role === 'admin' || t.national === true, createdAt: t.createdAt,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook on every /v1 route. */
    principal: Principal;
  }
}
