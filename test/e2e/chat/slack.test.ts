import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  blockAction,
  effects,
  FORM,
  pause,
  postSlack,
  SHOP,
  type SlackMessage,
  slackButton,
  slackHistory,
  slashCommand,
  startChatStack,
  waitFor,
} from './harness.js';

// Slack end to end (issue #7): signed requests over HTTP into the service on a loopback port, the
// bot's Web API calls answered by emulate, the bot's ephemeral answers read from the ack (Slack's
// HTTP response, when the answer is ready in time) or caught at response_url, and every effect
// checked in the database and in the emulator's channel history.

const stack = await startChatStack({ slack: true, slackPeople: ['anna'] });
afterAll(() => stack.close());
const slack =
  stack.slack ??
  (() => {
    throw new Error('slack not started');
  })();
const anna = { id: slack.emu.userIds.anna ?? '', name: 'anna' };
const stranger = { id: 'U0STRANGER', name: 'eve' };
const responses = slack.responses;

/**
 * A slash command over HTTP, then its one ephemeral answer: the ack's body when it carries it (and
 * then nothing at response_url), else the one post to its response_url.
 */
async function answerOf(cmd: string, text: string, user = anna) {
  const { body, responsePath } = slashCommand(responses.url, cmd, text, user);
  const res = await postSlack(stack.baseUrl, body);
  expect(res.status).toBe(200);
  const ack = await res.text();
  if (ack !== '') {
    await pause(50);
    expect(responses.posts.filter((p) => p.path === responsePath)).toEqual([]);
    return { answer: JSON.parse(ack) as Record<string, unknown>, via: 'ack' as const };
  }
  await waitFor(() => responses.posts.some((p) => p.path === responsePath), `${cmd} ${text} answer`);
  const answers = responses.posts.filter((p) => p.path === responsePath);
  expect(answers).toHaveLength(1);
  return { answer: answers[0]?.body ?? {}, via: 'response_url' as const };
}
const command = async (cmd: string, text: string, user = anna) => (await answerOf(cmd, text, user)).answer;

const digest = async (): Promise<SlackMessage> => {
  const [latest] = await slackHistory(slack.emu);
  if (!latest) throw new Error('no digest in the channel');
  return latest;
};
const flat = (x: unknown) => JSON.stringify(x);

