import { and, eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { RecommendationView, StockCandidate } from '../../../ports.js';
import type { Db } from '../client.js';
import { preparedPer } from '../prepared.js';
import { products, recommendations, suppliers } from '../schema/index.js';
import { toProductStockView } from './products.js';
import { recommendationViewColumns } from './recommendations.js';

// What `/stock` reads (issue #7: every chat query passes here, so each is prepared and indexed).

const STOCK_LIMIT = 50;

// The exact lookup, prepared: each branch is one index probe (products_company_sku,
// products_ozon_offer_id, products_barcodes, and for a number products_wb_nm_id and
// products_ozon_sku). The SKU is tried as typed, upper- and lower-cased; any other casing, and
// wb_chrt_id (no index), are found by the fallback in stockCandidates. Each hit comes with its
// recommendation of the latest run (recommendations_once_a_day), so the usual `/stock SKU` is one
// round trip. Two statements, for text and for numbers, and the limit written in: with a null
// parameter or a parameter limit PostgreSQL kept planning every execution afresh (0.6 ms, twice
// the execution), with these it settles on the generic plan.
const exactStockQuery = (numeric: boolean) =>
  preparedPer((db) => {
    const companyId = sql.placeholder('companyId');
    return exactStockSelect(db, companyId, sql.placeholder('q'), numeric).prepare(
      numeric ? 'chat_stock_exact_number' : 'chat_stock_exact',
    );
  });

/**
 * The exact lookup as a select, for the company `companyId` gives: a placeholder here, the
 * identified company's column in chat-identity-stock.ts, which folds `identify` into it.
 */
export function exactStockSelect(db: Db, companyId: SQLWrapper, q: SQLWrapper, numeric: boolean) {
  const byNumber = numeric
    ? sql`union select id from products where company_id = ${companyId} and wb_nm_id = ${q}::bigint
      union select id from products where company_id = ${companyId} and ozon_sku = ${q}::bigint`
    : sql``;
  return stockSelect(
    db,
    companyId,
    sql`select id from products where company_id = ${companyId}
          and seller_sku = any(array[${q}::text, upper(${q}::text), lower(${q}::text)])
        union select id from products where company_id = ${companyId} and ozon_offer_id = ${q}::text
        union select id from products where barcodes @> array[${q}::text] and company_id = ${companyId}
        ${byNumber}
        limit ${sql.raw(String(STOCK_LIMIT))}`,
    // Handwritten rather than built from recommendationViewColumns: the product's own columns come
    // from the outer row, which saves a join on the hottest query; a test holds it equal to
    // latestRecommendationFor, field for field.
    sql`(select json_build_object('id', r.id, 'productId', r.product_id, 'sellerSku', p.seller_sku,
          'name', p.name, 'supplierId', r.supplier_id, 'supplierName', su.name, 'unitCost', p.unit_cost,
          'runDate', r.run_date, 'category', r.category, 'reasons', r.reasons,
          'availableStock', r.available_stock, 'inTransit', r.in_transit, 'onOrder', r.on_order,
          'dailyDemand', r.daily_demand, 'runwayDays', r.runway_days, 'stockOutDate', r.stock_out_date,
          'orderByDate', r.order_by_date, 'leadTimeDays', r.lead_time_days, 'safetyStock', r.safety_stock,
          'reorderPoint', r.reorder_point, 'recommendedQty', r.recommended_qty, 'explanation', r.explanation)
        from recommendations r left join suppliers su on su.id = r.supplier_id
        where r.company_id = p.company_id and r.product_id = p.id
          and r.run_date = (select max(run_date) from recommendations where company_id = ${companyId}))`,
  );
}
const exactByText = exactStockQuery(false);
const exactByNumber = exactStockQuery(true);

/** A row of the exact lookup: the product with its stock and its recommendation read along. */
export const toStockCandidate = (r: Record<string, unknown>): StockCandidate => ({
  ...toProductStockView(r),
  recommendation: (r.recommendation as RecommendationView | null) ?? null,
});

/** Whether a /stock query is looked up as a number too (nmID, Ozon SKU). */
export const isNumericQuery = (q: string) => /^\d{1,15}$/.test(q);

/**
 * Products a /stock query may mean, with their stock: exact identifiers first, then SKU or name
 * substrings (at most 50); empty when nothing matches. Issue #7: the exact lookup goes through
 * the identifier indexes, so the common `/stock SKU` costs a few index probes, not a scan of the
 * catalogue; only a query no identifier matches pays for the substring scan.
 */
export async function stockCandidates(db: Db, companyId: string, query: string): Promise<StockCandidate[]> {
  const q = query.trim();
  const asNumber = isNumericQuery(q) ? Number(q) : null;
  const exact = await (asNumber === null ? exactByText : exactByNumber)(db).execute({ companyId, q });
  if (exact.length > 0) return exact.map(toStockCandidate);
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await stockSelect(
    db,
    companyId,
    sql`select id from products
      where company_id = ${companyId} and (
        lower(seller_sku) = lower(${q}) or ozon_offer_id = ${q} or ${q} = any(barcodes)
        or (${asNumber}::bigint is not null and (wb_nm_id = ${asNumber}::bigint or ozon_sku = ${asNumber}::bigint or wb_chrt_id = ${asNumber}::bigint))
        or seller_sku ilike ${like} or name ilike ${like})
      order by (lower(seller_sku) = lower(${q})) desc, seller_sku
      limit ${STOCK_LIMIT}`,
    sql`null`,
  );
  return rows.map(toProductStockView);
}

/**
 * The products `ids` selects, each with its latest stock over all warehouses (snapshots of the
 * last 14 days) and units ordered in the last 30 days: the same figures as listProductsWithStock,
 * per product through its indexes (stock_snapshots_latest, daily_sales_pk), and without counting
 * the catalogue, which a chat answer does not show. Keys as toProductStockView reads them.
 */
function stockSelect(db: Db, companyId: SQLWrapper | string, ids: SQL, recommendation: SQL) {
  return db
    .select({
      id: sql`p.id`,
      seller_sku: sql`p.seller_sku`,
      name: sql`p.name`,
      barcodes: sql`p.barcodes`,
      wb_nm_id: sql`p.wb_nm_id`,
      ozon_sku: sql`p.ozon_sku`,
      ozon_offer_id: sql`p.ozon_offer_id`,
      active: sql`p.active`,
      // Named, so the select can also be a subquery (chat-identity-stock.ts reads s.stock, …).
      stock: sql`coalesce(st.stock, 0)`.as('stock'),
      stock_taken_at: sql`st.taken_at`.as('stock_taken_at'),
      units: sql`coalesce(sd.units, 0)`.as('units'),
      recommendation: sql`${recommendation}`.as('recommendation'),
    })
    .from(sql`products p
      left join lateral (
        select sum(l.quantity) as stock, max(l.taken_at) as taken_at from (
          select distinct on (s.warehouse_id, s.stock_type) s.quantity, s.taken_at from stock_snapshots s
          where s.company_id = p.company_id and s.product_id = p.id and s.taken_at > now() - interval '14 days'
          order by s.warehouse_id, s.stock_type, s.taken_at desc) l
      ) st on true
      left join lateral (
        select sum(d.units_ordered) as units from daily_sales d
        where d.company_id = p.company_id and d.product_id = p.id and d.date >= current_date - 30
      ) sd on true`)
    .where(sql`p.company_id = ${companyId} and p.id in (${ids})`)
    .orderBy(sql`p.seller_sku`);
}

const stockRecommendationQuery = preparedPer((db) => {
  const companyId = sql.placeholder('companyId');
  return db
    .select(recommendationViewColumns)
    .from(recommendations)
    .innerJoin(products, eq(products.id, recommendations.productId))
    .leftJoin(suppliers, eq(suppliers.id, recommendations.supplierId))
    .where(
      and(
        eq(recommendations.companyId, companyId),
        eq(recommendations.productId, sql.placeholder('productId')),
        eq(
          recommendations.runDate,
          sql`(select max(${recommendations.runDate}) from ${recommendations}
            where ${recommendations.companyId} = ${companyId})`,
        ),
      ),
    )
    .prepare('chat_stock_recommendation');
});

/**
 * The product's recommendation of the company's latest run, if any: what latestRecommendationDate
 * and listRecommendations give, in one prepared round trip (issue #7, every `/stock` asks it).
 */
export async function latestRecommendationFor(
  db: Db,
  companyId: string,
  productId: number,
): Promise<RecommendationView | null> {
  const [rec] = await stockRecommendationQuery(db).execute({ companyId, productId });
  return rec ?? null;
}
