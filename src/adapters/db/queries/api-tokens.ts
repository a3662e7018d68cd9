import { and, eq, isNull } from 'drizzle-orm';
import type { ApiScope, ApiTokenRecord, ApiTokenStore } from '../../../ports.js';
import type { Db } from '../client.js';
import { apiTokens } from '../schema/index.js';

type Row = typeof apiTokens.$inferSelect;
const view = (r: Row): ApiTokenRecord => ({
  id: r.id,
  companyId: r.companyId,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes as ApiScope[],
  expiresAt: r.expiresAt,
  revokedAt: r.revokedAt,
});

export async function insertApiToken(
  db: Db,
  token: Parameters<ApiTokenStore['insert']>[0],
): Promise<ApiTokenRecord> {
  const [row] = await db.insert(apiTokens).values(token).returning();
  if (!row) throw new Error('insert into api_tokens returned no row');
  return view(row);
}

export async function useApiToken(db: Db, tokenHash: string, at: Date): Promise<ApiTokenRecord | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .returning();
  if (!row || (row.expiresAt && row.expiresAt <= at)) return undefined;
  return view(row);
}
