import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackSender } from '../../../bots/slack/sender.js';
import { createTelegramSender } from '../../../bots/telegram/sender.js';
import { DeliveryError } from '../../../src/lib/delivery-error.js';
import { outboxMessage } from '../../helpers/outbox-message.js';

// An in-place edit (a resolved alert striking its line) whose original message is gone — deleted
// by someone in the chat, or too old to edit — is posted as a new message: the update reaches
// people, and nobody is paged about a dead notification. Other edit errors still fail as before.

const TOKEN = '123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11';
const TG = 'https://api.telegram.org';
const SLACK = 'https://slack.com';
const edit = (channel: 'slack' | 'telegram', target: string) =>
  outboxMessage({
    id: 2,
    channel,
    target,
    kind: 'alert-edit',
    payload: { text: 'resolved' },
    dedupKey: 'alert-edit:1:resolved:x',
    replacesId: 1,
  });
const tgMessage = (id: number) => ({
  ok: true,
  result: { message_id: id, date: 0, chat: { id: 42, type: 'private' }, text: 'resolved' },
});
const tgError = (code: number, description: string) => ({ ok: false, error_code: code, description });
const slack = createSlackSender({ token: 'xoxb-test' });
const telegram = createTelegramSender({ token: TOKEN });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('editing a message that is gone', () => {
  it.each(['message_not_found', 'cant_update_message'])(
    'Slack %s → posted as a new message',
    async (error) => {
      const update = nock(SLACK).post('/api/chat.update').reply(200, { ok: false, error });
      const post = nock(SLACK)
        .post('/api/chat.postMessage', (b) => b.channel === 'C1' && b.text === 'resolved')
        .reply(200, { ok: true, channel: 'C1', ts: '1700000001.000200' });
      await expect(slack.send(edit('slack', 'C1'), '1700000000.000100')).resolves.toEqual({
        externalId: '1700000001.000200',
      });
      expect([update.isDone(), post.isDone()]).toEqual([true, true]);
    },
  );

  it('Slack: another edit error fails the edit and posts nothing', async () => {
    nock(SLACK).post('/api/chat.update').reply(200, { ok: false, error: 'channel_not_found' });
    const post = nock(SLACK).post('/api/chat.postMessage').reply(200, { ok: true, ts: 'x' });
    const err = await slack.send(edit('slack', 'C1'), '1700000000.000100').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).kind).toBe('permanent');
    expect(post.isDone()).toBe(false);
  });

  it.each(['Bad Request: message to edit not found', "Bad Request: message can't be edited"])(
    'Telegram "%s" → sent as a new message',
    async (description) => {
      const update = nock(TG).post(`/bot${TOKEN}/editMessageText`).reply(400, tgError(400, description));
      const sent = nock(TG)
        .post(`/bot${TOKEN}/sendMessage`, (b) => String(b.chat_id) === '42' && b.text === 'resolved')
        .reply(200, tgMessage(78));
      await expect(telegram.send(edit('telegram', '42'), '77')).resolves.toEqual({ externalId: '78' });
      expect([update.isDone(), sent.isDone()]).toEqual([true, true]);
    },
  );

  it('Telegram: "message is not modified" is already done, nothing is sent', async () => {
    nock(TG)
      .post(`/bot${TOKEN}/editMessageText`)
      .reply(400, tgError(400, 'Bad Request: message is not modified'));
    const sent = nock(TG).post(`/bot${TOKEN}/sendMessage`).reply(200, tgMessage(78));
    await expect(telegram.send(edit('telegram', '42'), '77')).resolves.toEqual({ externalId: '77' });
    expect(sent.isDone()).toBe(false);
  });

  it('Telegram: a blocked bot fails the edit and sends nothing', async () => {
    nock(TG)
      .post(`/bot${TOKEN}/editMessageText`)
      .reply(403, tgError(403, 'Forbidden: bot was blocked by the user'));
    const sent = nock(TG).post(`/bot${TOKEN}/sendMessage`).reply(200, tgMessage(78));
    const err = await telegram.send(edit('telegram', '42'), '77').catch((e: unknown) => e);
    expect((err as DeliveryError).kind).toBe('permanent');
    expect(sent.isDone()).toBe(false);
  });
});
