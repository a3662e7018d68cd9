import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { products } from '../schema/index.js';

export type Product = typeof products.$inferSelect;
export type NewProduct = Omit<typeof products.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

/** Insert or update by (company, seller SKU) in one statement for the whole batch. */
export async function upsertProducts(db: Db, rows: readonly NewProduct[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  return db
    .insert(products)
    .values([...rows])
    .onConflictDoUpdate({
      target: [products.companyId, products.sellerSku],
      set: {
        name: sql`excluded.name`,
        brand: sql`excluded.brand`,
        category: sql`excluded.category`,
        barcodes: sql`excluded.barcodes`,
        wbNmId: sql`coalesce(excluded.wb_nm_id, ${products.wbNmId})`,
        wbChrtId: sql`coalesce(excluded.wb_chrt_id, ${products.wbChrtId})`,
        ozonProductId: sql`coalesce(excluded.ozon_product_id, ${products.ozonProductId})`,
        ozonOfferId: sql`coalesce(excluded.ozon_offer_id, ${products.ozonOfferId})`,
        ozonSku: sql`coalesce(excluded.ozon_sku, ${products.ozonSku})`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
}

export async function listProducts(
  db: Db,
  companyId: string,
  opts: { activeOnly?: boolean } = {},
): Promise<Product[]> {
  const where = opts.activeOnly
    ? and(eq(products.companyId, companyId), eq(products.active, true))
    : eq(products.companyId, companyId);
  return db.select().from(products).where(where).orderBy(asc(products.sellerSku));
}

export async function findProductBySku(
  db: Db,
  companyId: string,
  sellerSku: string,
): Promise<Product | undefined> {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.companyId, companyId), eq(products.sellerSku, sellerSku)))
    .limit(1);
  return row;
}

export async function countProducts(db: Db, companyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(products)
    .where(eq(products.companyId, companyId));
  return row?.n ?? 0;
}
