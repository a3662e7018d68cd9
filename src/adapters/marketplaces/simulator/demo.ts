import {
  type MarketplaceEmulator,
  type MarketplaceEmulatorOptions,
  startMarketplaceEmulator,
} from './emulator.js';

/** The demo seller used by `npm start` without real credentials: 200 skus, a year of history. */
export const DEMO_EMULATOR_OPTIONS: MarketplaceEmulatorOptions = {
  seed: 7,
  skuCount: 200,
  historyDays: 365,
  // A minute of WB statistics budget passes in one real second, so a demo sync takes seconds.
  speed: 60,
};

export function startDemoMarketplaces(
  overrides: MarketplaceEmulatorOptions = {},
): Promise<MarketplaceEmulator> {
  return startMarketplaceEmulator({ ...DEMO_EMULATOR_OPTIONS, ...overrides });
}
