import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/adapters/db/queries/accounts.js';
import { dailySales, orders, stockSnapshots } from '../../src/adapters/db/schema/index.js';
import { createSyncStore } from '../../src/adapters/db/stores.js';
import type { OrderRow } from '../../src/ports.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedCompany } from '../helpers/seed.js';

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());
const store = createSyncStore(db);
const { company, products } = await seedCompany(db);
const [mug, tea] = products;
if (!mug || !tea) throw new Error('seed failed');
const account = await insertAccount(db, {
  companyId: company.id,
  marketplace: 'wildberries',
  name: 'wb',
  credentialsSealed: 'x',
  credentialsKeyId: 'k1',
});
const line = (id: string, productId: number, patch: Partial<OrderRow> = {}): OrderRow => ({
  externalId: id,
  kind: 'order',
  orderId: id,
  productId,
  warehouseName: 'Коледино',
  quantity: 1,
  price: 100,
  status: 'ordered',
  orderedAt: new Date('2026-11-01T10:00:00Z'),
  orderDate: '2026-11-01',
  lastChangeAt: new Date('2026-11-01T10:00:00Z'),
  ...patch,
});
/** A batch as the sync fills it, line by line. */
const batch = (rows: readonly OrderRow[]) => {
  const b = store.orderBatch();
  for (const r of rows) b.add(r);
  return b;
};

const dayOf = async (productId: number) => {
  await store.refreshDailySales(company.id, 'wildberries');
  return (
    await db
      .select()
      .from(dailySales)
      .where(and(eq(dailySales.companyId, company.id), eq(dailySales.productId, productId)))
  )[0];
};

