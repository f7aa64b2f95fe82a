import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tonghopError } from '../../../infra/errors/error-catalog.ts';
import { TokenCreated, TokenCreateRequest, TokenList, TokenRecord } from '../../../schemas/api/access-token.ts';
import { ERROR_RESPONSES } from '../../../schemas/api/api-error.ts';
import { ContactList, ContactView } from '../../../schemas/api/contacts.ts';
import { UnitParams } from '../../../schemas/api/units.ts';
import { UnitContactV1, type UnitContact } from '../../../schemas/records/unit-contact.ts';
import { requireRole } from '../access/access-policy.ts';
import { tokenView } from '../access/principal.ts';
import { generateTokenSecret, tokenSha256 } from '../access/token-secret.ts';
import type { ApiContext } from '../api-context.ts';

/**
 * /v1/admin — for admins only (403 for everyone else):
 *   GET    /v1/admin/tokens        every token (never a secret or a hash)
 *   POST   /v1/admin/tokens        a new token; its secret is in this reply and nowhere else
 *   DELETE /v1/admin/tokens/:id    revokes it at once (its next request is 401)
 *   GET    /v1/admin/contacts             every reporting unit's alert contact (secrets left out)
 *   PUT    /v1/admin/contacts/:code       adds or replaces one (validated whole; the notifier
 *                                         applies it to the next flags)
 *   DELETE /v1/admin/contacts/:code       removes it
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

  app.get('/contacts', { schema: { response: { 200: ContactList, ...ERROR_RESPONSES } } }, async () => ({ contacts: (await ctx.contacts.read()).units.map(contactView) }));

  app.put('/contacts/:code', { schema: { params: UnitParams, body: UnitContactV1, response: { 200: ContactView, ...ERROR_RESPONSES } } }, async (request) => {
    if (request.body.unit !== request.params.code) {
      throw tonghopError('TH_ERR_INVALID_REQUEST', [`"unit" ${request.body.unit} ≠ ${request.params.code} của địa chỉ / of the path`]);
    }
    await ctx.contacts.put(request.body);
    return contactView(request.body);
  });

  app.delete('/contacts/:code', { schema: { params: UnitParams, response: { 204: z.null(), ...ERROR_RESPONSES } } }, async (request, reply) => {
    if (!(await ctx.contacts.remove(request.params.code))) throw tonghopError('TH_ERR_NOT_FOUND', [`danh bạ đơn vị / contact of ${request.params.code}`]);
    return reply.code(204).send(null);
  });

  app.delete('/tokens/:id', { schema: { params: z.object({ id: z.string().min(1).max(64) }), response: { 204: z.null(), ...ERROR_RESPONSES } } }, async (request, reply) => {
    if (!(await ctx.tokens.remove(request.params.id))) throw tonghopError('TH_ERR_NOT_FOUND', [`mã truy cập / token ${request.params.id}`]);
    return reply.code(204).send(null);
  });
  return Promise.resolve();
};

function contactView(c: UnitContact): ContactView {
  const { webhook, ...rest } = c;
  if (!webhook) return rest;
  return { ...rest, webhook: 'secret' in webhook ? { url: webhook.url, secretSet: true } : { url: webhook.url, secretEnv: webhook.secretEnv, secretSet: true } };
}
