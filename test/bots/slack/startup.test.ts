import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../bots/slack/index.js';
import { captureLogger } from '../../helpers/logs.js';
import retry from './fixtures/event_callback.app_mention.retry.json' with { type: 'json' };
import {
  commandBody,
  FORM,
  interceptSlack,
  NOW,
  SECRET,
  seedPort,
  setup,
  signAction,
  verifyAction,
} from './harness.js';

afterEach(() => nock.cleanAll());

describe('start-up without Slack', () => {
  it('makes no Web API call when built (the bot identity is preset)', async () => {
    nock.disableNetConnect();
    const calls = interceptSlack();
    const { log } = captureLogger();
    const { app } = createSlackApp({
      signingSecret: SECRET,
      botToken: 'xoxb-test',
      botId: 'B111',
      botUserId: 'U0BOT0001',
      port: seedPort().port,
      renderer: {} as never,
      signAction,
      verifyAction,
      now: () => NOW,
      log,
    });
    expect(app).toBeDefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toEqual([]);
  });
});

describe('without a preset bot identity', () => {
  it('calls auth.test once, on the first request, and keeps the answer', async () => {
    const h = await setup({ preset: false });
    expect(h.of('auth.test')).toEqual([]);
    await h.post(commandBody('/help', ''), FORM);
    await h.post(commandBody('/help', ''), FORM);
    expect(h.of('auth.test')).toHaveLength(1);
    expect(h.of('respond')).toHaveLength(2);
  });
});

describe('Events API retries', () => {
  it('answers 200 to a retried event_id and does not dispatch it again', async () => {
    const { log, lines } = captureLogger();
    const h = await setup({ log });
    const raw = JSON.stringify(retry.body);
    const first = await h.post(raw, 'application/json');
    const again = await h.post(raw, 'application/json', {
      'x-slack-retry-num': retry.headers['x-slack-retry-num'],
      'x-slack-retry-reason': retry.headers['x-slack-retry-reason'],
    });
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    const dupes = lines.filter((l) => l.includes('duplicate delivery ignored'));
    expect(dupes).toHaveLength(1);
    expect(dupes[0]).toContain('"retryReason":"http_timeout"');
  });
});
