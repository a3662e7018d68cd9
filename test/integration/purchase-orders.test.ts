import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/adapters/db/client.js';
import { auditLog, products, recommendations, suppliers } from '../../src/adapters/db/schema/index.js';
import { createPurchaseOrderStore, createRecommendationStore } from '../../src/adapters/db/stores.js';
import { ConflictError, ForbiddenError } from '../../src/lib/errors.js';
import type { Actor } from '../../src/ports.js';
import { createPurchaseOrderService } from '../../src/services/purchase-orders/service.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';
import { seedCompany } from '../helpers/seed.js';

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());

const RUN_DATE = '2026-11-20';
const { company, products: seeded } = await seedCompany(db);
const [mug, tea] = seeded;
if (!mug || !tea) throw new Error('seed failed');
const [supplier] = await db
  .insert(suppliers)
  .values({ companyId: company.id, name: 'Ceramics Ltd', leadTimeDays: 21 })
  .returning();
if (!supplier) throw new Error('no supplier');
await db
  .update(products)
  .set({ supplierId: supplier.id, unitCost: 100 })
  .where(eq(products.companyId, company.id));
const rec = (productId: number, qty: number) => ({
  companyId: company.id,
  productId,
  runDate: RUN_DATE,
  supplierId: supplier.id,
  category: 'ORDER_TODAY' as const,
  availableStock: 10,
  dailyDemand: 4,
  leadTimeDays: 21,
  serviceLevel: 0.95,
  safetyStock: 12,
  reorderPoint: 96,
  recommendedQty: qty,
  explanation: 'test',
});
await db.insert(recommendations).values([rec(mug.id, 120), rec(tea.id, 36)]);

const service = createPurchaseOrderService({
  orders: createPurchaseOrderStore(db),
  recommendations: createRecommendationStore(db),
  now: () => new Date('2026-11-20T09:12:00Z'),
});
const viewer: Actor = { id: 'slack:T1:UVIEW', role: 'viewer', approvalLimit: null };
const smallBuyer: Actor = { id: 'slack:T1:USMALL', role: 'buyer', approvalLimit: 1000 };
const buyer: Actor = { id: 'slack:T1:UANNA', role: 'buyer', approvalLimit: 50_000, display: '@anna' };

const approvals = async (po: string) =>
  db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.companyId, company.id),
        eq(auditLog.action, 'purchase_order.approve'),
        eq(auditLog.entityId, po),
      ),
    );

