import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Registry } from 'prom-client';
import type { Logger } from '../lib/logger.js';
import { errorHandler } from './plugins/error-handler.js';
import { metricsPlugin } from './plugins/metrics.js';
import { type ApiDeps, apiRoutes } from './routes/api/index.js';
import { healthRoutes } from './routes/health.js';

export type AppDeps = {
  log: Logger;
  metrics: Registry;
  /** Readiness: the database answers and every migration is applied. */
  readiness: () => Promise<{ ok: boolean; checks: Record<string, boolean> }>;
  version: string;
  api: ApiDeps;
};

/** The HTTP surface as a factory: tests drive it with app.inject, main.ts makes it listen. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.log.child({ component: 'http' }),
    requestIdHeader: 'x-request-id',
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    // One line per request, written when it is answered (below), instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addHook('onResponse', async (req, reply) => {
    // Probes and scrapes every few seconds would drown the log at info.
    const quiet = req.url === '/healthz' || req.url === '/readyz' || req.url === '/metrics';
    req.log[quiet ? 'debug' : 'info'](
      {
        method: req.method,
        url: req.url.split('?')[0],
        statusCode: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    reply
      .code(404)
      .send({ error: 'NOT_FOUND', message: `No route for ${req.method} ${req.url.split('?')[0]}` });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'stockpilot',
        version: deps.version,
        description:
          'Replenishment for Wildberries and Ozon sellers: stock, forecasts, recommendations, purchase orders.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'API token' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(metricsPlugin, { registry: deps.metrics });
  await app.register(healthRoutes, { readiness: deps.readiness });
  await app.register(apiRoutes, { ...deps.api, prefix: '/api/v1' });
  // Fastify types the instance by its logger; callers only need the base logger interface.
  return app as unknown as FastifyInstance;
}
