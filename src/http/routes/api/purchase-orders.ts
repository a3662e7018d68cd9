import type { FastifyPluginAsync } from 'fastify';
import { ValidationError } from '../../../lib/errors.js';
import type { PoStatus } from '../../../ports.js';
import { requireCompany } from '../../plugins/api-auth.js';
import type { ApiDeps } from './index.js';
import { companyOr404, companyParams, DATE } from './params.js';

const poParams = {
  type: 'object',
  required: ['id', 'poId'],
  properties: { id: companyParams.properties.id, poId: { type: 'integer', minimum: 1 } },
} as const;
const STATUSES: readonly PoStatus[] = [
  'draft',
  'approved',
  'sent',
  'partially_received',
  'received',
  'cancelled',
];
const tags = ['purchase orders'];
const security = [{ bearer: [] }];

type PoParams = { id: string; poId: number };

export const purchaseOrderRoutes: FastifyPluginAsync<ApiDeps> = async (app, deps) => {
  const scoped = async (
    req: Parameters<typeof requireCompany>[0],
    id: string,
    scope: 'read' | 'write' | 'approve',
  ) => {
    const company = await companyOr404(deps.companies, id, req);
    return { company, actor: requireCompany(req, company, scope) };
  };

  app.get<{ Params: { id: string }; Querystring: { status?: string } }>(
    '/companies/:id/purchase-orders',
    {
      schema: {
        summary: 'Purchase orders, optionally by status (comma-separated)',
        tags,
        security,
        params: companyParams,
        querystring: { type: 'object', properties: { status: { type: 'string' } } },
      },
    },
    async (req) => {
      const { company } = await scoped(req, req.params.id, 'read');
      const statuses = req.query.status?.split(',').map((s) => s.trim()) ?? [];
      const bad = statuses.filter((s) => !STATUSES.includes(s as PoStatus));
      if (bad.length > 0)
        throw new ValidationError(
          `status: unknown ${bad.join(', ')}; expected some of ${STATUSES.join(', ')}`,
        );
      return { purchaseOrders: await deps.purchaseOrders.list(company.id, statuses as PoStatus[]) };
    },
  );

  app.post<{ Params: { id: string }; Body: { date: string; productIds?: number[] } }>(
    '/companies/:id/purchase-orders',
    {
      schema: {
        summary:
          "Draft one purchase order per supplier from a day's ORDER_TODAY recommendations (or some SKUs)",
        tags,
        security,
        params: companyParams,
        body: {
          type: 'object',
          required: ['date'],
          additionalProperties: false,
          properties: {
            date: DATE,
            productIds: { type: 'array', items: { type: 'integer' }, maxItems: 10_000 },
          },
        },
      },
    },
    async (req, reply) => {
      const { company, actor } = await scoped(req, req.params.id, 'write');
      const created = await deps.purchaseOrders.draftFromRecommendations(
        company.id,
        req.body.date,
        actor,
        req.body.productIds,
      );
      reply.code(created.length > 0 ? 201 : 200);
      return { purchaseOrders: created };
    },
  );

  app.get<{ Params: PoParams }>(
    '/companies/:id/purchase-orders/:poId',
    { schema: { summary: 'One purchase order with its lines', tags, security, params: poParams } },
    async (req) => {
      const { company } = await scoped(req, req.params.id, 'read');
      return deps.purchaseOrders.get(company.id, req.params.poId);
    },
  );

  app.post<{ Params: PoParams; Body: { version?: number } | undefined }>(
    '/companies/:id/purchase-orders/:poId/approve',
    {
      schema: {
        summary: 'Approve a draft (role and approval limit checked; a second approval has no effect)',
        tags,
        security,
        params: poParams,
        body: { type: 'object', nullable: true, properties: { version: { type: 'integer' } } },
      },
    },
    async (req) => {
      const { company, actor } = await scoped(req, req.params.id, 'approve');
      return deps.purchaseOrders.approve(company.id, req.params.poId, actor, req.body?.version);
    },
  );

  app.post<{ Params: PoParams; Body: { lines: { productId: number; quantity: number }[] } }>(
    '/companies/:id/purchase-orders/:poId/receive',
    {
      schema: {
        summary: 'Record received units, fully or partly',
        tags,
        security,
        params: poParams,
        body: {
          type: 'object',
          required: ['lines'],
          properties: {
            lines: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                required: ['productId', 'quantity'],
                properties: { productId: { type: 'integer' }, quantity: { type: 'integer', minimum: 1 } },
              },
            },
          },
        },
      },
    },
    async (req) => {
      const { company, actor } = await scoped(req, req.params.id, 'write');
      return deps.purchaseOrders.receive(company.id, req.params.poId, req.body.lines, actor);
    },
  );

  for (const [action, summary] of [
    ['send', 'Mark an approved order as sent to the supplier'],
    ['cancel', 'Cancel an order that has not been received'],
  ] as const) {
    app.post<{ Params: PoParams }>(
      `/companies/:id/purchase-orders/:poId/${action}`,
      { schema: { summary, tags, security, params: poParams } },
      async (req) => {
        const { company, actor } = await scoped(req, req.params.id, 'write');
        return action === 'send'
          ? deps.purchaseOrders.markSent(company.id, req.params.poId, actor)
          : deps.purchaseOrders.cancel(company.id, req.params.poId, actor);
      },
    );
  }
};
