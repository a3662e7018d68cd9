import type { FastifyPluginAsync } from 'fastify';
import { requireCompany } from '../../plugins/api-auth.js';
import type { ApiDeps } from './index.js';
import { companyOr404, companyParams } from './params.js';

const security = [{ bearer: [] }];

export const catalogueRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  app.get<{ Params: { id: string }; Querystring: { limit?: number; offset?: number } }>(
    '/companies/:id/products',
    {
      schema: {
        summary: 'Products with their latest stock and units ordered in the last 30 days',
        tags: ['catalogue'],
        security,
        params: companyParams,
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
        },
      },
    },
    async (req) => {
      const company = await companyOr404(deps.companies, req.params.id, req);
      requireCompany(req, company);
      return deps.catalogue.list(company.id, {
        limit: req.query.limit ?? 100,
        offset: req.query.offset ?? 0,
      });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/companies/:id/sync',
    {
      schema: {
        summary:
          'Sync health per account and data type: last success, age, last status and error, stale or not',
        tags: ['sync'],
        security,
        params: companyParams,
      },
    },
    async (req) => {
      const company = await companyOr404(deps.companies, req.params.id, req);
      requireCompany(req, company);
      return { companyId: company.id, accounts: await deps.sync.health(company) };
    },
  );

  app.post<{ Params: { id: string }; Body: { full?: boolean } | undefined }>(
    '/companies/:id/sync',
    {
      schema: {
        summary: 'Start a sync of every account now (runs in the background; see GET for the outcome)',
        tags: ['sync'],
        security,
        params: companyParams,
        body: { type: 'object', nullable: true, properties: { full: { type: 'boolean' } } },
      },
    },
    async (req, reply) => {
      const company = await companyOr404(deps.companies, req.params.id, req);
      requireCompany(req, company, 'write');
      deps.sync.syncCompany(company.id, { full: req.body?.full ?? false }).catch((err: unknown) => {
        req.log.error({ err, companyId: company.id }, 'sync started by API failed');
      });
      reply.code(202);
      return { status: 'started' };
    },
  );
};
