import { and, asc, eq } from 'drizzle-orm';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatBindings, notificationOutbox, recommendations } from '../../src/adapters/db/schema/index.js';
import { loadConfig } from '../../src/config.js';
import { createNotifications } from '../../src/notify-wiring.js';
import type { SyncService } from '../../src/services/sync/sync-company.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';
import { seedCompany } from '../helpers/seed.js';

// Issue #6: an alert fires → one message per chat; it resolves → that same message is edited in
// place (Slack chat.update with the stored ts, Telegram editMessageText with the stored
// message_id), never a second message. The console, which cannot edit, prints a resolved notice.

const database = await openTestDatabase();
const { db } = database;
const TG = 'https://api.telegram.org';
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
const config = loadConfig({
  PGLITE_DIR: 'memory://',
  SCHEDULER_ENABLED: 'false',
  DEMO_MODE: 'false',
  CREDENTIALS_KEY: Buffer.alloc(32, 9).toString('base64'),
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'test-signing-secret',
  TELEGRAM_MODE: 'polling',
  TELEGRAM_BOT_TOKEN: TOKEN,
});
// Ahead of the database clock, which stamps new messages as due now.
let now = new Date(Date.now() + 5_000);
const printed: string[] = [];
const notifications = createNotifications({
  config,
  db,
  log: silentLogger(),
  sync: { freshness: async () => ({ syncedAt: null, stale: false }) } as unknown as SyncService,
  now: () => now,
  write: (text) => printed.push(text),
});
const runDate = now.toISOString().slice(0, 10);

const { company, products } = await seedCompany(db, 'Chatty');
const { company: quiet, products: quietProducts } = await seedCompany(db, 'Console only');
const [mug, tea] = products;
const [quietMug] = quietProducts;
if (!mug || !tea || !quietMug) throw new Error('seed failed');
await db.insert(chatBindings).values([
  {
    companyId: company.id,
    platform: 'slack',
    workspaceId: 'T1',
    chatId: 'C1',
    createdBy: 'test',
    locale: 'en',
  },
  { companyId: company.id, platform: 'telegram', chatId: '42', createdBy: 'test', locale: 'ru' },
]);

