import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestRuntime } from '../helpers/runtime.js';

// The Slack app as the service mounts it: signed requests in, nothing from Slack at start-up.

const SECRET = 'slack-signing-secret-8f14e45fceea167a5a36';
const { runtime } = await startTestRuntime({
  SLACK_BOT_TOKEN: 'xoxb-1-2-test',
  SLACK_SIGNING_SECRET: SECRET,
});
afterAll(() => runtime.close());

const signed = (body: string, at = Math.floor(Date.now() / 1000), secret = SECRET) => ({
  'content-type': 'application/json',
  'x-slack-request-timestamp': String(at),
  'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${at}:${body}`).digest('hex')}`,
});
const post = (body: string, headers: Record<string, string>) =>
  runtime.app.inject({ method: 'POST', url: '/slack/events', payload: body, headers });

describe('Slack events in the service', () => {
  const challenge = JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'abc123' });

  it('answers url_verification when the signature holds', async () => {
    const res = await post(challenge, signed(challenge));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('abc123');
  });

  it.each([
    ['a wrong secret', () => signed(challenge, undefined, 'other')],
    ['a stale timestamp', () => signed(challenge, Math.floor(Date.now() / 1000) - 301)],
    ['a future timestamp', () => signed(challenge, Math.floor(Date.now() / 1000) + 301)],
    ['no signature', () => ({ 'content-type': 'application/json' })],
  ])('refuses %s with 401', async (_name, headers) => {
    const res = await post(challenge, headers());
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain('abc123');
  });
});
