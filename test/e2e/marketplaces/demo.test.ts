import { describe, expect, it } from 'vitest';
import { createOzonClient } from '../../../src/adapters/marketplaces/ozon/client.js';
import { createRateLimiterRegistry } from '../../../src/adapters/marketplaces/rate-limiter.js';
import { startDemoMarketplaces } from '../../../src/adapters/marketplaces/simulator/index.js';
import { createWildberriesClient } from '../../../src/adapters/marketplaces/wildberries/client.js';

describe('demo preset', () => {
  it('starts the demo seller on a scaled clock and serves both marketplaces', async () => {
    const emulator = await startDemoMarketplaces({ skuCount: 20, speed: 10_000 });
    try {
      const { clock } = emulator;
      const limiters = createRateLimiterRegistry(clock);
      const clients = [
        createWildberriesClient({
          accountId: 'demo',
          token: emulator.tokens.wb.personal,
          baseUrls: emulator.wbBaseUrls,
          limiters,
          clock,
        }),
        createOzonClient({
          accountId: 'demo',
          ...emulator.tokens.ozon,
          baseUrl: emulator.ozonBaseUrl,
          limiters,
          clock,
        }),
      ];
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
