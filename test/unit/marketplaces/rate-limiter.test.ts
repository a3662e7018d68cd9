import { describe, expect, it } from 'vitest';
import { wbLimit } from '../../../src/adapters/marketplaces/limits.js';
import {
  createRateLimiterRegistry,
  createTokenBucket,
} from '../../../src/adapters/marketplaces/rate-limiter.js';
import { createFakeClock } from './helpers.js';

describe('token bucket', () => {
  it('lets the burst through, then one request per interval (WB orders: 1/min, burst 10)', async () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket(wbLimit('statistics-orders', 'personal'), clock);
    const waits = [];
    for (let i = 0; i < 12; i += 1) waits.push(await bucket.acquire());
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits.slice(10)).toEqual([60_000, 60_000]);
  });

  it('waits exactly what the marketplace said after a 429, then allows one request', async () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket({ intervalMs: 1_000, burst: 5 }, clock);
    await bucket.acquire();
    bucket.blockFor(47_000);
    expect(await bucket.acquire()).toBe(47_000);
    expect(await bucket.acquire()).toBe(1_000);
  });

  it('answers servers without blocking', () => {
    const clock = createFakeClock();
    const bucket = createTokenBucket({ intervalMs: 20_000, burst: 1 }, clock);
    expect(bucket.tryTake()).toEqual({ ok: true, remaining: 0 });
    expect(bucket.tryTake()).toEqual({ ok: false, retryAfterMs: 20_000 });
  });

  it('shares one bucket per key in a registry', () => {
    const registry = createRateLimiterRegistry(createFakeClock());
    const spec = { intervalMs: 1_000, burst: 1 };
    expect(registry.get('wb:a:statistics:orders', spec)).toBe(registry.get('wb:a:statistics:orders', spec));
    expect(registry.get('wb:a:statistics:orders', spec)).not.toBe(
      registry.get('wb:b:statistics:orders', spec),
    );
  });
});
