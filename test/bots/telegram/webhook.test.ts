import Fastify from 'fastify';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_MENUS, secretMatches, telegramWebhookRoute } from '../../../bots/telegram/index.js';
import webhookFixture from './fixtures/webhook.request.json' with { type: 'json' };
import { setup } from './harness.js';

afterEach(() => nock.cleanAll());

const SECRET = webhookFixture.headers['x-telegram-bot-api-secret-token'];

async function app(opts: { ackAfterMs?: number } = {}) {
  const h = setup();
  const server = Fastify();
  await server.register(telegramWebhookRoute, { bot: h.tg, secretToken: SECRET, ...opts });
  return { ...h, server };
}

const post = (
  server: Awaited<ReturnType<typeof app>>['server'],
  headers: Record<string, string>,
  body: object,
) => server.inject({ method: 'POST', url: '/telegram/webhook', headers, payload: body });

describe('POST /telegram/webhook', () => {
  it('handles the real webhook request: 200 and one reply', async () => {
    const { server, sent } = await app();
    const res = await post(server, webhookFixture.headers, webhookFixture.body);
    expect(res.statusCode).toBe(200);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]?.body.text).toContain('SKU-42');
  });

  it.each([
    ['a wrong secret', { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'nope' }],
    ['a missing secret', { 'content-type': 'application/json' }],
    ['a secret with a prefix of the right one', { 'x-telegram-bot-api-secret-token': SECRET.slice(0, 5) }],
  ])('answers 403 with no effect for %s', async (_, headers) => {
    const { server, calls, fake } = await app();
    const res = await post(server, headers, webhookFixture.body);
    expect(res.statusCode).toBe(403);
    expect(calls).toEqual([]);
    expect(fake.calls).toEqual([]);
    // Not even recorded as seen: the genuine delivery that follows still counts.
    expect(await fake.port.seenUpdate('telegram', String(webhookFixture.body.update_id))).toBe(false);
  });

  it('handles the same update once however often Telegram sends it', async () => {
    const { server, sent } = await app();
    for (let i = 0; i < 3; i++) {
      const res = await post(server, webhookFixture.headers, webhookFixture.body);
      expect(res.statusCode).toBe(200);
    }
    expect(sent()).toHaveLength(1);
  });

  it('answers 200 before a slow handler finishes', async () => {
    const h = setup();
    const server = Fastify();
    let release: () => void = () => {};
    const slow = { handleUpdate: () => new Promise<void>((r) => (release = r)) };
    await server.register(telegramWebhookRoute, { bot: slow, secretToken: SECRET, ackAfterMs: 20 });
    const res = await post(server, webhookFixture.headers, webhookFixture.body);
    expect(res.statusCode).toBe(200);
    release();
    expect(h.calls).toEqual([]);
  });

  it('refuses a body that is not an update', async () => {
    const { server } = await app();
    const res = await post(server, webhookFixture.headers, { hello: 1 });
    expect(res.statusCode).toBe(400);
  });
});

describe('secretMatches', () => {
  it.each([
    ['s3cr3t', 's3cr3t', true],
    ['s3cr3', 's3cr3t', false],
    ['', 's3cr3t', false],
    [undefined, 's3cr3t', false],
    ['x', '', false],
  ])('%s vs %s → %s', (given, expected, ok) => {
    expect(secretMatches(given, expected)).toBe(ok);
  });
});

describe('command menus', () => {
  it('registers the commands in English (default) and Russian', async () => {
    const { tg, calls } = setup();
    await tg.registerCommands();
    const menus = calls.filter((c) => c.method === 'setMyCommands').map((c) => c.body);
    expect(menus).toEqual([
      { commands: COMMAND_MENUS.en },
      { commands: COMMAND_MENUS.ru, language_code: 'ru' },
    ]);
  });
});
