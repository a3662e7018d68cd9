import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { products, warehouses } from './catalogue.js';
import { at, companyRef, createdAt, id, ref, tenantFk, updatedAt } from './columns.js';
import { companies } from './companies.js';
import { marketplaceEnum, orderKindEnum, orderStatusEnum, stockTypeEnum } from './enums.js';

/** Appended by every sync: the marketplaces keep no stock history, so we do. */
export const stockSnapshots = pgTable(
  'stock_snapshots',
  {
    id: id(),
    // The tenant key to products already implies the company (and cascades from it): a second,
    // per-row foreign key check here would only slow the bulk writes of every sync.
    companyId: companyRef(),
    productId: ref('product_id').notNull(),
    marketplace: text('marketplace').notNull(),
    warehouseId: ref('warehouse_id').notNull(),
    stockType: stockTypeEnum('stock_type').notNull(),
    quantity: integer('quantity').notNull(),
    reserved: integer('reserved').notNull().default(0),
    inTransitToCustomers: integer('in_transit_to_customers').notNull().default(0),
    inTransitFromCustomers: integer('in_transit_from_customers').notNull().default(0),
    takenAt: at('taken_at').notNull(),
    syncRunId: ref('sync_run_id'),
  },
  (t) => [
    // Tenant keys stock_snapshots_product_fk and stock_snapshots_warehouse_fk are enforced by statement-level triggers (migrations/0004): one set-based
    // check per statement instead of one per row, on the table every sync writes most.
    unique('stock_snapshots_once').on(t.companyId, t.productId, t.warehouseId, t.stockType, t.takenAt),
    index('stock_snapshots_latest').on(t.companyId, t.productId, t.takenAt.desc()),
    index('stock_snapshots_company_time').on(t.companyId, t.takenAt),
    check('stock_snapshots_marketplace', sql`${t.marketplace} in ('wildberries', 'ozon', 'own')`),
    check('stock_snapshots_reserved_nonneg', sql`${t.reserved} >= 0`),
  ],
);

/**
 * Raw order lines, one per marketplace id (WB srid; Ozon posting number + SKU), keyed by it alone:
 * a surrogate id would cost a sequence and an index on every line of every sync, and nothing
 * points at an order line.
 */
export const orders = pgTable(
  'orders',
  {
    // The tenant key to products already implies the company (and cascades from it): a second,
    // per-row foreign key check here would only slow the bulk writes of every sync.
    companyId: companyRef(),
    accountId: ref('account_id').notNull(),
    marketplace: marketplaceEnum('marketplace').notNull(),
    externalId: text('external_id').notNull(),
    kind: orderKindEnum('kind').notNull().default('order'),
    /** The marketplace's order id (WB srid, Ozon posting number) shared by an order and its sale. */
    orderId: text('order_id'),
    productId: ref('product_id').notNull(),
    warehouseName: text('warehouse_name'),
    quantity: integer('quantity').notNull().default(1),
    price: numeric('price', { precision: 14, scale: 2, mode: 'number' }),
    status: orderStatusEnum('status').notNull(),
    orderedAt: at('ordered_at').notNull(),
    /** The marketplace's local calendar day of the order, which daily_sales is keyed by. */
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    boughtOutAt: at('bought_out_at'),
    cancelledAt: at('cancelled_at'),
    returnedAt: at('returned_at'),
    lastChangeAt: at('last_change_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'orders_pk', columns: [t.companyId, t.marketplace, t.externalId] }),
    // Tenant keys orders_product_fk and orders_account_fk are enforced by statement-level triggers (migrations/0004): one set-based
    // check per statement instead of one per row, on the table every sync writes most.
    // For the daily_sales refresh, which reads one marketplace's lines by product and day. Day first:
    // a sync brings lines roughly in time order, so inserts land in one recent stretch of the index
    // instead of all over it (product first scattered them across every leaf, each a buffer miss
    // or a dirty eviction once the index outgrew shared_buffers).
    index('orders_day_product').on(t.companyId, t.marketplace, t.orderDate, t.productId),
    check('orders_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export const dailySales = pgTable(
  'daily_sales',
  {
    // The tenant key to products already implies the company (and cascades from it): a second,
    // per-row foreign key check here would only slow the bulk writes of every sync.
    companyId: companyRef(),
    productId: ref('product_id').notNull(),
    marketplace: marketplaceEnum('marketplace').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    unitsOrdered: integer('units_ordered').notNull().default(0),
    unitsBoughtOut: integer('units_bought_out').notNull().default(0),
    unitsReturned: integer('units_returned').notNull().default(0),
    unitsCancelled: integer('units_cancelled').notNull().default(0),
    revenue: numeric('revenue', { precision: 16, scale: 2, mode: 'number' }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'daily_sales_pk', columns: [t.companyId, t.productId, t.marketplace, t.date] }),
    // Tenant keys daily_sales_product_fk are enforced by statement-level triggers (migrations/0004): one set-based
    // check per statement instead of one per row, on the table every sync writes most.
    index('daily_sales_company_date').on(t.companyId, t.date),
    check(
      'daily_sales_units_nonneg',
      sql`${t.unitsOrdered} >= 0 and ${t.unitsBoughtOut} >= 0 and ${t.unitsReturned} >= 0 and ${t.unitsCancelled} >= 0`,
    ),
  ],
);

/**
 * Keys of daily_sales a sync batch changed, written in that batch's transaction and folded into
 * daily_sales once per step: recomputing per batch re-aggregated days that span batches and cost
 * more than the writes. One row per batch (two arrays), so marking is one insert however many keys.
 */
export const dailySalesPending = pgTable(
  'daily_sales_pending',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    marketplace: marketplaceEnum('marketplace').notNull(),
    productIds: bigint('product_ids', { mode: 'number' }).array().notNull(),
    dates: date('dates', { mode: 'string' }).array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('daily_sales_pending_owner').on(t.companyId, t.marketplace),
    check('daily_sales_pending_pairs', sql`cardinality(${t.productIds}) = cardinality(${t.dates})`),
  ],
);

/** Inbound shipments to marketplace warehouses, one row per supply and product. */
export const supplies = pgTable(
  'supplies',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    marketplace: marketplaceEnum('marketplace').notNull(),
    externalId: text('external_id').notNull(),
    productId: ref('product_id').notNull(),
    warehouseId: ref('warehouse_id'),
    status: text('status').notNull(),
    quantity: integer('quantity').notNull(),
    acceptedQuantity: integer('accepted_quantity').notNull().default(0),
    expectedAt: at('expected_at'),
    acceptedAt: at('accepted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('supplies_external').on(t.companyId, t.marketplace, t.externalId, t.productId),
    tenantFk('supplies_product_fk', t.companyId, t.productId, products).onDelete('cascade'),
    tenantFk('supplies_warehouse_fk', t.companyId, t.warehouseId, warehouses).onDelete('cascade'),
    index('supplies_product').on(t.companyId, t.productId),
    check('supplies_quantity_nonneg', sql`${t.quantity} >= 0 and ${t.acceptedQuantity} >= 0`),
  ],
);
