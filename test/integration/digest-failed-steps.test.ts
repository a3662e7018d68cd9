import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryReply, renderReply } from '../../bots/query-reply.js';
import { chatBindings, notificationOutbox, recommendations } from '../../src/adapters/db/schema/index.js';
import { createJobStore } from '../../src/adapters/db/stores.js';
import { createRenderer } from '../../src/adapters/render/index.js';
import { createChatPort } from '../../src/bots-wiring.js';
import { loadConfig } from '../../src/config.js';
import { createNotifications } from '../../src/notify-wiring.js';
import type { SyncService } from '../../src/services/sync/sync-company.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';
import { seedCompany } from '../helpers/seed.js';

// Issue #6: a failed step still lets the next run on the last good data, and the morning digest
// says so, from today's job_runs of that company.

const database = await openTestDatabase();
const { db } = database;
afterAll(() => database.drop());
const config = loadConfig({
  PGLITE_DIR: 'memory://',
  SCHEDULER_ENABLED: 'false',
  DEMO_MODE: 'false',
  CREDENTIALS_KEY: Buffer.alloc(32, 9).toString('base64'),
  TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef',
  TELEGRAM_MODE: 'polling',
});
const LAST_GOOD = '2026-11-19T03:04:00.000Z';
const notifications = createNotifications({
  config,
  db,
  log: silentLogger(),
  sync: { freshness: async () => ({ syncedAt: LAST_GOOD, stale: true }) } as unknown as SyncService,
  now: () => new Date('2026-11-20T05:00:00Z'),
  write: () => {},
});
const jobs = createJobStore(db);
const RUN = '2026-11-20';
const at = (hhmm: string, day = RUN) => new Date(`${day}T${hhmm}:00Z`);

async function run(
  companyId: string,
  job: string,
  status: 'success' | 'failed',
  start: Date,
  error?: string,
) {
  const id = await jobs.start(companyId, job, start.toISOString().slice(0, 10), 'schedule', 'i1', start);
  await jobs.finish(id, status, new Date(start.getTime() + 120_000), error ?? null, {});
}

async function digestText(name: string, locale: 'en' | 'ru', setup: (companyId: string) => Promise<void>) {
  const { company } = await seedCompany(db, name);
  await db
    .insert(chatBindings)
    .values({ companyId: company.id, platform: 'telegram', chatId: `-100${name.length}`, createdBy: 'test' });
  await setup(company.id);
  await notifications.enqueueDigest({ ...company, timezone: 'Europe/Moscow', locale }, RUN);
  const rows = await db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.companyId, company.id), eq(notificationOutbox.kind, 'digest')));
  return rows.map((r) => String(r.payload.text)).join('\n');
}

describe(`the digest says which of today's steps failed (${database.label})`, () => {
  it('a sync that failed today: the digest names it, its reason and the data the figures use', async () => {
    const text = await digestText('Failed sync', 'en', async (id) => {
      await run(id, 'sync', 'success', at('03:02', '2026-11-19'));
      await run(id, 'sync', 'failed', at('03:00'), 'UPSTREAM_401: WB token expired');
      await run(id, 'forecast', 'success', at('04:00'));
      await run(id, 'procurement', 'success', at('04:30'));
    });
    expect(text).toContain(
      "⚠️ Today's sync failed at 06:02 (UPSTREAM_401: WB token expired): figures use data from 19 Nov, 06:04.",
    );
    expect(text).not.toContain("Today's forecast");
  });

  it('in Russian, with a failed forecast falling back on yesterday’s', async () => {
    const text = await digestText('Failed forecast', 'ru', async (id) => {
      await run(id, 'sync', 'success', at('03:00'));
      await run(id, 'forecast', 'success', at('04:00', '2026-11-19'));
      await run(id, 'forecast', 'failed', at('04:00'), 'out of memory');
      await run(id, 'procurement', 'success', at('04:30'));
    });
    expect(text).toContain(
      '⚠️ Сегодня в 07:02 прогноз не построен (out of memory): используется прогноз от 19 нояб., 07:02.',
    );
    expect(text).not.toContain('синхронизация не удалась');
  });

  it('nothing failed today (yesterday’s failure does not count): no such line', async () => {
    const text = await digestText('All good', 'en', async (id) => {
      await run(id, 'sync', 'failed', at('03:00', '2026-11-19'), 'yesterday');
      await run(id, 'sync', 'success', at('03:00'));
      await run(id, 'forecast', 'success', at('04:00'));
      await run(id, 'procurement', 'success', at('04:30'));
    });
    expect(text).toContain('Morning digest');
    expect(text).not.toMatch(/failed|⚠️ Today/);
  });

  it('a failed run retried by hand with success counts as done', async () => {
    const text = await digestText('Retried', 'en', async (id) => {
      await run(id, 'sync', 'failed', at('03:00'), 'timeout');
      await run(id, 'sync', 'success', at('03:30'));
    });
    expect(text).not.toContain('failed');
  });

  it('/digest asked in chat names the same failed step as the morning digest', async () => {
    const { company, products } = await seedCompany(db, 'Asked in chat');
    const [mug] = products;
    if (!mug) throw new Error('seed failed');
    await db.insert(recommendations).values({
      companyId: company.id,
      productId: mug.id,
      runDate: RUN,
      category: 'ORDER_TODAY',
      availableStock: 5,
      dailyDemand: 4,
      runwayDays: 1.25,
      leadTimeDays: 14,
      serviceLevel: 0.95,
      safetyStock: 10,
      reorderPoint: 66,
      recommendedQty: 156,
      explanation: '-',
    });
    await run(company.id, 'sync', 'success', at('03:02', '2026-11-19'));
    await run(company.id, 'sync', 'failed', at('03:00'), 'UPSTREAM_401: WB token expired');
    const now = () => new Date('2026-11-20T05:00:00Z');
    const port = createChatPort({
      db,
      sync: { freshness: async () => ({ syncedAt: LAST_GOOD, stale: true }) } as unknown as SyncService,
      now,
    });
    const identity = {
      companyId: company.id,
      companyName: company.name,
      locale: 'en' as const,
      timezone: 'Europe/Moscow',
      actor: { id: 'telegram:42', role: 'buyer' as const, approvalLimit: null },
    };
    const reply = await queryReply(
      { port, now, actionTtlMs: 60_000, signAction: () => 'sig' },
      identity,
      { kind: 'digest' },
      'no digest yet',
    );
    const renderer = createRenderer({
      templatesDir: fileURLToPath(new URL('../../templates', import.meta.url)),
    });
    const text = renderReply(renderer, 'telegram', 'en', reply)
      .map((m) => m.text)
      .join('\n');
    expect(text).toContain("Today's sync failed at 06:02 (UPSTREAM_401: WB token expired)");
    expect(text).toContain('figures use data from 19 Nov, 06:04.');
  });
});
