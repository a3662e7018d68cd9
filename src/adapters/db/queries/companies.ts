import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { companies } from '../schema/index.js';

export type Company = typeof companies.$inferSelect;
export type NewCompany = Pick<typeof companies.$inferInsert, 'name' | 'slug'> &
  Partial<Omit<typeof companies.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>>;

export async function insertCompany(db: Db, company: NewCompany): Promise<Company> {
  const [row] = await db.insert(companies).values(company).returning();
  if (!row) throw new Error('insert into companies returned no row');
  return row;
}

export async function findCompany(db: Db, id: string): Promise<Company | undefined> {
  const [row] = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
  return row;
}

export async function findCompanyBySlug(db: Db, slug: string): Promise<Company | undefined> {
  const [row] = await db.select().from(companies).where(eq(companies.slug, slug)).limit(1);
  return row;
}

export async function listCompanies(db: Db): Promise<Company[]> {
  return db.select().from(companies).orderBy(asc(companies.name));
}
