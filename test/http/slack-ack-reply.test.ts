import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatPort } from '../../bots/chat-port.js';
import { createSlackApp, slackEventsRoute } from '../../bots/slack/index.js';
import { createRenderer } from '../../src/adapters/render/index.js';
import {
  commandBody,
  FORM,
  interceptSlack,
  NOW,
  SECRET,
  seedPort,
  sign,
  signAction,
  verifyAction,
} from '../bots/slack/harness.js';
import { silentLogger } from '../helpers/logs.js';

// Issue #7: a slash command's answer rides in the HTTP ack when it is ready within the budget (no
// response_url post); a slower one gets an empty ack in time and its answer at response_url.

const renderer = createRenderer({
  templatesDir: fileURLToPath(new URL('../../templates', import.meta.url)),
});
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setup(opts: { answerInAckMs: number; ackTimeoutMs?: number; lookupMs?: number }) {
  nock.disableNetConnect();
  const calls = interceptSlack();
  const fake = seedPort();
  const port: ChatPort = {
    ...fake.port,
    async stockCandidates(companyId, query) {
      await pause(opts.lookupMs ?? 0);
      return fake.port.stockCandidates(companyId, query);
    },
  };
  const slack = createSlackApp({
    signingSecret: SECRET,
    botToken: 'xoxb-test-token',
    botId: 'B111',
    botUserId: 'U0BOT0001',
    port,
    renderer,
    signAction,
    verifyAction,
    now: () => NOW,
    log: silentLogger(),
    answerInAckMs: opts.answerInAckMs,
    ...(opts.ackTimeoutMs ? { ackTimeoutMs: opts.ackTimeoutMs } : {}),
  });
  const http = Fastify();
  await http.register(slackEventsRoute, { receiver: slack.receiver });
  await http.ready();
  const post = async (rawBody: string) => {
    const ts = String(Math.floor(NOW.getTime() / 1000));
    const started = performance.now();
    const res = await http.inject({
      method: 'POST',
      url: '/slack/events',
      headers: {
        'content-type': FORM,
        'x-slack-request-timestamp': ts,
        'x-slack-signature': sign(rawBody, ts),
      },
      payload: rawBody,
    });
    const ackMs = performance.now() - started;
    await slack.receiver.idle();
    return { res, ackMs };
  };
  return { post, of: (method: string) => calls.filter((c) => c.method === method) };
}

afterEach(() => nock.cleanAll());

describe('slash command answers in the ack', () => {
  it('/stock answers in the ack body, with nothing posted to response_url', async () => {
    const h = await setup({ answerInAckMs: 2000 });
    const { res } = await h.post(commandBody('/stock', 'SKU-42'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json() as Record<string, unknown>;
    expect(body.response_type).toBe('ephemeral');
    expect(String(body.text)).toMatch(/^SKU-42:/);
    expect(body.blocks).toBeInstanceOf(Array);
    expect(body).not.toHaveProperty('replace_original');
    expect(h.of('respond')).toEqual([]);
  });

  it('refusals and /help answer in the ack too', async () => {
    const h = await setup({ answerInAckMs: 2000 });
    const refused = (await h.post(commandBody('/stock', 'SKU-42', 'U0STRANGE'))).res.json();
    expect(String(refused.text)).toMatch(/not linked/);
    expect(JSON.stringify(refused)).not.toContain('Blue mug');
    const help = (await h.post(commandBody('/help', ''))).res.json();
    expect(String(help.text)).toContain('What stockpilot can do');
    expect(h.of('respond')).toEqual([]);
  });

  it('a lookup slower than the budget gets an empty ack in time and its answer at response_url', async () => {
    const h = await setup({ answerInAckMs: 50, lookupMs: 300 });
    const { res, ackMs } = await h.post(commandBody('/stock', 'SKU-42'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(ackMs).toBeLessThan(290);
    const [reply, ...more] = h.of('respond');
    expect(more).toEqual([]);
    expect(reply?.body.response_type).toBe('ephemeral');
    expect(String(reply?.body.text)).toMatch(/^SKU-42:/);
  });

  it('if the receiver answered first (its ack timeout), the answer still reaches response_url', async () => {
    const h = await setup({ answerInAckMs: 1000, ackTimeoutMs: 50, lookupMs: 200 });
    const { res } = await h.post(commandBody('/stock', 'SKU-42'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(h.of('respond').map((c) => String(c.body.text))).toEqual([expect.stringMatching(/^SKU-42:/)]);
  });

  it('/digest acks empty and posts to the channel', async () => {
    const h = await setup({ answerInAckMs: 2000 });
    const { res } = await h.post(commandBody('/digest', ''));
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(h.of('chat.postMessage')).toHaveLength(1);
    expect(h.of('respond')).toEqual([]);
  });
});
