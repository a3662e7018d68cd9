import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { findChatIdentity, hashCode, useLinkCode } from '../../src/adapters/db/queries/chat.js';
import { findChatIdentityWithStock } from '../../src/adapters/db/queries/chat-identity-stock.js';
import { stockCandidates } from '../../src/adapters/db/queries/chat-stock.js';
import { chatUsers, linkCodes } from '../../src/adapters/db/schema/index.js';
import { createCatalogueReader, createChatStore } from '../../src/adapters/db/stores.js';
import { createChatService } from '../../src/services/chat/chat-service.js';
import type { PurchaseOrderService } from '../../src/services/purchase-orders/service.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedCompany } from '../helpers/seed.js';

// Issue #7: /stock asks who is talking and looks the product up in one statement. It must decide
// the identity exactly as findChatIdentity does, and read it fresh every time (no cache).

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());
const now = new Date('2026-11-20T06:12:00Z');
const a = await seedCompany(db, 'Alpha');
const b = await seedCompany(db, 'Beta');

let codes = 0;
async function link(companyId: string, chatId: string, userId: string, role: 'viewer' | 'buyer' | 'admin') {
  const code = `CODE-${++codes}`;
  await db.insert(linkCodes).values({
    companyId,
    codeHash: hashCode(code),
    role,
    approvalLimit: role === 'buyer' ? 5000 : null,
    createdBy: 'test',
    expiresAt: new Date('2026-12-01'),
  });
  const r = await useLinkCode(db, {
    platform: 'slack',
    workspaceId: '',
    chatId,
    userId,
    displayName: `@${userId}`,
    code,
    now,
  });
  if (!r.ok) throw new Error(r.code);
}

/** What the two round trips said before: identity, then the exact hits for its company. */
async function twoTrips(chatId: string, userId: string, query: string) {
  const found = await findChatIdentity(db, 'slack', '', chatId, userId);
  if (!found) return undefined;
  const { userLocale: _, ...user } = found.user;
  const { id, name, locale, timezone } = found.company;
  return {
    identity: { company: { id, name, locale, timezone }, user },
    hits: await stockCandidates(db, id, query),
  };
}

await link(a.company.id, 'C-ALPHA', 'U-ANNA', 'buyer');
await link(a.company.id, 'C-ALPHA', 'U-VERA', 'viewer');
await link(b.company.id, 'C-BETA', 'U-BORIS', 'admin');
// A user of both companies: only a bound chat can say which one.
await link(a.company.id, 'C-ALPHA', 'U-BOTH', 'viewer');
await link(b.company.id, 'C-BETA', 'U-BOTH', 'buyer');

