import { eq, sql } from 'drizzle-orm';
import type { CatalogueRow, ProductIdentity } from '../../../ports.js';
import type { Db } from '../client.js';
import { products } from '../schema/index.js';

const identity = {
  id: products.id,
  sellerSku: products.sellerSku,
  barcodes: products.barcodes,
  wbNmId: products.wbNmId,
  wbChrtId: products.wbChrtId,
  ozonSku: products.ozonSku,
  ozonOfferId: products.ozonOfferId,
};

export async function loadIdentities(db: Db, companyId: string): Promise<ProductIdentity[]> {
  return db.select(identity).from(products).where(eq(products.companyId, companyId));
}

const CHUNK = 1000;

/** Rows with the same seller SKU in one batch are merged first: one statement may touch a row once. */
export function mergeBySku(rows: readonly CatalogueRow[]): CatalogueRow[] {
  const merged = new Map<string, CatalogueRow>();
  for (const r of rows) {
    const prev = merged.get(r.sellerSku);
    if (!prev) {
      merged.set(r.sellerSku, { ...r, barcodes: [...new Set(r.barcodes)] });
      continue;
    }
    merged.set(r.sellerSku, {
      ...prev,
      ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined && v !== '')),
      barcodes: [...new Set([...prev.barcodes, ...r.barcodes])],
      active: prev.active || r.active,
    });
  }
  return [...merged.values()];
}

export async function upsertCatalogue(
  db: Db,
  companyId: string,
  rows: readonly CatalogueRow[],
): Promise<ProductIdentity[]> {
  const out: ProductIdentity[] = [];
  // In key order, so two accounts upserting the same SKUs at once lock them in the same order.
  const merged = mergeBySku(rows).sort((a, b) =>
    a.sellerSku < b.sellerSku ? -1 : a.sellerSku > b.sellerSku ? 1 : 0,
  );
  for (let i = 0; i < merged.length; i += CHUNK) {
    const values = merged.slice(i, i + CHUNK).map((r) => ({ ...r, companyId }));
    out.push(
      ...(await db
        .insert(products)
        .values(values)
        .onConflictDoUpdate({
          target: [products.companyId, products.sellerSku],
          set: {
            name: sql`case when excluded.name <> '' then excluded.name else ${products.name} end`,
            brand: sql`coalesce(excluded.brand, ${products.brand})`,
            barcodes: sql`array(select distinct unnest(${products.barcodes} || excluded.barcodes) order by 1)`,
            wbNmId: sql`coalesce(excluded.wb_nm_id, ${products.wbNmId})`,
            wbChrtId: sql`coalesce(excluded.wb_chrt_id, ${products.wbChrtId})`,
            ozonProductId: sql`coalesce(excluded.ozon_product_id, ${products.ozonProductId})`,
            ozonOfferId: sql`coalesce(excluded.ozon_offer_id, ${products.ozonOfferId})`,
            ozonSku: sql`coalesce(excluded.ozon_sku, ${products.ozonSku})`,
            active: sql`excluded.active`,
            updatedAt: sql`now()`,
          },
        })
        .returning(identity)),
    );
  }
  return out;
}
