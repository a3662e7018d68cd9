import type { MarketplaceClient } from '../../ports/marketplace.js';
import type { Clock } from './clock.js';
import type { MarketplaceLog, RetryPolicy } from './http-client.js';
import type { WbTokenType } from './limits.js';
import { createOzonClient } from './ozon/client.js';
import type { RateLimiterRegistry } from './rate-limiter.js';
import { createWildberriesClient } from './wildberries/client.js';
import type { WbBaseUrls } from './wildberries/context.js';

/** One seller account as configuration stores it (secrets included; never log this object). */
export type MarketplaceAccount =
  | {
      marketplace: 'wildberries';
      accountId: string;
      token: string;
      tokenType?: WbTokenType;
      baseUrls?: Partial<WbBaseUrls>;
    }
  | { marketplace: 'ozon'; accountId: string; clientId: string; apiKey: string; baseUrl?: string };

export interface MarketplaceClientDeps {
  /** One registry per process, shared by every client, so one account never exceeds its limits. */
  limiters: RateLimiterRegistry;
  clock: Clock;
  random?: () => number;
  log?: MarketplaceLog;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export function createMarketplaceClient(
  account: MarketplaceAccount,
  deps: MarketplaceClientDeps,
): MarketplaceClient {
  if (account.marketplace === 'wildberries') {
    return createWildberriesClient({
      ...deps,
      accountId: account.accountId,
      token: account.token,
      tokenType: account.tokenType,
      baseUrls: pickWbUrls(account.baseUrls),
    });
  }
  return createOzonClient({
    ...deps,
    accountId: account.accountId,
    clientId: account.clientId,
    apiKey: account.apiKey,
    baseUrl: account.baseUrl,
  });
}

const WB_HOSTS = ['statistics', 'analytics', 'content', 'marketplace', 'supplies'] as const;

function pickWbUrls(urls: Partial<Record<string, string>> | undefined): Partial<WbBaseUrls> | undefined {
  if (!urls) return undefined;
  const picked: Partial<WbBaseUrls> = {};
  for (const host of WB_HOSTS) {
    const url = urls[host];
    if (url) picked[host] = url;
  }
  return picked;
}