const rec = (companyId: string, productId: number, stock: number) => ({
  companyId,
  productId,
  runDate,
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
const setStock = (companyId: string, productId: number, stock: number) =>
  db
    .update(recommendations)
    .set({ availableStock: stock, runwayDays: stock / 4 })
    .where(and(eq(recommendations.companyId, companyId), eq(recommendations.productId, productId)));
const rows = (companyId = company.id) =>
  db
    .select()
    .from(notificationOutbox)
    .where(eq(notificationOutbox.companyId, companyId))
    .orderBy(asc(notificationOutbox.id));
const c = { id: company.id, name: 'Chatty', locale: 'en' as const, timezone: 'Europe/Moscow' };

/** Delivers everything due, a second apart (each chat is paced to one message a second). */
async function deliverAll() {
  for (let i = 0; i < 10; i++) {
    now = new Date(now.getTime() + 1_100);
    const round = await notifications.deliverNow();
    if (round.sent + round.retried + round.dead + round.deferred === 0) return;
  }
}

const tgOk = (id: number) => ({
  ok: true,
  result: { message_id: id, date: 0, chat: { id: 42, type: 'group' }, text: '' },
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(async () => {
  nock.enableNetConnect();
  await database.drop();
});

describe(`resolved alerts edit the message that announced them (${database.label})`, () => {
  it('fires: one alert-group message per chat, its platform id stored', async () => {
    await db.insert(recommendations).values([rec(company.id, mug.id, 0), rec(company.id, tea.id, 0)]);
    expect((await notifications.evaluateAlerts(c, runDate)).notified.firing).toBe(2);
    const slack = nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === 'C1' && String(b.text).startsWith('2 new alerts'))
      .reply(200, { ok: true, ts: '1732080000.000100', channel: 'C1' });
    const telegram = nock(TG)
      .post(`/bot${TOKEN}/sendMessage`, (b) => String(b.chat_id) === '42' && b.text.includes('MUG-01'))
      .reply(200, tgOk(77));
    await deliverAll();
    expect([slack.isDone(), telegram.isDone()]).toEqual([true, true]);
    expect((await rows()).map((r) => [r.kind, r.channel, r.status, r.externalMessageId])).toEqual([
      ['alert-group', 'slack', 'sent', '1732080000.000100'],
      ['alert-group', 'telegram', 'sent', '77'],
    ]);
  });

  it('resolves: the same messages are edited with the alert struck through, no new message', async () => {
    await setStock(company.id, mug.id, 300);
    now = new Date(now.getTime() + 3_600_000);
    expect((await notifications.evaluateAlerts(c, runDate)).notified.resolved).toBe(1);
    const [slackGroup, tgGroup] = await rows();
    const edits = (await rows()).filter((r) => r.kind === 'alert-edit');
    expect(edits.map((r) => [r.channel, r.replacesId])).toEqual([
      ['slack', slackGroup?.id],
      ['telegram', tgGroup?.id],
    ]);

    const update = nock('https://slack.com')
      .post('/api/chat.update', (b) => {
        const blocks = String(b.blocks);
        return (
          b.channel === 'C1' &&
          b.ts === '1732080000.000100' &&
          blocks.includes('~:red_circle: *OUT_OF_STOCK* — *MUG-01*') &&
          blocks.includes('1 resolved') &&
          !blocks.includes('~:red_circle: *OUT_OF_STOCK* — *TEA-02*')
        );
      })
      .reply(200, { ok: true, ts: '1732080000.000100', channel: 'C1' });
    const edit = nock(TG)
      .post(
        `/bot${TOKEN}/editMessageText`,
        (b) =>
          String(b.chat_id) === '42' &&
          b.message_id === 77 &&
          b.text.includes('<s>🔴 <b>OUT_OF_STOCK</b> — <code>MUG-01</code>') &&
          b.text.includes('✅ решено: 1') &&
          !b.text.includes('<s>🔴 <b>OUT_OF_STOCK</b> — <code>TEA-02</code>'),
      )
      .reply(200, tgOk(77));
    const posted = nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(200, { ok: true, ts: 'NEW' });
    const sent = nock(TG).post(`/bot${TOKEN}/sendMessage`).reply(200, tgOk(78));
    await deliverAll();
    expect([update.isDone(), edit.isDone()]).toEqual([true, true]);
    expect([posted.isDone(), sent.isDone()]).toEqual([false, false]);
    expect((await rows()).filter((r) => r.kind === 'alert-edit').map((r) => r.externalMessageId)).toEqual([
      '1732080000.000100',
      '77',
    ]);
  });

  it('is idempotent: evaluating again edits nothing more', async () => {
    now = new Date(now.getTime() + 60_000);
    const before = (await rows()).length;
    expect((await notifications.evaluateAlerts(c, runDate)).messages).toBe(0);
    expect(await rows()).toHaveLength(before);
  });

  it('a second resolution edits the message again, with both lines resolved', async () => {
    await setStock(company.id, tea.id, 300);
    now = new Date(now.getTime() + 3_600_000);
    await notifications.evaluateAlerts(c, runDate);
    const update = nock('https://slack.com')
      .post(
        '/api/chat.update',
        (b) =>
          b.ts === '1732080000.000100' &&
          String(b.blocks).includes('~:red_circle: *OUT_OF_STOCK* — *TEA-02*') &&
          String(b.blocks).includes('~:red_circle: *OUT_OF_STOCK* — *MUG-01*') &&
          String(b.blocks).includes('2 resolved'),
      )
      .reply(200, { ok: true, ts: '1732080000.000100', channel: 'C1' });
    const edit = nock(TG)
      .post(`/bot${TOKEN}/editMessageText`, (b) => b.message_id === 77 && b.text.includes('✅ решено: 2'))
      .reply(200, tgOk(77));
    await deliverAll();
    expect([update.isDone(), edit.isDone()]).toEqual([true, true]);
    const kinds = (await rows()).map((r) => r.kind);
    expect(kinds.filter((k) => k === 'alert-group')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'alert-edit')).toHaveLength(4);
  });

  it('the console cannot edit: it prints a resolved notice', async () => {
    await db.insert(recommendations).values(rec(quiet.id, quietMug.id, 0));
    const q = { id: quiet.id, name: 'Console only', locale: 'en' as const, timezone: 'Europe/Moscow' };
    await notifications.evaluateAlerts(q, runDate);
    await deliverAll();
    await setStock(quiet.id, quietMug.id, 300);
    now = new Date(now.getTime() + 3_600_000);
    await notifications.evaluateAlerts(q, runDate);
    await deliverAll();
    expect((await rows(quiet.id)).map((r) => [r.kind, r.channel, r.replacesId, r.status])).toEqual([
      ['alert-group', 'console', null, 'sent'],
      ['alert-resolved', 'console', null, 'sent'],
    ]);
    expect(printed.at(-1)).toMatch(/── alert-resolved → stdout ──\n✅ Resolved: OUT_OF_STOCK — MUG-01/);
  });
});
