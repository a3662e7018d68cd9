import { and, asc, eq, sql } from 'drizzle-orm';
import type { ProductStockView } from '../../../ports.js';
import { type Db, rowsOf } from '../client.js';
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

/** Products with their latest stock (all warehouses) and last 30 days of ordered units. */
export async function listProductsWithStock(
  db: Db,
  companyId: string,
  page: { limit: number; offset: number; ids?: readonly number[] },
): Promise<{ total: number; items: ProductStockView[] }> {
  const ids = page.ids ? `{${page.ids.join(',')}}` : null;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      with page as (
        select * from products where company_id = ${companyId} and (${ids}::bigint[] is null or id = any(${ids}::bigint[]))
        order by seller_sku limit ${page.limit} offset ${page.offset}
      ),
      latest as (
        select distinct on (s.product_id, s.warehouse_id, s.stock_type) s.product_id, s.quantity, s.taken_at
        from stock_snapshots s join page p on p.id = s.product_id
        where s.company_id = ${companyId} and s.taken_at > now() - interval '14 days'
        order by s.product_id, s.warehouse_id, s.stock_type, s.taken_at desc
      ),
      sold as (
        select d.product_id, sum(d.units_ordered) as units from daily_sales d join page p on p.id = d.product_id
        where d.company_id = ${companyId} and d.date >= current_date - 30 group by d.product_id
      )
      select p.id, p.seller_sku, p.name, p.barcodes, p.wb_nm_id, p.ozon_sku, p.ozon_offer_id, p.active,
        coalesce((select sum(quantity) from latest l where l.product_id = p.id), 0) as stock,
        (select max(taken_at) from latest l where l.product_id = p.id) as stock_taken_at,
        coalesce((select units from sold s where s.product_id = p.id), 0) as units
      from page p order by p.seller_sku`),
  );
  return {
    total: await countProducts(db, companyId),
    items: rows.map(toProductStockView),
  };
}

/** A product-with-stock row (raw SQL, snake_case) as the view both the API and the chat show. */
export function toProductStockView(r: Record<string, unknown>): ProductStockView {
  return {
    id: Number(r.id),
    sellerSku: String(r.seller_sku),
    name: String(r.name),
    barcodes: (r.barcodes as string[]) ?? [],
    wbNmId: r.wb_nm_id === null ? null : Number(r.wb_nm_id),
    ozonSku: r.ozon_sku === null ? null : Number(r.ozon_sku),
    ozonOfferId: (r.ozon_offer_id as string | null) ?? null,
    active: Boolean(r.active),
    stock: Number(r.stock),
    stockTakenAt: r.stock_taken_at ? new Date(String(r.stock_taken_at)) : null,
    unitsLast30Days: Number(r.units),
  };
}
