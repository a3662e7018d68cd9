import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { at, companyRef, createdAt, id, ref, updatedAt } from './columns.js';
import { companies } from './companies.js';
import { accountStatusEnum, marketplaceEnum, warehouseOwnerEnum, warehouseTypeEnum } from './enums.js';

/** A seller account on a marketplace. Credentials are sealed with AES-256-GCM (see lib/secret-box). */
export const marketplaceAccounts = pgTable(
  'marketplace_accounts',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    marketplace: marketplaceEnum('marketplace').notNull(),
    name: text('name').notNull(),
    credentialsSealed: text('credentials_sealed').notNull(),
    credentialsKeyId: text('credentials_key_id').notNull(),
    status: accountStatusEnum('status').notNull().default('active'),
    statusReason: text('status_reason'),
    /** Per endpoint incremental cursor, advanced in the same transaction as the data it covers. */
    syncCursors: jsonb('sync_cursors').$type<Record<string, unknown>>().notNull().default({}),
    lastSyncAt: at('last_sync_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('marketplace_accounts_company_name').on(t.companyId, t.marketplace, t.name),
    unique().on(t.companyId, t.id),
  ],
);

export const suppliers = pgTable(
  'suppliers',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    leadTimeDays: integer('lead_time_days'),
    moq: integer('moq'),
    contact: text('contact'),
    email: text('email'),
    currency: text('currency').notNull().default('RUB'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('suppliers_company_name').on(t.companyId, t.name),
    unique().on(t.companyId, t.id),
    check('suppliers_lead_time_nonneg', sql`${t.leadTimeDays} is null or ${t.leadTimeDays} >= 0`),
    check('suppliers_moq_positive', sql`${t.moq} is null or ${t.moq} >= 1`),
  ],
);

/** One sellable unit (a seller SKU) with every marketplace identifier it is known by. */
export const products = pgTable(
  'products',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    sellerSku: text('seller_sku').notNull(),
    name: text('name').notNull().default(''),
    brand: text('brand'),
    category: text('category'),
    barcodes: text('barcodes').array().notNull().default(sql`'{}'::text[]`),
    wbNmId: bigint('wb_nm_id', { mode: 'number' }),
    wbChrtId: bigint('wb_chrt_id', { mode: 'number' }),
    ozonProductId: bigint('ozon_product_id', { mode: 'number' }),
    ozonOfferId: text('ozon_offer_id'),
    ozonSku: bigint('ozon_sku', { mode: 'number' }),
    supplierId: ref('supplier_id'),
    leadTimeDays: integer('lead_time_days'),
    moq: integer('moq').notNull().default(1),
    packSize: integer('pack_size').notNull().default(1),
    unitCost: numeric('unit_cost', { precision: 14, scale: 2, mode: 'number' }),
    abcClass: text('abc_class'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('products_company_sku').on(t.companyId, t.sellerSku),
    unique().on(t.companyId, t.id),
    foreignKey({
      name: 'products_supplier_fk',
      columns: [t.companyId, t.supplierId],
      foreignColumns: [suppliers.companyId, suppliers.id],
    }),
    index('products_wb_nm_id').on(t.companyId, t.wbNmId),
    index('products_ozon_sku').on(t.companyId, t.ozonSku),
    index('products_ozon_offer_id').on(t.companyId, t.ozonOfferId),
    index('products_ozon_product_id').on(t.companyId, t.ozonProductId),
    index('products_barcodes').using('gin', t.barcodes),
    check('products_moq_positive', sql`${t.moq} >= 1`),
    check('products_pack_positive', sql`${t.packSize} >= 1`),
    check('products_abc', sql`${t.abcClass} is null or ${t.abcClass} in ('A', 'B', 'C')`),
    check('products_lead_time_nonneg', sql`${t.leadTimeDays} is null or ${t.leadTimeDays} >= 0`),
  ],
);

/** Warehouses a company's stock sits in: the marketplaces' (FBO), its own for FBS, or its own store. */
export const warehouses = pgTable(
  'warehouses',
  {
    id: id(),
    companyId: companyRef().references(() => companies.id, { onDelete: 'cascade' }),
    owner: warehouseOwnerEnum('owner').notNull(),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    type: warehouseTypeEnum('type').notNull(),
    cluster: text('cluster'),
    region: text('region'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('warehouses_company_external').on(t.companyId, t.owner, t.externalId),
    unique().on(t.companyId, t.id),
  ],
);
