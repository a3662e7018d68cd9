import type { MarketplaceClient } from '../../../ports/marketplace.js';
import type { Clock } from '../clock.js';
import {
  createMarketplaceHttp,
  DEFAULT_RETRY,
  type MarketplaceLog,
  type RetryPolicy,
} from '../http-client.js';
import { ozonLimit } from '../limits.js';
import type { RateLimiterRegistry } from '../rate-limiter.js';
import { createStatsCollector } from '../stats.js';
import { listOzonCatalogue } from './catalogue.js';
import { OZON_PAGE_SIZES, OZON_PRODUCTION_URL, type OzonContext, type OzonPageSizes } from './context.js';
import { ozonError, ozonRetryAfterMs } from './errors.js';
import { fetchOzonOrders } from './orders.js';
import { fetchOzonStock } from './stock.js';
import { fetchOzonSupplies } from './supplies.js';

export interface OzonClientOptions {
  /** Our id of the seller account; the rate limit is keyed by Client-Id. */
  accountId: string;
  clientId: string;
  apiKey: string;
  baseUrl?: string;
  limiters: RateLimiterRegistry;
  clock: Clock;
  random?: () => number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  pageSizes?: Partial<OzonPageSizes>;
  maxPages?: number;
  orderLookbackDays?: number;
  fboRereadDays?: number;
  changeOverlapMs?: number;
  postingWindowDays?: number;
  postingConcurrency?: number;
  log?: MarketplaceLog;
}

export function createOzonClient(options: OzonClientOptions): MarketplaceClient {
  const stats = createStatsCollector();
  const http = createMarketplaceHttp({
    marketplace: 'ozon',
    baseUrl: options.baseUrl ?? OZON_PRODUCTION_URL,
    limiterKey: `ozon:${options.clientId}:api-seller`,
    hostLabel: 'api-seller',
    authHeaders: { 'Client-Id': options.clientId, 'Api-Key': options.apiKey },
    limiters: options.limiters,
    clock: options.clock,
    random: options.random ?? Math.random,
    stats,
    timeoutMs: options.timeoutMs ?? 60_000,
    retry: { ...DEFAULT_RETRY, ...options.retry },
    retryAfterMs: ozonRetryAfterMs,
    toError: ozonError,
    log: options.log,
  });
  const ctx: OzonContext = {
    http,
    limit: ozonLimit,
    clock: options.clock,
    stats,
    pageSizes: { ...OZON_PAGE_SIZES, ...options.pageSizes },
    maxPages: options.maxPages ?? 100_000,
    orderLookbackDays: options.orderLookbackDays ?? 364,
    fboRereadDays: options.fboRereadDays ?? 14,
    changeOverlapMs: options.changeOverlapMs ?? 3_600_000,
    postingWindowDays: options.postingWindowDays ?? 31,
    postingConcurrency: options.postingConcurrency ?? 4,
  };
  return {
    marketplace: 'ozon',
    accountId: options.accountId,
    listCatalogue: (o) => listOzonCatalogue(ctx, o),
    fetchOrders: (o) => fetchOzonOrders(ctx, o),
    fetchStock: (o) => fetchOzonStock(ctx, o),
    fetchSupplies: (o) => fetchOzonSupplies(ctx, o),
    stats: () => stats.snapshot(),
  };
}
