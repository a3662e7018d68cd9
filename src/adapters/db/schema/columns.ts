import { bigint, foreignKey, type PgColumn, timestamp, uuid } from 'drizzle-orm/pg-core';

// Shared column builders, so every table spells ids, tenants and times the same way.

export const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();

export const ref = (name: string) => bigint(name, { mode: 'number' });

export const companyRef = () => uuid('company_id').notNull();

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const createdAt = () => at('created_at').notNull().defaultNow();

export const updatedAt = () =>
  at('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/**
 * A foreign key that also matches company_id, so a row can never point at another tenant's row.
 * The target needs unique (company_id, id).
 */
export const tenantFk = (
  name: string,
  companyId: PgColumn,
  column: PgColumn,
  target: { companyId: PgColumn; id: PgColumn },
) => foreignKey({ name, columns: [companyId, column], foreignColumns: [target.companyId, target.id] });
