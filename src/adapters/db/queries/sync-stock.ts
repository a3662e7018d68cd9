import { and, desc, eq, sql } from 'drizzle-orm';
import type { Marketplace, StockRow, SyncRunResult } from '../../../ports.js';
import { affectedRows, type Db } from '../client.js';
import { syncRuns } from '../schema/index.js';
import { columnArrays } from './pg-array.js';
import { upsertWarehouses } from './sync-orders.js';

const CHUNK = 2000;

export async function saveStockPage(
  db: Db,
  companyId: string,
  marketplace: Marketplace,
  rows: readonly StockRow[],
  takenAt: Date,
  runId: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    const ids = await upsertWarehouses(
      tx,
      companyId,
      marketplace,
      rows.map((r) => r.warehouse),
    );
    // One row per product, warehouse and stock type: several sizes or lines of one SKU add up.
    const merged = new Map<string, StockRow & { warehouseId: number }>();
    for (const r of rows) {
      const warehouseId = ids.get(r.warehouse.externalId);
      if (warehouseId === undefined) continue;
      const key = `${r.productId}|${warehouseId}|${r.stockType}`;
      const prev = merged.get(key);
      merged.set(
        key,
        prev
          ? {
              ...prev,
              quantity: prev.quantity + r.quantity,
              reserved: prev.reserved + r.reserved,
              inTransitToCustomers: prev.inTransitToCustomers + r.inTransitToCustomers,
              inTransitFromCustomers: prev.inTransitFromCustomers + r.inTransitFromCustomers,
            }
          : { ...r, warehouseId },
      );
    }
    const values = [...merged.values()];
    // Column arrays through unnest, as the order lines: drizzle's insert builder spent more CPU
    // turning ~10,000 rows × 11 values into parameters than PostgreSQL spent inserting them.
    const at = takenAt.toISOString();
    for (let i = 0; i < values.length; i += CHUNK) {
      const c = columnArrays(values.slice(i, i + CHUNK), {
        productId: (r) => r.productId,
        warehouseId: (r) => r.warehouseId,
        stockType: (r) => r.stockType,
        quantity: (r) => r.quantity,
        reserved: (r) => r.reserved,
        toCustomers: (r) => r.inTransitToCustomers,
        fromCustomers: (r) => r.inTransitFromCustomers,
      });
      await tx.execute(sql`
        insert into stock_snapshots (company_id, product_id, marketplace, warehouse_id, stock_type, quantity, reserved,
                                     in_transit_to_customers, in_transit_from_customers, taken_at, sync_run_id)
        select ${companyId}::uuid, t.product_id, ${marketplace}, t.warehouse_id, t.stock_type, t.quantity, t.reserved,
               t.to_customers, t.from_customers, ${at}::timestamptz, ${runId}::bigint
        from unnest(
          ${c.productId}::bigint[],
          ${c.warehouseId}::bigint[],
          ${c.stockType}::stock_type[],
          ${c.quantity}::int[],
          ${c.reserved}::int[],
          ${c.toCustomers}::int[],
          ${c.fromCustomers}::int[]
        ) as t(product_id, warehouse_id, stock_type, quantity, reserved, to_customers, from_customers)
        on conflict (company_id, product_id, warehouse_id, stock_type, taken_at) do update set
          quantity = stock_snapshots.quantity + excluded.quantity,
          reserved = stock_snapshots.reserved + excluded.reserved,
          in_transit_to_customers = stock_snapshots.in_transit_to_customers + excluded.in_transit_to_customers,
          in_transit_from_customers = stock_snapshots.in_transit_from_customers + excluded.in_transit_from_customers`);
    }
    return values.length;
  });
}

/** The marketplaces list only what is in stock: a warehouse that had units and is absent now has none. */
export async function closeStockSnapshot(
  db: Db,
  companyId: string,
  marketplace: Marketplace,
  takenAt: Date,
  runId: number,
): Promise<number> {
  // Raw SQL gets an ISO string: drivers differ in how they would print a Date.
  const at = takenAt.toISOString();
  const result = await db.execute(sql`
    insert into stock_snapshots (company_id, product_id, marketplace, warehouse_id, stock_type, quantity, reserved,
                                 in_transit_to_customers, in_transit_from_customers, taken_at, sync_run_id)
    select company_id, product_id, marketplace, warehouse_id, stock_type, 0, 0, 0, 0, ${at}::timestamptz, ${runId}::bigint
    from (
      select distinct on (product_id, warehouse_id, stock_type) *
      from stock_snapshots
      where company_id = ${companyId} and marketplace = ${marketplace}
        and taken_at < ${at}::timestamptz and taken_at > ${at}::timestamptz - interval '30 days'
      order by product_id, warehouse_id, stock_type, taken_at desc
    ) latest
    where latest.quantity <> 0 and not exists (
      select 1 from stock_snapshots now_
      where now_.company_id = latest.company_id and now_.product_id = latest.product_id
        and now_.warehouse_id = latest.warehouse_id and now_.stock_type = latest.stock_type
        and now_.taken_at = ${at}::timestamptz
    )
    on conflict do nothing`);
  return affectedRows(result);
}

export async function insertSyncRun(
  db: Db,
  companyId: string,
  accountId: number,
  syncType: 'full' | 'incremental',
  at: Date,
): Promise<number> {
  const [row] = await db
    .insert(syncRuns)
    .values({ companyId, accountId, syncType, status: 'running', startedAt: at })
    .returning({ id: syncRuns.id });
  if (!row) throw new Error('insert into sync_runs returned no row');
  return row.id;
}

export async function finishSyncRun(
  db: Db,
  companyId: string,
  runId: number,
  r: SyncRunResult,
  at: Date,
): Promise<void> {
  await db
    .update(syncRuns)
    .set({ ...r, completedAt: at })
    .where(and(eq(syncRuns.companyId, companyId), eq(syncRuns.id, runId)));
}

export async function latestSyncRuns(db: Db, companyId: string, limit = 50) {
  return db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.companyId, companyId))
    .orderBy(desc(syncRuns.startedAt))
    .limit(limit);
}
