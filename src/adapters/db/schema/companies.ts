import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, real, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns.js';
import { localeEnum } from './enums.js';

/** A seller company: the tenant. Planning defaults apply where a product or supplier says nothing. */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull().default('Europe/Moscow'),
    locale: localeEnum('locale').notNull().default('ru'),
    syncTime: text('sync_time').notNull().default('06:00'),
    forecastTime: text('forecast_time').notNull().default('07:00'),
    procurementTime: text('procurement_time').notNull().default('07:30'),
    digestTime: text('digest_time').notNull().default('08:00'),
    leadTimeDays: integer('lead_time_days').notNull().default(14),
    reviewPeriodDays: integer('review_period_days').notNull().default(7),
    coverageDays: integer('coverage_days').notNull().default(30),
    serviceLevel: real('service_level').notNull().default(0.95),
    /** Per ABC class overrides of the service level, e.g. {"A":0.98,"C":0.9}. */
    serviceLevelByClass: jsonb('service_level_by_class')
      .$type<Partial<Record<'A' | 'B' | 'C', number>>>()
      .notNull()
      .default({}),
    overstockDays: integer('overstock_days').notNull().default(180),
    staleSalesHours: integer('stale_sales_hours').notNull().default(26),
    staleStockHours: integer('stale_stock_hours').notNull().default(8),
    nextPoNumber: integer('next_po_number').notNull().default(1001),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('companies_service_level_range', sql`${t.serviceLevel} > 0 and ${t.serviceLevel} < 1`),
    check('companies_lead_time_positive', sql`${t.leadTimeDays} >= 0`),
    check('companies_review_positive', sql`${t.reviewPeriodDays} >= 1`),
    check('companies_coverage_positive', sql`${t.coverageDays} >= 0`),
    check(
      'companies_times_format',
      sql`${t.syncTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.forecastTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.procurementTime} ~ '^[0-2][0-9]:[0-5][0-9]$' and ${t.digestTime} ~ '^[0-2][0-9]:[0-5][0-9]$'`,
    ),
  ],
);
