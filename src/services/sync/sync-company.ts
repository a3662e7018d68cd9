import { NotFoundError } from '../../lib/errors.js';
import type { Logger } from '../../lib/logger.js';
import { mapLimit } from '../../lib/map-limit.js';
import type { MarketplaceClient } from '../../ports/marketplace.js';
import type { AccountStore, CompanyRecord, MarketplaceCredentials, Sealer, SyncStore } from '../../ports.js';
import { assessSyncHealth } from './health.js';
import type { StepReport, SyncReport, SyncStep } from './step-report.js';
import { createAccountSync } from './sync-account.js';

/** Two writers keep both cores of a small machine busy without crowding the database. */
const ACCOUNTS_AT_ONCE = 2;

type HealthCompany = Pick<CompanyRecord, 'id'> & { staleSalesHours?: number; staleStockHours?: number };

export type ClientFactory = (
  account: { id: number; companyId: string },
  credentials: MarketplaceCredentials,
) => MarketplaceClient;

/** Syncs a company's marketplace accounts and reports how fresh their data is. */
export function createSyncService(deps: {
  accounts: AccountStore;
  sealer: Sealer;
  store: SyncStore;
  clientFor: ClientFactory;
  log: Logger;
  now: () => Date;
}) {
  const syncAccount = createAccountSync({ store: deps.store, log: deps.log, now: deps.now });

  async function health(company: HealthCompany) {
    const accounts = await deps.accounts.list(company.id);
    const runs = await deps.store.recentRuns(company.id, 20 * Math.max(1, accounts.length));
    return assessSyncHealth(accounts, runs, deps.now(), {
      salesHours: company.staleSalesHours ?? 26,
      stockHours: company.staleStockHours ?? 8,
    });
  }

  return {
    async syncCompany(
      companyId: string,
      opts: {
        accountId?: number;
        full?: boolean;
        onPage?: (account: { id: number; name: string }, step: SyncStep, report: StepReport) => void;
      } = {},
    ): Promise<(SyncReport & { accountId: number; name: string })[]> {
      const accounts = (await deps.accounts.list(companyId)).filter(
        (a) => a.status === 'active' && (opts.accountId === undefined || a.id === opts.accountId),
      );
      if (opts.accountId !== undefined && accounts.length === 0) {
        throw new NotFoundError(`active marketplace account ${opts.accountId}`);
      }
      // Accounts are rate-limited apart by the marketplaces, so they sync side by side.
      return mapLimit(accounts, ACCOUNTS_AT_ONCE, async (account) => {
        const credentials = JSON.parse(deps.sealer.open(account.credentialsSealed)) as MarketplaceCredentials;
        const client = deps.clientFor(account, credentials);
        const report = await syncAccount(
          { id: account.id, companyId, marketplace: account.marketplace },
          client,
          {
            full: opts.full,
            onPage: opts.onPage ? (step, r) => opts.onPage?.(account, step, r) : undefined,
          },
        );
        return { ...report, accountId: account.id, name: account.name };
      });
    },

    health,

    /** How fresh the sales data is: the oldest account's last success, and whether any is stale. */
    async freshness(company: HealthCompany): Promise<{ syncedAt: string | null; stale: boolean }> {
      const orders = (await health(company)).flatMap((a) => a.data.filter((d) => d.dataType === 'orders'));
      const syncedAt =
        orders
          .map((d) => d.lastSuccessAt)
          .filter((d): d is string => d !== null)
          .sort()[0] ?? null;
      return { syncedAt, stale: orders.length === 0 || orders.some((d) => d.stale) };
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
