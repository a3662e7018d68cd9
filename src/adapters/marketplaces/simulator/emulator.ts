import { type Clock, createScaledClock } from '../clock.js';
import { createRateLimiterRegistry } from '../rate-limiter.js';
import type { WbBaseUrls } from '../wildberries/context.js';
import { createDemoSeller } from './demo-seller.js';
import { createFaultInjector, type FaultOptions } from './faults.js';
import { listen } from './http.js';
import { createOzonData } from './ozon-data.js';
import { createOzonHandler } from './ozon-server.js';
import type { SimState } from './state.js';
import { createTruth, type EmulatorTruth } from './truth.js';
import { allCategories, issueWbToken, WB_CATEGORY_BIT, type WbCategory } from './wb-auth.js';
import { createWbData } from './wb-data.js';
import { createWbHandler } from './wb-server.js';

export interface MarketplaceEmulatorOptions {
  seed?: number;
  skuCount?: number;
  historyDays?: number;
  /** The data's "now": orders up to it exist (default: the clock's now at start). */
  now?: number | string;
  /** Clock for rate limits and token expiry; share it with the clients. Default: scaled by `speed`. */
  clock?: Clock;
  speed?: number;
  /** Rows per `supplier/orders|sales` page (WB: ~80 000). */
  wbStatisticsPageSize?: number;
  faults?: FaultOptions;
}

export interface EmulatorTokens {
  wb: { personal: string; base: string; contentOnly: string; expired: string; sellerId: string };
  ozon: { clientId: string; apiKey: string };
}

export interface MarketplaceEmulator {
  wbBaseUrls: WbBaseUrls;
  ozonBaseUrl: string;
  tokens: EmulatorTokens;
  clock: Clock;
  truth: EmulatorTruth;
  now(): number;
  /** Moves the data time on: new orders appear, statuses change, stock moves. */
  advance(ms: number): void;
  setFaults(faults: FaultOptions): void;
  faultCounts(): { errors: number; throttles: number; slow: number };
  /** Edits cards (their updatedAt becomes now), so an incremental catalogue sync sees them. */
  touchCards(nmIds: number[]): void;
  requests(): Record<string, number>;
  close(): Promise<void>;
}

const WB_HOSTS: WbCategory[] = ['statistics', 'analytics', 'content', 'marketplace', 'supplies'];

export async function startMarketplaceEmulator(
  options: MarketplaceEmulatorOptions = {},
): Promise<MarketplaceEmulator> {
  const seed = options.seed ?? 42;
  const clock = options.clock ?? createScaledClock({ speed: options.speed ?? 1 });
  let dataNow =
    typeof options.now === 'string'
      ? Date.parse(options.now)
      : (options.now ?? Math.floor(clock.now() / 1000) * 1000);
  const seller = createDemoSeller({
    seed,
    skuCount: options.skuCount ?? 50,
    historyDays: options.historyDays ?? 365,
    anchor: dataNow,
  });
  const faults = createFaultInjector(seed);
  if (options.faults) faults.set(options.faults);
  const state: SimState = {
    seller,
    wb: createWbData(seller),
    ozon: createOzonData(seller),
    dataNow: () => dataNow,
    clock,
    limiters: createRateLimiterRegistry(clock),
    faults,
    secret: seed * 7919 + 17,
    ozonCredentials: {
      clientId: String(100_000 + seed),
      apiKey: `sim-${seed.toString(16)}-0000-4000-8000-000000000000`,
    },
    cardUpdates: new Map(),
    wbStatisticsPageSize: options.wbStatisticsPageSize ?? 80_000,
    requests: new Map(),
  };

  const sellerId = `00000000-0000-4000-8000-${String(seed).padStart(12, '0')}`;
  const exp = Math.floor(clock.now() / 1000) + 180 * 86_400;
  const token = (acc: number, s: number, expiry = exp) =>
    issueWbToken(state.secret, { sid: sellerId, acc, s, exp: expiry, for: 'self' });
  const tokens: EmulatorTokens = {
    wb: {
      personal: token(3, allCategories()),
      base: token(1, allCategories()),
      contentOnly: token(3, 1 << WB_CATEGORY_BIT.content),
      expired: token(3, allCategories(), Math.floor(clock.now() / 1000) - 86_400),
      sellerId,
    },
    ozon: state.ozonCredentials,
  };

  const wbServers = await Promise.all(WB_HOSTS.map((host) => listen(createWbHandler(state, host))));
  const ozonServer = await listen(createOzonHandler(state));
  const wbBaseUrls = Object.fromEntries(
    WB_HOSTS.map((host, i) => [host, wbServers[i]?.url ?? '']),
  ) as WbBaseUrls;

  return {
    wbBaseUrls,
    ozonBaseUrl: ozonServer.url,
    tokens,
    clock,
    truth: createTruth(state),
    now: () => dataNow,
    advance(ms) {
      dataNow += ms;
    },
    setFaults: (next) => faults.set(next),
    faultCounts: () => ({ ...faults.counts }),
    touchCards(nmIds) {
      for (const nmId of nmIds) state.cardUpdates.set(nmId, dataNow);
    },
    requests: () => Object.fromEntries(state.requests),
    async close() {
      await Promise.all([...wbServers, ozonServer].map((s) => s.close()));
    },
  };
}
