import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUYER,
  BUYER2,
  CHANNEL,
  commandBody,
  FORM,
  payloadBody,
  STRANGER,
  setup,
  VIEWER,
} from './harness.js';

afterEach(() => nock.cleanAll());

type Block = { type: string; elements?: Record<string, unknown>[] };
const TS = '1768460400.000100';
let clicks = 0;

/** /digest in #purchasing; returns the posted message and a way to click its buttons. */
async function digest() {
  const h = await setup();
  await h.post(commandBody('/digest', ''), FORM);
  const post = h.of('chat.postMessage')[0];
  const blocks = JSON.parse(String(post?.body.blocks)) as Block[];
  const message = {
    type: 'message',
    subtype: 'bot_message',
    text: String(post?.body.text),
    ts: TS,
    bot_id: 'B111',
    blocks,
  };
  h.calls.length = 0;
  h.fake.calls.length = 0;
  const button = (actionId: string, sku = 'SKU-42') => {
    const row = blocks.findIndex((b) => b.type === 'section' && JSON.stringify(b).includes(`*${sku}*`));
    const actions = blocks.slice(row).find((b) => b.type === 'actions');
    const b = actions?.elements?.find((e) => e.action_id === actionId);
    if (!b) throw new Error(`no ${actionId} button for ${sku}`);
    return b as { action_id: string; value: string };
  };
  const click = (b: { action_id: string; value: string }, user = BUYER) =>
    payloadBody({
      type: 'block_actions',
      user: { id: user, username: 'anna', name: 'anna', team_id: 'T111' },
      api_app_id: 'A111',
      token: 'verification_token',
      container: { type: 'message', message_ts: TS, channel_id: CHANNEL, is_ephemeral: false },
      trigger_id: `5555555555.111.click${++clicks}`,
      team: { id: 'T111', domain: 'acme-retail' },
      channel: { id: CHANNEL, name: 'purchasing' },
      message,
      state: { values: {} },
      response_url: 'https://hooks.slack.com/actions/T111/5555555556/ZyXwVuTsRqPoNmLk',
      actions: [{ ...b, type: 'button', block_id: 'b1', action_ts: `1768460460.${clicks}` }],
    });
  return { ...h, blocks, message, button, click };
}

const updatedBlocks = (call: { body: Record<string, unknown> } | undefined) =>
  JSON.parse(String(call?.body.blocks ?? '[]')) as Block[];

describe('Approve', () => {
  it('approves once (after Slack’s confirm dialog) and updates the message in place for everyone', async () => {
    const h = await digest();
    const res = await h.post(h.click(h.button('approve')), FORM);
    expect(res.statusCode).toBe(200);
    expect(h.fake.callsOf('approve')).toHaveLength(1);
    expect(h.fake.callsOf('approve')[0]?.args).toEqual([
      'acme',
      101,
      expect.objectContaining({ role: 'buyer' }),
      undefined,
    ]);
    const update = h.of('chat.update')[0];
    expect(update?.body).toMatchObject({ channel: CHANNEL, ts: TS });
    // The fallback stays the digest's (notifications, screen readers); the status is in the blocks.
    expect(String(update?.body.text)).toBe('Acme: 2 to order today, 0 need attention');
    const blocks = updatedBlocks(update);
    expect(JSON.stringify(blocks)).toContain('Approved by @anna at 09:00 — PO-1042, 156 units');
    const left = blocks.filter((b) => b.type === 'actions');
    expect(left).toHaveLength(1); // SKU-42's buttons are gone, SKU-7's stay
    expect(JSON.stringify(left)).not.toContain(h.button('approve').value);
  });

  it('a second click gets a clear answer and no second effect', async () => {
    const h = await digest();
    await h.post(h.click(h.button('approve')), FORM);
    await h.post(h.click(h.button('approve')), FORM);
    expect(h.fake.callsOf('approve')).toHaveLength(2);
    expect(h.fake.settled.size).toBe(1);
    const said = h.of('respond').map((c) => String(c.body.text));
    expect(said.at(-1)).toMatch(/Already done: Approved by @anna/);
    expect(h.of('respond').at(-1)?.body.response_type).toBe('ephemeral');
  });

  it('a second approver gets "already done" and no second effect', async () => {
    const h = await digest();
    await h.post(h.click(h.button('approve')), FORM);
    await h.post(h.click(h.button('approve'), BUYER2), FORM);
    expect(h.fake.settled.size).toBe(1);
    expect(String(h.of('respond').at(-1)?.body.text)).toMatch(/Already done: Approved by @anna/);
  });

  it('the same delivery three times (x-slack-retry-num) has one effect', async () => {
    const h = await digest();
    const body = h.click(h.button('approve'));
    await h.post(body, FORM);
    await h.post(body, FORM, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    const third = await h.post(body, FORM, {
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(third.statusCode).toBe(200);
    expect(h.fake.callsOf('approve')).toHaveLength(1);
    expect(h.of('chat.update')).toHaveLength(1);
  });

  it('refuses a viewer', async () => {
    const h = await digest();
    await h.post(h.click(h.button('approve'), VIEWER), FORM);
    expect(h.fake.callsOf('approve')).toEqual([]);
    expect(String(h.of('respond')[0]?.body.text)).toMatch(/Viewers can only look/);
    expect(h.of('chat.update')).toEqual([]);
  });

  it('refuses an unbound user with no data', async () => {
    const h = await digest();
    await h.post(h.click(h.button('approve'), STRANGER), FORM);
    expect(h.fake.callsOf('approve')).toEqual([]);
    expect(String(h.of('respond')[0]?.body.text)).toMatch(/not linked/);
  });

  it('refuses a tampered value', async () => {
    const h = await digest();
    const b = h.button('approve');
    const forged = { ...b, value: b.value.replace(/^a\.2t\./, 'a.2u.') };
    await h.post(h.click(forged), FORM);
    expect(h.fake.callsOf('approve')).toEqual([]);
    expect(String(h.of('respond')[0]?.body.text)).toMatch(/not valid/);
  });
});

describe('Snooze and Mark ordered', () => {
  it.each([
    ['snooze1', 'snooze', /Snoozed for 1 day by @anna/],
    ['snooze7', 'snooze', /Snoozed for 7 days by @anna/],
    ['ordered', 'markOrdered', /Marked ordered by @anna/],
  ])('%s acts once and removes the line’s buttons', async (actionId, method, status) => {
    const h = await digest();
    await h.post(h.click(h.button(actionId)), FORM);
    expect(h.fake.callsOf(method)).toHaveLength(1);
    expect(JSON.stringify(updatedBlocks(h.of('chat.update')[0]))).toMatch(status);
    expect(String(h.of('chat.update')[0]?.body.text)).toBe('Acme: 2 to order today, 0 need attention');
    expect(updatedBlocks(h.of('chat.update')[0]).filter((b) => b.type === 'actions')).toHaveLength(1);
  });
});
