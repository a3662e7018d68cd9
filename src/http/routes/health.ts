import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app.js';

const statusSchema = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    checks: { type: 'object', additionalProperties: { type: 'boolean' } },
  },
} as const;

export const healthRoutes: FastifyPluginAsync<Pick<AppDeps, 'readiness'>> = async (app, { readiness }) => {
  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      schema: { summary: 'The process is up', tags: ['ops'], response: { 200: statusSchema } },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      schema: {
        summary: 'The database answers and every migration is applied',
        tags: ['ops'],
        response: { 200: statusSchema, 503: statusSchema },
      },
    },
    async (_req, reply) => {
      const result = await readiness().catch(() => ({ ok: false, checks: { database: false } }));
      reply.code(result.ok ? 200 : 503);
      return { status: result.ok ? 'ready' : 'not ready', checks: result.checks };
    },
  );
};
