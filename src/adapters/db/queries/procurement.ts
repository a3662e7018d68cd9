import { and, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { ProcurementSnapshot, RecommendationRecord } from '../../../ports.js';
import { type Db, rowsOf } from '../client.js';
import { companies, recommendations } from '../schema/index.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => Number(v ?? 0);
const group = <T>(rows: Row[], make: (r: Row) => T): Map<number, T[]> => {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const id = num(r.product_id);
    const list = out.get(id) ?? [];
    list.push(make(r));
    out.set(id, list);
  }
  return out;
};

/** One bulk read per kind of data: a 10,000-SKU company costs a handful of queries, not 10,000. */
export async function loadProcurementSnapshot(
  db: Db,
  companyId: string,
  runDate: string,
  opts: { recentDays: number },
): Promise<ProcurementSnapshot> {
  const q = async (query: ReturnType<typeof sql>) => rowsOf<Row>(await db.execute(query));
  const [company] = await db.select().from(companies).where(eq(companies.id, companyId));
  if (!company) throw new Error(`company ${companyId} not found`);

  const [products, firstSeen, stock, supplies, orders, forecasts, earlier, sales, freshness] = [
    await q(sql`
      select p.id, p.seller_sku, p.supplier_id, p.lead_time_days, p.moq, p.pack_size, p.abc_class,
             s.lead_time_days as supplier_lead, s.moq as supplier_moq
      from products p left join suppliers s on s.id = p.supplier_id
      where p.company_id = ${companyId} and p.active order by p.id`),
    await q(sql`
      select product_id, min(date)::text as first from daily_sales
      where company_id = ${companyId} group by product_id`),
    await q(sql`
      select distinct on (s.product_id, s.warehouse_id, s.stock_type)
        s.product_id, w.name as warehouse, w.owner, s.quantity, s.reserved, s.in_transit_from_customers, s.taken_at
      from stock_snapshots s join warehouses w on w.id = s.warehouse_id
      where s.company_id = ${companyId} and s.taken_at >= (${runDate}::date - 14) and s.taken_at < (${runDate}::date + 1)
      order by s.product_id, s.warehouse_id, s.stock_type, s.taken_at desc`),
    await q(sql`
      select product_id, external_id, quantity - accepted_quantity as open, expected_at::date::text as expected
      from supplies
      where company_id = ${companyId} and status not in ('accepted', 'cancelled') and quantity > accepted_quantity`),
    // Drafts are not orders yet: only approved and sent orders count as on order.
    await q(sql`
      select l.product_id, po.number, l.quantity - l.received_quantity as open,
             coalesce(po.expected_at, ${runDate}::date)::text as expected
      from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
      where po.company_id = ${companyId} and po.status in ('approved', 'sent', 'partially_received')
        and l.quantity > l.received_quantity`),
    await q(sql`
      select distinct on (product_id) id, product_id, start_date::text as start_date, mean, quantiles, metrics
      from forecasts where company_id = ${companyId} and run_date <= ${runDate}
      order by product_id, run_date desc`),
    await q(sql`
      select distinct on (product_id) product_id, start_date::text as start_date, quantiles
      from forecasts where company_id = ${companyId} and run_date <= (${runDate}::date - ${opts.recentDays}::int)
      order by product_id, run_date desc`),
    await q(sql`
      select product_id, date::text as date, sum(units_ordered) as units from daily_sales
      where company_id = ${companyId} and date >= (${runDate}::date - ${opts.recentDays}::int) and date < ${runDate}::date
      group by product_id, date`),
    await q(sql`
      select coalesce(
        (select max(completed_at) from sync_runs where company_id = ${companyId} and status in ('success', 'partial')),
        (select max(updated_at) from daily_sales where company_id = ${companyId})
      ) as at`),
  ];

  const first = new Map(firstSeen.map((r) => [num(r.product_id), String(r.first)]));
  const recentSales = new Map<number, Map<string, number>>();
  for (const r of sales) {
    const m = recentSales.get(num(r.product_id)) ?? new Map<string, number>();
    m.set(String(r.date), num(r.units));
    recentSales.set(num(r.product_id), m);
  }
  const freshAt = freshness[0]?.at;
  return {
    company: {
      id: company.id,
      leadTimeDays: company.leadTimeDays,
      reviewPeriodDays: company.reviewPeriodDays,
      coverageDays: company.coverageDays,
      serviceLevel: company.serviceLevel,
      serviceLevelByClass: company.serviceLevelByClass,
      overstockDays: company.overstockDays,
      staleSalesHours: company.staleSalesHours,
      staleStockHours: company.staleStockHours,
    },
    products: products.map((p) => ({
      id: num(p.id),
      sellerSku: String(p.seller_sku),
      supplierId: p.supplier_id === null ? null : num(p.supplier_id),
      supplierLeadTimeDays: p.supplier_lead === null ? null : num(p.supplier_lead),
      supplierMoq: p.supplier_moq === null ? null : num(p.supplier_moq),
      leadTimeDays: p.lead_time_days === null ? null : num(p.lead_time_days),
      moq: num(p.moq),
      packSize: num(p.pack_size),
      abcClass: (p.abc_class as 'A' | 'B' | 'C' | null) ?? null,
      firstSeen: first.get(num(p.id)) ?? null,
    })),
    stock: group(stock, (r) => ({
      warehouse: String(r.warehouse),
      kind: r.owner === 'own' ? ('own' as const) : ('marketplace' as const),
      present: num(r.quantity),
      reserved: num(r.reserved),
      inTransit: num(r.in_transit_from_customers),
      takenAt: new Date(String(r.taken_at)),
    })),
    supplies: group(supplies, (r) => ({
      id: String(r.external_id),
      quantity: num(r.open),
      ...(r.expected ? { expectedDate: String(r.expected) } : {}),
    })),
    openOrders: group(orders, (r) => ({
      id: `PO-${num(r.number)}`,
      quantity: num(r.open),
      expectedDate: String(r.expected),
    })),
    forecasts: new Map(
      forecasts.map((r) => {
        const metrics = (r.metrics ?? {}) as Record<string, number | null>;
        return [
          num(r.product_id),
          {
            id: num(r.id),
            startDate: String(r.start_date),
            mean: (r.mean as number[]).map(Number),
            quantiles: r.quantiles as Record<string, number[]>,
            mase: metrics.mase ?? null,
            origins: num(metrics.origins),
          },
        ];
      }),
    ),
    earlierForecasts: new Map(
      earlier.map((r) => [
        num(r.product_id),
        { startDate: String(r.start_date), quantiles: r.quantiles as Record<string, number[]> },
      ]),
    ),
    recentSales,
    lastSalesDataAt: freshAt ? new Date(String(freshAt)) : null,
  };
}

