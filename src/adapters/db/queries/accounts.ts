import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { marketplaceAccounts } from '../schema/index.js';

export type MarketplaceAccount = typeof marketplaceAccounts.$inferSelect;

export type NewAccount = {
  companyId: string;
  marketplace: MarketplaceAccount['marketplace'];
  name: string;
  /** Already sealed by the secret box: this layer never sees plaintext credentials. */
  credentialsSealed: string;
  credentialsKeyId: string;
};

export async function insertAccount(db: Db, account: NewAccount): Promise<MarketplaceAccount> {
  const [row] = await db.insert(marketplaceAccounts).values(account).returning();
  if (!row) throw new Error('insert into marketplace_accounts returned no row');
  return row;
}

export async function listAccounts(db: Db, companyId: string): Promise<MarketplaceAccount[]> {
  return db
    .select()
    .from(marketplaceAccounts)
    .where(eq(marketplaceAccounts.companyId, companyId))
    .orderBy(asc(marketplaceAccounts.id));
}

export async function findAccount(
  db: Db,
  companyId: string,
  id: number,
): Promise<MarketplaceAccount | undefined> {
  const [row] = await db
    .select()
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.companyId, companyId), eq(marketplaceAccounts.id, id)))
    .limit(1);
  return row;
}

export async function updateAccountCredentials(
  db: Db,
  companyId: string,
  id: number,
  sealed: { credentialsSealed: string; credentialsKeyId: string },
): Promise<void> {
  await db
    .update(marketplaceAccounts)
    .set(sealed)
    .where(and(eq(marketplaceAccounts.companyId, companyId), eq(marketplaceAccounts.id, id)));
}
