import { NotFoundError, ValidationError } from '../lib/errors.js';
import type { AccountRecord, AccountStore, MarketplaceCredentials, Sealer } from '../ports.js';

/** Marketplace accounts: credentials are sealed before they reach the store and opened only to call the API. */
export function createAccountService(deps: { accounts: AccountStore; sealer: Sealer }) {
  return {
    async add(companyId: string, name: string, credentials: MarketplaceCredentials): Promise<AccountRecord> {
      assertComplete(credentials);
      const { sealed, keyId } = deps.sealer.seal(JSON.stringify(credentials));
      return deps.accounts.insert({
        companyId,
        marketplace: credentials.marketplace,
        name,
        credentialsSealed: sealed,
        credentialsKeyId: keyId,
      });
    },

    async credentials(companyId: string, accountId: number): Promise<MarketplaceCredentials> {
      const account = await deps.accounts.find(companyId, accountId);
      if (!account) throw new NotFoundError(`marketplace account ${accountId}`);
      return JSON.parse(deps.sealer.open(account.credentialsSealed)) as MarketplaceCredentials;
    },

    /** After a key rotation: re-seal every value still under an old key. Returns how many. */
    async reseal(companyId: string): Promise<number> {
      let count = 0;
      for (const account of await deps.accounts.list(companyId)) {
        if (!deps.sealer.needsRotation(account.credentialsSealed)) continue;
        const { sealed, keyId } = deps.sealer.seal(deps.sealer.open(account.credentialsSealed));
        await deps.accounts.updateCredentials(companyId, account.id, {
          credentialsSealed: sealed,
          credentialsKeyId: keyId,
        });
        count++;
      }
      return count;
    },
  };
}

function assertComplete(c: MarketplaceCredentials): void {
  const missing =
    c.marketplace === 'wildberries'
      ? !c.token?.trim() && 'token'
      : (!c.clientId?.trim() && 'clientId') || (!c.apiKey?.trim() && 'apiKey');
  if (missing) throw new ValidationError(`${c.marketplace} credentials: ${missing} is required`);
}

export type AccountService = ReturnType<typeof createAccountService>;