describe(`identity with stock in one round trip (${database.label})`, () => {
  it.each([
    ['bound chat, SKU', 'C-ALPHA', 'U-ANNA', 'MUG-01'],
    ['bound chat, SKU in lower case', 'C-ALPHA', 'U-VERA', 'mug-01'],
    ['bound chat, nmID', 'C-ALPHA', 'U-ANNA', '1001'],
    ['bound chat, barcode', 'C-ALPHA', 'U-ANNA', '4600000000028'],
    ['bound chat, Ozon SKU', 'C-BETA', 'U-BORIS', '2002'],
    ['user of two companies in the chat of Beta', 'C-BETA', 'U-BOTH', 'TEA-02'],
    ['private chat, one company', 'U-ANNA', 'U-ANNA', 'MUG-01'],
  ])('%s: the same identity and hits as the two round trips', async (_, chatId, userId, query) => {
    const one = await findChatIdentityWithStock(db, 'slack', '', chatId, userId, query);
    const two = await twoTrips(chatId, userId, query);
    expect(two?.hits.length).toBeGreaterThan(0);
    expect(one).toEqual({ identity: two?.identity, exact: two?.hits });
  });

  it.each([
    ['unbound chat', 'C-NOWHERE', 'U-ANNA'],
    ['user not linked', 'C-ALPHA', 'U-STRANGER'],
    ['user of another company in a bound chat', 'C-ALPHA', 'U-BORIS'],
    ['private chat of a user of two companies', 'U-BOTH', 'U-BOTH'],
  ])('%s: nobody, as findChatIdentity says', async (_, chatId, userId) => {
    expect(await findChatIdentity(db, 'slack', '', chatId, userId)).toBeUndefined();
    expect(await findChatIdentityWithStock(db, 'slack', '', chatId, userId, 'MUG-01')).toBeUndefined();
  });

  it('no identifier matched: the identity, and no hits (substrings are the caller’s next step)', async () => {
    const one = await findChatIdentityWithStock(db, 'slack', '', 'C-ALPHA', 'U-ANNA', 'mug');
    expect(one?.identity.company.id).toBe(a.company.id);
    expect(one?.exact).toEqual([]);
  });

  it('reads the identity fresh: a changed role or a removed user counts at once', async () => {
    await db.update(chatUsers).set({ role: 'admin' }).where(eq(chatUsers.platformUserId, 'U-VERA'));
    const promoted = await findChatIdentityWithStock(db, 'slack', '', 'C-ALPHA', 'U-VERA', 'MUG-01');
    expect(promoted?.identity.user.role).toBe('admin');
    await db
      .delete(chatUsers)
      .where(and(eq(chatUsers.platformUserId, 'U-VERA'), eq(chatUsers.companyId, a.company.id)));
    expect(await findChatIdentityWithStock(db, 'slack', '', 'C-ALPHA', 'U-VERA', 'MUG-01')).toBeUndefined();
  });

  it('the chat service answers /stock from it, and falls back to substrings and the catalogue', async () => {
    const base = createChatStore(
      db,
      async () => ({ syncedAt: null, stale: false }),
      () => now,
    );
    const asked: string[] = [];
    const chat = createChatService({
      store: {
        ...base,
        identityWithStock: (platform, chatId, userId, query) => {
          asked.push(query);
          return findChatIdentityWithStock(db, platform, '', chatId, userId, query);
        },
        stockCandidates: (companyId, query) => {
          asked.push(`fallback:${query}`);
          return base.stockCandidates(companyId, query);
        },
      },
      recommendations: { list: async () => [], latestRunDate: async () => undefined },
      catalogue: createCatalogueReader(db),
      purchaseOrders: {} as PurchaseOrderService,
      now: () => now,
    });
    const hit = await chat.identifyForStock('slack', 'C-ALPHA', 'U-ANNA', 'MUG-01');
    expect(hit?.identity).toEqual(await chat.identify('slack', 'C-ALPHA', 'U-ANNA'));
    expect(hit?.candidates.map((p) => p.sellerSku)).toEqual(['MUG-01']);
    expect(asked).toEqual(['MUG-01']);
    const substring = await chat.identifyForStock('slack', 'C-ALPHA', 'U-ANNA', 'te');
    expect(substring?.candidates.map((p) => p.sellerSku)).toEqual(['TEA-02']);
    const none = await chat.identifyForStock('slack', 'C-ALPHA', 'U-ANNA', 'zzz');
    expect(none?.candidates.map((p) => p.sellerSku).sort()).toEqual(['MUG-01', 'TEA-02']);
    expect(await chat.identifyForStock('slack', 'C-NOWHERE', 'U-ANNA', 'MUG-01')).toBeNull();
    expect(asked).toEqual(['MUG-01', 'te', 'fallback:te', 'zzz', 'fallback:zzz', 'MUG-01']);
  });

  it('without the folded read the service takes the two round trips, same answer', async () => {
    const chat = createChatService({
      store: createChatStore(
        db,
        async () => ({ syncedAt: null, stale: false }),
        () => now,
      ),
      recommendations: { list: async () => [], latestRunDate: async () => undefined },
      catalogue: createCatalogueReader(db),
      purchaseOrders: {} as PurchaseOrderService,
      now: () => now,
    });
    const hit = await chat.identifyForStock('slack', 'C-ALPHA', 'U-ANNA', '1001');
    expect(hit?.identity.companyId).toBe(a.company.id);
    expect(hit?.candidates.map((p) => p.sellerSku)).toEqual(['MUG-01']);
    expect(await chat.identifyForStock('slack', 'C-BETA', 'U-ANNA', '1001')).toBeNull();
  });
});
