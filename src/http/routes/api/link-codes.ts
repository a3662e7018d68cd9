import type { FastifyPluginAsync } from 'fastify';
import { requireCompany } from '../../plugins/api-auth.js';
import type { ApiDeps } from './index.js';
import { companyOr404, companyParams } from './params.js';

export const linkCodeRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  app.post<{ Params: { id: string }; Body: { role: string; approvalLimit?: number; hours?: number } }>(
    '/companies/:id/link-codes',
    {
      schema: {
        summary:
          'Issue a one-time code: "/link CODE" in a chat binds that chat and the person with this role',
        tags: ['chat'],
        security: [{ bearer: [] }],
        params: companyParams,
        body: {
          type: 'object',
          required: ['role'],
          additionalProperties: false,
          properties: {
            role: { type: 'string', enum: ['viewer', 'buyer', 'admin'] },
            approvalLimit: { type: 'number', minimum: 0 },
            hours: { type: 'number', exclusiveMinimum: 0, maximum: 720 },
          },
        },
      },
    },
    async (req, reply) => {
      const company = await companyOr404(deps.companies, req.params.id, req);
      const actor = requireCompany(req, company, 'admin');
      const issued = await deps.issueLinkCode({ companyId: company.id, createdBy: actor.id, ...req.body });
      reply.code(201);
      return issued;
    },
  );
};
