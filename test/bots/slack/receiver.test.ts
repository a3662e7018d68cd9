import Fastify from 'fastify';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { slackEventsRoute, verifySlackSignature } from '../../../bots/slack/index.js';
import { isPrivateQuery } from '../../../bots/slack/parse-body.js';
import vector from './fixtures/signature.test_vector.slash_command.json' with { type: 'json' };
import ssl from './fixtures/ssl_check.form.json' with { type: 'json' };
import verification from './fixtures/url_verification.json' with { type: 'json' };
import { commandBody, FORM, NOW, setup, sign } from './harness.js';

afterEach(() => nock.cleanAll());

const vectorTs = Number(vector.headers['x-slack-request-timestamp']);
const check = (over: Partial<Parameters<typeof verifySlackSignature>[0]>) =>
  verifySlackSignature({
    signingSecret: vector.signing_secret,
    timestamp: vector.headers['x-slack-request-timestamp'],
    signature: vector.headers['x-slack-signature'],
    rawBody: vector.raw_body,
    nowMs: vectorTs * 1000,
    ...over,
  });

describe('verifySlackSignature (Slack test vector)', () => {
  it.each([
    ['the real vector', {}, { ok: true }],
    ['299 s later', { nowMs: (vectorTs + 299) * 1000 }, { ok: true }],
    ['301 s later (stale)', { nowMs: (vectorTs + 301) * 1000 }, { ok: false, code: 'STALE' }],
    ['301 s earlier (future)', { nowMs: (vectorTs - 301) * 1000 }, { ok: false, code: 'STALE' }],
    ['another secret', { signingSecret: 'x'.repeat(32) }, { ok: false, code: 'MISMATCH' }],
    ['a changed body', { rawBody: `${vector.raw_body}&x=1` }, { ok: false, code: 'MISMATCH' }],
    ['a short signature', { signature: 'v0=abc' }, { ok: false, code: 'MISMATCH' }],
    ['no timestamp', { timestamp: undefined }, { ok: false, code: 'MISSING' }],
    ['no signature', { signature: undefined }, { ok: false, code: 'MISSING' }],
  ])('%s', (_name, over, expected) => expect(check(over)).toEqual(expected));
});

describe('POST /slack/events transport', () => {
  const ts = String(Math.floor(NOW.getTime() / 1000));
  const body = commandBody('/stock', 'SKU-42');
  const send = async (headers: Record<string, string>) => {
    const h = await setup();
    const res = await h.http.inject({ method: 'POST', url: '/slack/events', headers, payload: body });
    await h.slack.receiver.idle();
    return { h, res };
  };

  it.each([
    ['a bad signature', { 'x-slack-request-timestamp': ts, 'x-slack-signature': sign(body, ts, 'wrong') }],
    [
      'a stale timestamp',
      { 'x-slack-request-timestamp': String(+ts - 301), 'x-slack-signature': sign(body, String(+ts - 301)) },
    ],
    [
      'a future timestamp',
      { 'x-slack-request-timestamp': String(+ts + 301), 'x-slack-signature': sign(body, String(+ts + 301)) },
    ],
    ['missing headers', {}],
  ])('answers 401 with no effect for %s', async (_name, headers) => {
    const { h, res } = await send({ 'content-type': FORM, ...headers });
    expect(res.statusCode).toBe(401);
    expect(h.fake.calls).toEqual([]);
    expect(h.calls).toEqual([]);
  });

  it('accepts Slack’s own signed request (test vector) at its timestamp', async () => {
    const h = await setup({ now: new Date(vectorTs * 1000) });
    const res = await h.http.inject({
      method: 'POST',
      url: '/slack/events',
      headers: vector.headers,
      payload: vector.raw_body,
    });
    await h.slack.receiver.idle();
    expect(res.statusCode).toBe(200);
    expect(h.fake.callsOf('identify')[0]?.args).toEqual(['slack', 'G8PSS9T3V', 'U2CERLKJA']);
  });

  it('answers url_verification with the challenge', async () => {
    const h = await setup();
    const res = await h.post(JSON.stringify(verification.body), 'application/json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(verification.expected_response.body);
  });

  it('answers the unsigned ssl_check with 200 and dispatches nothing', async () => {
    const h = await setup();
    const res = await h.http.inject({
      method: 'POST',
      url: '/slack/events',
      headers: { 'content-type': ssl.content_type },
      payload: ssl.raw_body,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(h.fake.calls).toEqual([]);
  });

  it('acks a command at once, before the slow work, well within 3 s', async () => {
    const h = await setup();
    const started = Date.now();
    const res = await h.post(body, FORM);
    expect(res.statusCode).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('keeps Fastify JSON parsing for sibling routes', async () => {
    const h = await setup();
    const http = Fastify();
    await http.register(slackEventsRoute, { receiver: h.slack.receiver });
    http.post('/other', async (req) => ({ got: req.body }));
    const res = await http.inject({ method: 'POST', url: '/other', payload: { a: 1 } });
    expect(res.json()).toEqual({ got: { a: 1 } });
  });
});

describe('delivery records (a replay inside the signature window)', () => {
  it('a private query writes none and is answered again', async () => {
    const h = await setup();
    const body = commandBody('/stock', 'SKU-42');
    await h.post(body, FORM);
    await h.post(body, FORM);
    expect(h.fake.callsOf('seenUpdate')).toEqual([]);
    expect(h.of('respond')).toHaveLength(2);
  });

  it('/digest, which posts to the channel, is recorded and posted once', async () => {
    const h = await setup();
    const body = commandBody('/digest', '');
    await h.post(body, FORM);
    const again = await h.post(body, FORM);
    expect(again.statusCode).toBe(200);
    expect(h.fake.callsOf('seenUpdate')).toHaveLength(2);
    expect(h.of('chat.postMessage')).toHaveLength(1);
  });

  it('/link, which binds a chat, is recorded and runs once', async () => {
    const h = await setup();
    const body = commandBody('/link', 'ABCD-1234');
    await h.post(body, FORM);
    await h.post(body, FORM);
    expect(h.fake.callsOf('link')).toHaveLength(1);
  });
});

describe('isPrivateQuery', () => {
  it.each([
    [{ command: '/stock', text: 'SKU-42' }, true],
    [{ command: '/runway', text: '' }, true],
    [{ command: '/orders', text: '' }, true],
    [{ command: '/help', text: '' }, true],
    [{ command: '/stock', text: '' }, true], // a refusal with help: writes nothing
    [{ command: '/nope', text: 'x' }, true],
    [{ command: '/digest', text: '' }, false],
    [{ command: '/link', text: 'ABCD-1234' }, false],
    [{ type: 'block_actions', command: '/stock' }, false],
    [{ type: 'event_callback', event_id: 'Ev1' }, false],
  ])('%j → %s', (body, expected) => expect(isPrivateQuery(body)).toBe(expected));
});
