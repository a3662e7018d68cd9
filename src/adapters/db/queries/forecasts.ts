import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { dateOf, dayNumber as dayNo } from '../../../core/forecast/index.js';
import type { ForecastRecord, SalesHistory } from '../../../ports.js';
import { type Db, rowsOf } from '../client.js';
import { forecasts, products } from '../schema/index.js';

/** Streams active products in id order, with their daily demand and stock-out days. */
export async function* loadHistories(
  db: Db,
  companyId: string,
  w: { from: string; to: string; timezone: string; batchSize: number },
): AsyncGenerator<SalesHistory[]> {
  let after = 0;
  for (;;) {
    const batch = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.companyId, companyId), eq(products.active, true), gt(products.id, after)))
      .orderBy(asc(products.id))
      .limit(w.batchSize);
    if (batch.length === 0) return;
    after = batch.at(-1)?.id ?? after;
    yield await historiesOf(
      db,
      companyId,
      batch.map((p) => p.id),
      w,
    );
  }
}

async function historiesOf(
  db: Db,
  companyId: string,
  ids: number[],
  w: { from: string; to: string; timezone: string },
): Promise<SalesHistory[]> {
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const sales = rowsOf<{ product_id: number | string; date: string; units: number | string }>(
    await db.execute(sql`
      select product_id, date::text as date, sum(units_ordered) as units
      from daily_sales
      where company_id = ${companyId} and product_id in (${idList}) and date between ${w.from} and ${w.to}
      group by product_id, date`),
  );
  // A day is out of stock when every snapshot of it shows no units anywhere.
  const stock = rowsOf<{ product_id: number | string; date: string; best: number | string }>(
    await db.execute(sql`
      select product_id, date::text as date, max(total) as best from (
        select product_id, (taken_at at time zone ${w.timezone})::date as date, sum(quantity) as total
        from stock_snapshots
        where company_id = ${companyId} and product_id in (${idList})
          and taken_at >= (${w.from}::date - 1) and taken_at < (${w.to}::date + 2)
        group by product_id, taken_at
      ) s
      group by product_id, date`),
  );
  const from = dayNo(w.from);
  const to = dayNo(w.to);
  const byId = new Map<number, { units: Map<number, number>; out: Set<number>; first: number }>();
  const entry = (id: number) => {
    let e = byId.get(id);
    if (!e) {
      e = { units: new Map(), out: new Set(), first: Number.POSITIVE_INFINITY };
      byId.set(id, e);
    }
    return e;
  };
  for (const r of sales) {
    const e = entry(Number(r.product_id));
    const d = dayNo(r.date);
    e.units.set(d, Number(r.units));
    e.first = Math.min(e.first, d);
  }
  for (const r of stock) {
    const d = dayNo(r.date);
    if (d < from || d > to) continue;
    const e = entry(Number(r.product_id));
    if (Number(r.best) <= 0) e.out.add(d);
    e.first = Math.min(e.first, d);
  }
  return ids.map((productId) => {
    const e = byId.get(productId);
    if (!e || !Number.isFinite(e.first)) return { productId, firstDate: w.to, units: [], inStock: [] };
    const start = Math.max(from, e.first);
    const units: number[] = [];
    const inStock: number[] = [];
    for (let d = start; d <= to; d++) {
      units.push(e.units.get(d) ?? 0);
      inStock.push(e.out.has(d) ? 0 : 1);
    }
    return { productId, firstDate: dateOf(start), units, inStock };
  });
}

const CHUNK = 500;

export async function upsertForecasts(
  db: Db,
  companyId: string,
  rows: readonly ForecastRecord[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => ({ ...r, companyId, generatedAt: new Date() }));
    await db
      .insert(forecasts)
      .values(values)
      .onConflictDoUpdate({
        target: [forecasts.companyId, forecasts.productId, forecasts.runDate],
        set: {
          startDate: sql`excluded.start_date`,
          generatedAt: sql`excluded.generated_at`,
          model: sql`excluded.model`,
          modelVersion: sql`excluded.model_version`,
          demandClass: sql`excluded.demand_class`,
          horizonDays: sql`excluded.horizon_days`,
          mean: sql`excluded.mean`,
          quantiles: sql`excluded.quantiles`,
          metrics: sql`excluded.metrics`,
        },
      });
  }
}

export async function listForecasts(db: Db, companyId: string, runDate: string) {
  return db
    .select()
    .from(forecasts)
    .where(and(eq(forecasts.companyId, companyId), eq(forecasts.runDate, runDate)))
    .orderBy(asc(forecasts.productId));
}
