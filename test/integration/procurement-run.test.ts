import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dailySales,
  forecasts,
  products,
  recommendations,
  stockSnapshots,
  suppliers,
} from '../../src/adapters/db/schema/index.js';
import {
  createProcurementStore,
  createPurchaseOrderStore,
  createRecommendationStore,
} from '../../src/adapters/db/stores.js';
import type { Actor } from '../../src/ports.js';
import { createProcurementRunner } from '../../src/services/procurement/run-procurement.js';
import { createPurchaseOrderService } from '../../src/services/purchase-orders/service.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';
import { seedCompany } from '../helpers/seed.js';

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());

const RUN_DATE = '2026-11-20';
const NOW = new Date('2026-11-20T04:30:00Z');
const { company, products: seeded, warehouse } = await seedCompany(db);
const [mug, tea] = seeded;
if (!mug || !tea) throw new Error('seed failed');
const [supplier] = await db
  .insert(suppliers)
  .values({ companyId: company.id, name: 'Ceramics', leadTimeDays: 21 })
  .returning();
if (!supplier) throw new Error('no supplier');
await db
  .update(products)
  .set({ supplierId: supplier.id, packSize: 12, unitCost: 3 })
  .where(eq(products.companyId, company.id));

// 120 days of history, 4 a day for both; the mug has 100 units left (25 days, under the 21-day
// lead time plus safety), the tea 300 (75 days: neither short nor overstocked).
const day = (i: number) => new Date(Date.UTC(2026, 6, 23) + i * 86_400_000).toISOString().slice(0, 10);
for (const p of [mug, tea]) {
  await db.insert(dailySales).values(
    Array.from({ length: 120 }, (_, i) => ({
      companyId: company.id,
      productId: p.id,
      marketplace: 'wildberries' as const,
      date: day(i),
      unitsOrdered: 4,
    })),
  );
  await db.insert(stockSnapshots).values({
    companyId: company.id,
    productId: p.id,
    marketplace: 'wildberries',
    warehouseId: warehouse.id,
    stockType: 'FBO',
    quantity: p.id === mug.id ? 100 : 300,
    takenAt: new Date('2026-11-20T03:00:00Z'),
  });
  const flat = (v: number) => Array.from({ length: 60 }, () => v);
  await db.insert(forecasts).values({
    companyId: company.id,
    productId: p.id,
    runDate: RUN_DATE,
    startDate: RUN_DATE,
    model: 'test',
    modelVersion: '1',
    horizonDays: 60,
    mean: flat(4),
    quantiles: {
      p025: flat(1),
      p10: flat(2),
      p50: flat(4),
      p80: flat(5),
      p90: flat(6),
      p95: flat(7),
      p975: flat(8),
    },
    metrics: { mase: 0.8, origins: 4 },
  });
}

const run = createProcurementRunner({
  store: createProcurementStore(db),
  log: silentLogger(),
  now: () => NOW,
});
const orders = createPurchaseOrderService({
  orders: createPurchaseOrderStore(db),
  recommendations: createRecommendationStore(db),
  now: () => NOW,
});
const buyer: Actor = { id: 'cli', role: 'buyer', approvalLimit: null };
const rowOf = async (productId: number) =>
  (
    await db
      .select()
      .from(recommendations)
      .where(and(eq(recommendations.companyId, company.id), eq(recommendations.productId, productId)))
  )[0];

describe(`procurement service (${database.label})`, () => {
  it('writes one recommendation per product with its numbers and a checkable explanation', async () => {
    const summary = await run(company.id, RUN_DATE);
    expect(summary).toMatchObject({ products: 2, failed: [] });
    const m = await rowOf(mug.id);
    expect(m).toMatchObject({
      category: 'ORDER_TODAY',
      availableStock: 100,
      runwayDays: 25,
      stockOutDate: '2026-12-15',
    });
    expect(m?.recommendedQty).toBeGreaterThan(0);
    expect((m?.recommendedQty ?? 0) % 12).toBe(0);
    expect(m?.explanation).toMatch(
      /^4\/day × \(21 lead \+ 7 review \+ 30 cover\) = 232 \+ safety \d+ − stock 100 − on order 0 = \d+ → 12 per case → \d+$/,
    );
    const t = await rowOf(tea.id);
    expect(t?.category).toBe('NORMAL');
  });

  it('is idempotent per company and date: a re-run replaces the rows and keeps their ids', async () => {
    const before = await rowOf(mug.id);
    await run(company.id, RUN_DATE);
    const all = await db.select().from(recommendations).where(eq(recommendations.companyId, company.id));
    expect(all).toHaveLength(2);
    expect((await rowOf(mug.id))?.id).toBe(before?.id);
  });

  it('shows an ordered SKU as ALREADY_ORDERED on the next run, and receipts reduce what is on order', async () => {
    const [po] = await orders.draftFromRecommendations(company.id, RUN_DATE, buyer);
    if (!po) throw new Error('no draft');
    await run(company.id, RUN_DATE);
    expect((await rowOf(mug.id))?.category).toBe('ORDER_TODAY'); // a draft is not an order yet
    await orders.approve(company.id, po.id, buyer);
    await run(company.id, RUN_DATE);
    const ordered = await rowOf(mug.id);
    expect(ordered?.category).toBe('ALREADY_ORDERED');
    expect(ordered?.onOrder).toBe(po.lines[0]?.quantity);
    await orders.markSent(company.id, po.id, buyer);
    await orders.receive(company.id, po.id, [{ productId: mug.id, quantity: 12 }], buyer);
    await run(company.id, RUN_DATE);
    expect((await rowOf(mug.id))?.onOrder).toBe((po.lines[0]?.quantity ?? 0) - 12);
  });
});
