import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { TokenCreated, TokenCreateRequest, TokenList, TokenRecord } from '../../../schemas/api/access-token.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { requireRole } from '../access/access-policy.ts';
import { tokenView } from '../access/principal.ts';
import { generateTokenSecret, tokenSha256 } from '../access/token-secret.ts';
import type { ApiContext } from '../api-context.ts';

/**
 * /v1/admin — for admins only (403 for everyone else):
 *   GET    /v1/admin/tokens        every token (never a secret or a hash)
 *   POST   /v1/admin/tokens        a new token; its secret is in this reply and nowhere else
 *   DELETE /v1/admin/tokens/:id    revokes it at once (its next request is 401)
 * Contacts for alerts are the notifier's and are not managed here yet.
 */
export const adminRoutes: FastifyPluginAsyncZod<ApiContext> = (app, ctx) => {
  app.addHook('onRequest', (request, _reply, done) => {
    requireRole(request.principal, 'admin');
    done();
  });

  app.get('/tokens', { schema: { response: { 200: TokenList, ...ERROR_RESPONSES } } }, async () => ({ tokens: (await ctx.tokens.list()).map(tokenView) }));

  app.post('/tokens', { schema: { body: TokenCreateRequest, response: { 201: TokenCreated, 409: ERROR_RESPONSES[400], ...ERROR_RESPONSES } } }, async (request, reply) => {
    const body = request.body;
    const id = body.id ?? `${body.role}-${randomBytes(4).toString('hex')}`;
    if ((await ctx.tokens.list()).some((t) => t.id === id)) {
      throw tonghopError('TH_ERR_CONFLICT', [`mã truy cập / token id ${id}`]);
    }
    const secret = generateTokenSecret();
    const record = TokenRecord.parse({
      id, name: body.name, role: body.role, sha256: tokenSha256(secret), createdAt: new Date().toISOString(),
      ...(body.unit === undefined ? {} : { unit: body.unit }),
      ...(body.province === undefined ? {} : { province: body.province }),
      ...(body.national === undefined ? {} : { national: body.national }),
    });
    await ctx.tokens.add(record);
    return reply.code(201).send({ ...tokenView(record), token: secret });
  });

  app.delete('/tokens/:id', { schema: { params: z.object({ id: z.string().min(1).max(64) }), response: { 204: z.null(), ...ERROR_RESPONSES } } }, async (request, reply) => {
    if (!(await ctx.tokens.remove(request.params.id))) throw tonghopError('TH_ERR_NOT_FOUND', [`mã truy cập / token ${request.params.id}`]);
    return reply.code(204).send(null);
  });
  return Promise.resolve();
};
