import type { MarketplaceAccount } from '../factory.js';
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

/**
 * Accounts pointing at the emulator, ready for `createMarketplaceClient`. Give the clients the
 * emulator's clock (`emulator.clock`) so both sides agree on the scaled time.
 */
export function emulatorAccounts(emulator: MarketplaceEmulator, accountId = 'demo'): MarketplaceAccount[] {
  return [
    {
      marketplace: 'wildberries',
      accountId: `${accountId}-wb`,
      token: emulator.tokens.wb.personal,
      baseUrls: emulator.wbBaseUrls,
    },
    {
      marketplace: 'ozon',
      accountId: `${accountId}-ozon`,
      ...emulator.tokens.ozon,
      baseUrl: emulator.ozonBaseUrl,
    },
  ];
}
