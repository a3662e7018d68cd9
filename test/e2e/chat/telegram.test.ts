import { afterAll, describe, expect, it } from 'vitest';
import {
  effects,
  GROUP,
  postTelegram,
  SHOP,
  startChatStack,
  type TgSent,
  type TgUser,
  tgActionFor,
  tgButton,
  tgMessage,
  tgSent,
  tgShown,
  tgTap,
  waitFor,
} from './harness.js';

// Telegram end to end (issue #7): real update JSON posted to the webhook route of the service on a
// loopback port (with the secret header), the bot's Bot API calls answered by telegram-test-api,
// and every effect checked in the database and in what the emulator holds.

const stack = await startChatStack({ telegram: true });
afterAll(() => stack.close());
const tg =
  stack.telegram ??
  (() => {
    throw new Error('telegram not started');
  })();
// telegram-test-api's getMe answers id 666; the bot learns it on its first update.
const BOT_ID = 666;
const chris: TgUser = { id: 714862471, username: 'buyer_chris', first_name: 'Chris' };
const stranger: TgUser = { id: 999001, username: 'eve', first_name: 'Eve' };

const sentIn = (chatId: number) => tgSent(tg.server, chatId);

/** Posts an update and waits until the bot has sent `replies` new messages to `chatId`. */
async function deliver(update: object, chatId: number, replies = 1): Promise<TgSent[]> {
  const before = sentIn(chatId).length;
  const res = await postTelegram(stack.baseUrl, update);
  expect(res.status).toBe(200);
  await waitFor(() => sentIn(chatId).length >= before + replies, `${replies} bot message(s)`);
  return sentIn(chatId).slice(before);
}

const digest = (): TgSent => {
  const found = sentIn(GROUP).find((m) => m.text.includes('Order today'));
  if (!found) throw new Error('no digest in the group');
  return found;
};
const answers = () => tg.api.of('answerCallbackQuery').map((c) => c.body);