describe(`sync store (${database.label})`, () => {
  it('saves order lines idempotently, derives daily sales, and advances the cursor with them', async () => {
    const page = [
      line('order:a', mug.id),
      line('order:b', mug.id),
      line('sale:S1', mug.id, { kind: 'sale' }),
    ];
    await store.saveOrders(company.id, account.id, 'wildberries', batch(page), {
      key: 'orders',
      value: { dateFrom: 'T1' },
    });
    await store.saveOrders(company.id, account.id, 'wildberries', batch(page), {
      key: 'orders',
      value: { dateFrom: 'T1' },
    });
    expect(await dayOf(mug.id)).toMatchObject({
      unitsOrdered: 2,
      unitsBoughtOut: 1,
      unitsCancelled: 0,
      revenue: 200,
    });
    expect(await store.cursors(company.id, account.id)).toEqual({ orders: { dateFrom: 'T1' } });
  });

  it('a cancelled line that reappears updates its row and the day', async () => {
    await store.saveOrders(
      company.id,
      account.id,
      'wildberries',
      batch([line('order:b', mug.id, { status: 'cancelled' })]),
      {
        key: 'orders',
        value: { dateFrom: 'T2' },
      },
    );
    expect(await dayOf(mug.id)).toMatchObject({ unitsOrdered: 1, unitsCancelled: 1 });
  });

  it('a line that comes twice in one batch is stored once, as its later version', async () => {
    const twice = [line('order:e', tea.id), line('order:e', tea.id, { status: 'cancelled' })];
    expect(
      await store.saveOrders(company.id, account.id, 'wildberries', batch(twice), {
        key: 'orders',
        value: { dateFrom: 'T2' },
      }),
    ).toBe(1);
    expect(await dayOf(tea.id)).toMatchObject({ unitsOrdered: 0, unitsCancelled: 1 });
  });

  it('daily sales follow the lines only after a refresh, which a crash before it does not lose', async () => {
    await store.saveOrders(
      company.id,
      account.id,
      'wildberries',
      batch([line('order:p1', tea.id, { orderDate: '2026-10-05' })]),
      {
        key: 'orders',
        value: { dateFrom: 'T2' },
      },
    );
    const day = () =>
      db
        .select()
        .from(dailySales)
        .where(and(eq(dailySales.productId, tea.id), eq(dailySales.date, '2026-10-05')));
    expect(await day()).toEqual([]);
    // The process "crashed" here: the next run's refresh sums what the batch left pending.
    expect(await store.refreshDailySales(company.id, 'wildberries')).toBe(1);
    expect(await day()).toMatchObject([{ unitsOrdered: 1 }]);
    expect(await store.refreshDailySales(company.id, 'wildberries')).toBe(0);
  });

  it('a refresh that finds nothing changed writes nothing', async () => {
    await store.saveOrders(
      company.id,
      account.id,
      'wildberries',
      batch([line('order:p1', tea.id, { orderDate: '2026-10-05' })]),
      {
        key: 'orders',
        value: { dateFrom: 'T2' },
      },
    );
    expect(await store.refreshDailySales(company.id, 'wildberries')).toBe(0);
    expect(await store.refreshDailySales(company.id, 'ozon')).toBe(0);
  });

  it('a page that fails saves nothing and leaves the cursor where it was', async () => {
    const bad = [line('order:c', mug.id), line('order:d', 999_999)];
    await expect(
      store.saveOrders(company.id, account.id, 'wildberries', batch(bad), {
        key: 'orders',
        value: { dateFrom: 'T3' },
      }),
    ).rejects.toThrow();
    const c = await db.select().from(orders).where(eq(orders.externalId, 'order:c'));
    expect(c).toEqual([]);
    expect(await store.cursors(company.id, account.id)).toEqual({ orders: { dateFrom: 'T2' } });
  });

  it('records stock that vanished from the report as zero, and leaves what is still listed', async () => {
    const runId = await store.startRun(company.id, account.id, 'incremental', new Date());
    const w = { externalId: '507', name: 'Коледино', type: 'FBO' as const };
    const row = (productId: number, quantity: number) => ({
      productId,
      warehouse: w,
      stockType: 'FBO' as const,
      quantity,
      reserved: 0,
      inTransitToCustomers: 0,
      inTransitFromCustomers: 0,
    });
    const t1 = new Date('2026-11-01T03:00:00Z');
    const t2 = new Date('2026-11-02T03:00:00Z');
    await store.saveStock(company.id, 'wildberries', [row(mug.id, 5), row(tea.id, 7)], t1, runId);
    await store.saveStock(company.id, 'wildberries', [row(tea.id, 6)], t2, runId);
    await store.closeStock(company.id, 'wildberries', t2, runId);
    const at2 = await db.select().from(stockSnapshots).where(eq(stockSnapshots.takenAt, t2));
    expect(at2.map((s) => [s.productId, s.quantity]).sort()).toEqual([
      [mug.id, 0],
      [tea.id, 6],
    ]);
  });

  it('adds up stock rows of one product, warehouse and type, within a page and across pages of one snapshot', async () => {
    const runId = await store.startRun(company.id, account.id, 'incremental', new Date());
    const w = { externalId: '508', name: 'Электросталь', type: 'FBO' as const };
    const fbs = { externalId: '509', name: 'Склад "продавца"', type: 'FBS' as const };
    const row = (productId: number, warehouse: typeof w | typeof fbs, quantity: number, reserved = 0) => ({
      productId,
      warehouse,
      stockType: warehouse.type,
      quantity,
      reserved,
      inTransitToCustomers: 1,
      inTransitFromCustomers: 2,
    });
    const t = new Date('2026-11-03T03:00:00.123Z');
    expect(
      await store.saveStock(
        company.id,
        'wildberries',
        [row(mug.id, w, 5, 1), row(mug.id, w, 3), row(tea.id, w, 7), row(mug.id, fbs, 2)],
        t,
        runId,
      ),
    ).toBe(3);
    expect(await store.saveStock(company.id, 'wildberries', [row(mug.id, w, 4, 2)], t, runId)).toBe(1);
    const saved = await db
      .select()
      .from(stockSnapshots)
      .where(and(eq(stockSnapshots.companyId, company.id), eq(stockSnapshots.takenAt, t)));
    expect(
      saved
        .map((s) => [
          s.productId,
          s.stockType,
          s.marketplace,
          s.quantity,
          s.reserved,
          s.inTransitToCustomers,
          s.inTransitFromCustomers,
          s.syncRunId,
          s.takenAt.toISOString(),
        ])
        .sort(),
    ).toEqual(
      [
        [mug.id, 'FBO', 'wildberries', 12, 3, 3, 6, runId, t.toISOString()],
        [mug.id, 'FBS', 'wildberries', 2, 0, 1, 2, runId, t.toISOString()],
        [tea.id, 'FBO', 'wildberries', 7, 0, 1, 2, runId, t.toISOString()],
      ].sort(),
    );
  });
});
