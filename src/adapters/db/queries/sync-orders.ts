import { and, eq, sql } from 'drizzle-orm';
import { toIsoString } from '../../../core/marketplace/moscow-time.js';
import type { Marketplace, OrderRow, SupplyRow } from '../../../ports.js';
import { affectedRows, type Db } from '../client.js';
import { marketplaceAccounts, supplies, warehouses } from '../schema/index.js';
import { columnArrays, PgArray } from './pg-array.js';

const CHUNK = 1000;
// Column arrays through unnest: one statement and 14 parameters however many rows (a VALUES list
// of 10,000 rows costs 140,000 parameters to build and parse).
const BULK = 20_000;

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

export async function saveOrderPage(
  db: Db,
  companyId: string,
  accountId: number,
  marketplace: Marketplace,
  rows: readonly OrderRow[],
  cursor: { key: string; value: unknown },
): Promise<number> {
  // A line can come twice in one batch (re-read across a page boundary): the later one wins.
  const byId = new Map<string, OrderRow>();
  for (const r of rows) byId.set(r.externalId, r);
  const latest = [...byId.values()];
  return db.transaction(async (tx) => {
    for (let i = 0; i < latest.length; i += BULK)
      await upsertOrderLines(tx, companyId, accountId, marketplace, latest.slice(i, i + BULK));
    await markDailySalesPending(tx, companyId, marketplace, latest);
    await setCursor(tx, companyId, accountId, cursor.key, cursor.value);
    return latest.length;
  });
}

/**
 * Notes which daily_sales keys these lines touch, in the transaction that saves them: a crash
 * before the refresh loses no key, the next refresh picks it up.
 */
async function markDailySalesPending(
  db: Db,
  companyId: string,
  marketplace: Marketplace,
  rows: readonly OrderRow[],
) {
  const seen = new Set<string>();
  const productIds = new PgArray();
  const dates = new PgArray();
  for (const r of rows) {
    const key = `${r.productId}|${r.orderDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    productIds.add(`${r.productId}`);
    dates.add(`${r.orderDate}`);
  }
  if (seen.size === 0) return;
  await db.execute(sql`
    insert into daily_sales_pending (company_id, marketplace, product_ids, dates)
    values (${companyId}::uuid, ${marketplace}::marketplace,
            ${productIds.literal()}::bigint[], ${dates.literal()}::date[])`);
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

async function upsertOrderLines(
  db: Db,
  companyId: string,
  accountId: number,
  marketplace: Marketplace,
  rows: readonly OrderRow[],
): Promise<void> {
  // One parameter per column, sent as an array literal: both drivers pass text through unchanged.
  const c = columnArrays(rows, {
    externalId: (r) => r.externalId,
    kind: (r) => r.kind,
    orderId: (r) => r.orderId,
    productId: (r) => r.productId,
    warehouseName: (r) => r.warehouseName,
    quantity: (r) => r.quantity,
    price: (r) => r.price,
    status: (r) => r.status,
    orderedAt: (r) => toIsoString(r.orderedAt),
    orderDate: (r) => r.orderDate,
    lastChangeAt: (r) => toIsoString(r.lastChangeAt),
  });
  await db.execute(sql`
    insert into orders (company_id, account_id, marketplace, external_id, kind, order_id, product_id, warehouse_name,
                        quantity, price, status, ordered_at, order_date, last_change_at)
    select ${companyId}::uuid, ${accountId}::bigint, ${marketplace}::marketplace, t.*
    from unnest(
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
    ) as t
    on conflict (company_id, marketplace, external_id) do update set
      status = excluded.status, quantity = excluded.quantity, price = excluded.price,
      product_id = excluded.product_id, order_date = excluded.order_date,
      last_change_at = excluded.last_change_at, updated_at = now()`);
}
