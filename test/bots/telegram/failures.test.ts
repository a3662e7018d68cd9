import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { startPolling } from '../../../bots/telegram/index.js';
import { captureLogger, silentLogger } from '../../helpers/logs.js';
import { CHRIS, setup, TOKEN, textUpdate } from './harness.js';

afterEach(() => nock.cleanAll());

const chris = { id: CHRIS, username: 'buyer_chris', language_code: 'en' };

describe('bot.catch', () => {
  it('logs a failing handler and tells the person, without crashing the update loop', async () => {
    const h = setup();
    h.fake.port.runway = async () => {
      throw new Error('database is down');
    };
    await expect(h.tg.handleUpdate(textUpdate('/runway', chris))).resolves.toBeUndefined();
    expect(h.sent()[0]?.body.text).toContain('Something went wrong');
    expect(h.sent()[0]?.body.text).not.toContain('database is down');
  });
});

describe('startPolling', () => {
  it('refuses to start while a webhook is set (never both)', async () => {
    const { tg } = setup();
    nock.cleanAll();
    const scope = nock('https://api.telegram.org')
      .post(`/bot${TOKEN}/getWebhookInfo`)
      .reply(200, { ok: true, result: { url: 'https://chatops.example.com/telegram/webhook' } });
    await expect(startPolling(tg.bot, { log: silentLogger() })).rejects.toThrow(/webhook is set/);
    // Only the question was asked: no deleteWebhook, no getUpdates.
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('logs', () => {
  it('never logs the bot token, even when Telegram cannot be reached', async () => {
    const { log, lines } = captureLogger();
    const h = setup({ log });
    nock.cleanAll(); // no interceptor: every Bot API call fails like a network error
    await h.tg.handleUpdate(textUpdate('/orders', chris));
    expect(lines.some((l) => l.includes('handler failed'))).toBe(true);
    expect(lines.join('\n')).not.toContain(TOKEN.split(':')[1]);
  });
});
