import { afterAll, describe, expect, it } from 'vitest';
import { listProducts } from '../../src/adapters/db/queries/products.js';
import {
  dailySales,
  products,
  purchaseOrderLines,
  purchaseOrders,
  stockSnapshots,
} from '../../src/adapters/db/schema/index.js';
import { openTestDatabase } from '../helpers/database.js';
import { rejected } from '../helpers/rejected.js';
import { seedCompany } from '../helpers/seed.js';

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());

const a = await seedCompany(db, 'Alpha');
const b = await seedCompany(db, 'Beta');
const mugA = a.products[0];
const mugB = b.products[0];
if (!mugA || !mugB) throw new Error('seed failed');

describe(`constraints (${database.label})`, () => {
  it('one seller SKU per company, but two companies may share it', async () => {
    expect(
      await rejected(() => db.insert(products).values({ companyId: a.company.id, sellerSku: 'MUG-01' })),
    ).toBe('products_company_sku');
    expect(mugB.sellerSku).toBe(mugA.sellerSku);
  });

  it('one daily_sales row per company, product, marketplace and date', async () => {
    const row = {
      companyId: a.company.id,
      productId: mugA.id,
      marketplace: 'wildberries' as const,
      date: '2026-11-01',
    };
    await db.insert(dailySales).values({ ...row, unitsOrdered: 3 });
    expect(await rejected(() => db.insert(dailySales).values({ ...row, unitsOrdered: 4 }))).toBe(
      'daily_sales_pk',
    );
  });

  it('a row can never point at another tenant’s product or warehouse', async () => {
    const snapshot = {
      companyId: a.company.id,
      productId: mugB.id,
      marketplace: 'wildberries',
      warehouseId: a.warehouse.id,
      stockType: 'FBO' as const,
      quantity: 5,
      takenAt: new Date(),
    };
    expect(await rejected(() => db.insert(stockSnapshots).values(snapshot))).toBe(
      'stock_snapshots_product_fk',
    );
    expect(
      await rejected(() =>
        db.insert(stockSnapshots).values({ ...snapshot, productId: mugA.id, warehouseId: b.warehouse.id }),
      ),
    ).toBe('stock_snapshots_warehouse_fk');
  });

  it('foreign keys reject rows that point nowhere', async () => {
    expect(
      await rejected(() =>
        db
          .insert(dailySales)
          .values({ companyId: a.company.id, productId: 999_999, marketplace: 'ozon', date: '2026-11-01' }),
      ),
    ).toBe('daily_sales_product_fk');
  });

  it.each([
    ['negative units', { unitsOrdered: -1 }, 'daily_sales_units_nonneg'],
    ['unknown marketplace', { marketplace: 'amazon' }, 'invalid input value for enum marketplace: "amazon"'],
  ])('checks reject %s', async (_name, patch, constraint) => {
    const row = {
      companyId: a.company.id,
      productId: mugA.id,
      marketplace: 'ozon',
      date: '2026-10-01',
      ...patch,
    };
    expect(await rejected(() => db.insert(dailySales).values(row as typeof dailySales.$inferInsert))).toBe(
      constraint,
    );
  });

  it('purchase order numbers are unique per company and lines need a positive quantity', async () => {
    const [po] = await db
      .insert(purchaseOrders)
      .values({ companyId: a.company.id, number: 1001, createdBy: 'test' })
      .returning();
    if (!po) throw new Error('no po');
    expect(
      await rejected(() =>
        db.insert(purchaseOrders).values({ companyId: a.company.id, number: 1001, createdBy: 'test' }),
      ),
    ).toBe('purchase_orders_number');
    await db.insert(purchaseOrders).values({ companyId: b.company.id, number: 1001, createdBy: 'test' });
    expect(
      await rejected(() =>
        db
          .insert(purchaseOrderLines)
          .values({ companyId: a.company.id, purchaseOrderId: po.id, productId: mugA.id, quantity: 0 }),
      ),
    ).toBe('purchase_order_lines_quantity_positive');
  });
});

describe(`tenant isolation (${database.label})`, () => {
  it('a company’s query returns only its own rows', async () => {
    const ofA = await listProducts(db, a.company.id);
    const ofB = await listProducts(db, b.company.id);
    expect(ofA.map((p) => p.companyId)).toEqual([a.company.id, a.company.id]);
    expect(ofB.map((p) => p.companyId)).toEqual([b.company.id, b.company.id]);
    expect(ofA.map((p) => p.id)).not.toContain(mugB.id);
  });
});
