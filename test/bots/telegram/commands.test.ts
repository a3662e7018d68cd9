import nock from 'nock';
import type { Update } from 'telegraf/types';
import { afterEach, describe, expect, it } from 'vitest';
import groupFixture from './fixtures/update.message.command.group.json' with { type: 'json' };
import privateFixture from './fixtures/update.message.command.private.json' with { type: 'json' };
import { BORIS, CHRIS, type From, GROUP, rowsOf, STRANGER, setup, textUpdate, VERA } from './harness.js';

afterEach(() => nock.cleanAll());

const chris = { id: CHRIS, username: 'buyer_chris', language_code: 'en' };

async function say(text: string, from: From = chris, chatId = from.id) {
  const h = setup();
  await h.tg.handleUpdate(textUpdate(text, from, chatId));
  return { ...h, replies: h.sent().map((c) => String(c.body.text)) };
}

describe('/stock', () => {
  it('finds by seller SKU (the real private-chat payload)', async () => {
    const h = setup();
    await h.tg.handleUpdate(privateFixture.update as Update);
    const [reply] = h.sent();
    expect(reply?.body).toMatchObject({ chat_id: CHRIS, parse_mode: 'HTML' });
    expect(reply?.body.text).toContain('SKU-42');
    expect(reply?.body.text).toContain('Blue mug 350ml');
    expect(reply?.body.text).toMatch(/order <b>156<\/b>/);
  });

  it.each([
    ['a WB nmID', '/stock 12345678'],
    ['a barcode', '/stock 4601234567890'],
  ])('finds by %s', async (_, text) => {
    const { replies } = await say(text);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Blue mug 350ml');
    expect(replies[0]).toContain('Stock <b>12</b>');
  });

  it('answers /stock@ThisBot in a group (the real group payload)', async () => {
    const h = setup();
    await h.tg.handleUpdate(groupFixture.update as Update);
    expect(h.sent()[0]?.body).toMatchObject({ chat_id: GROUP });
    expect(h.sent()[0]?.body.text).toContain('SKU-42');
  });

  it('ignores a command addressed to another bot', async () => {
    const { calls } = await say('/stock@other_bot SKU-42', chris, GROUP);
    expect(calls).toEqual([]);
  });

  it('offers did-you-mean for a typo, escaped', async () => {
    const { replies } = await say('/stock SKU-4Z');
    expect(replies[0]).toContain('Did you mean');
    expect(replies[0]).toContain('SKU-42');
  });

  it('lists several matches', async () => {
    const { replies } = await say('/stock blue mug');
    expect(replies[0]).toContain('Several SKUs match');
    expect(replies[0]).toContain('SKU-42');
    expect(replies[0]).toContain('SKU-43');
  });

  it('escapes names in HTML', async () => {
    const { replies } = await say('/stock SKU-7');
    expect(replies[0]).toContain('Plate &lt;big&gt; &amp; deep');
  });

  it('asks for a query when there is none', async () => {
    const { replies } = await say('/stock');
    expect(replies[0]).toContain('What should I look up?');
  });
});

describe('/runway, /digest, /orders', () => {
  it('/runway 2 lists the two shortest runways', async () => {
    const { replies, fake } = await say('/runway 2');
    expect(fake.callsOf('runway')[0]?.args).toEqual(['acme', 2]);
    expect(replies[0]).toContain('Shortest runway');
    expect(replies[0]).toContain('SKU-42');
    expect(replies[0]).not.toContain('SKU-43');
  });

  it('/digest sends the digest with signed buttons of at most 64 bytes', async () => {
    const { sent } = await say('/digest');
    const [digest] = sent();
    expect(digest?.body.text).toContain('Order today');
    const rows = rowsOf(digest?.body.reply_markup);
    expect(rows).toHaveLength(2);
    for (const b of rows.flat()) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });

  it('/orders lists open purchase orders', async () => {
    const { replies } = await say('/orders');
    expect(replies[0]).toContain('PO-7');
    expect(replies[0]).toContain('Mugs Ltd');
  });
});

describe('/help and languages', () => {
  it('answers /help in English for an English company', async () => {
    const { replies } = await say('/help');
    expect(replies[0]).toContain('What I can do');
    expect(replies[0]).not.toContain('not linked');
  });

  it('answers /help in Russian for a Russian company', async () => {
    const { replies } = await say('/help', { id: BORIS, username: 'boris', language_code: 'en' });
    expect(replies[0]).toMatch(/[а-яё]/i);
    expect(replies[0]).not.toContain('What I can do');
  });

  it('answers an unknown person in the language of their Telegram client', async () => {
    const { replies } = await say('/help', { id: STRANGER, username: 'x', language_code: 'ru' });
    expect(replies[0]).toMatch(/[а-яё]/i);
  });
});

describe('who may see what', () => {
  it('refuses an unlinked chat politely, with how to get access and no data', async () => {
    const { replies, fake } = await say('/stock SKU-42', {
      id: STRANGER,
      username: 'x',
      language_code: 'en',
    });
    expect(replies[0]).toContain('/link');
    expect(replies[0]).not.toContain('SKU-42');
    expect(fake.callsOf('stockCandidates')).toEqual([]);
  });

  it('refuses /stock to an unlinked user in the language of their Telegram client', async () => {
    const { replies, fake } = await say('/stock SKU-42', {
      id: STRANGER,
      username: 'x',
      language_code: 'ru',
    });
    expect(replies[0]).toContain('/link');
    expect(replies[0]).toMatch(/[а-яё]/i);
    expect(fake.callsOf('stockCandidates')).toEqual([]);
  });

  it('refuses a linked chat to a user of no company', async () => {
    const { replies, fake } = await say('/digest', { id: STRANGER, username: 'x' }, GROUP);
    expect(replies[0]).toContain('not linked');
    expect(fake.callsOf('todaysDigest')).toEqual([]);
  });

  it('refuses a user of company B in a chat of company A', async () => {
    const { replies, fake } = await say('/runway', { id: BORIS, username: 'boris' }, GROUP);
    expect(replies[0]).toContain('not linked');
    expect(fake.callsOf('runway')).toEqual([]);
  });

  it('shows a company only its own data', async () => {
    const { replies } = await say('/stock SKU-42', { id: BORIS, username: 'boris' });
    expect(replies[0]).not.toContain('Blue mug');
    const own = await say('/stock BETA-1', { id: BORIS, username: 'boris' });
    expect(own.replies[0]).toContain('Секретная кружка');
    const acme = await say('/stock BETA-1');
    expect(acme.replies[0]).not.toContain('Секретная');
  });

  it('/link binds the chat and the user, then data flows', async () => {
    const h = setup();
    const newbie = { id: 31337, username: 'newbie', language_code: 'en' };
    await h.tg.handleUpdate(textUpdate('/link ACME-JOIN-1', newbie));
    expect(String(h.sent()[0]?.body.text)).toContain('Linked to Acme');
    await h.tg.handleUpdate(textUpdate('/stock SKU-42', newbie));
    expect(String(h.sent()[1]?.body.text)).toContain('Blue mug 350ml');
    await h.tg.handleUpdate(textUpdate('/link ACME-JOIN-1', { id: 4, username: 'late' }));
    expect(String(h.sent()[2]?.body.text)).toContain('not valid');
  });

  it('a viewer may query', async () => {
    const { replies } = await say('/stock SKU-42', { id: VERA, username: 'vera' });
    expect(replies[0]).toContain('Blue mug 350ml');
  });
});
