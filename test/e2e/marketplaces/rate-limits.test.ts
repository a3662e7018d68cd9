import { afterEach, describe, expect, it } from 'vitest';
import { createWildberriesClient } from '../../../src/adapters/marketplaces/wildberries/client.js';
import { DAY, NOW, startHarness, syncOrders, wbTruthKeys } from './harness.js';

let harness: Awaited<ReturnType<typeof startHarness>> | undefined;
afterEach(async () => {
  await harness?.emulator.close();
  harness = undefined;
});
const since = new Date(NOW - 95 * DAY).toISOString();

describe('documented rate limits, on a virtual clock', () => {
  it('two clients of one account share the limiter registry: (almost) no 429, nothing lost', async () => {
    harness = await startHarness({ wbStatisticsPageSize: 400 });
    const { emulator, clock, limiters } = harness;
    const make = () =>
      createWildberriesClient({
        accountId: 'acc-1',
        token: emulator.tokens.wb.personal,
        baseUrls: emulator.wbBaseUrls,
        clock,
        limiters,
      });
    const [a, b] = [make(), make()];
    const [runA, runB] = await Promise.all([
      syncOrders(a.fetchOrders({ since })),
      syncOrders(b.fetchOrders({ since })),
    ]);
    const truth = wbTruthKeys(emulator);
    expect(runA.store.size).toBe(truth.size);
    expect(runB.store.size).toBe(truth.size);
    // A request that acquired its token may reach the server after the other client's, so a rare
    // 429 can still happen (as with the real API); it is waited out, never a flood.
    expect(a.stats().throttled + b.stats().throttled).toBeLessThanOrEqual(2);
    // sales: 1 request/min, burst 1 — the two clients together never went faster than that
    const salesCalls =
      (a.stats().calls['statistics:statistics-sales'] ?? 0) +
      (b.stats().calls['statistics:statistics-sales'] ?? 0);
    expect(clock.now() - NOW).toBeGreaterThanOrEqual((salesCalls - 1) * 60_000);
  });

  it('a Base token gets the Base limits (orders: 1 request per 3 hours)', async () => {
    harness = await startHarness({ wbToken: 'base', wbStatisticsPageSize: 2_000 });
    const { emulator, clock, limiters } = harness;
    const wb = createWildberriesClient({
      accountId: 'acc-1',
      token: emulator.tokens.wb.base,
      tokenType: 'base',
      baseUrls: emulator.wbBaseUrls,
      clock,
      limiters,
    });
    const run = await syncOrders(wb.fetchOrders({ since: new Date(NOW - 2 * DAY).toISOString() }));
    const orderCalls = wb.stats().calls['statistics:statistics-orders'] ?? 0;
    expect(orderCalls).toBeGreaterThan(1);
    expect(wb.stats().throttled).toBe(0);
    expect(wb.stats().rateLimitWaitMs).toBeGreaterThanOrEqual((orderCalls - 1) * 3 * 3_600_000);
    expect(run.received).toBeGreaterThan(0);
  });

  it('the page cap stops a run early with hasMore and a cursor that resumes it', async () => {
    harness = await startHarness();
    const { emulator, clock, limiters } = harness;
    const wb = createWildberriesClient({
      accountId: 'acc-1',
      token: emulator.tokens.wb.personal,
      baseUrls: emulator.wbBaseUrls,
      clock,
      limiters,
      pageSizes: { cards: 5 },
    });
    const pages = [];
    for await (const page of wb.listCatalogue({ maxPages: 1 })) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.hasMore).toBe(true);
    const rest = await syncOrders(wb.listCatalogue({ cursor: pages[0]?.cursor }) as never);
    expect((pages[0]?.records.length ?? 0) + rest.received).toBe(emulator.truth.skus().length);
  });
});
