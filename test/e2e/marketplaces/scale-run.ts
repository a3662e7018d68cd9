// Scale check, not a test: `npx tsx test/e2e/marketplaces/scale-run.ts [skus]` runs a full sync of
// every stream of both marketplaces against an emulated 10 000-sku seller with a year of history
// and prints calls, rate-limit wait, duration and peak RSS.
import { createVirtualClock } from '../../../src/adapters/marketplaces/clock.js';
import { createOzonClient } from '../../../src/adapters/marketplaces/ozon/client.js';
import { createRateLimiterRegistry } from '../../../src/adapters/marketplaces/rate-limiter.js';
import { startMarketplaceEmulator } from '../../../src/adapters/marketplaces/simulator/index.js';
import { createWildberriesClient } from '../../../src/adapters/marketplaces/wildberries/client.js';
import type { MarketplaceClient } from '../../../src/ports/marketplace.js';

const skuCount = Number(process.argv[2] ?? 10_000);
const start = Date.parse('2026-10-01T03:00:00Z');
const clock = createVirtualClock(start);
const emulator = await startMarketplaceEmulator({ clock, now: start, skuCount, historyDays: 365 });
const limiters = createRateLimiterRegistry(clock);
const clients: MarketplaceClient[] = [
  createWildberriesClient({
    accountId: 'bench',
    token: emulator.tokens.wb.personal,
    baseUrls: emulator.wbBaseUrls,
    limiters,
    clock,
  }),
  createOzonClient({
    accountId: 'bench',
    ...emulator.tokens.ozon,
    baseUrl: emulator.ozonBaseUrl,
    limiters,
    clock,
  }),
];
let peakRss = 0;
const sample = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50);
const began = performance.now();
for (const client of clients) {
  for (const stream of ['listCatalogue', 'fetchOrders', 'fetchStock', 'fetchSupplies'] as const) {
    const t = performance.now();
    let records = 0;
    let pages = 0;
    const since =
      stream === 'fetchOrders' && client.marketplace === 'wildberries'
        ? new Date(start - 95 * 86_400_000).toISOString()
        : undefined;
    for await (const page of client[stream]({ since })) {
      records += page.records.length;
      pages += 1;
    }
    console.log(client.marketplace, stream, { records, pages, ms: Math.round(performance.now() - t) });
  }
  console.log(client.marketplace, client.stats());
}
clearInterval(sample);
console.log({
  skuCount,
  seconds: Math.round((performance.now() - began) / 1000),
  peakRssMb: Math.round(peakRss / 1e6),
});
await emulator.close();
