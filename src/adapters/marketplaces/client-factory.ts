import type { MarketplaceClient } from '../../ports/marketplace.js';
import type { MarketplaceCredentials } from '../../ports.js';
import { type Clock, createSystemClock } from './clock.js';
import type { MarketplaceLog } from './http-client.js';
import { createOzonClient } from './ozon/client.js';
import { createRateLimiterRegistry, type RateLimiterRegistry } from './rate-limiter.js';
import { createWildberriesClient } from './wildberries/client.js';
import type { WbBaseUrls } from './wildberries/context.js';

/**
 * Makes the client for an account from its (opened) credentials. One rate-limiter registry per
 * process, so everything that calls the same seller account shares its limits.
 */
export function createClientFactory(
  opts: { clock?: Clock; limiters?: RateLimiterRegistry; log?: MarketplaceLog } = {},
) {
  const clock = opts.clock ?? createSystemClock();
  const limiters = opts.limiters ?? createRateLimiterRegistry(clock);
  return (account: { id: number }, credentials: MarketplaceCredentials): MarketplaceClient => {
    const common = { accountId: String(account.id), limiters, clock, ...(opts.log ? { log: opts.log } : {}) };
    return credentials.marketplace === 'wildberries'
      ? createWildberriesClient({
          ...common,
          token: credentials.token,
          ...(credentials.baseUrls ? { baseUrls: credentials.baseUrls as Partial<WbBaseUrls> } : {}),
        })
      : createOzonClient({
          ...common,
          clientId: credentials.clientId,
          apiKey: credentials.apiKey,
          ...(credentials.baseUrl ? { baseUrl: credentials.baseUrl } : {}),
        });
  };
}
