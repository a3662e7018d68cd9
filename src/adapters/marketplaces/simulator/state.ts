import type { Clock } from '../clock.js';
import type { RateLimiterRegistry, RateLimitSpec } from '../rate-limiter.js';
import type { DemoSeller } from './demo-seller.js';
import type { FaultInjector } from './faults.js';
import type { SimResponse } from './http.js';
import type { OzonData } from './ozon-data.js';
import type { WbData } from './wb-data.js';

/** Everything the emulated servers share. `dataNow` moves only when a test says so. */
export interface SimState {
  seller: DemoSeller;
  wb: WbData;
  ozon: OzonData;
  dataNow(): number;
  clock: Clock;
  limiters: RateLimiterRegistry;
  faults: FaultInjector;
  secret: number;
  ozonCredentials: { clientId: string; apiKey: string };
  /** Cards edited after generation (nmId → updatedAt). */
  cardUpdates: Map<number, number>;
  wbStatisticsPageSize: number;
  requests: Map<string, number>;
}

export function countRequest(state: SimState, key: string): void {
  state.requests.set(key, (state.requests.get(key) ?? 0) + 1);
}

/**
 * Server side of one request: an injected 429 first (it does not consume budget, and its retry
 * time is never shorter than the real budget's), then the budget, then 5xx / slow faults.
 */
export function gate(
  state: SimState,
  options: { bucketKey: string; spec: RateLimitSpec; faultPath: string },
  throttled: (retryAfterSeconds: number) => SimResponse,
  failed: (status: number) => SimResponse,
): { ok: true; remaining: number; delayMs: number } | { ok: false; response: SimResponse } {
  const bucket = state.limiters.get(options.bucketKey, options.spec);
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  const decision = state.faults.decide(options.faultPath);
  if (decision?.kind === 'throttle') {
    return { ok: false, response: throttled(Math.max(decision.retryAfterSeconds, seconds(bucket.waitMs()))) };
  }
  const taken = bucket.tryTake();
  if (!taken.ok) return { ok: false, response: throttled(seconds(taken.retryAfterMs)) };
  if (decision?.kind === 'error') return { ok: false, response: failed(decision.status) };
  return { ok: true, remaining: taken.remaining, delayMs: decision?.kind === 'slow' ? decision.ms : 0 };
}
