// Drives the Telegram bot without a network: botInfo is preset (no getMe), api.telegram.org is
// intercepted by nock and every call recorded, updates are fed with handleUpdate. The fake port
// knows two companies (Acme, en; Бета, ru) so cross-company checks have something to refuse.

import { createHmac, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import type { Update, UserFromGetMe } from 'telegraf/types';
import { createTelegramBot } from '../../../bots/telegram/index.js';
import { createRenderer } from '../../../src/adapters/render/index.js';
import type { Logger } from '../../../src/lib/logger.js';
import { createFakeChatPort } from '../../fakes/chat-port.js';
import { silentLogger } from '../../helpers/logs.js';
import { po, product, rec } from '../../unit/commands/fixtures.js';

export const TOKEN = '123456:TEST-token-for-the-bot-tests';
export const NOW = new Date('2026-01-15T06:00:00Z');
export const BOT: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: 'Acme Stock',
  username: 'acme_stock_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

// Ids from the real payloads in fixtures/: Chris in a private chat and in the Purchasing group.
export const CHRIS = 714862471;
export const GROUP = -1001234567890;
export const VERA = 42; // Acme viewer
export const BORIS = 555; // Бета admin, private chat 555
export const STRANGER = 999;

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
      chats: {
        [String(GROUP)]: 'acme',
        [String(CHRIS)]: 'acme',
        [String(VERA)]: 'acme',
        [String(BORIS)]: 'beta',
      },
      users: {
        [String(CHRIS)]: { companyId: 'acme', role: 'buyer', approvalLimit: null, display: '@buyer_chris' },
        [String(VERA)]: { companyId: 'acme', role: 'viewer', approvalLimit: null, display: '@vera' },
        [String(BORIS)]: { companyId: 'beta', role: 'admin', approvalLimit: null, display: '@boris' },
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
          product('SKU-7', { name: 'Plate <big> & deep', stock: 3 }),
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
          rec('SKU-43', { id: 103, productId: 43, name: 'Blue mug 500ml', runwayDays: 30 }),
        ],
        beta: [rec('BETA-1', { id: 201, productId: 1, name: 'Секретная кружка', category: 'ORDER_TODAY' })],
      },
      orders: { acme: [po(7, { companyId: 'acme', supplierName: 'Mugs Ltd' })], beta: [] },
      runDate: '2026-01-15',
    },
    () => NOW,
  );
}

export type ApiCall = { method: string; body: Record<string, unknown> };

/** Every Bot API call, answered like Telegram would (sendMessage returns the message it made). */
export function interceptTelegram(): ApiCall[] {
  const calls: ApiCall[] = [];
  let messageId = 9000;
  // One interceptor at a time: an older persisted one would swallow this bot's calls.
  nock.cleanAll();
  nock('https://api.telegram.org')
    .persist()
    .post(/^\/bot[^/]+\/\w+$/)
    // nock 15 hands the reply function a fetch Request.
    .reply(async (req: Request) => {
      const method = new URL(req.url).pathname.split('/').pop() ?? '';
      const raw = await req.text();
      const b = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      calls.push({ method, body: b });
      const message = {
        message_id: method === 'sendMessage' ? ++messageId : Number(b.message_id ?? 0),
        date: Math.floor(NOW.getTime() / 1000),
        chat: { id: Number(b.chat_id), type: 'private' },
        from: BOT,
        text: String(b.text ?? ''),
        ...(b.reply_markup ? { reply_markup: b.reply_markup } : {}),
      };
      const result = method === 'sendMessage' || method === 'editMessageText' ? message : true;
      const json = JSON.stringify({ ok: true, result });
      return [
        200,
        json,
        { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(json)) },
      ];
    });
  return calls;
}

export function setup(opts: { log?: Logger } = {}) {
  nock.disableNetConnect();
  const calls = interceptTelegram();
  const fake = seedPort();
  const tg = createTelegramBot({
    token: TOKEN,
    port: fake.port,
    renderer,
    signAction,
    verifyAction,
    now: () => NOW,
    log: opts.log ?? silentLogger(),
    botInfo: BOT,
  });
  const sent = (method = 'sendMessage') => calls.filter((c) => c.method === method);
  return { tg, fake, calls, sent };
}

let nextUpdateId = 700_000;
export type From = { id: number; username?: string; language_code?: string };

const user = (from: From) => ({ is_bot: false, first_name: from.username ?? 'User', ...from });
const chatOf = (chatId: number) =>
  chatId < 0
    ? { id: chatId, title: 'Purchasing', type: 'supergroup' }
    : { id: chatId, type: 'private', first_name: 'User' };

export function textUpdate(text: string, from: From, chatId = from.id, extra: object = {}): Update {
  const command = /^\/\S+/.exec(text)?.[0];
  return {
    update_id: ++nextUpdateId,
    message: {
      message_id: nextUpdateId,
      date: Math.floor(NOW.getTime() / 1000),
      from: user(from),
      chat: chatOf(chatId),
      text,
      ...(command ? { entities: [{ offset: 0, length: command.length, type: 'bot_command' }] } : {}),
      ...extra,
    },
  } as Update;
}

/** A tap on a button of `message` (as the bot sent it: text and reply_markup from the API call). */
export function tapUpdate(data: string, from: From, message: object, chatId = GROUP): Update {
  return {
    update_id: ++nextUpdateId,
    callback_query: {
      id: `cq-${nextUpdateId}`,
      from: user(from),
      chat_instance: '-8329487234987234987',
      data,
      message: { date: Math.floor(NOW.getTime() / 1000), chat: chatOf(chatId), from: BOT, ...message },
    },
  } as unknown as Update;
}

/** The message a sendMessage call created, as Telegram would show it in a later update. */
export function shownMessage(call: ApiCall, messageId: number, extra: object = {}) {
  return {
    message_id: messageId,
    text: String(call.body.text).replace(/<[^>]+>/g, ''),
    reply_markup: call.body.reply_markup,
    ...extra,
  };
}

export const buttons = (call: ApiCall | undefined): { text: string; callback_data: string }[] =>
  (
    (call?.body.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] })
      ?.inline_keyboard ?? []
  ).flat();

/** The inline keyboard of a reply_markup, as rows. */
export const rowsOf = (markup: unknown): { text: string; callback_data: string }[][] =>
  (markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)
    ?.inline_keyboard ?? [];
