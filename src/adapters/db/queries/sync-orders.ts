import { and, eq, sql } from 'drizzle-orm';
import { toIsoString } from '../../../core/marketplace/moscow-time.js';
import type { Marketplace, OrderBatch, OrderRow, SupplyRow } from '../../../ports.js';
import { affectedRows, type Db } from '../client.js';
import { marketplaceAccounts, supplies, warehouses } from '../schema/index.js';
import { ColumnArrays } from './pg-array.js';

const CHUNK = 1000;

/** Advances one endpoint's cursor; called inside the transaction that saved the data it covers. */
export async function setCursor(
  db: Db,
  companyId: string,
  accountId: number,
  key: string,
  value: unknown,
): Promise<void> {
  await db
    .update(marketplaceAccounts)
    .set({
      syncCursors: sql`jsonb_set(${marketplaceAccounts.syncCursors}, ${`{${key}}`}::text[], ${JSON.stringify(value)}::jsonb, true)`,
    })
    .where(and(eq(marketplaceAccounts.companyId, companyId), eq(marketplaceAccounts.id, accountId)));
}

export async function loadCursors(
  db: Db,
  companyId: string,
  accountId: number,
): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ c: marketplaceAccounts.syncCursors })
    .from(marketplaceAccounts)
    .where(and(eq(marketplaceAccounts.companyId, companyId), eq(marketplaceAccounts.id, accountId)));
  return row?.c ?? {};
}

/** Order lines as the unnest in saveOrderBatch takes them: one array literal per column. */
export class OrderColumns extends ColumnArrays<OrderRow, OrderColumn> implements OrderBatch {
  // Hashes of the line ids, not the ids: numbers keep no string alive. A collision only costs the
  // statement that drops repeats when there are none.
  private readonly ids = new Set<number>();
  private repeated = false;
  /** The daily_sales keys the lines touch, each once: product id and day number in one number. */
  private readonly keys = new Set<number>();
  readonly touched = new ColumnArrays<OrderRow, 'productId' | 'orderDate'>({
    productId: (r) => r.productId,
    orderDate: (r) => r.orderDate,
  });

  constructor() {
    super(ORDER_COLUMNS);
  }

  override add(row: OrderRow): void {
    const h = fnv1a(row.externalId);
    if (this.ids.has(h)) this.repeated = true;
    else this.ids.add(h);
    const key = row.productId * 100_000 + Date.parse(row.orderDate) / 86_400_000;
    if (!this.keys.has(key)) {
      this.keys.add(key);
      this.touched.add(row);
    }
    super.add(row);
  }

