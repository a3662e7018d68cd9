import { describe, expect, it } from 'vitest';
import { createMarketplaceClient } from '../../../src/adapters/marketplaces/factory.js';
import { createRateLimiterRegistry } from '../../../src/adapters/marketplaces/rate-limiter.js';
import {
  emulatorAccounts,
  startDemoMarketplaces,
} from '../../../src/adapters/marketplaces/simulator/index.js';

describe('demo preset', () => {
  it('starts the demo seller on a 60× clock and serves both marketplaces to factory-made clients', async () => {
    const emulator = await startDemoMarketplaces({ skuCount: 20, speed: 10_000 });
    try {
      const limiters = createRateLimiterRegistry(emulator.clock);
      const clients = emulatorAccounts(emulator).map((account) =>
        createMarketplaceClient(account, { limiters, clock: emulator.clock }),
      );
      for (const client of clients) {
        const skus = [];
        for await (const page of client.listCatalogue()) skus.push(...page.records.map((r) => r.sku));
        expect(skus).toHaveLength(20);
        let stock = 0;
        for await (const page of client.fetchStock()) stock += page.records.length;
        expect(stock).toBeGreaterThan(0);
      }
    } finally {
      await emulator.close();
    }
  });
});
