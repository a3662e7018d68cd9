export {
  type Clock,
  createScaledClock,
  createSystemClock,
  createVirtualClock,
  type VirtualClock,
} from './clock.js';
export { NetworkError, UpstreamError, type UpstreamErrorCode } from './errors.js';
export { DEFAULT_RETRY, type MarketplaceLog, type RetryPolicy } from './http-client.js';
export type { WbTokenType } from './limits.js';
export { createOzonClient, type OzonClientOptions } from './ozon/client.js';
export { createRateLimiterRegistry, type RateLimiterRegistry } from './rate-limiter.js';
export { createWildberriesClient, type WildberriesClientOptions } from './wildberries/client.js';
export type { WbBaseUrls } from './wildberries/context.js';
