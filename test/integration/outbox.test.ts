import { eq } from 'drizzle-orm';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackSender } from '../../bots/slack/sender.js';
import { createTelegramSender } from '../../bots/telegram/sender.js';
import { notificationOutbox } from '../../src/adapters/db/schema/index.js';
import { createOutboxStore } from '../../src/adapters/db/stores.js';
import type { OutboxMessage } from '../../src/ports.js';
import { createDeliveryWorker } from '../../src/services/notify/delivery-worker.js';
import { openTestDatabase } from '../helpers/database.js';
import { silentLogger } from '../helpers/logs.js';
import { seedCompany } from '../helpers/seed.js';

// The outbox against nock-ed Slack and Telegram APIs, on a clock the test moves.

const database = await openTestDatabase();
const { db } = database;
const store = createOutboxStore(db);
const { company } = await seedCompany(db);
// Ahead of the database clock, which stamps new messages as due now.
let now = new Date(Date.now() + 5_000);
const tick = (ms: number) => {
  now = new Date(now.getTime() + ms);
};
const TG = 'https://api.telegram.org';
const TOKEN = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef';
const dead: { id: number; error: string }[] = [];
const worker = (instance = 'i1') =>
  createDeliveryWorker({
    store,
    senders: {
      slack: createSlackSender({ token: 'xoxb-test' }),
      telegram: createTelegramSender({ token: TOKEN }),
    },
    instance,
    now: () => now,
    random: () => 0.5,
    log: silentLogger(),
    onDead: (m: OutboxMessage, error) => {
      dead.push({ id: m.id, error });
    },
  });
const statusOf = async (dedupKey: string) =>
  (await db.select().from(notificationOutbox).where(eq(notificationOutbox.dedupKey, dedupKey)))[0];
const enqueue = (channel: 'slack' | 'telegram', target: string, dedupKey: string, text = 'hello') =>
  store.enqueue([{ companyId: company.id, channel, target, kind: 'digest', payload: { text }, dedupKey }]);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(async () => {
  nock.enableNetConnect();
  await database.drop();
});

describe(`notification outbox (${database.label})`, () => {
  it('is idempotent by deduplication key', async () => {
    expect(await enqueue('slack', 'C1', 'digest:a:2026-11-20')).toBe(1);
    expect(await enqueue('slack', 'C1', 'digest:a:2026-11-20')).toBe(0);
  });

  it('Slack 429: waits exactly the Retry-After, then one message', async () => {
    nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '7' });
    expect(await worker().runOnce()).toMatchObject({ retried: 1, sent: 0 });
    const waiting = await statusOf('digest:a:2026-11-20');
    expect((waiting?.nextAttemptAt.getTime() ?? 0) - now.getTime()).toBe(7000);
    tick(6_999);
    expect(await worker().runOnce()).toMatchObject({ sent: 0 });
    tick(1);
    const posted = nock('https://slack.com')
      .post('/api/chat.postMessage', (b) => b.channel === 'C1' && b.text === 'hello')
      .reply(200, { ok: true, ts: '1732080000.000100', channel: 'C1' });
    expect(await worker().runOnce()).toMatchObject({ sent: 1 });
    expect(posted.isDone()).toBe(true);
    expect(await statusOf('digest:a:2026-11-20')).toMatchObject({
      status: 'sent',
      externalMessageId: '1732080000.000100',
    });
  });

  it('Telegram 5xx is retried with backoff; a permanent 4xx is dead and raises an alert', async () => {
    await enqueue('telegram', '42', 'alert:1');
    nock(TG)
      .post(`/bot${TOKEN}/sendMessage`)
      .reply(502, { ok: false, error_code: 502, description: 'Bad Gateway' });
    expect(await worker().runOnce()).toMatchObject({ retried: 1 });
    tick(60_000);
    nock(TG)
      .post(`/bot${TOKEN}/sendMessage`)
      .reply(200, { ok: true, result: { message_id: 77, date: 0, chat: { id: 42, type: 'private' } } });
    expect(await worker().runOnce()).toMatchObject({ sent: 1 });
    expect(await statusOf('alert:1')).toMatchObject({ status: 'sent', externalMessageId: '77', attempts: 1 });

    await enqueue('telegram', '43', 'alert:2');
    nock(TG)
      .post(`/bot${TOKEN}/sendMessage`)
      .reply(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    expect(await worker().runOnce()).toMatchObject({ dead: 1 });
    expect(await statusOf('alert:2')).toMatchObject({ status: 'dead' });
    expect(dead.at(-1)?.error).toContain('bot was blocked');
  });

  it('keeps each target’s order and paces a chat to one message a second', async () => {
    await enqueue('telegram', '50', 'o:1', 'first');
    await enqueue('telegram', '50', 'o:2', 'second');
    const ok = { ok: true, result: { message_id: 5, date: 0, chat: { id: 50, type: 'private' } } };
    const first = nock(TG)
      .post(`/bot${TOKEN}/sendMessage`, (b) => b.text === 'first')
      .reply(200, ok);
    const second = nock(TG)
      .post(`/bot${TOKEN}/sendMessage`, (b) => b.text === 'second')
      .reply(200, ok);
    // One worker, as in a running process: its pacing is per target.
    const w = worker();
    await w.runOnce();
    await w.runOnce();
    expect([first.isDone(), second.isDone()]).toEqual([true, false]);
    tick(1000);
    await w.runOnce();
    expect(second.isDone()).toBe(true);
  });

  it('a crash after Slack accepted the message and before it was recorded: one visible message after restart', async () => {
    await enqueue('slack', 'C9', 'digest:crash');
    // The first instance claims it and "dies" after the post: the lease is never released.
    const claimed = await store.claim(now, 'crashed', new Date(now.getTime() + 60_000), 10);
    expect(claimed.map((m) => m.dedupKey)).toContain('digest:crash');
    tick(61_000);
    const history = nock('https://slack.com')
      .post('/api/conversations.history')
      .reply(200, {
        ok: true,
        messages: [
          {
            ts: '1732.5',
            text: 'hello',
            metadata: { event_type: 'stockpilot_message', event_payload: { dedup: 'digest:crash' } },
          },
        ],
      });
    const post = nock('https://slack.com')
      .post('/api/chat.postMessage')
      .reply(200, { ok: true, ts: 'SECOND' });
    expect(await worker('i2').runOnce()).toMatchObject({ sent: 1 });
    expect(history.isDone()).toBe(true);
    expect(post.isDone()).toBe(false);
    expect(await statusOf('digest:crash')).toMatchObject({ status: 'sent', externalMessageId: '1732.5' });
  });
});
