import type { Clock } from '../clock.js';
import type { MarketplaceHttp } from '../http-client.js';
import type { WbGroup, WbTokenType } from '../limits.js';
import type { RateLimitSpec } from '../rate-limiter.js';
import type { StatsCollector } from '../stats.js';

export type WbHost = 'statistics' | 'analytics' | 'content' | 'marketplace' | 'supplies';

export type WbBaseUrls = Record<WbHost, string>;

export const WB_PRODUCTION_URLS: WbBaseUrls = {
  statistics: 'https://statistics-api.wildberries.ru',
  analytics: 'https://seller-analytics-api.wildberries.ru',
  content: 'https://content-api.wildberries.ru',
  marketplace: 'https://marketplace-api.wildberries.ru',
  supplies: 'https://supplies-api.wildberries.ru',
};

export interface WbPageSizes {
  /** Records per yielded page when a statistics response is larger (WB pages hold ~80 000 rows). */
  statisticsChunk: number;
  cards: number;
  warehouseStocks: number;
  sellerStocks: number;
  supplies: number;
  supplyGoods: number;
}

export const WB_PAGE_SIZES: WbPageSizes = {
  statisticsChunk: 10_000,
  cards: 100,
  warehouseStocks: 250_000,
  sellerStocks: 1_000,
  supplies: 1_000,
  supplyGoods: 1_000,
};

/** What every WB stream needs; built once per client. */
export interface WbContext {
  http: Record<WbHost, MarketplaceHttp>;
  limit(group: WbGroup): RateLimitSpec;
  tokenType: WbTokenType;
  clock: Clock;
  stats: StatsCollector;
  pageSizes: WbPageSizes;
  maxPages: number;
  /** Full order fetch without `since`: how far back (WB keeps 90 days). */
  orderLookbackDays: number;
}
