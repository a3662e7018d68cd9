import type { Clock } from '../clock.js';
import type { MarketplaceHttp } from '../http-client.js';
import type { OzonGroup } from '../limits.js';
import type { RateLimitSpec } from '../rate-limiter.js';
import type { StatsCollector } from '../stats.js';

export const OZON_PRODUCTION_URL = 'https://api-seller.ozon.ru';

export interface OzonPageSizes {
  products: number;
  postings: number;
  stocks: number;
  supplyOrders: number;
  bundle: number;
}

export const OZON_PAGE_SIZES: OzonPageSizes = {
  products: 1000,
  postings: 100,
  stocks: 1000,
  supplyOrders: 100,
  bundle: 100,
};

export interface OzonContext {
  http: MarketplaceHttp;
  limit(group: OzonGroup): RateLimitSpec;
  clock: Clock;
  stats: StatsCollector;
  pageSizes: OzonPageSizes;
  maxPages: number;
  /** Full order fetch without `since`: how far back (the API refuses windows over a year). */
  orderLookbackDays: number;
  /** FBO postings have no "changed since" filter: each incremental run re-reads this many days. */
  fboRereadDays: number;
  /** Incremental cursors start this much before the run's clock time (late or skewed data). */
  changeOverlapMs: number;
  /** A long posting range is read as windows of at most this many days… */
  postingWindowDays: number;
  /** …this many at a time (each pages sequentially; all share the account's rate limit). */
  postingConcurrency: number;
}

/** POST with the default 50 rps group. */
export function ozonPost(ctx: OzonContext, path: string, body: unknown, signal?: AbortSignal) {
  return ctx.http.send(
    { method: 'POST', path, body, group: 'default', limit: ctx.limit('default'), endpoint: `POST ${path}` },
    signal,
  );
}