const CHUNK = 1000;

/**
 * Upserts the day's rows (ids stay stable, so a chat button that names one still works after a
 * re-run) and removes rows of products no longer in the run, all in one transaction.
 */
export async function replaceRecommendations(
  db: Db,
  companyId: string,
  runDate: string,
  rows: readonly RecommendationRecord[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const stamp = new Date();
    for (let i = 0; i < rows.length; i += CHUNK) {
      await tx
        .insert(recommendations)
        .values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, companyId, runDate, createdAt: stamp })))
        .onConflictDoUpdate({
          target: [recommendations.companyId, recommendations.productId, recommendations.runDate],
          set: Object.fromEntries(
            UPDATED.map((c) => [c, sql.raw(`excluded.${recommendations[c].name}`)]),
          ) as Record<(typeof UPDATED)[number], SQL>,
        });
    }
    await tx
      .delete(recommendations)
      .where(
        and(
          eq(recommendations.companyId, companyId),
          eq(recommendations.runDate, runDate),
          lt(recommendations.createdAt, stamp),
        ),
      );
  });
}

const UPDATED = [
  'supplierId',
  'forecastId',
  'category',
  'reasons',
  'availableStock',
  'inTransit',
  'onOrder',
  'dailyDemand',
  'runwayDays',
  'stockOutDate',
  'orderByDate',
  'leadTimeDays',
  'serviceLevel',
  'safetyStock',
  'reorderPoint',
  'recommendedQty',
  'explanation',
  'details',
  'createdAt',
] as const;