describe(`purchase orders (${database.label})`, () => {
  let poId = 0;

  it('drafts one order per supplier from the day’s ORDER_TODAY rows, once', async () => {
    const [draft, ...rest] = await service.draftFromRecommendations(company.id, RUN_DATE, buyer);
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({
      number: 1001,
      status: 'draft',
      supplierName: 'Ceramics Ltd',
      source: 'recommendation',
    });
    expect(draft?.lines.map((l) => [l.sellerSku, l.quantity])).toEqual([
      ['MUG-01', 120],
      ['TEA-02', 36],
    ]);
    poId = draft?.id ?? 0;
    expect(await service.draftFromRecommendations(company.id, RUN_DATE, buyer)).toEqual([]);
  });

  it('refuses a viewer and a buyer over their limit, and records nothing', async () => {
    await expect(service.approve(company.id, poId, viewer)).rejects.toThrow(ForbiddenError);
    await expect(service.approve(company.id, poId, smallBuyer)).rejects.toThrow(
      'The order is worth 15600.00, above your approval limit of 1000.00',
    );
    expect(await approvals('PO-1001')).toEqual([]);
    expect((await service.get(company.id, poId)).status).toBe('draft');
  });

  it('lets a buyer within the limit approve exactly once when 50 approvals race', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => service.approve(company.id, poId, buyer)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const l of lost) {
      expect(l.reason).toBeInstanceOf(ConflictError);
      expect(String(l.reason.message)).toBe(
        'PO-1001 was already approved by @anna at 2026-11-20 09:12; nothing was approved.',
      );
    }
    expect(await approvals('PO-1001')).toHaveLength(1);
    const po = await service.get(company.id, poId);
    expect(po).toMatchObject({ status: 'approved', approvedBy: '@anna', expectedAt: '2026-12-11' });
  });

  it('receives partly, then fully', async () => {
    await service.markSent(company.id, poId, buyer);
    const partly = await service.receive(company.id, poId, [{ productId: mug.id, quantity: 100 }], buyer);
    expect(partly.status).toBe('partially_received');
    expect(partly.lines.find((l) => l.productId === mug.id)?.receivedQuantity).toBe(100);
    const fully = await service.receive(
      company.id,
      poId,
      [
        { productId: mug.id, quantity: 20 },
        { productId: tea.id, quantity: 36 },
      ],
      buyer,
    );
    expect(fully.status).toBe('received');
    await expect(
      service.receive(company.id, poId, [{ productId: tea.id, quantity: 1 }], buyer),
    ).rejects.toThrow('PO-1001 is received; nothing was received.');
  });

  it('edits only drafts, and records an order placed outside as sent', async () => {
    const [draft] = await service.draftFromRecommendations(company.id, RUN_DATE, buyer);
    expect(draft?.number).toBe(1002);
    if (!draft) return;
    const edited = await service.editLine(company.id, draft.id, mug.id, 144, buyer);
    expect(edited.lines.find((l) => l.productId === mug.id)?.quantity).toBe(144);
    await expect(service.editLine(company.id, draft.id, mug.id, 0, buyer)).rejects.toThrow(
      'Quantity must be',
    );
    await expect(service.editLine(company.id, draft.id, mug.id, 10, viewer)).rejects.toThrow(ForbiddenError);
    const outside = await service.recordExternal(company.id, tea.id, 24, buyer, {
      externalRef: 'email 12/11',
    });
    expect(outside).toMatchObject({
      status: 'sent',
      source: 'external',
      externalRef: 'email 12/11',
      expectedAt: '2026-12-04',
    });
  });
});

describe(`purchase order creation racing across instances (${database.label})`, () => {
  it('20 drafts and 10 "ordered outside" for one SKU from two connections make one order each', async () => {
    const other =
      database.driver.kind === 'postgres'
        ? await openDatabase({ kind: 'postgres', url: database.driver.url, poolMax: 10 }, silentLogger())
        : undefined;
    try {
      const c = await seedCompany(db);
      const [jug, cup] = c.products;
      if (!jug || !cup) throw new Error('seed failed');
      await db
        .insert(recommendations)
        .values({ ...rec(jug.id, 10), companyId: c.company.id, supplierId: null });
      // Two instances: two pools on the same database (one on the embedded database).
      const services = [db, other?.db ?? db].map((d) =>
        createPurchaseOrderService({
          orders: createPurchaseOrderStore(d),
          recommendations: createRecommendationStore(d),
          now: () => new Date('2026-11-20T09:12:00Z'),
        }),
      );
      const drafts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          services[i % 2]?.draftFromRecommendations(c.company.id, RUN_DATE, buyer, [jug.id]),
        ),
      );
      const made = drafts.flatMap((d) => (d.status === 'fulfilled' ? (d.value ?? []) : []));
      expect(made).toHaveLength(1);
      for (const d of drafts) if (d.status === 'rejected') expect(d.reason).toBeInstanceOf(ConflictError);

      const outside = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          services[i % 2]?.recordExternal(c.company.id, cup.id, 5, buyer, { onlyIfNotOrdered: true }),
        ),
      );
      expect(outside.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const open = await createPurchaseOrderStore(db).list(c.company.id, ['draft', 'sent']);
      expect(open.map((po) => po.lines.map((l) => l.productId)).sort()).toEqual([[cup.id], [jug.id]].sort());
    } finally {
      await other?.close();
    }
  });
});
