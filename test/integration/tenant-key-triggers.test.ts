import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/adapters/db/queries/accounts.js';
import {
  companies,
  dailySales,
  marketplaceAccounts,
  orders,
  products,
  stockSnapshots,
  warehouses,
} from '../../src/adapters/db/schema/index.js';
import { openTestDatabase } from '../helpers/database.js';
import { rejected } from '../helpers/rejected.js';
import { seedCompany } from '../helpers/seed.js';

// orders, daily_sales and stock_snapshots keep their tenant keys with statement-level triggers
// (migrations/0004): the same guarantees as the composite foreign keys they replaced.

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());

const account = (companyId: string) =>
  insertAccount(db, {
    companyId,
    marketplace: 'wildberries',
    name: 'wb',
    credentialsSealed: '-',
    credentialsKeyId: '-',
  });
const order = (companyId: string, accountId: number, productId: number, externalId: string) => ({
  companyId,
  accountId,
  marketplace: 'wildberries' as const,
  externalId,
  productId,
  status: 'ordered' as const,
  orderedAt: new Date('2026-11-01T10:00:00Z'),
  orderDate: '2026-11-01',
  lastChangeAt: new Date('2026-11-01T10:00:00Z'),
});

const count = async (table: typeof orders | typeof dailySales | typeof stockSnapshots, companyId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.companyId, companyId)))[0]
    ?.n;

describe(`tenant keys of the bulk tables (${database.label})`, () => {
  it('an order may not point at another tenant’s product or account, nor at none', async () => {
    const a = await seedCompany(db);
    const b = await seedCompany(db);
    const [accA, accB] = [await account(a.company.id), await account(b.company.id)];
    const [mugA, mugB] = [a.products[0]?.id ?? 0, b.products[0]?.id ?? 0];
    expect(await rejected(() => db.insert(orders).values(order(a.company.id, accA.id, mugB, 'x1')))).toBe(
      'orders_product_fk',
    );
    expect(await rejected(() => db.insert(orders).values(order(a.company.id, accB.id, mugA, 'x2')))).toBe(
      'orders_account_fk',
    );
    expect(await rejected(() => db.insert(orders).values(order(a.company.id, accA.id, 999_999, 'x3')))).toBe(
      'orders_product_fk',
    );
  });

  it('one bad row rejects the whole statement', async () => {
    const a = await seedCompany(db);
    const b = await seedCompany(db);
    const acc = await account(a.company.id);
    const good = order(a.company.id, acc.id, a.products[0]?.id ?? 0, 'ok');
    const bad = order(a.company.id, acc.id, b.products[0]?.id ?? 0, 'bad');
    expect(await rejected(() => db.insert(orders).values([good, bad]))).toBe('orders_product_fk');
    expect(await count(orders, a.company.id)).toBe(0);
  });

  it('an update may not move a row to another tenant’s product or warehouse', async () => {
    const a = await seedCompany(db);
    const b = await seedCompany(db);
    const acc = await account(a.company.id);
    const [row] = await db
      .insert(orders)
      .values(order(a.company.id, acc.id, a.products[0]?.id ?? 0, 'u1'))
      .returning();
    expect(
      await rejected(() =>
        db
          .update(orders)
          .set({ productId: b.products[0]?.id ?? 0 })
          .where(eq(orders.externalId, row?.externalId ?? '')),
      ),
    ).toBe('orders_product_fk');
    const [snap] = await db
      .insert(stockSnapshots)
      .values({
        companyId: a.company.id,
        productId: a.products[0]?.id ?? 0,
        marketplace: 'wildberries',
        warehouseId: a.warehouse.id,
        stockType: 'FBO',
        quantity: 3,
        takenAt: new Date(),
      })
      .returning();
    expect(
      await rejected(() =>
        db
          .update(stockSnapshots)
          .set({ warehouseId: b.warehouse.id })
          .where(eq(stockSnapshots.id, snap?.id ?? 0)),
      ),
    ).toBe('stock_snapshots_warehouse_fk');
  });

  it('deleting a product, an account, a warehouse or the company deletes what points at it', async () => {
    const a = await seedCompany(db);
    const acc = await account(a.company.id);
    const [mug, tea] = [a.products[0]?.id ?? 0, a.products[1]?.id ?? 0];
    const snapshot = (productId: number) => ({
      companyId: a.company.id,
      productId,
      marketplace: 'wildberries',
      warehouseId: a.warehouse.id,
      stockType: 'FBO' as const,
      quantity: 1,
      takenAt: new Date(),
    });
    await db
      .insert(orders)
      .values([order(a.company.id, acc.id, mug, 'd1'), order(a.company.id, acc.id, tea, 'd2')]);
    await db.insert(dailySales).values([
      { companyId: a.company.id, productId: mug, marketplace: 'wildberries', date: '2026-11-01' },
      { companyId: a.company.id, productId: tea, marketplace: 'wildberries', date: '2026-11-01' },
    ]);
    await db.insert(stockSnapshots).values([snapshot(mug), snapshot(tea)]);

    await db.delete(products).where(and(eq(products.companyId, a.company.id), eq(products.id, mug)));
    expect([await count(orders, a.company.id), await count(dailySales, a.company.id)]).toEqual([1, 1]);
    expect(await count(stockSnapshots, a.company.id)).toBe(1);

    await db.delete(warehouses).where(eq(warehouses.id, a.warehouse.id));
    expect(await count(stockSnapshots, a.company.id)).toBe(0);
    await db.delete(marketplaceAccounts).where(eq(marketplaceAccounts.id, acc.id));
    expect(await count(orders, a.company.id)).toBe(0);

    await db.delete(companies).where(eq(companies.id, a.company.id));
    expect(await count(dailySales, a.company.id)).toBe(0);
  });

  it.skipIf(database.driver.kind !== 'postgres')(
    'a product deleted while an order that points at it is being written leaves no orphan',
    async () => {
      if (database.driver.kind !== 'postgres') return;
      const pg = database.driver.sql;
      const a = await seedCompany(db);
      const acc = await account(a.company.id);
      const mug = a.products[0]?.id ?? 0;
      let deleted: Promise<unknown> | undefined;
      await pg.begin(async (tx) => {
        await tx`insert into orders (company_id, account_id, marketplace, external_id, product_id, status,
                   ordered_at, order_date, last_change_at)
                 values (${a.company.id}, ${acc.id}, 'wildberries', 'race', ${mug}, 'ordered', now(), current_date, now())`;
        // The check locked the product: the delete has to wait for this transaction.
        deleted = pg`delete from products where id = ${mug}`;
        const waited = await Promise.race([
          deleted.then(() => 'done'),
          new Promise((r) => setTimeout(r, 300, 'waiting')),
        ]);
        expect(waited).toBe('waiting');
      });
      await deleted;
      expect(await count(orders, a.company.id)).toBe(0);
    },
  );
});
