import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/adapters/db/client.js';
import { insertAccount } from '../../src/adapters/db/queries/accounts.js';
import { orders, syncRuns } from '../../src/adapters/db/schema/index.js';
import { createSyncStore } from '../../src/adapters/db/stores.js';
import { createAccountSync } from '../../src/services/sync/sync-account.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';
import { seedCompany } from '../helpers/seed.js';
import { ozonTruth, startHarness, wbTruthKeys } from './marketplaces/harness.js';

// What a sync stores when the marketplace misbehaves, compared with the emulator's ground truth.

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());
const syncOf = (clockNow: () => number) =>
  createAccountSync({ store: createSyncStore(db), log: silentLogger(), now: () => new Date(clockNow()) });
const storedKeys = async (companyId: string, marketplace: 'wildberries' | 'ozon') =>
  new Set(
    (
      await db
        .select({ k: orders.externalId })
        .from(orders)
        .where(and(eq(orders.companyId, companyId), eq(orders.marketplace, marketplace)))
    ).map((r) => r.k),
  );
const newAccount = async (companyId: string, marketplace: 'wildberries' | 'ozon') =>
  insertAccount(db, {
    companyId,
    marketplace,
    name: marketplace,
    credentialsSealed: '-',
    credentialsKeyId: '-',
  });

/** daily_sales against a fresh sum of the order lines: keys summed, and how many disagree. */
const dailySalesDrift = async (companyId: string) => {
  const [row] = rowsOf<{ keys: number; drift: number }>(
    await db.execute(sql`
      with truth as (
        select product_id, marketplace, order_date as date,
          sum(quantity) filter (where kind = 'order' and status <> 'cancelled')::int as units
        from orders where company_id = ${companyId} group by 1, 2, 3
      )
      select count(*)::int as keys,
        count(*) filter (where coalesce(d.units_ordered, -1) <> coalesce(t.units, 0))::int as drift
      from truth t left join daily_sales d on d.company_id = ${companyId} and d.product_id = t.product_id
        and d.marketplace = t.marketplace and d.date = t.date`),
  );
  return row ?? { keys: 0, drift: -1 };
};

describe(`sync under marketplace faults (${database.label})`, () => {
  it('429 storms: waits as told and loses no row', async () => {
    const h = await startHarness({ skuCount: 15, faults: { stormRequests: 6, retryAfterSeconds: 30 } });
    try {
      const { company } = await seedCompany(db);
      const account = await newAccount(company.id, 'wildberries');
      const report = await syncOf(h.clock.now)(
        { id: account.id, companyId: company.id, marketplace: 'wildberries' },
        h.wb,
        { full: true },
      );
      expect(report.status).toBe('success');
      expect(h.wb.stats().throttled).toBeGreaterThan(0);
      expect(await storedKeys(company.id, 'wildberries')).toEqual(new Set(wbTruthKeys(h.emulator).keys()));
    } finally {
      await h.emulator.close();
    }
  });

  it('malformed records: skipped, counted and logged in the run, the rest saved', async () => {
    const h = await startHarness({ skuCount: 15, faults: { malformedRate: 0.05 } });
    try {
      const { company } = await seedCompany(db);
      const account = await newAccount(company.id, 'ozon');
      const report = await syncOf(h.clock.now)(
        { id: account.id, companyId: company.id, marketplace: 'ozon' },
        h.ozon,
        { full: true },
      );
      expect(report.status).toBe('partial');
      expect(report.recordsSkipped).toBeGreaterThan(0);
      expect(report.steps.orders.skippedSamples[0]?.reason).toBeTruthy();
      const stored = await storedKeys(company.id, 'ozon');
      expect(stored.size).toBeGreaterThan(0);
      const corrupted = h.emulator.truth.corruptedKeys();
      for (const key of ozonTruth(h.emulator).keys()) {
        // A posting's lines are lost only when the marketplace sent that posting malformed.
        if (!stored.has(key)) expect(corrupted.has(`posting:${key.split(':')[0]}`)).toBe(true);
      }
      const [run] = await db.select().from(syncRuns).where(eq(syncRuns.id, report.runId));
      expect(run).toMatchObject({ status: 'partial', recordsSkipped: report.recordsSkipped });
    } finally {
      await h.emulator.close();
    }
  });

  it('5xx past the retries fail the step as partial with the reason; a rerun resumes with no gap and no duplicate', async () => {
    const h = await startHarness({
      skuCount: 15,
      // Windows are read 4 at a time: 12 failures in a row exhaust the 3 attempts of one of them.
      faults: { failPath: { path: 'ozon:/v3/posting/fbo/list', afterRequests: 2, times: 12 } },
    });
    try {
      const { company } = await seedCompany(db);
      const account = await newAccount(company.id, 'ozon');
      const sync = syncOf(h.clock.now);
      const first = await sync({ id: account.id, companyId: company.id, marketplace: 'ozon' }, h.ozon, {
        full: true,
      });
      expect(first.status).toBe('partial');
      expect(first.steps.orders.status).toBe('failed');
      expect(first.errorMessage).toMatch(/^orders: /);
      // Whatever landed before the failure is already summed into daily_sales.
      expect(await dailySalesDrift(company.id)).toMatchObject({ drift: 0 });
      const [run] = await db.select().from(syncRuns).where(eq(syncRuns.id, first.runId));
      expect(run?.errorMessage).toBe(first.errorMessage);
      const second = await sync({ id: account.id, companyId: company.id, marketplace: 'ozon' }, h.ozon);
      expect(second.status).toBe('success');
      expect(await storedKeys(company.id, 'ozon')).toEqual(new Set(ozonTruth(h.emulator).keys()));
      const [dup] = await db
        .execute(
          sql`select count(*) - count(distinct external_id) as d from orders where company_id = ${company.id}`,
        )
        .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows));
      expect(Number((dup as { d: number | string }).d)).toBe(0);
      const after = await dailySalesDrift(company.id);
      expect(after.keys).toBeGreaterThan(0);
      expect(after.drift).toBe(0);
    } finally {
      await h.emulator.close();
    }
  });
});
