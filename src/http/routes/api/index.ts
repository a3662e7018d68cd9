import type { FastifyPluginAsync } from 'fastify';
import type { JobRunner } from '../../../jobs/runner.js';
import type { CatalogueReader, RecommendationStore } from '../../../ports.js';
import type { ApiTokenService } from '../../../services/api-tokens.js';
import type { createLinkCodeService } from '../../../services/chat/link-codes.js';
import type { CompanyService } from '../../../services/companies.js';
import type { PurchaseOrderService } from '../../../services/purchase-orders/service.js';
import type { SyncService } from '../../../services/sync/sync-company.js';
import { apiAuthPlugin } from '../../plugins/api-auth.js';
import { catalogueRoutes } from './catalogue.js';
import { jobRoutes } from './jobs.js';
import { linkCodeRoutes } from './link-codes.js';
import { purchaseOrderRoutes } from './purchase-orders.js';
import { recommendationRoutes } from './recommendations.js';

export type ApiDeps = {
  tokens: ApiTokenService;
  /** Demo mode: the demo company may be read without a token. */
  anonymousDemo: boolean;
  companies: CompanyService;
  recommendations: RecommendationStore;
  purchaseOrders: PurchaseOrderService;
  catalogue: CatalogueReader;
  sync: SyncService;
  runJob: JobRunner;
  issueLinkCode: ReturnType<typeof createLinkCodeService>;
};

/** /api/v1: every route authenticated by an API token and scoped to one company. */
export const apiRoutes: FastifyPluginAsync<ApiDeps> = async (app, opts) => {
  // Only the services pass down: Fastify's own options (prefix) must not apply twice.
  const deps: ApiDeps = {
    tokens: opts.tokens,
    anonymousDemo: opts.anonymousDemo,
    companies: opts.companies,
    recommendations: opts.recommendations,
    purchaseOrders: opts.purchaseOrders,
    catalogue: opts.catalogue,
    sync: opts.sync,
    runJob: opts.runJob,
    issueLinkCode: opts.issueLinkCode,
  };
  await app.register(apiAuthPlugin, { tokens: deps.tokens, anonymousDemo: deps.anonymousDemo });
  await app.register(recommendationRoutes, deps);
  await app.register(purchaseOrderRoutes, deps);
  await app.register(catalogueRoutes, deps);
  await app.register(jobRoutes, deps);
  await app.register(linkCodeRoutes, deps);
};
