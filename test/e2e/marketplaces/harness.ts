import { createVirtualClock } from '../../../src/adapters/marketplaces/clock.js';
import type { RetryPolicy } from '../../../src/adapters/marketplaces/http-client.js';
import { createOzonClient } from '../../../src/adapters/marketplaces/ozon/client.js';
import { createRateLimiterRegistry } from '../../../src/adapters/marketplaces/rate-limiter.js';
import {
  type MarketplaceEmulatorOptions,
  startMarketplaceEmulator,
} from '../../../src/adapters/marketplaces/simulator/index.js';
import { createWildberriesClient } from '../../../src/adapters/marketplaces/wildberries/client.js';
import type { JsonValue, OrderLine, Page } from '../../../src/core/marketplace/records.js';

export const NOW = Date.parse('2026-10-01T03:00:00Z');
export const DAY = 86_400_000;

/** Emulator and clients on one virtual clock: time moves only while someone waits. */
export async function startHarness(
  options: MarketplaceEmulatorOptions & {
    timeoutMs?: number;
    retry?: Partial<RetryPolicy>;
    wbToken?: 'personal' | 'base' | 'contentOnly' | 'expired';
  } = {},
) {
  const clock = createVirtualClock(NOW);
  const emulator = await startMarketplaceEmulator({
    clock,
    now: NOW,
    skuCount: 40,
    wbStatisticsPageSize: 700,
    ...options,
  });
  const limiters = createRateLimiterRegistry(clock);
  const common = {
    accountId: 'acc-1',
    limiters,
    clock,
    timeoutMs: options.timeoutMs ?? 5_000,
    retry: options.retry,
  };
  const wb = createWildberriesClient({
    ...common,
    token: emulator.tokens.wb[options.wbToken ?? 'personal'],
    baseUrls: emulator.wbBaseUrls,
  });
  const ozon = createOzonClient({ ...common, ...emulator.tokens.ozon, baseUrl: emulator.ozonBaseUrl });
  /** A day passes between two syncs, for the marketplace and for us. */
  const passTime = (ms: number) => {
    clock.advance(ms);
    emulator.advance(ms);
  };
  return { clock, emulator, limiters, wb, ozon, passTime };
}

/** What a sync would keep: upsert by lineId, cursor saved with each page. */
export async function syncOrders(
  pages: AsyncIterable<Page<OrderLine>>,
  store = new Map<string, OrderLine>(),
) {
  let cursor: JsonValue = null;
  let received = 0;
  let skipped = 0;
  for await (const page of pages) {
    for (const record of page.records) store.set(record.lineId, record);
    received += page.records.length;
    skipped += page.skipped.length;
    cursor = page.cursor;
  }
  return { store, cursor, received, skipped };
}

export function wbTruthKeys(emulator: Awaited<ReturnType<typeof startMarketplaceEmulator>>) {
  const keys = new Map<string, boolean>();
  for (const { key, row } of emulator.truth.wbOrderRows()) keys.set(key, row.isCancel === true);
  for (const { key } of emulator.truth.wbSaleRows()) keys.set(key, false);
  return keys;
}

export function ozonTruth(emulator: Awaited<ReturnType<typeof startMarketplaceEmulator>>) {
  const statuses = new Map<string, string>();
  for (const scheme of ['fbo', 'fbs'] as const) {
    for (const p of emulator.truth.ozonPostings(scheme)) {
      for (const product of p.products) statuses.set(`${p.posting_number}:${product.sku}`, p.status);
    }
  }
  return statuses;
}
