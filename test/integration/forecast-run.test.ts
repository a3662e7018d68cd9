import { afterAll, describe, expect, it } from 'vitest';
import { listForecasts } from '../../src/adapters/db/queries/forecasts.js';
import { dailySales, stockSnapshots } from '../../src/adapters/db/schema/index.js';
import { createForecastStore } from '../../src/adapters/db/stores.js';
import { createWorkerPool } from '../../src/lib/worker-pool.js';
import { createForecastRunner } from '../../src/services/forecast/run-forecasts.js';
import type { ForecastBatch, ForecastOutcome } from '../../src/services/forecast/types.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';
import { seedCompany } from '../helpers/seed.js';

const database = await openTestDatabase();
const { db } = database;
const pool = createWorkerPool<ForecastBatch, ForecastOutcome[]>(
  new URL('../../src/services/forecast/worker.ts', import.meta.url),
  2,
);
afterAll(async () => {
  await pool.close();
  await database.drop();
});

const { company, products, warehouse } = await seedCompany(db);
const [mug, tea] = products;
if (!mug || !tea) throw new Error('seed failed');
const RUN_DATE = '2026-11-20';
const day = (i: number) => new Date(Date.UTC(2026, 8, 1) + i * 86_400_000).toISOString().slice(0, 10);

// Mug: 10 a day for 80 days, but out of stock (and so selling 0) on the last 14 days.
// Tea: no sales and no snapshots at all.
await db.insert(dailySales).values(
  Array.from({ length: 80 }, (_, i) => ({
    companyId: company.id,
    productId: mug.id,
    marketplace: 'wildberries' as const,
    date: day(i),
    unitsOrdered: i >= 66 ? 0 : 10,
  })),
);
await db.insert(stockSnapshots).values(
  Array.from({ length: 80 }, (_, i) => ({
    companyId: company.id,
    productId: mug.id,
    marketplace: 'wildberries',
    warehouseId: warehouse.id,
    stockType: 'FBO' as const,
    quantity: i >= 66 ? 0 : 500,
    takenAt: new Date(`${day(i)}T09:00:00Z`),
  })),
);

describe(`forecast batch service (${database.label})`, () => {
  const run = createForecastRunner({ store: createForecastStore(db), pool, log: silentLogger() });

  it('forecasts every active SKU on worker threads and stores one row per SKU and day', async () => {
    const summary = await run({ id: company.id, timezone: 'Europe/Moscow' }, RUN_DATE, { horizon: 28 });
    expect(summary.products).toBe(2);
    expect(summary.forecasted).toBe(2);
    expect(summary.failed).toEqual([]);
    const rows = await listForecasts(db, company.id, RUN_DATE);
    expect(rows).toHaveLength(2);
    const mugRow = rows.find((r) => r.productId === mug.id);
    expect(mugRow?.mean).toHaveLength(28);
    expect(mugRow?.startDate).toBe(RUN_DATE);
    // The stock-out fortnight is censored demand: the forecast stays near 10 a day, not near 0.
    const avg = (mugRow?.mean ?? []).reduce((a, b) => a + b, 0) / 28;
    expect(avg).toBeGreaterThan(8);
    expect(avg).toBeLessThan(12);
    expect(Object.keys(mugRow?.quantiles ?? {})).toEqual(
      expect.arrayContaining(['p025', 'p10', 'p50', 'p80', 'p90', 'p95', 'p975']),
    );
    const teaRow = rows.find((r) => r.productId === tea.id);
    expect(teaRow?.mean.every((v) => v === 0)).toBe(true);
  });

  it('is idempotent per company and day: a re-run replaces, never duplicates', async () => {
    await run({ id: company.id, timezone: 'Europe/Moscow' }, RUN_DATE, { horizon: 14 });
    const rows = await listForecasts(db, company.id, RUN_DATE);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.horizonDays === 14 && r.mean.length === 14)).toBe(true);
  });
});
