import type { Db } from './adapters/db/client.js';
import { createAccountStore } from './adapters/db/stores.js';
import type { Clock } from './adapters/marketplaces/clock.js';
import { type MarketplaceEmulator, startDemoMarketplaces } from './adapters/marketplaces/simulator/index.js';
import type { Logger } from './lib/logger.js';
import type { MarketplaceCredentials, Sealer } from './ports.js';
import type { CompanyService } from './services/companies.js';
import { ensureDemoCompany } from './services/demo.js';

export type Demo = { companyId: string; emulator: MarketplaceEmulator; clock: Clock };

/**
 * Demo mode: local marketplace emulators serving a deterministic seller, and the demo company
 * with one WB and one Ozon account pointing at them (re-sealed each start: the ports change).
 */
export async function startDemo(deps: {
  db: Db;
  companies: CompanyService;
  sealer: Sealer;
  log: Logger;
}): Promise<Demo> {
  const emulator = await startDemoMarketplaces();
  const company = await ensureDemoCompany({ companies: deps.companies, log: deps.log });
  const accounts = createAccountStore(deps.db);
  const existing = await accounts.list(company.id);
  const wanted: MarketplaceCredentials[] = [
    { marketplace: 'wildberries', token: emulator.tokens.wb.personal, baseUrls: { ...emulator.wbBaseUrls } },
    { marketplace: 'ozon', ...emulator.tokens.ozon, baseUrl: emulator.ozonBaseUrl },
  ];
  for (const credentials of wanted) {
    const { sealed, keyId } = deps.sealer.seal(JSON.stringify(credentials));
    const name = `Demo ${credentials.marketplace === 'wildberries' ? 'Wildberries' : 'Ozon'}`;
    const account = existing.find((a) => a.marketplace === credentials.marketplace);
    if (account)
      await accounts.updateCredentials(company.id, account.id, {
        credentialsSealed: sealed,
        credentialsKeyId: keyId,
      });
    else
      await accounts.insert({
        companyId: company.id,
        marketplace: credentials.marketplace,
        name,
        credentialsSealed: sealed,
        credentialsKeyId: keyId,
      });
  }
  deps.log.info({ companyId: company.id, ozon: emulator.ozonBaseUrl }, 'demo marketplaces started');
  return { companyId: company.id, emulator, clock: emulator.clock };
}