describe('Slack, through the HTTP surface with emulate as the Web API', () => {
  it('links the channel and the user with a one-time code', async () => {
    const answer = await command('/link', 'ACME-SLACK');
    expect(answer.response_type).toBe('ephemeral');
    expect(String(answer.text)).toContain('Linked to Acme');
  });

  it.each([
    ['seller SKU', 'MUG-01', 'MUG-01'],
    ['barcode', '4600000000011', 'MUG-01'],
    ['WB nmID', '1001', 'MUG-01'],
    ['Ozon SKU', '2002', 'TEA-02'],
    ['Ozon offer id', 'PLT-OZ-3', 'PLATE-03'],
  ])('/stock by %s answers ephemerally with that product, in the ack', async (_kind, query, sku) => {
    const { answer, via } = await answerOf('/stock', query);
    expect(via).toBe('ack');
    expect(answer.response_type).toBe('ephemeral');
    expect(flat(answer)).toContain(sku);
    expect(flat(answer.blocks)).toContain(String(SHOP[sku as keyof typeof SHOP].stock));
  });

  it('/runway lists the shortest runways first', async () => {
    const answer = await command('/runway', '3');
    const text = flat(answer);
    expect(text.indexOf('JUG-05')).toBeGreaterThan(-1);
    expect(text.indexOf('JUG-05')).toBeLessThan(text.indexOf('MUG-01'));
    expect(text).not.toContain('PLATE-03');
  });

  it('the morning digest reaches the channel with signed buttons; Approve asks to confirm', async () => {
    const queued = await stack.morningDigest();
    expect(queued.targets).toBe(1);
    const message = await digest();
    expect(message.text).toContain('Acme');
    const ids = message.blocks.flatMap((b) => b.elements ?? []).map((e) => e.action_id);
    expect(ids).toEqual(expect.arrayContaining(['approve', 'edit', 'snooze1', 'snooze7', 'ordered']));
    const approve = slackButton(message, 'approve', stack.recommendationIds['MUG-01']);
    expect(approve.confirm).toBeTruthy();
  });

  it('Approve makes exactly one approved purchase order and updates the message for everyone', async () => {
    const before = await digest();
    const rec = stack.recommendationIds['MUG-01'];
    const click = blockAction(responses.url, before, slackButton(before, 'approve', rec), anna);
    expect((await postSlack(stack.baseUrl, click)).status).toBe(200);
    await waitFor(() => slack.api.of('chat.update').length === 1, 'chat.update');

    const e = await effects(stack.db, stack.companyId, stack.productIds['MUG-01']);
    expect(e.orders).toEqual([
      expect.objectContaining({ status: 'approved', quantity: SHOP['MUG-01'].qty, approvedBy: '@anna' }),
    ]);
    expect(e.approvals).toHaveLength(1);
    const after = await digest();
    expect(after.ts).toBe(before.ts);
    // The message keeps its own fallback text; the line's status replaces its buttons.
    expect(after.text).toBe(before.text);
    expect(flat(after.blocks)).toMatch(/✅ Approved by @anna at \d\d:\d\d — PO-\d+, 156 units/);
    expect(() => slackButton(after, 'approve', rec)).toThrow(/no approve button/);
    expect(() => slackButton(after, 'edit', rec)).toThrow(/no edit button/);
    expect(flat(after.blocks)).toContain('Approved by @anna');
    // The other lines keep their buttons.
    expect(slackButton(after, 'approve', stack.recommendationIds['TEA-02']).value).toMatch(/^a\./);
  });

  it('Edit quantity opens the modal, shows an error for bad input and approves the valid quantity', async () => {
    const rec = stack.recommendationIds['TEA-02'];
    const message = await digest();
    const trigger = await slack.emu.api<{ trigger_id: string }>('views.generateTriggerId', {
      user_id: anna.id,
    });
    const click = blockAction(
      responses.url,
      message,
      slackButton(message, 'edit', rec),
      anna,
      trigger.trigger_id,
    );
    expect((await postSlack(stack.baseUrl, click)).status).toBe(200);
    await waitFor(() => slack.api.of('views.open').length === 1, 'views.open');
    const opened = slack.api.of('views.open')[0]?.response as { ok: boolean; view: Record<string, unknown> };
    expect(opened).toMatchObject({ ok: true, view: { type: 'modal', callback_id: 'po_edit_qty_modal' } });
    expect(flat(opened.view.blocks)).toContain(`"initial_value":"${SHOP['TEA-02'].qty}"`);

    const submit = (value: string) =>
      postSlack(
        stack.baseUrl,
        new URLSearchParams({
          payload: JSON.stringify({
            type: 'view_submission',
            team: { id: 'T000000001', domain: 'emulate' },
            user: { id: anna.id, username: 'anna', name: 'anna', team_id: 'T000000001' },
            api_app_id: 'A000000001',
            token: 'verification_token',
            trigger_id: `${Date.now()}.1.submit`,
            view: { ...opened.view, state: { values: { qty: { value: { type: 'number_input', value } } } } },
            response_urls: [],
          }),
        }).toString(),
      );
    for (const bad of ['abc', '0', '1.5']) {
      const res = await submit(bad);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        response_action: 'errors',
        errors: { qty: expect.stringMatching(/whole number/) },
      });
    }
    expect((await effects(stack.db, stack.companyId, stack.productIds['TEA-02'])).orders).toEqual([]);

    const ok = await submit('75');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('');
    await waitFor(() => slack.api.of('chat.update').length === 2, 'chat.update after the modal');
    const e = await effects(stack.db, stack.companyId, stack.productIds['TEA-02']);
    expect(e.orders).toEqual([expect.objectContaining({ status: 'approved', quantity: 75 })]);
    expect(e.approvals).toHaveLength(1);
    const after = await digest();
    expect(flat(after.blocks)).toMatch(/Approved by @anna .* 75 units/);
    expect(() => slackButton(after, 'edit', rec)).toThrow();
  });

  it('Snooze silences the product once and replaces its buttons with the status', async () => {
    const rec = stack.recommendationIds['BOWL-04'];
    const message = await digest();
    const click = blockAction(responses.url, message, slackButton(message, 'snooze7', rec), anna);
    expect((await postSlack(stack.baseUrl, click)).status).toBe(200);
    await waitFor(() => slack.api.of('chat.update').length === 3, 'chat.update after snooze');
    const e = await effects(stack.db, stack.companyId, stack.productIds['BOWL-04']);
    expect(e.snoozes).toHaveLength(1);
    expect(e.snoozeAudit).toHaveLength(1);
    expect(e.orders).toEqual([]);
    const after = await digest();
    expect(flat(after.blocks)).toMatch(/Snoozed by @anna for 7 days/);
    expect(() => slackButton(after, 'snooze7', rec)).toThrow();
  });

  it('refuses an unbound user: no data for /stock, no effect for a click', async () => {
    const answer = await command('/stock', 'MUG-01', stranger);
    expect(String(answer.text)).toMatch(/not linked/);
    expect(flat(answer)).not.toContain('Mug');

    const message = await digest();
    const rec = stack.recommendationIds['JUG-05'];
    const before = responses.posts.length;
    const click = blockAction(responses.url, message, slackButton(message, 'approve', rec), stranger);
    expect((await postSlack(stack.baseUrl, click)).status).toBe(200);
    await waitFor(() => responses.posts.length === before + 1, 'the refusal');
    expect(responses.posts.at(-1)?.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringMatching(/not linked/),
    });
    expect((await effects(stack.db, stack.companyId, stack.productIds['JUG-05'])).orders).toEqual([]);
    expect(slackButton(await digest(), 'approve', rec).value).toMatch(/^a\./);
  });

  // Needs a second connection: with the embedded database the lock would hold up the whole request.
  it.skipIf(stack.runtime.database.kind !== 'postgres')(
    'a lookup slower than the ack budget gets an empty ack in time and its answer at response_url',
    async () => {
      // The catalogue locked for longer than the 2 s the service gives an answer to ride in the ack.
      let locked!: () => void;
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = stack.db.transaction(async (tx) => {
        await tx.execute(sql`lock table products in access exclusive mode`);
        locked();
        await pause(2600);
      });
      await lockTaken;
      const started = Date.now();
      const { body, responsePath } = slashCommand(responses.url, '/stock', 'MUG-01', anna);
      const res = await postSlack(stack.baseUrl, body);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      expect(Date.now() - started).toBeLessThan(2500);
      await holder;
      await waitFor(() => responses.posts.some((p) => p.path === responsePath), 'the late /stock answer');
      const answers = responses.posts.filter((p) => p.path === responsePath);
      expect(answers).toHaveLength(1);
      expect(answers[0]?.body).toMatchObject({ response_type: 'ephemeral' });
      expect(String(answers[0]?.body.text)).toMatch(/^MUG-01:/);
    },
    10_000,
  );

  it('refuses a request that is not signed with the signing secret', async () => {
    const { body } = slashCommand(responses.url, '/stock', 'MUG-01', anna);
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${stack.baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-slack-request-timestamp': ts, 'x-slack-signature': 'v0=00' },
      body,
    });
    expect(res.status).toBe(401);
  });
});
