import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { alerts, notificationOutbox, recommendations, silences } from '../../src/adapters/db/schema/index.js';
import { createAlertStore } from '../../src/adapters/db/stores.js';
import { createAlertService } from '../../src/services/alerts/evaluate-alerts.js';
import { openTestDatabase } from '../helpers/database.js';
import { seedCompany } from '../helpers/seed.js';

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());
const { company, products } = await seedCompany(db);
const [mug, tea] = products;
if (!mug || !tea) throw new Error('seed failed');
const RUN = '2026-11-20';
let now = new Date('2026-11-20T04:40:00Z');
const evaluate = createAlertService({
  store: createAlertStore(db),
  now: () => now,
  targets: async () => [{ channel: 'console', target: 'stdout', locale: 'en', minSeverity: 'warning' }],
  render: (_channel, _locale, group) => [
    { text: [...group.firing, ...group.reminders].map((i) => `${i.severity} ${i.rule} ${i.sku}`).join('\n') },
  ],
});
const rec = (productId: number, stock: number) => ({
  companyId: company.id,
  productId,
  runDate: RUN,
  category: 'NORMAL' as const,
  availableStock: stock,
  dailyDemand: 4,
  runwayDays: stock / 4,
  leadTimeDays: 14,
  serviceLevel: 0.95,
  safetyStock: 10,
  reorderPoint: 66,
  explanation: '-',
});
const states = async () =>
  Object.fromEntries(
    (await db.select().from(alerts).where(eq(alerts.companyId, company.id))).map((a) => [
      `${a.rule}:${a.productId}`,
      a.state,
    ]),
  );
const messages = async () =>
  db.select().from(notificationOutbox).where(eq(notificationOutbox.companyId, company.id));
const c = { id: company.id, name: 'Alpha', locale: 'en' as const };

describe(`alert service (${database.label})`, () => {
  it('fires once, as one grouped message in the outbox written with the states', async () => {
    await db.insert(recommendations).values([rec(mug.id, 0), rec(tea.id, 500)]);
    const first = await evaluate(c, RUN);
    expect(first.messages).toBe(1);
    expect(await states()).toMatchObject({ [`OUT_OF_STOCK:${mug.id}`]: 'firing' });
    const [m] = await messages();
    expect(m?.payload).toEqual({ text: `critical OUT_OF_STOCK MUG-01` });
  });

  it('sends no duplicate while firing, and a reminder after 24 hours', async () => {
    now = new Date(now.getTime() + 3_600_000);
    expect((await evaluate(c, RUN)).messages).toBe(0);
    now = new Date(now.getTime() + 24 * 3_600_000);
    expect((await evaluate(c, RUN)).notified.reminders).toBe(1);
    expect(await messages()).toHaveLength(2);
  });

  it('resolves when the stock comes back, and a silenced product stays quiet', async () => {
    await db
      .update(recommendations)
      .set({ availableStock: 300, runwayDays: 75 })
      .where(and(eq(recommendations.companyId, company.id), eq(recommendations.productId, mug.id)));
    now = new Date(now.getTime() + 3_600_000);
    const resolved = await evaluate(c, RUN);
    expect(resolved.notified.resolved).toBe(1);
    expect(await states()).toMatchObject({ [`OUT_OF_STOCK:${mug.id}`]: 'resolved' });

    await db.insert(silences).values({
      companyId: company.id,
      productId: tea.id,
      until: new Date(now.getTime() + 7 * 86_400_000),
      createdBy: 'slack:T1:UANNA',
      reason: 'seasonal',
    });
    await db
      .update(recommendations)
      .set({ availableStock: 0, runwayDays: 0 })
      .where(and(eq(recommendations.companyId, company.id), eq(recommendations.productId, tea.id)));
    const silenced = await evaluate(c, RUN);
    expect(silenced.messages).toBe(0);
    expect(await states()).toMatchObject({ [`OUT_OF_STOCK:${tea.id}`]: 'snoozed' });
  });
});
