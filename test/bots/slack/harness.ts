// Drives the Slack app without a network: requests are signed with the secret of Slack's own test
// vector and sent with fastify.inject; slack.com/api and the response_url host are intercepted by
// nock and every body recorded. The fake port knows Acme (en) and Бета (ru).

import { createHmac, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import nock from 'nock';
import { createSlackApp, slackEventsRoute } from '../../../bots/slack/index.js';
import { createRenderer } from '../../../src/adapters/render/index.js';
import type { Logger } from '../../../src/lib/logger.js';
import { createFakeChatPort } from '../../fakes/chat-port.js';
import { silentLogger } from '../../helpers/logs.js';
import { po, product, rec } from '../../unit/commands/fixtures.js';
import vector from './fixtures/signature.test_vector.slash_command.json' with { type: 'json' };

export const SECRET = vector.signing_secret;
export const NOW = new Date('2026-01-15T06:00:00Z');
export const CHANNEL = 'C0PURCHASE';
export const BUYER = 'U0BUYER01';
export const VIEWER = 'U0VIEWER1';
export const BUYER2 = 'U0BUYER02';
export const STRANGER = 'U0STRANGE';
export const BETA_CHANNEL = 'C0BETA';
export const RESPONSE_URL = 'https://hooks.slack.com/commands/T111/5555555555/AbCdEfGhIjKlMnOp';

const renderer = createRenderer({
  templatesDir: fileURLToPath(new URL('../../../templates', import.meta.url)),
});
const KEY = Buffer.from('test-key-for-chat-actions');
export const signAction = (payload: string) =>
  createHmac('sha256', KEY).update(payload).digest('base64url').slice(0, 16);
export const verifyAction = (payload: string, signature: string) => {
  const a = Buffer.from(signAction(payload));
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function seedPort() {
  return createFakeChatPort(
    {
      companies: [
        { id: 'acme', name: 'Acme', locale: 'en', timezone: 'Europe/Moscow' },
        { id: 'beta', name: 'Бета', locale: 'ru', timezone: 'Europe/Moscow' },
      ],
      chats: { [CHANNEL]: 'acme', [BETA_CHANNEL]: 'beta' },
      users: {
        [BUYER]: { companyId: 'acme', role: 'buyer', approvalLimit: null, display: '@anna' },
        [VIEWER]: { companyId: 'acme', role: 'viewer', approvalLimit: null, display: '@vera' },
        [BUYER2]: { companyId: 'acme', role: 'buyer', approvalLimit: null, display: '@boris' },
      },
      codes: { 'ACME-JOIN-1': { companyId: 'acme', role: 'buyer' } },
      products: {
        acme: [
          product('SKU-42', {
            name: 'Blue mug 350ml',
            wbNmId: 12345678,
            barcodes: ['4601234567890'],
            stock: 12,
          }),
          product('SKU-43', { name: 'Blue mug 500ml', stock: 30 }),
        ],
        beta: [product('BETA-1', { name: 'Секретная кружка', stock: 99 })],
      },
      recommendations: {
        acme: [
          rec('SKU-42', {
            id: 101,
            productId: 42,
            name: 'Blue mug 350ml',
            category: 'ORDER_TODAY',
            recommendedQty: 156,
            runwayDays: 2.1,
            unitCost: 2,
          }),
          rec('SKU-7', { id: 102, productId: 7, name: 'Plate', category: 'ORDER_TODAY', recommendedQty: 40 }),
        ],
        beta: [],
      },
      orders: { acme: [po(7, { companyId: 'acme', supplierName: 'Mugs Ltd' })], beta: [] },
      runDate: '2026-01-15',
    },
    () => NOW,
  );
}

export type ApiCall = { method: string; body: Record<string, unknown> };

/** Web API methods and response_url posts, answered like Slack would, recorded in order. */
export function interceptSlack(history: () => unknown[] = () => []): ApiCall[] {
  const calls: ApiCall[] = [];
  nock.cleanAll();
  const results: Record<string, () => object> = {
    'chat.postMessage': () => ({ ts: '1768460400.000100', channel: CHANNEL }),
    'views.open': () => ({ view: { id: 'V111' } }),
    'auth.test': () => ({ user_id: 'U0BOT0001', bot_id: 'B111' }),
    'conversations.history': () => ({ messages: history() }),
  };
  // One interceptor per host, reading the path from the request: nock may try a body matcher on
  // a request for another path, so matchers cannot tell which method they saw. nock 15 hands the
  // reply function a fetch Request.
  nock('https://slack.com')
    .persist()
    .post(/^\/api\/[\w.]+$/)
    .reply(async (req: Request) => {
      const method = new URL(req.url).pathname.replace('/api/', '');
      calls.push({ method, body: Object.fromEntries(new URLSearchParams(await req.text())) });
      return [200, { ok: true, ...(results[method]?.() ?? {}) }];
    });
  nock('https://hooks.slack.com')
    .persist()
    .post(/.*/)
    .reply(async (req: Request) => {
      calls.push({ method: 'respond', body: JSON.parse(await req.text()) as Record<string, unknown> });
      return [200, 'ok'];
    });
  return calls;
}

export async function setup(
  opts: { log?: Logger; history?: () => unknown[]; now?: Date; preset?: boolean } = {},
) {
  const now = opts.now ?? NOW;
  nock.disableNetConnect();
  const calls = interceptSlack(opts.history);
  const fake = seedPort();
  const slack = createSlackApp({
    signingSecret: SECRET,
    botToken: 'xoxb-test-token',
    ...(opts.preset === false ? {} : { botId: 'B111', botUserId: 'U0BOT0001' }),
    port: fake.port,
    renderer,
    signAction,
    verifyAction,
    now: () => now,
    log: opts.log ?? silentLogger(),
  });
  const http = Fastify();
  await http.register(slackEventsRoute, { receiver: slack.receiver });
  await http.ready();
  /** POSTs a signed body and waits for the work after the ack, like Slack would see it. */
  async function post(rawBody: string, contentType: string, headers: Record<string, string> = {}) {
    const ts = String(Math.floor(now.getTime() / 1000));
    const res = await http.inject({
      method: 'POST',
      url: '/slack/events',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': ts,
        'x-slack-signature': sign(rawBody, ts),
        ...headers,
      },
      payload: rawBody,
    });
    await slack.receiver.idle();
    return res;
  }
  const of = (method: string) => calls.filter((c) => c.method === method);
  return { slack, http, fake, calls, of, post };
}

export const sign = (rawBody: string, ts: string, secret = SECRET) =>
  `v0=${createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex')}`;

const FORM = 'application/x-www-form-urlencoded';

export function commandBody(command: string, text: string, user = BUYER, channel = CHANNEL): string {
  return new URLSearchParams({
    token: 'verification_token',
    team_id: 'T111',
    team_domain: 'acme-retail',
    channel_id: channel,
    channel_name: 'purchasing',
    user_id: user,
    user_name: user === BUYER ? 'anna' : 'someone',
    command,
    text,
    api_app_id: 'A111',
    is_enterprise_install: 'false',
    response_url: RESPONSE_URL,
    trigger_id: `5555555555.111.${Math.random().toString(16).slice(2)}`,
  }).toString();
}

export const payloadBody = (payload: object): string =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
export { FORM };
