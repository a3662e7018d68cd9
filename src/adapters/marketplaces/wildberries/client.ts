import { describeWbToken } from '../../../core/marketplace/wb-token.js';
import type { MarketplaceClient } from '../../../ports/marketplace.js';
import type { Clock } from '../clock.js';
import {
  createMarketplaceHttp,
  DEFAULT_RETRY,
  type MarketplaceLog,
  type RetryPolicy,
} from '../http-client.js';
import { WB_MARKETPLACE_4XX_COST, type WbTokenType, wbLimit } from '../limits.js';
import type { RateLimiterRegistry } from '../rate-limiter.js';
import { createStatsCollector } from '../stats.js';
import { listWbCatalogue } from './catalogue.js';
import {
  WB_PAGE_SIZES,
  WB_PRODUCTION_URLS,
  type WbBaseUrls,
  type WbContext,
  type WbHost,
  type WbPageSizes,
} from './context.js';
import { wbError, wbRetryAfterMs } from './errors.js';
import { fetchWbOrders } from './orders.js';
import { fetchWbStock } from './stock.js';
import { fetchWbSupplies } from './supplies.js';

export interface WildberriesClientOptions {
  /** Our id of the seller account; the rate-limit key when the token does not name the seller. */
  accountId: string;
  /** Personal (or Service) API token, sent as-is in `Authorization`. */
  token: string;
  /** Read from the token (`acc`) when omitted. */
  tokenType?: WbTokenType;
  /** `''` (default: the raw token, as the official examples) or `'Bearer '` [U]. */
  authPrefix?: string;
  baseUrls?: Partial<WbBaseUrls>;
  limiters: RateLimiterRegistry;
  clock: Clock;
  random?: () => number;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  pageSizes?: Partial<WbPageSizes>;
  maxPages?: number;
  orderLookbackDays?: number;
  log?: MarketplaceLog;
}

const CATEGORY: Record<WbHost, string> = {
  statistics: 'Statistics',
  analytics: 'Analytics',
  content: 'Content',
  marketplace: 'Marketplace',
  supplies: 'Supplies',
};

export function createWildberriesClient(options: WildberriesClientOptions): MarketplaceClient {
  const stats = createStatsCollector();
  // The JWT says the seller and token type: the limit is shared by all tokens of that type of the
  // seller, so key the limiter by seller id when the token tells it.
  const described = describeWbToken(options.token);
  const tokenType = options.tokenType ?? (described.kind === 'base' ? 'base' : 'personal');
  const seller = described.sellerId ?? options.accountId;
  const urls = { ...WB_PRODUCTION_URLS, ...options.baseUrls };
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const httpFor = (host: WbHost) =>
    createMarketplaceHttp({
      marketplace: 'wildberries',
      baseUrl: urls[host],
      limiterKey: `wb:${seller}:${tokenType === 'base' ? 'base' : 'full'}:${host}`,
      hostLabel: host,
      authHeaders: { Authorization: `${options.authPrefix ?? ''}${options.token}` },
      limiters: options.limiters,
      clock: options.clock,
      random: options.random ?? Math.random,
      stats,
      timeoutMs: options.timeoutMs ?? 60_000,
      retry,
      retryAfterMs: wbRetryAfterMs,
      toError: (response, endpoint) => wbError(response, endpoint, CATEGORY[host]),
      onClientError:
        host === 'marketplace' ? (_request, charge) => charge(WB_MARKETPLACE_4XX_COST - 1) : undefined,
      log: options.log,
    });

  const ctx: WbContext = {
    http: {
      statistics: httpFor('statistics'),
      analytics: httpFor('analytics'),
      content: httpFor('content'),
      marketplace: httpFor('marketplace'),
      supplies: httpFor('supplies'),
    },
    limit: (group) => wbLimit(group, tokenType),
    tokenType,
    clock: options.clock,
    stats,
    pageSizes: { ...WB_PAGE_SIZES, ...options.pageSizes },
    maxPages: options.maxPages ?? 10_000,
    orderLookbackDays: options.orderLookbackDays ?? 89,
  };

  return {
    marketplace: 'wildberries',
    accountId: options.accountId,
    listCatalogue: (o) => listWbCatalogue(ctx, o),
    fetchOrders: (o) => fetchWbOrders(ctx, o),
    fetchStock: (o) => fetchWbStock(ctx, o),
    fetchSupplies: (o) => fetchWbSupplies(ctx, o),
    stats: () => stats.snapshot(),
  };
}
