import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { marketplaceAccounts } from '../../src/adapters/db/schema/index.js';
import { createAccountStore } from '../../src/adapters/db/stores.js';
import { createSecretBox } from '../../src/lib/secret-box.js';
import { createAccountService } from '../../src/services/accounts.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedCompany } from '../helpers/seed.js';

const database = await openTestDatabase();
afterAll(() => database.drop());
const { company } = await seedCompany(database.db);
const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);

describe(`marketplace credentials at rest (${database.label})`, () => {
  const service = createAccountService({
    accounts: createAccountStore(database.db),
    sealer: createSecretBox({ currentKeyId: 'k1', keys: new Map([['k1', k1]]) }),
  });

  it('round-trip through encryption and are never stored as plaintext', async () => {
    const token = 'eyJhbGciOiJFUzI1NiIsImtpZCI6IjIwMjUwNTIwdjEiLCJ0eXAiOiJKV1QifQ.secret-part';
    const account = await service.add(company.id, 'WB main', { marketplace: 'wildberries', token });
    const [stored] = await database.db
      .select()
      .from(marketplaceAccounts)
      .where(eq(marketplaceAccounts.id, account.id));
    expect(stored?.credentialsSealed).not.toContain(token);
    expect(stored?.credentialsSealed).not.toContain('secret-part');
    expect(stored?.credentialsKeyId).toBe('k1');
    expect(await service.credentials(company.id, account.id)).toEqual({ marketplace: 'wildberries', token });
  });

  it('are re-sealed under the new key after rotation and still open', async () => {
    const account = await service.add(company.id, 'Ozon', {
      marketplace: 'ozon',
      clientId: '123',
      apiKey: 'ozon-key-1',
    });
    const rotated = createAccountService({
      accounts: createAccountStore(database.db),
      sealer: createSecretBox({
        currentKeyId: 'k2',
        keys: new Map([
          ['k1', k1],
          ['k2', k2],
        ]),
      }),
    });
    expect(await rotated.reseal(company.id)).toBe(2);
    expect(await rotated.reseal(company.id)).toBe(0);
    expect(await rotated.credentials(company.id, account.id)).toMatchObject({ apiKey: 'ozon-key-1' });
    await expect(service.credentials(company.id, account.id)).rejects.toThrow(
      /key k2, which is not configured/,
    );
  });

  it('are refused when incomplete', async () => {
    await expect(
      service.add(company.id, 'x', { marketplace: 'ozon', clientId: '1', apiKey: ' ' }),
    ).rejects.toThrow('ozon credentials: apiKey is required');
  });

  it('of one company cannot be read through another', async () => {
    const other = await seedCompany(database.db);
    const account = await service.add(company.id, 'WB 2', { marketplace: 'wildberries', token: 't' });
    await expect(service.credentials(other.company.id, account.id)).rejects.toThrow('not found');
  });
});
