import type { FastifyPluginAsync } from 'fastify';
import type { RecommendationStore } from '../../../ports.js';
import type { ApiTokenService } from '../../../services/api-tokens.js';
import type { CompanyService } from '../../../services/companies.js';
import type { PurchaseOrderService } from '../../../services/purchase-orders/service.js';
import { apiAuthPlugin } from '../../plugins/api-auth.js';
import { purchaseOrderRoutes } from './purchase-orders.js';
import { recommendationRoutes } from './recommendations.js';

export type ApiDeps = {
  tokens: ApiTokenService;
  companies: CompanyService;
  recommendations: RecommendationStore;
  purchaseOrders: PurchaseOrderService;
};

/** /api/v1: every route authenticated by an API token and scoped to one company. */
export const apiRoutes: FastifyPluginAsync<ApiDeps> = async (app, opts) => {
  // Only the services pass down: Fastify's own options (prefix) must not apply twice.
  const deps: ApiDeps = {
    tokens: opts.tokens,
    companies: opts.companies,
    recommendations: opts.recommendations,
    purchaseOrders: opts.purchaseOrders,
  };
  await app.register(apiAuthPlugin, { tokens: deps.tokens });
  await app.register(recommendationRoutes, deps);
  await app.register(purchaseOrderRoutes, deps);
};