describe('Telegram, through the webhook with telegram-test-api as the Bot API', () => {
  it('links the group and the user with a one-time code and takes the code out of the chat', async () => {
    const [reply] = await deliver(tgMessage('/link ACME-TG', chris, GROUP), GROUP);
    expect(reply?.text).toContain('Linked to Acme');
    expect(tg.api.of('deleteMessage')).toHaveLength(1);
  });

  it.each([
    ['seller SKU', 'MUG-01', 'MUG-01'],
    ['barcode', '4600000000011', 'MUG-01'],
    ['WB nmID', '1001', 'MUG-01'],
    ['Ozon SKU', '2002', 'TEA-02'],
    ['Ozon offer id', 'PLT-OZ-3', 'PLATE-03'],
  ])('/stock by %s answers with that product', async (_kind, query, sku) => {
    const [reply] = await deliver(tgMessage(`/stock ${query}`, chris, GROUP), GROUP);
    expect(reply?.text).toContain(sku);
    expect(reply?.text).toContain(String(SHOP[sku as keyof typeof SHOP].stock));
  });

  it('/runway lists the shortest runways first', async () => {
    const [reply] = await deliver(tgMessage('/runway 3', chris, GROUP), GROUP);
    const text = reply?.text ?? '';
    expect(text.indexOf('JUG-05')).toBeGreaterThan(-1);
    expect(text.indexOf('JUG-05')).toBeLessThan(text.indexOf('MUG-01'));
    expect(text).not.toContain('PLATE-03');
  });

  it('the morning digest reaches the group with signed inline buttons', async () => {
    const queued = await stack.morningDigest();
    expect(queued.targets).toBe(1);
    const message = digest();
    expect(message.text).toContain('Acme');
    const rows = message.keyboard.map((row) => row.map((b) => b.text));
    expect(rows).toContainEqual(['✅ MUG-01', '✏️ Qty', '💤 1d', '💤 7d', '📦 Ordered']);
    for (const b of message.keyboard.flat())
      expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });

  it('Approve asks to confirm, then makes exactly one purchase order and updates the digest in place', async () => {
    const rec = stack.recommendationIds['MUG-01'];
    const shown = tgShown(digest(), BOT_ID);
    const [confirm] = await deliver(tgTap(tgActionFor(digest(), 'a', rec), chris, shown, GROUP), GROUP);
    if (!confirm) throw new Error('no confirmation');
    expect(confirm.text).toContain(`Approve ${SHOP['MUG-01'].qty} units of MUG-01`);
    expect((await effects(stack.db, stack.companyId, stack.productIds['MUG-01'])).orders).toEqual([]);

    const yes = tgButton(confirm, /Yes/);
    const confirmShown = tgShown(confirm, BOT_ID, { reply_to_message: shown });
    const res = await postTelegram(stack.baseUrl, tgTap(yes, chris, confirmShown, GROUP));
    expect(res.status).toBe(200);
    await waitFor(() => digest().text.includes('Approved by'), 'the digest edit');

    const e = await effects(stack.db, stack.companyId, stack.productIds['MUG-01']);
    expect(e.orders).toEqual([
      expect.objectContaining({
        status: 'approved',
        quantity: SHOP['MUG-01'].qty,
        approvedBy: '@buyer_chris',
      }),
    ]);
    expect(e.approvals).toHaveLength(1);
    expect(String(answers().at(-1)?.text)).toMatch(/PO-\d+/);
    const closed = sentIn(GROUP).find((m) => m.messageId === confirm.messageId);
    expect(closed?.text).toMatch(/^✅ Approved by @buyer_chris at \d\d:\d\d — PO-\d+, 156 units$/);
    expect(closed?.keyboard).toEqual([]);
    expect(digest().text).toMatch(/\n\n✅ Approved by @buyer_chris .*156 units$/);
    expect(() => tgActionFor(digest(), 'a', rec)).toThrow();
    expect(tgActionFor(digest(), 'a', stack.recommendationIds['TEA-02'])).toMatch(/^a\./);
  });

  it('Edit quantity by a reply: a wrong answer is explained, a number approves that quantity', async () => {
    const rec = stack.recommendationIds['TEA-02'];
    const [prompt] = await deliver(
      tgTap(tgActionFor(digest(), 'e', rec), chris, tgShown(digest(), BOT_ID), GROUP),
      GROUP,
    );
    if (!prompt) throw new Error('no prompt');
    expect(prompt.replyMarkup).toMatchObject({ force_reply: true, selective: true });
    expect(prompt.text).toContain('@buyer_chris');
    const promptShown = tgShown(prompt, BOT_ID, {
      chat: { id: GROUP, title: 'Purchasing', type: 'supergroup' },
    });

    const [wrong] = await deliver(tgMessage('lots', chris, GROUP, { reply_to_message: promptShown }), GROUP);
    expect(wrong?.text).toContain('whole number');
    expect((await effects(stack.db, stack.companyId, stack.productIds['TEA-02'])).orders).toEqual([]);

    const [done] = await deliver(tgMessage('75', chris, GROUP, { reply_to_message: promptShown }), GROUP);
    expect(done?.text).toMatch(/Approved by @buyer_chris .*PO-\d+, 75 units/);
    const e = await effects(stack.db, stack.companyId, stack.productIds['TEA-02']);
    expect(e.orders).toEqual([expect.objectContaining({ status: 'approved', quantity: 75 })]);
    expect(e.approvals).toHaveLength(1);
    // The prompt loses its signed ref, so it cannot be answered a second time.
    expect(sentIn(GROUP).find((m) => m.messageId === prompt.messageId)?.text).toMatch(/^✅ Approved/);
  });

  it('Snooze silences the product once and removes its row from the digest', async () => {
    const rec = stack.recommendationIds['BOWL-04'];
    const res = await postTelegram(
      stack.baseUrl,
      tgTap(tgActionFor(digest(), 'w', rec), chris, tgShown(digest(), BOT_ID), GROUP),
    );
    expect(res.status).toBe(200);
    await waitFor(() => digest().text.includes('Snoozed'), 'the digest edit');
    const e = await effects(stack.db, stack.companyId, stack.productIds['BOWL-04']);
    expect(e.snoozes).toHaveLength(1);
    expect(e.snoozeAudit).toHaveLength(1);
    expect(digest().text).toMatch(/Snoozed by @buyer_chris for 7 days/);
    expect(() => tgActionFor(digest(), 'w', rec)).toThrow();
  });

  it('refuses an unbound user: no data for /stock, only an alert for a tap', async () => {
    const [reply] = await deliver(tgMessage('/stock MUG-01', stranger, stranger.id), stranger.id);
    expect(reply?.text).toMatch(/not linked/);
    expect(reply?.text).not.toContain('Mug');

    const rec = stack.recommendationIds['JUG-05'];
    const sentBefore = sentIn(GROUP).length;
    const res = await postTelegram(
      stack.baseUrl,
      tgTap(tgActionFor(digest(), 'a', rec), stranger, tgShown(digest(), BOT_ID), GROUP),
    );
    expect(res.status).toBe(200);
    await waitFor(() => String(answers().at(-1)?.text).includes('not linked'), 'the refusal');
    expect(answers().at(-1)).toMatchObject({ show_alert: true });
    expect(sentIn(GROUP)).toHaveLength(sentBefore);
    expect((await effects(stack.db, stack.companyId, stack.productIds['JUG-05'])).orders).toEqual([]);
  });

  it('refuses an update without the webhook secret', async () => {
    const res = await postTelegram(stack.baseUrl, tgMessage('/runway', chris, GROUP), 'wrong-secret');
    expect(res.status).toBe(403);
  });
});