  /** Whether a line id may have come twice. */
  get mayRepeat(): boolean {
    return this.repeated;
  }
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

type OrderColumn = keyof typeof ORDER_COLUMNS;
const ORDER_COLUMNS = {
  externalId: (r: OrderRow) => r.externalId,
  kind: (r: OrderRow) => r.kind,
  orderId: (r: OrderRow) => r.orderId,
  productId: (r: OrderRow) => r.productId,
  warehouseName: (r: OrderRow) => r.warehouseName,
  quantity: (r: OrderRow) => r.quantity,
  price: (r: OrderRow) => r.price,
  status: (r: OrderRow) => r.status,
  orderedAt: (r: OrderRow) => toIsoString(r.orderedAt),
  orderDate: (r: OrderRow) => r.orderDate,
  lastChangeAt: (r: OrderRow) => toIsoString(r.lastChangeAt),
};

/**
 * Upserts a batch of order lines and notes the daily_sales keys they touch (pending), with the
 * cursor, in one transaction: a crash before the refresh loses no key, the next refresh takes it.
 * One statement with one parameter per column, however many lines (a VALUES list of 10,000 rows
 * costs 140,000 parameters to build and parse). A line that comes twice (re-read across a page
 * boundary) is saved once, as the later one. Returns the lines saved.
 */
export async function saveOrderBatch(
  db: Db,
  companyId: string,
  accountId: number,
  marketplace: Marketplace,
  batch: OrderBatch,
  cursor: { key: string; value: unknown },
): Promise<number> {
  if (!(batch instanceof OrderColumns)) throw new TypeError('saveOrders takes the batch orderBatch() made');
  if (batch.size === 0) {
    await setCursor(db, companyId, accountId, cursor.key, cursor.value);
    return 0;
  }
  const c = batch.literals();
  const lines = sql`unnest(
    ${c.externalId}::text[],
    ${c.kind}::order_kind[],
    ${c.orderId}::text[],
    ${c.productId}::bigint[],
    ${c.warehouseName}::text[],
    ${c.quantity}::int[],
    ${c.price}::numeric[],
    ${c.status}::order_status[],
    ${c.orderedAt}::timestamptz[],
    ${c.orderDate}::date[],
    ${c.lastChangeAt}::timestamptz[]
  ) with ordinality as t(external_id, kind, order_id, product_id, warehouse_name, quantity, price, status,
                         ordered_at, order_date, last_change_at, n)`;
  // An upsert cannot touch a row twice: repeats go, the later line stays. Most batches have none
  // and skip the sort.
  const source = batch.mayRepeat
    ? sql`(select distinct on (t.external_id collate "C") t.* from ${lines}
           order by t.external_id collate "C", t.n desc) t`
    : lines;
  return db.transaction(async (tx) => {
    const saved = await tx.execute(sql`
      insert into orders (company_id, account_id, marketplace, external_id, kind, order_id, product_id,
                          warehouse_name, quantity, price, status, ordered_at, order_date, last_change_at)
      select ${companyId}::uuid, ${accountId}::bigint, ${marketplace}::marketplace, t.external_id, t.kind,
             t.order_id, t.product_id, t.warehouse_name, t.quantity, t.price, t.status, t.ordered_at,
             t.order_date, t.last_change_at
      from ${source}
      on conflict (company_id, marketplace, external_id) do update set
        status = excluded.status, quantity = excluded.quantity, price = excluded.price,
        product_id = excluded.product_id, order_date = excluded.order_date,
        last_change_at = excluded.last_change_at, updated_at = now()`);
    const keys = batch.touched.literals();
    await tx.execute(sql`
      insert into daily_sales_pending (company_id, marketplace, product_ids, dates)
      values (${companyId}::uuid, ${marketplace}::marketplace, ${keys.productId}::bigint[], ${keys.orderDate}::date[])`);
    await setCursor(tx, companyId, accountId, cursor.key, cursor.value);
    return affectedRows(saved);
  });
}

/**
 * daily_sales is derived: recomputed from the order lines for exactly the keys that sync batches
 * marked since the last refresh, in one statement (a day that spans batches is summed once).
 * Refreshes of one company and marketplace take turns, so the last one sees every committed line.
 */
export async function refreshDailySales(
  db: Db,
  companyId: string,
  marketplace: Marketplace,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`daily_sales:${companyId}:${marketplace}`}, 0))`,
    );
    // The keys go through a temporary table with statistics, so the planner can tell a morning's
    // few hundred keys (index probes) from a first sync's hundreds of thousands (one hash join).
    await tx.execute(sql`create temporary table pending_keys (product_id bigint, date date) on commit drop`);
    const taken = await tx.execute(sql`
      with pending as (
        delete from daily_sales_pending
        where company_id = ${companyId}::uuid and marketplace = ${marketplace}::marketplace
        returning product_ids, dates
      )
      insert into pending_keys
      select distinct k.product_id, k.date
      from pending, unnest(pending.product_ids, pending.dates) as k(product_id, date)
      where exists (select 1 from products p where p.company_id = ${companyId}::uuid and p.id = k.product_id)`);
    if (affectedRows(taken) === 0) return 0;
    await tx.execute(sql`analyze pending_keys`);
    await tx.execute(sql`set local work_mem = '64MB'`);
    const result = await tx.execute(sql`
      insert into daily_sales (company_id, product_id, marketplace, date, units_ordered, units_bought_out,
                               units_returned, units_cancelled, revenue, updated_at)
      select ${companyId}::uuid, k.product_id, ${marketplace}::marketplace, k.date,
        coalesce(sum(o.quantity) filter (where o.kind = 'order' and o.status <> 'cancelled'), 0),
        coalesce(sum(o.quantity) filter (where (o.kind = 'sale') or (o.kind = 'order' and o.status = 'bought_out')), 0),
        coalesce(sum(o.quantity) filter (where o.kind = 'return' or o.status = 'returned'), 0),
        coalesce(sum(o.quantity) filter (where o.kind = 'order' and o.status = 'cancelled'), 0),
        coalesce(sum(o.quantity * o.price) filter (where o.kind = 'order' and o.status <> 'cancelled'), 0),
        now()
      from pending_keys k
      left join orders o on o.company_id = ${companyId}::uuid and o.marketplace = ${marketplace}::marketplace
        and o.product_id = k.product_id and o.order_date = k.date
      group by k.product_id, k.date
      -- In primary key order: a first sync's refresh walks the index once instead of hitting a
      -- random leaf per row.
      order by k.product_id, k.date
      on conflict (company_id, product_id, marketplace, date) do update set
        units_ordered = excluded.units_ordered, units_bought_out = excluded.units_bought_out,
        units_returned = excluded.units_returned, units_cancelled = excluded.units_cancelled,
        revenue = excluded.revenue, updated_at = now()
      where (daily_sales.units_ordered, daily_sales.units_bought_out, daily_sales.units_returned,
             daily_sales.units_cancelled, daily_sales.revenue)
        is distinct from (excluded.units_ordered, excluded.units_bought_out, excluded.units_returned,
                          excluded.units_cancelled, excluded.revenue)`);
    return affectedRows(result);
  });
}

export async function saveSupplyPage(
  db: Db,
  companyId: string,
  accountId: number,
  marketplace: Marketplace,
  rows: readonly SupplyRow[],
  cursor: { key: string; value: unknown },
): Promise<number> {
  return db.transaction(async (tx) => {
    const warehouseIds = await upsertWarehouses(
      tx,
      companyId,
      marketplace,
      rows.flatMap((r) => (r.warehouse ? [{ ...r.warehouse, type: 'FBO' as const }] : [])),
    );
    const merged = new Map<string, SupplyRow>();
    for (const r of rows) merged.set(`${r.externalId}|${r.productId}`, r);
    const values = [...merged.values()].map(({ warehouse, ...r }) => ({
      ...r,
      companyId,
      marketplace,
      warehouseId: warehouse ? (warehouseIds.get(warehouse.externalId) ?? null) : null,
    }));
    for (let i = 0; i < values.length; i += CHUNK) {
      await tx
        .insert(supplies)
        .values(values.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [supplies.companyId, supplies.marketplace, supplies.externalId, supplies.productId],
          set: {
            status: sql`excluded.status`,
            quantity: sql`excluded.quantity`,
            acceptedQuantity: sql`excluded.accepted_quantity`,
            expectedAt: sql`excluded.expected_at`,
            warehouseId: sql`coalesce(excluded.warehouse_id, ${supplies.warehouseId})`,
            updatedAt: sql`now()`,
          },
        });
    }
    await setCursor(tx, companyId, accountId, cursor.key, cursor.value);
    return values.length;
  });
}

/** Marketplace warehouses a company's stock or supplies sit in: external id → our id. */
export async function upsertWarehouses(
  db: Db,
  companyId: string,
  owner: Marketplace,
  list: readonly { externalId: string; name: string; type: 'FBO' | 'FBS' }[],
): Promise<Map<string, number>> {
  // In key order, so two accounts of one marketplace lock shared warehouses in the same order.
  const unique = [...new Map(list.map((w) => [w.externalId, w])).values()].sort((a, b) =>
    a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0,
  );
  if (unique.length === 0) return new Map();
  const rows = await db
    .insert(warehouses)
    .values(unique.map((w) => ({ companyId, owner, externalId: w.externalId, name: w.name, type: w.type })))
    .onConflictDoUpdate({
      target: [warehouses.companyId, warehouses.owner, warehouses.externalId],
      set: { name: sql`excluded.name`, updatedAt: sql`now()` },
    })
    .returning({ id: warehouses.id, externalId: warehouses.externalId });
  return new Map(rows.map((r) => [r.externalId, r.id]));
}
