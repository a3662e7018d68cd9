import type { RateLimitSpec } from './rate-limiter.js';

// Documented limits (README §1.2–1.9 from the WB 2026-08-18 YAML; §2.1 Ozon Limits, 2026-10).
// The emulator enforces the same table, so both sides agree by construction.

export type WbTokenType = 'personal' | 'service' | 'base' | 'base-with-secret' | 'test';

export type WbGroup =
  | 'statistics-orders'
  | 'statistics-sales'
  | 'content-cards'
  | 'analytics-wb-stocks'
  | 'marketplace'
  | 'supplies';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const WB_FULL: Record<WbGroup, RateLimitSpec> = {
  'statistics-orders': { intervalMs: MINUTE, burst: 10 },
  'statistics-sales': { intervalMs: MINUTE, burst: 1 },
  'content-cards': { intervalMs: 600, burst: 5 },
  'analytics-wb-stocks': { intervalMs: 20_000, burst: 1 },
  marketplace: { intervalMs: 200, burst: 20 },
  supplies: { intervalMs: 2_000, burst: 10 },
};

// Base tokens: far lower limits. content-cards for Base is not in the copied docs [U]: assume the
// full limit; wb-warehouses refuses Base tokens outright (403).
const WB_BASE: Record<WbGroup, RateLimitSpec> = {
  'statistics-orders': { intervalMs: 3 * HOUR, burst: 1 },
  'statistics-sales': { intervalMs: 2 * HOUR, burst: 1 },
  'content-cards': WB_FULL['content-cards'],
  'analytics-wb-stocks': WB_FULL['analytics-wb-stocks'],
  marketplace: { intervalMs: 400, burst: 10 },
  supplies: { intervalMs: 30 * MINUTE, burst: 1 },
};

export function wbLimit(group: WbGroup, tokenType: WbTokenType): RateLimitSpec {
  return tokenType === 'base' ? WB_BASE[group] : WB_FULL[group];
}

/** WB marketplace-api charges a 4XX answer as 10 requests. */
export const WB_MARKETPLACE_4XX_COST = 10;

export type OzonGroup = 'default' | 'analytics';

export function ozonLimit(group: OzonGroup): RateLimitSpec {
  return group === 'analytics' ? { intervalMs: MINUTE, burst: 1 } : { intervalMs: 20, burst: 50 };
}
