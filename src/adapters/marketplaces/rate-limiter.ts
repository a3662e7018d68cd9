import type { Clock } from './clock.js';

/** Token bucket: one token per `intervalMs`, at most `burst` saved up (WB's Period/Limit/Burst). */
export interface RateLimitSpec {
  intervalMs: number;
  burst: number;
}

export interface TokenBucket {
  /** Waits (FIFO) until a request may be sent; resolves with the milliseconds waited. */
  acquire(signal?: AbortSignal): Promise<number>;
  /** Non-blocking take for servers: ok, or how long until a token is available. */
  tryTake(cost?: number): { ok: true; remaining: number } | { ok: false; retryAfterMs: number };
  /** Milliseconds until `cost` tokens are available (0 = now), without taking them. */
  waitMs(cost?: number): number;
  /** The marketplace said "retry in ms": nothing is sent before then, then one request may go. */
  blockFor(ms: number): void;
  /** Extra cost charged after the fact (e.g. WB counts a 4XX as 10 requests). */
  charge(cost: number): void;
  remaining(): number;
}

export function createTokenBucket(spec: RateLimitSpec, clock: Clock): TokenBucket {
  let tokens = spec.burst;
  let last = clock.now();
  let blockedUntil = 0;
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const now = clock.now();
    if (now > last) {
      tokens = Math.min(spec.burst, tokens + (now - last) / spec.intervalMs);
      last = now;
    }
  };
  const waitMs = (cost: number) => {
    refill();
    const now = clock.now();
    if (blockedUntil > now) return blockedUntil - now;
    return tokens >= cost ? 0 : Math.ceil((cost - tokens) * spec.intervalMs);
  };

  return {
    async acquire(signal) {
      const previous = queue;
      let release = () => {};
      queue = new Promise((resolve) => {
        release = resolve;
      });
      const started = clock.now();
      try {
        await previous;
        for (let wait = waitMs(1); wait > 0; wait = waitMs(1)) await clock.sleep(wait, signal);
        tokens -= 1;
        return clock.now() - started;
      } finally {
        release();
      }
    },
    waitMs: (cost = 1) => waitMs(cost),
    tryTake(cost = 1) {
      const wait = waitMs(cost);
      if (wait > 0) return { ok: false, retryAfterMs: wait };
      tokens -= cost;
      return { ok: true, remaining: Math.floor(tokens) };
    },
    blockFor(ms) {
      const until = clock.now() + ms;
      if (until <= blockedUntil) return;
      blockedUntil = until;
      tokens = 1;
      last = until;
    },
    charge(cost) {
      refill();
      tokens -= cost;
    },
    remaining() {
      refill();
      return Math.max(0, Math.floor(tokens));
    },
  };
}

/**
 * One bucket per seller account + host + method group, shared by every client of that account in
 * the process (the marketplace counts the account, not the worker). Create one per process.
 */
export interface RateLimiterRegistry {
  get(key: string, spec: RateLimitSpec): TokenBucket;
}

export function createRateLimiterRegistry(clock: Clock): RateLimiterRegistry {
  const buckets = new Map<string, TokenBucket>();
  return {
    get(key, spec) {
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = createTokenBucket(spec, clock);
        buckets.set(key, bucket);
      }
      return bucket;
    },
  };
}
