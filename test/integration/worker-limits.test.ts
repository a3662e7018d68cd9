import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerPool } from '../../src/lib/worker-pool.js';
import {
  FORECAST_WORKER_LIMITS,
  type ForecastBatch,
  type ForecastOutcome,
} from '../../src/services/forecast/types.js';

// Forecast workers run under heap limits (bench:pipeline's RSS); a full batch must fit inside them,
// and a worker that would pass them dies alone: its task fails, the pool carries on.

const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('worker heap limits', () => {
  it('a full forecast batch (64 SKUs × two years) fits in a forecast worker', async () => {
    const pool = createWorkerPool<ForecastBatch, ForecastOutcome[]>(
      new URL('../../src/services/forecast/worker.ts', import.meta.url),
      1,
      FORECAST_WORKER_LIMITS,
    );
    pools.push(pool);
    const jobs = Array.from({ length: 64 }, (_, sku) => {
      const units = Array.from({ length: 730 }, (_, d) => {
        const weekly = 1 + 0.4 * Math.sin((2 * Math.PI * d) / 7);
        const yearly = 1 + 0.5 * Math.sin((2 * Math.PI * d) / 365);
        // Deterministic noise, and a few SKUs that sell only now and then.
        const noise = ((d * 7919 + sku * 104_729) % 13) / 13;
        return sku % 8 === 0
          ? d % 11 === 0
            ? 3
            : 0
          : Math.round((5 + sku) * weekly * yearly * (0.6 + noise));
      });
      return { productId: sku + 1, firstDate: '2024-11-20', units, inStock: units.map(() => 1) };
    });
    const out = await pool.run({ horizon: 30, levels: [0.1, 0.5, 0.9], jobs });
    expect(out).toHaveLength(64);
    expect(out.filter((o) => !o.ok)).toEqual([]);
  }, 60_000);

  it('a worker past its limit fails its own task and is replaced', async () => {
    const pool = createWorkerPool<string, string>(
      new URL('../fixtures/workers/memory-hog.mjs', import.meta.url),
      1,
      { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    );
    pools.push(pool);
    await expect(pool.run('hog')).rejects.toThrow(/memory|exited/i);
    await expect(pool.run('ping')).resolves.toBe('pong');
  }, 30_000);
});
