import nock from 'nock';
import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeAction } from '../../../bots/commands/index.js';
import approveFixture from './fixtures/update.callback_query.po_approve.json' with { type: 'json' };
import {
  BORIS,
  buttons,
  CHRIS,
  GROUP,
  rowsOf,
  setup,
  shownMessage,
  signAction,
  tapUpdate,
  textUpdate,
  VERA,
} from './harness.js';

afterEach(() => nock.cleanAll());

const chris = { id: CHRIS, username: 'buyer_chris', language_code: 'en' };
const DIGEST_ID = 5513;

/** /digest in the Purchasing group; returns the digest as Telegram would show it and its buttons. */
async function digest() {
  const h = setup();
  await h.tg.handleUpdate(textUpdate('/digest', chris, GROUP));
  const call = h.sent()[0];
  if (!call) throw new Error('no digest sent');
  const message = shownMessage(call, DIGEST_ID);
  const button = (label: RegExp) => {
    const b = buttons(call).find((x) => label.test(x.text));
    if (!b) throw new Error(`no button ${label}`);
    return b.callback_data;
  };
  h.calls.length = 0;
  return { ...h, message, button };
}

const answers = (h: { calls: { method: string; body: Record<string, unknown> }[] }) =>
  h.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => c.body);

describe('Approve with a confirmation step', () => {
  it('asks first, approves once on Yes, and updates the digest in place', async () => {
    const h = await digest();
    await h.tg.handleUpdate(tapUpdate(h.button(/SKU-42/), chris, h.message));
    expect(h.fake.callsOf('approve')).toEqual([]);
    expect(answers(h)).toHaveLength(1);
    const confirm = h.sent()[0];
    expect(confirm?.body.text).toContain('Approve 156 units of SKU-42');
    expect(confirm?.body.reply_parameters).toMatchObject({ message_id: DIGEST_ID });
    const [yes, cancel] = buttons(confirm);
    expect(yes?.text).toContain('Yes');
    expect(cancel?.text).toContain('Cancel');
    for (const b of buttons(confirm)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);

    h.calls.length = 0;
    const confirmShown = shownMessage(confirm as never, 9100, { reply_to_message: h.message });
    const tapYes = tapUpdate(yes?.callback_data ?? '', chris, confirmShown);
    await h.tg.handleUpdate(tapYes);
    expect(h.fake.callsOf('approve')).toHaveLength(1);
    expect(h.fake.callsOf('approve')[0]?.args).toEqual([
      'acme',
      101,
      expect.objectContaining({ role: 'buyer' }),
      156,
    ]);
    expect(answers(h)[0]?.text).toContain('PO-1042');
    const edits = h.calls.filter((c) => c.method === 'editMessageText');
    const confirmEdit = edits.find((c) => c.body.message_id === 9100);
    expect(confirmEdit?.body.text).toBe('✅ Approved by @buyer_chris at 09:00 — PO-1042, 156 units');
    expect(confirmEdit?.body.reply_markup).toEqual({ inline_keyboard: [] });
    const digestEdit = edits.find((c) => c.body.message_id === DIGEST_ID);
    expect(digestEdit?.body.text).toMatch(
      /Order today[\s\S]*\n\n✅ Approved by @buyer_chris at 09:00 — PO-1042, 156 units$/,
    );
    const left = rowsOf(digestEdit?.body.reply_markup);
    expect(left).toHaveLength(1); // SKU-42's row is gone, SKU-7's stays
    expect(left[0]?.[0]?.text).toContain('SKU-7');

    // The same update again (a Telegram retry): nothing at all happens.
    h.calls.length = 0;
    await h.tg.handleUpdate(tapYes);
    expect(h.calls).toEqual([]);
    expect(h.fake.callsOf('approve')).toHaveLength(1);

    // A second person taps Yes on the same confirmation: no second PO, a clear answer.
    await h.tg.handleUpdate(tapUpdate(yes?.callback_data ?? '', chris, confirmShown));
    expect(h.fake.callsOf('approve')).toHaveLength(2);
    expect(h.fake.settled.size).toBe(1);
    expect(answers(h)[0]).toMatchObject({ show_alert: true });
    expect(String(answers(h)[0]?.text)).toContain('Already done');
  });

  it('a second tap on the digest after approval answers "already done" and clears that row', async () => {
    const h = await digest();
    await h.fake.port.approve('acme', 101, { id: 'x', role: 'admin', approvalLimit: null, display: '@anna' });
    await h.tg.handleUpdate(tapUpdate(h.button(/SKU-42/), chris, h.message));
    expect(String(answers(h)[0]?.text)).toContain('Already done: Approved by @anna');
    expect(h.sent()).toEqual([]);
    const edit = h.calls.find((c) => c.method === 'editMessageText');
    expect(edit?.body.text).toContain('Approved by @anna');
  });

  it('Cancel closes the confirmation and approves nothing', async () => {
    const h = await digest();
    await h.tg.handleUpdate(tapUpdate(h.button(/SKU-42/), chris, h.message));
    const [, cancel] = buttons(h.sent()[0]);
    h.calls.length = 0;
    await h.tg.handleUpdate(tapUpdate(cancel?.callback_data ?? '', chris, { message_id: 9100, text: 'x' }));
    expect(h.fake.callsOf('approve')).toEqual([]);
    expect(h.calls.find((c) => c.method === 'editMessageText')?.body.text).toContain('Cancelled');
  });
});

