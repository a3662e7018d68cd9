import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  real,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { products, suppliers } from './catalogue.js';
import { at, companyRef, createdAt, id, ref, tenantFk, updatedAt } from './columns.js';
import { companies } from './companies.js';
import { categoryEnum, poStatusEnum } from './enums.js';

/** One forecast per product and run date; a re-run of the day replaces it. */
export const forecasts = pgTable(
  'forecasts',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    productId: ref('product_id').notNull(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    /** The first forecast day; mean[i] is for startDate + i days. */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    generatedAt: at('generated_at').notNull().defaultNow(),
    model: text('model').notNull(),
    modelVersion: text('model_version').notNull(),
    demandClass: text('demand_class'),
    horizonDays: integer('horizon_days').notNull(),
    mean: real('mean').array().notNull(),
    /** Quantile level key ('p025', 'p10', …) → daily values, same length as mean. */
    quantiles: jsonb('quantiles').$type<Record<string, number[]>>().notNull(),
    metrics: jsonb('metrics').$type<Record<string, number | null>>().notNull().default({}),
  },
  (t) => [
    unique('forecasts_once_a_day').on(t.companyId, t.productId, t.runDate),
    tenantFk('forecasts_product_fk', t.companyId, t.productId, products).onDelete('cascade'),
    index('forecasts_company_run').on(t.companyId, t.runDate),
    check('forecasts_horizon_positive', sql`${t.horizonDays} > 0`),
  ],
);

/** The day's decision per product: what to do, why, and the numbers behind it. */
export const recommendations = pgTable(
  'recommendations',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    productId: ref('product_id').notNull(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    supplierId: ref('supplier_id'),
    forecastId: ref('forecast_id'),
    category: categoryEnum('category').notNull(),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    availableStock: integer('available_stock').notNull(),
    inTransit: integer('in_transit').notNull().default(0),
    onOrder: integer('on_order').notNull().default(0),
    dailyDemand: real('daily_demand').notNull(),
    /** Null when demand is zero: the stock never runs out on the forecast. */
    runwayDays: real('runway_days'),
    stockOutDate: date('stock_out_date', { mode: 'string' }),
    orderByDate: date('order_by_date', { mode: 'string' }),
    leadTimeDays: integer('lead_time_days').notNull(),
    serviceLevel: real('service_level').notNull(),
    safetyStock: real('safety_stock').notNull(),
    reorderPoint: real('reorder_point').notNull(),
    recommendedQty: integer('recommended_qty').notNull().default(0),
    explanation: text('explanation').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    unique('recommendations_once_a_day').on(t.companyId, t.productId, t.runDate),
    tenantFk('recommendations_product_fk', t.companyId, t.productId, products).onDelete('cascade'),
    index('recommendations_company_run_category').on(t.companyId, t.runDate, t.category),
    check('recommendations_qty_nonneg', sql`${t.recommendedQty} >= 0`),
  ],
);

export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    /** Human number shown in chat (PO-1042), unique within the company. */
    number: integer('number').notNull(),
    supplierId: ref('supplier_id'),
    status: poStatusEnum('status').notNull().default('draft'),
    source: text('source').notNull().default('manual'),
    runDate: date('run_date', { mode: 'string' }),
    expectedAt: date('expected_at', { mode: 'string' }),
    createdBy: text('created_by').notNull(),
    approvedBy: text('approved_by'),
    approvedAt: at('approved_at'),
    sentAt: at('sent_at'),
    receivedAt: at('received_at'),
    cancelledAt: at('cancelled_at'),
    externalRef: text('external_ref'),
    currency: text('currency').notNull().default('RUB'),
    notes: text('notes'),
    /** Bumped on every change: optimistic concurrency for chat buttons and the API. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('purchase_orders_number').on(t.companyId, t.number),
    unique().on(t.companyId, t.id),
    tenantFk('purchase_orders_supplier_fk', t.companyId, t.supplierId, suppliers),
    index('purchase_orders_company_status').on(t.companyId, t.status),
  ],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    purchaseOrderId: ref('purchase_order_id').notNull(),
    productId: ref('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    receivedQuantity: integer('received_quantity').notNull().default(0),
    unitCost: numeric('unit_cost', { precision: 14, scale: 2, mode: 'number' }),
    recommendationId: ref('recommendation_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('purchase_order_lines_product').on(t.purchaseOrderId, t.productId),
    tenantFk('purchase_order_lines_po_fk', t.companyId, t.purchaseOrderId, purchaseOrders).onDelete(
      'cascade',
    ),
    tenantFk('purchase_order_lines_product_fk', t.companyId, t.productId, products),
    index('purchase_order_lines_company_product').on(t.companyId, t.productId),
    check('purchase_order_lines_quantity_positive', sql`${t.quantity} > 0`),
    // Suppliers do over-deliver; the received quantity is recorded as it is, never negative.
    check('purchase_order_lines_received_nonneg', sql`${t.receivedQuantity} >= 0`),
  ],
);
