import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/adapters/db/client.js';
import { insertAccount } from '../../src/adapters/db/queries/accounts.js';
import { orders, products, stockSnapshots, syncRuns } from '../../src/adapters/db/schema/index.js';
import { createSyncStore } from '../../src/adapters/db/stores.js';
import { createAccountSync } from '../../src/services/sync/sync-account.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';
import { seedCompany } from '../helpers/seed.js';
import { DAY, ozonTruth, startHarness, wbTruthKeys } from './marketplaces/harness.js';

const database = await openTestDatabase();
const { db } = database;
const h = await startHarness({ skuCount: 30 });
afterAll(async () => {
  await h.emulator.close();
  await database.drop();
});

const { company } = await seedCompany(db);
const account = async (marketplace: 'wildberries' | 'ozon') =>
  insertAccount(db, {
    companyId: company.id,
    marketplace,
    name: marketplace,
    credentialsSealed: 'x',
    credentialsKeyId: 'k1',
  });
const wb = await account('wildberries');
const ozon = await account('ozon');
const sync = createAccountSync({
  store: createSyncStore(db),
  log: silentLogger(),
  now: () => new Date(h.clock.now()),
});
const count = async (marketplace: 'wildberries' | 'ozon') =>
  (
    await db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(eq(orders.companyId, company.id), eq(orders.marketplace, marketplace)))
  )[0]?.n;

describe(`sync against the marketplace emulator (${database.label})`, () => {
  it('a full sync stores every order line, product and stock level the marketplaces hold', async () => {
    const wbReport = await sync({ id: wb.id, companyId: company.id, marketplace: 'wildberries' }, h.wb, {
      full: true,
    });
    const ozonReport = await sync({ id: ozon.id, companyId: company.id, marketplace: 'ozon' }, h.ozon, {
      full: true,
    });
    expect([wbReport.errorMessage, ozonReport.errorMessage]).toEqual([null, null]);
    expect([wbReport.status, ozonReport.status]).toEqual(['success', 'success']);
    expect(await count('wildberries')).toBe(wbTruthKeys(h.emulator).size);
    expect(await count('ozon')).toBe(ozonTruth(h.emulator).size);
    const daily = rowsOf<{ units: number; lines: number }>(
      await db.execute(sql`
        select (select coalesce(sum(units_ordered), 0) from daily_sales where company_id = ${company.id} and marketplace = 'wildberries')::int as units,
               (select coalesce(sum(quantity), 0) from orders where company_id = ${company.id} and marketplace = 'wildberries' and kind = 'order' and status <> 'cancelled')::int as lines`),
    )[0];
    expect(daily?.units).toBe(daily?.lines);
    expect(daily?.units).toBeGreaterThan(0);
    const snapshots = await db.select().from(stockSnapshots).where(eq(stockSnapshots.companyId, company.id));
    expect(snapshots.length).toBeGreaterThan(0);
    const ps = await db.select().from(products).where(eq(products.companyId, company.id));
    expect(ps.filter((p) => p.wbChrtId !== null).length).toBeGreaterThan(0);
    expect(ps.filter((p) => p.ozonSku !== null).length).toBeGreaterThan(0);
  });

  it('an incremental sync the next day asks only for changes and leaves no gap and no duplicate', async () => {
    const before = h.emulator.requests();
    // The marketplaces forget old lines (WB after 90 days); we keep them: expect the union.
    const wbKeys = new Set(wbTruthKeys(h.emulator).keys());
    const ozonKeys = new Set(ozonTruth(h.emulator).keys());
    h.passTime(DAY);
    await sync({ id: wb.id, companyId: company.id, marketplace: 'wildberries' }, h.wb);
    await sync({ id: ozon.id, companyId: company.id, marketplace: 'ozon' }, h.ozon);
    for (const k of wbTruthKeys(h.emulator).keys()) wbKeys.add(k);
    for (const k of ozonTruth(h.emulator).keys()) ozonKeys.add(k);
    expect(await count('wildberries')).toBe(wbKeys.size);
    expect(await count('ozon')).toBe(ozonKeys.size);
    const after = h.emulator.requests();
    const made =
      Object.values(after).reduce((a, b) => a + b, 0) - Object.values(before).reduce((a, b) => a + b, 0);
    expect(made).toBeGreaterThan(0);
    expect(made).toBeLessThan(Object.values(before).reduce((a, b) => a + b, 0));
    const runs = await db.select().from(syncRuns).where(eq(syncRuns.companyId, company.id));
    expect(runs.map((r) => [r.syncType, r.status])).toEqual([
      ['full', 'success'],
      ['full', 'success'],
      ['incremental', 'success'],
      ['incremental', 'success'],
    ]);
  });
});
