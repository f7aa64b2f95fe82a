import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Me } from '../../../schemas/api/access-token.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import type { ApiContext } from '../api-context.ts';

/** GET /v1/me — who the token is: role and scope (for a dashboard to know where to start). */
export const meRoutes: FastifyPluginAsyncZod<ApiContext> = (app) => {
  app.get('/', { schema: { response: { 200: Me, ...ERROR_RESPONSES } } }, (request) => {
    const p = request.principal;
    return Promise.resolve({
      id: p.tokenId, name: p.name, role: p.role,
      unit: p.role === 'unit' ? p.unit : null,
      province: p.role === 'analyst' ? (p.province ?? null) : null,
      national: p.role === 'admin' || (p.role === 'analyst' && p.province === undefined),
    });
  });
  return Promise.resolve();
};
