import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createLinkCode } from '../../src/adapters/db/queries/chat.js';
import { auditLog, products, recommendations } from '../../src/adapters/db/schema/index.js';
import {
  createCatalogueReader,
  createChatStore,
  createPurchaseOrderStore,
  createRecommendationStore,
} from '../../src/adapters/db/stores.js';
import { createChatService } from '../../src/services/chat/chat-service.js';
import { createPurchaseOrderService } from '../../src/services/purchase-orders/service.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedCompany } from '../helpers/seed.js';

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());
const now = () => new Date('2026-11-20T06:12:00Z');
const recommendationStore = createRecommendationStore(db);
const chat = createChatService({
  store: createChatStore(db, async () => ({ syncedAt: null, stale: true }), now),
  recommendations: recommendationStore,
  catalogue: createCatalogueReader(db),
  purchaseOrders: createPurchaseOrderService({
    orders: createPurchaseOrderStore(db),
    recommendations: recommendationStore,
    now,
  }),
  now,
});
const a = await seedCompany(db, 'Alpha');
const b = await seedCompany(db, 'Beta');
const [mug] = a.products;
if (!mug) throw new Error('seed failed');
await db.update(products).set({ unitCost: 10 }).where(eq(products.companyId, a.company.id));
const [rec] = await db
  .insert(recommendations)
  .values({
    companyId: a.company.id,
    productId: mug.id,
    runDate: '2026-11-20',
    category: 'ORDER_TODAY',
    availableStock: 5,
    dailyDemand: 4,
    runwayDays: 1.25,
    leadTimeDays: 14,
    serviceLevel: 0.95,
    safetyStock: 10,
    reorderPoint: 66,
    recommendedQty: 156,
    explanation: '-',
  })
  .returning();
if (!rec) throw new Error('no recommendation');
const code = async (companyId: string, c: string, role: 'viewer' | 'buyer' | 'admin') =>
  createLinkCode(db, {
    companyId,
    code: c,
    role,
    approvalLimit: role === 'buyer' ? 5000 : null,
    createdBy: 'cli',
    expiresAt: new Date('2026-12-01'),
  });

describe(`chat service (${database.label})`, () => {
  it('refuses unbound chats and users, then binds them with a one-time code', async () => {
    expect(await chat.identify('telegram', '-100', '7')).toBeNull();
    await code(a.company.id, 'ANNA-BUYER', 'buyer');
    expect(
      await chat.link({
        platform: 'telegram',
        chatId: '-100',
        userId: '7',
        displayName: '@anna',
        code: 'anna-buyer',
      }),
    ).toMatchObject({
      ok: true,
      role: 'buyer',
    });
    expect(
      await chat.link({
        platform: 'telegram',
        chatId: '-100',
        userId: '8',
        displayName: '@bob',
        code: 'ANNA-BUYER',
      }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_CODE',
    });
    const who = await chat.identify('telegram', '-100', '7');
    expect(who).toMatchObject({
      companyId: a.company.id,
      actor: { role: 'buyer', approvalLimit: 5000, display: '@anna' },
    });
    // Bound user in a chat that is not bound: nothing.
    expect(await chat.identify('telegram', '-999', '7')).toBeNull();
  });

  it('keeps companies apart: a chat of Alpha cannot be linked to Beta, and Beta sees none of Alpha', async () => {
    await code(b.company.id, 'BETA-1', 'admin');
    expect(
      await chat.link({
        platform: 'telegram',
        chatId: '-100',
        userId: '9',
        displayName: '@eve',
        code: 'BETA-1',
      }),
    ).toMatchObject({
      ok: false,
      code: 'OTHER_COMPANY',
    });
    expect(await chat.recommendation(b.company.id, rec.id)).toBeNull();
  });

  it('finds stock by seller SKU, nmID and barcode', async () => {
    for (const q of ['MUG-01', '1001', '4600000000011']) {
      expect((await chat.stockCandidates(a.company.id, q)).map((p) => p.sellerSku)).toContain('MUG-01');
    }
  });

  it('a /stock hit carries the same recommendation as the one-product read', async () => {
    // Two queries build the view (a JSON column read along with the stock, and a typed select):
    // they must agree field for field, types included.
    const [hit] = await chat.stockCandidates(a.company.id, 'MUG-01');
    const alone = await chat.stockRecommendation(a.company.id, mug.id);
    expect(alone).toMatchObject({ id: rec.id, recommendedQty: 156, unitCost: 10 });
    expect(hit?.recommendation).toEqual(alone);
    const [other] = await chat.stockCandidates(a.company.id, a.products[1]?.sellerSku ?? '');
    expect(other?.recommendation).toBeNull();
  });

  it('approves once: a second approval gets a clear answer and changes nothing', async () => {
    const who = await chat.identify('telegram', '-100', '7');
    if (!who) throw new Error('not linked');
    const first = await chat.approve(a.company.id, rec.id, who.actor);
    expect(first).toMatchObject({ ok: true, poNumber: 1001, quantity: 156 });
    // 06:12 UTC is 09:12 in the company's time zone (Europe/Moscow), which is what people read.
    if (first.ok) expect(first.text).toBe('Approved by @anna at 09:12 — PO-1001, 156 units');
    const again = await chat.approve(a.company.id, rec.id, who.actor);
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_DONE' });
    const approvals = await db.select().from(auditLog).where(eq(auditLog.action, 'purchase_order.approve'));
    expect(approvals).toHaveLength(1);
  });
});
