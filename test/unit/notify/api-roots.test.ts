import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackSender } from '../../../bots/slack/sender.js';
import { createTelegramSender } from '../../../bots/telegram/sender.js';
import { loadConfig } from '../../../src/config.js';
import { outboxMessage } from '../../helpers/outbox-message.js';

// A Bot API or Web API behind a proxy path (a self-hosted Bot API server, a corporate egress)
// must be called under that path, whichever way the operator wrote the URL.

const TOKEN = '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';
const message = (channel: 'slack' | 'telegram', target: string) => outboxMessage({ channel, target });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('chat API roots with a path', () => {
  it.each(['https://proxy.example/telegram', 'https://proxy.example/telegram/'])(
    'TELEGRAM_API_URL=%s keeps its path',
    async (url) => {
      const { telegram } = loadConfig({ TELEGRAM_API_URL: url });
      const api = nock('https://proxy.example')
        .post(`/telegram/bot${TOKEN}/sendMessage`)
        .reply(200, { ok: true, result: { message_id: 7, date: 0, chat: { id: 42, type: 'private' } } });
      const sent = await createTelegramSender({
        token: TOKEN,
        ...(telegram.apiUrl ? { apiRoot: telegram.apiUrl } : {}),
      }).send(message('telegram', '42'), null);
      expect(sent.externalId).toBe('7');
      expect(api.isDone()).toBe(true);
    },
  );

  it.each(['https://proxy.example/slack/api', 'https://proxy.example/slack/api/'])(
    'SLACK_API_URL=%s keeps its path',
    async (url) => {
      const { slack } = loadConfig({ SLACK_API_URL: url });
      const api = nock('https://proxy.example')
        .post('/slack/api/chat.postMessage')
        .reply(200, { ok: true, channel: 'C1', ts: '1700000000.000100' });
      const sent = await createSlackSender({
        token: 'xoxb-test',
        ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
      }).send(message('slack', 'C1'), null);
      expect(sent.externalId).toBe('1700000000.000100');
      expect(api.isDone()).toBe(true);
    },
  );
});