describe('refusals', () => {
  it("refuses a viewer's approval", async () => {
    const h = await digest();
    await h.tg.handleUpdate(tapUpdate(h.button(/SKU-42/), { id: VERA, username: 'vera' }, h.message));
    expect(answers(h)[0]).toMatchObject({ show_alert: true });
    expect(String(answers(h)[0]?.text)).toContain('Viewers');
    expect(h.fake.callsOf('approve')).toEqual([]);
    expect(h.sent()).toEqual([]);
  });

  it('refuses tampered callback data', async () => {
    const h = await digest();
    const real = h.button(/SKU-42/);
    const forged = real.replace(/\.2t\./, '.2u.').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    await h.tg.handleUpdate(tapUpdate(forged, chris, h.message));
    expect(String(answers(h)[0]?.text)).toMatch(/not valid|do not recognise/);
    expect(h.fake.callsOf('recommendation')).toEqual([]);
  });

  it('refuses unknown callback data (the real payload of another design)', async () => {
    const h = setup();
    await h.tg.handleUpdate(approveFixture.update as Update);
    expect(answers(h)).toHaveLength(1);
    expect(h.fake.callsOf('approve')).toEqual([]);
  });

  it('refuses a button of company A tapped by a user of company B', async () => {
    const h = await digest();
    const boris = { id: BORIS, username: 'boris' };
    await h.tg.handleUpdate(tapUpdate(h.button(/SKU-42/), boris, h.message, BORIS));
    await h.tg.handleUpdate(tapUpdate(h.button(/1d/), boris, h.message, BORIS));
    expect(h.fake.callsOf('snooze')[0]?.args[0]).toBe('beta');
    expect(answers(h).map((a) => a.show_alert)).toEqual([true, true]);
    expect(h.fake.settled.size).toBe(0);
    expect(h.calls.filter((c) => c.method !== 'answerCallbackQuery')).toEqual([]);
  });

  it('refuses an expired button', async () => {
    const h = await digest();
    const old = encodeAction(
      { kind: 'snooze1', recommendationId: 101, expiresAt: new Date('2026-01-01') },
      signAction,
    );
    await h.tg.handleUpdate(tapUpdate(old, chris, h.message));
    expect(String(answers(h)[0]?.text)).toContain('expired');
    expect(h.fake.callsOf('snooze')).toEqual([]);
  });
});

describe('Snooze and Mark ordered', () => {
  it('snoozes for 7 days and updates the line in place', async () => {
    const h = await digest();
    await h.tg.handleUpdate(tapUpdate(h.button(/7d/), chris, h.message));
    expect(h.fake.callsOf('snooze')[0]?.args.slice(0, 2)).toEqual(['acme', 101]);
    expect(h.fake.callsOf('snooze')[0]?.args[3]).toBe(7);
    const edit = h.calls.find((c) => c.method === 'editMessageText');
    expect(edit?.body.text).toContain('💤 Snoozed for 7 days by @buyer_chris');
  });

  it('marks ordered once', async () => {
    const h = await digest();
    const tap = () => tapUpdate(h.button(/Ordered/), chris, h.message);
    await h.tg.handleUpdate(tap());
    await h.tg.handleUpdate(tap());
    expect(h.fake.settled.size).toBe(1);
    expect(String(answers(h)[1]?.text)).toContain('Already done');
  });
});

describe('Edit quantity by a reply', () => {
  async function prompt() {
    const h = await digest();
    await h.tg.handleUpdate(tapUpdate(h.button(/Qty/), chris, h.message));
    const call = h.sent()[0];
    expect(call?.body.reply_markup).toMatchObject({ force_reply: true, selective: true });
    expect(call?.body.text).toContain('@buyer_chris');
    const shown = {
      message_id: 9200,
      from: { id: 7000000001, is_bot: true, first_name: 'Acme Stock' },
      chat: { id: GROUP, type: 'supergroup', title: 'Purchasing' },
      date: 1,
      text: String(call?.body.text),
    };
    h.calls.length = 0;
    return { ...h, shown };
  }

  it('approves the number given in the reply', async () => {
    const h = await prompt();
    await h.tg.handleUpdate(textUpdate('1 200', chris, GROUP, { reply_to_message: h.shown }));
    expect(h.fake.callsOf('approve')[0]?.args).toEqual(['acme', 101, expect.anything(), 1200]);
    expect(h.sent()[0]?.body.text).toContain('PO-1042, 1200 units');
    const promptEdit = h.calls.find((c) => c.method === 'editMessageText');
    expect(promptEdit?.body).toMatchObject({ message_id: 9200, text: expect.stringContaining('PO-1042') });
  });

  it('explains what is wrong with a reply that is not a number', async () => {
    const h = await prompt();
    await h.tg.handleUpdate(textUpdate('lots', chris, GROUP, { reply_to_message: h.shown }));
    expect(h.fake.callsOf('approve')).toEqual([]);
    expect(h.sent()[0]?.body.text).toContain('whole number');
  });

  it('ignores a reply to a forged prompt', async () => {
    const h = await prompt();
    const forged = { ...h.shown, text: h.shown.text.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) };
    await h.tg.handleUpdate(textUpdate('5', chris, GROUP, { reply_to_message: forged }));
    expect(h.fake.callsOf('approve')).toEqual([]);
  });
});
