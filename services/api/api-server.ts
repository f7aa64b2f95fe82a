import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type FastifyPluginAsyncZod,
} from 'fastify-type-provider-zod';
import type { Logger } from '../../infra/log/logger.ts';
import { authenticate } from './access/authenticate.ts';
import type { ApiContext, ApiPorts } from './api-context.ts';
import { installErrorHandling } from './api-error-handler.ts';
import { dashboardRoutes } from './dashboard/dashboard-routes.ts';
import { API_DEFAULTS, type ApiOptions } from './api-options.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { completenessRoutes } from './routes/completeness-routes.ts';
import { figuresRoutes } from './routes/figures-routes.ts';
import { flagsRoutes } from './routes/flags-routes.ts';
import { intakeRoutes } from './routes/intake-routes.ts';
import { meRoutes } from './routes/me-routes.ts';
import { queryRoutes } from './routes/query-routes.ts';
import { reportsRoutes } from './routes/reports-routes.ts';
import { unitsRoutes } from './routes/units-routes.ts';

/**
 * The analyst API (fastify), built apart from `listen()` so tests drive it with `inject`
 * (pipelines/api-server.ts listens). REST under /v1, each area its own prefixed plugin:
 *
 *   /v1/me  /v1/units  /v1/figures  /v1/reports (GET, and POST = intake)  /v1/flags
 *   /v1/completeness  /v1/query  /v1/admin
 *
 * Every /v1 route needs a bearer token (access/authenticate.ts) and enforces its scope
 * (access/access-policy.ts). Requests and responses are zod schemas (schemas/api/), which
 * also make the OpenAPI document: JSON at /docs/json, the UI at /docs (no token needed).
 * Errors are `{ code, message: { vi, en } }` (api-error-handler.ts).
 *
 * Needs a database that can open a read-only session (analysts' SQL and the Parquet export
 * run there); fails at build otherwise. Closing the app closes that session, not the database.
 */
export interface ApiDeps extends ApiPorts {
  /** Request logs; default none. */
  log?: Logger;
  options?: Partial<ApiOptions>;
}

export async function buildApiServer(deps: ApiDeps): Promise<FastifyInstance> {
  if (!deps.db.openReadOnlySession) throw new Error('the analyst API needs a database with read-only sessions (SqlDatabase.openReadOnlySession)');
  const options: Readonly<ApiOptions> = Object.freeze({ ...API_DEFAULTS, ...deps.options });
  const logger: FastifyBaseLogger | undefined = deps.log;
  const app: FastifyInstance = logger ? Fastify({ loggerInstance: logger }) : Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, options.maxUploadBytes);

  const session = await deps.db.openReadOnlySession();
  app.addHook('onClose', async () => { await session.close(); });
  const ctx: ApiContext = { db: deps.db, store: deps.store, intake: deps.intake, registry: deps.registry, tokens: deps.tokens, contacts: deps.contacts, options, session };

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'tonghop — API cho chuyên viên / Analyst API',
        description: 'Số liệu tổng hợp đã kiểm tra, báo cáo, cảnh báo, truy vấn SQL chỉ đọc / consolidated checked figures, reports, flags, read-only SQL',
        version: '1.0.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const v1: FastifyPluginAsyncZod = async (api) => {
    api.decorateRequest('principal', null as never);
    api.addHook('onRequest', authenticate(deps.tokens));
    await api.register(meRoutes, { prefix: '/me', ...ctx });
    await api.register(unitsRoutes, { prefix: '/units', ...ctx });
    await api.register(figuresRoutes, { prefix: '/figures', ...ctx });
    await api.register(reportsRoutes, { prefix: '/reports', ...ctx });
    await api.register(intakeRoutes, { prefix: '/reports', ...ctx });
    await api.register(flagsRoutes, { prefix: '/flags', ...ctx });
    await api.register(completenessRoutes, { prefix: '/completeness', ...ctx });
    await api.register(queryRoutes, { prefix: '/query', ...ctx });
    await api.register(adminRoutes, { prefix: '/admin', ...ctx });
  };
  await app.register(v1, { prefix: '/v1' });
  await app.register(dashboardRoutes);
  return app;
}
