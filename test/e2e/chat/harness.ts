// The whole service as `npm start` wires it (startTestRuntime), listening on a loopback port, with
// Slack's Web API answered by emulate and Telegram's Bot API by telegram-test-api (through the
// product's own SLACK_API_URL / TELEGRAM_API_URL settings). Requests come in over real HTTP: Slack
// ones signed with the runtime's signing secret, Telegram updates with the webhook secret header
// (telegram-test-api's own webhook push sends none, so the tests post the updates themselves).

import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../src/adapters/db/client.js';
import { createLinkCode } from '../../../src/adapters/db/queries/chat.js';
import { upsertProducts } from '../../../src/adapters/db/queries/products.js';
import {
  auditLog,
  chatUsers,
  companies,
  products,
  purchaseOrderLines,
  purchaseOrders,
  recommendations,
  silences,
  stockSnapshots,
} from '../../../src/adapters/db/schema/index.js';
import {
  recordingProxy,
  responseUrlCapture,
  type SlackEmulator,
  startSlackEmulator,
  startTelegramEmulator,
  type TelegramEmulator,
} from '../../helpers/chat-emulators.js';
import { startTestRuntime } from '../../helpers/runtime.js';
import { seedCompany } from '../../helpers/seed.js';

export const SLACK_SECRET = 'e2e-slack-signing-secret-3f9c2a71';
const SLACK_TOKEN = 'xoxb-e2e-1-2-stockpilot';
export const TG_TOKEN = '123456789:AAH-e2e-telegram-token_value';
export const TG_SECRET = 'tg-e2e-webhook-secret';
/** emulate's #general, where the bot posts. */
export const CHANNEL = 'C000000001';
export const GROUP = -1001234567890;

/** What the tests act on: the recommended quantity and the identifiers people type. */
export const SHOP = {
  'MUG-01': { qty: 156, stock: 12, runway: 2.1, category: 'ORDER_TODAY' },
  'TEA-02': { qty: 40, stock: 30, runway: 3.5, category: 'ORDER_TODAY' },
  'PLATE-03': { qty: 0, stock: 5, runway: 40, category: 'NORMAL' },
  'BOWL-04': { qty: 60, stock: 8, runway: 2.5, category: 'ORDER_TODAY' },
  'JUG-05': { qty: 25, stock: 3, runway: 1.5, category: 'ORDER_TODAY' },
  'CUP-06': { qty: 30, stock: 9, runway: 2.8, category: 'ORDER_TODAY' },
} as const;
export type Sku = keyof typeof SHOP;

type Options = { slack?: boolean; telegram?: boolean; slackPeople?: string[] };

export async function startChatStack(opts: Options) {
  const slackEmu = opts.slack
    ? await startSlackEmulator({ signingSecret: SLACK_SECRET, users: opts.slackPeople ?? ['anna'] })
    : undefined;
  const slackApi = slackEmu ? await recordingProxy(slackEmu.url) : undefined;
  const responses = opts.slack ? await responseUrlCapture() : undefined;
  const tgServer = opts.telegram ? await startTelegramEmulator() : undefined;
  const tgApi = tgServer ? await recordingProxy(tgServer.config.apiURL) : undefined;

  const { runtime, lines } = await startTestRuntime({
    ...(slackApi
      ? {
          SLACK_BOT_TOKEN: SLACK_TOKEN,
          SLACK_SIGNING_SECRET: SLACK_SECRET,
          SLACK_API_URL: `${slackApi.url}/api/`,
        }
      : {}),
    ...(tgApi
      ? {
          TELEGRAM_MODE: 'webhook',
          TELEGRAM_BOT_TOKEN: TG_TOKEN,
          TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
          TELEGRAM_API_URL: tgApi.url,
        }
      : {}),
  });
  await runtime.app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(runtime.app.server.address() as AddressInfo).port}`;
  const db = runtime.database.db;
  const shop = await seedShop(db);

  const close = async () => {
    await runtime.close();
    await Promise.all([slackApi?.close(), responses?.close(), tgApi?.close()]);
    await slackEmu?.emulator.close();
    await tgServer?.stop();
  };
  return {
    runtime,
    lines,
    baseUrl,
    db,
    ...shop,
    slack: slackEmu && slackApi && responses ? { emu: slackEmu, api: slackApi, responses } : undefined,
    telegram: tgServer && tgApi ? { server: tgServer, api: tgApi } : undefined,
    /** The morning digest as the 08:00 job writes it, then one pass of the outbox worker. */
    async morningDigest() {
      const company = await runtime.companies.resolve(shop.companyId);
      if (!company) throw new Error('no company');
      const queued = await runtime.notifications.enqueueDigest(company, shop.runDate);
      await runtime.notifications.deliverNow();
      return queued;
    },
    close,
  };
}

export type ChatStack = Awaited<ReturnType<typeof startChatStack>>;

const runDateToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());

/** Acme (en) with six products, stock, today's recommendations and one-time link codes. */
async function seedShop(db: Db) {
  const { company, warehouse } = await seedCompany(db, 'Acme');
  const companyId = company.id;
  await db.update(companies).set({ locale: 'en' }).where(eq(companies.id, companyId));
  // MUG-01 (barcode 4600000000011, WB nmID 1001) and TEA-02 (Ozon SKU 2002) come from seedCompany.
  await upsertProducts(
    db,
    (['PLATE-03', 'BOWL-04', 'JUG-05', 'CUP-06'] as const).map((sku) => ({
      companyId,
      sellerSku: sku,
      name: sku.split('-')[0]?.toLowerCase() ?? sku,
      barcodes: [],
      ...(sku === 'PLATE-03' ? { ozonOfferId: 'PLT-OZ-3', ozonSku: 3003 } : {}),
    })),
  );
  await db.execute(sql`update products set unit_cost = 2 where company_id = ${companyId}`);
  const rows = await db.select().from(products).where(eq(products.companyId, companyId));
  const productIds = Object.fromEntries(rows.map((p) => [p.sellerSku, p.id])) as Record<Sku, number>;
  const runDate = runDateToday();
  const takenAt = new Date(Date.now() - 3_600_000);
  const skus = Object.keys(SHOP) as Sku[];
  await db.insert(stockSnapshots).values(
    skus.map((sku) => ({
      companyId,
      productId: productIds[sku],
      marketplace: 'wildberries',
      warehouseId: warehouse.id,
      stockType: 'FBO' as const,
      quantity: SHOP[sku].stock,
      takenAt,
    })),
  );
  const recs = await db
    .insert(recommendations)
    .values(
      skus.map((sku) => ({
        companyId,
        productId: productIds[sku],
        runDate,
        category: SHOP[sku].category,
        availableStock: SHOP[sku].stock,
        dailyDemand: SHOP[sku].stock / SHOP[sku].runway,
        runwayDays: SHOP[sku].runway,
        leadTimeDays: 14,
        serviceLevel: 0.95,
        safetyStock: 10,
        reorderPoint: 66,
        recommendedQty: SHOP[sku].qty,
        explanation: 'stock will not last until a new order arrives',
      })),
    )
    .returning();
  const recommendationIds = Object.fromEntries(
    recs.map((r) => [skus.find((s) => productIds[s] === r.productId), r.id]),
  ) as Record<Sku, number>;
  for (const [code, role] of [
    ['ACME-SLACK', 'buyer'],
    ['ACME-TG', 'buyer'],
  ] as const) {
    await createLinkCode(db, {
      companyId,
      code,
      role,
      approvalLimit: null,
      createdBy: 'cli',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
  }
  return { companyId, runDate, productIds, recommendationIds };
}

/** People with a role in the company without going through /link (for many users at once). */
export async function bindPeople(
  db: Db,
  companyId: string,
  platform: 'slack' | 'telegram',
  ids: readonly string[],
  role: 'viewer' | 'buyer' | 'admin' = 'buyer',
): Promise<void> {
  await db.insert(chatUsers).values(
    ids.map((id) => ({
      companyId,
      platform,
      platformUserId: id,
      displayName: `@${id.toLowerCase()}`,
      role,
    })),
  );
}

/** What the database says happened to one product: its purchase orders and the audit trail. */
export async function effects(db: Db, companyId: string, productId: number) {
  const orders = await db
    .select({
      id: purchaseOrders.id,
      number: purchaseOrders.number,
      status: purchaseOrders.status,
      approvedBy: purchaseOrders.approvedBy,
      quantity: purchaseOrderLines.quantity,
    })
    .from(purchaseOrders)
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.purchaseOrderId, purchaseOrders.id))
    .where(and(eq(purchaseOrders.companyId, companyId), eq(purchaseOrderLines.productId, productId)));
  const poLabels = orders.map((o) => `PO-${o.number}`);
  const audit =
    poLabels.length === 0
      ? []
      : await db
          .select({ action: auditLog.action, actor: auditLog.actor })
          .from(auditLog)
          .where(and(eq(auditLog.companyId, companyId), inArray(auditLog.entityId, poLabels)));
  const snoozes = await db
    .select({ createdBy: silences.createdBy })
    .from(silences)
    .where(and(eq(silences.companyId, companyId), eq(silences.productId, productId)));
  const snoozeAudit = await db
    .select({ actor: auditLog.actor })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.companyId, companyId),
        eq(auditLog.action, 'product.snooze'),
        eq(auditLog.entityId, String(productId)),
      ),
    );
  return {
    orders,
    approvals: audit.filter((a) => a.action === 'purchase_order.approve'),
    audit,
    snoozes,
    snoozeAudit,
  };
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 5000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- Slack -------------------------------------------------------------------------------------

export const FORM = 'application/x-www-form-urlencoded';

export function slackSignature(rawBody: string, ts: string, secret = SLACK_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${ts}:${rawBody}`).digest('hex')}`;
}

/** POSTs to /slack/events as Slack does: the raw body signed (v0) at the current time. */
export async function postSlack(
  baseUrl: string,
  rawBody: string,
  headers: Record<string, string> = {},
  contentType = FORM,
): Promise<Response> {
  const ts = String(Math.floor(Date.now() / 1000));
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': ts,
      'x-slack-signature': slackSignature(rawBody, ts),
      ...headers,
    },
    body: rawBody,
  });
}

let seq = 0;

export function slashCommand(
  responseBase: string,
  command: string,
  text: string,
  user: { id: string; name: string },
  channel = CHANNEL,
): { body: string; responsePath: string } {
  const responsePath = `/commands/T000000001/${++seq}/e2e`;
  const body = new URLSearchParams({
    token: 'verification_token',
    team_id: 'T000000001',
    team_domain: 'emulate',
    channel_id: channel,
    channel_name: 'general',
    user_id: user.id,
    user_name: user.name,
    command,
    text,
    api_app_id: 'A000000001',
    is_enterprise_install: 'false',
    response_url: `${responseBase}${responsePath}`,
    trigger_id: `${Date.now()}.1.${seq}`,
  }).toString();
  return { body, responsePath };
}

export type SlackMessage = { ts: string; text: string; blocks: SlackBlock[] };
export type SlackBlock = {
  type: string;
  block_id?: string;
  text?: { text?: string };
  elements?: { action_id?: string; value?: string; confirm?: unknown; text?: unknown }[];
};

/** The message with the buttons of recommendation `recId` (values carry it in base 36). */
export function slackButton(message: SlackMessage, actionId: string, recId: number) {
  const id36 = recId.toString(36);
  for (const block of message.blocks) {
    for (const e of block.elements ?? []) {
      if (e.action_id === actionId && e.value?.split('.')[1] === id36)
        return { ...e, block_id: block.block_id };
    }
  }
  throw new Error(`no ${actionId} button for recommendation ${recId}`);
}

/** A block_actions payload for a click on `button` of `message`, as Slack would send it. */
export function blockAction(
  responseBase: string,
  message: SlackMessage,
  button: ReturnType<typeof slackButton>,
  user: { id: string; name: string },
  triggerId = `${Date.now()}.1.click${++seq}`,
): string {
  const payload = {
    type: 'block_actions',
    user: { id: user.id, username: user.name, name: user.name, team_id: 'T000000001' },
    api_app_id: 'A000000001',
    token: 'verification_token',
    container: { type: 'message', message_ts: message.ts, channel_id: CHANNEL, is_ephemeral: false },
    trigger_id: triggerId,
    team: { id: 'T000000001', domain: 'emulate' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: CHANNEL, name: 'general' },
    message: { type: 'message', text: message.text, ts: message.ts, blocks: message.blocks },
    state: { values: {} },
    response_url: `${responseBase}/actions/T000000001/${++seq}/e2e`,
    actions: [
      {
        action_id: button.action_id,
        block_id: button.block_id ?? 'b',
        text: button.text,
        value: button.value,
        type: 'button',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The bot's messages in a channel, newest first, read back from the emulator. */
export async function slackHistory(emu: SlackEmulator, channel = CHANNEL): Promise<SlackMessage[]> {
  const res = await emu.api<{ messages: SlackMessage[] }>('conversations.history', { channel, limit: 50 });
  if (!res.ok) throw new Error(`conversations.history failed: ${JSON.stringify(res)}`);
  return res.messages;
}

// ---- Telegram ----------------------------------------------------------------------------------

let updateId = 900_000;
export const nextUpdateId = () => ++updateId;

export type TgUser = { id: number; username: string; first_name: string; language_code?: string };

const chatOf = (chatId: number) =>
  chatId < 0
    ? { id: chatId, title: 'Purchasing', type: 'supergroup' }
    : { id: chatId, type: 'private', first_name: 'User' };

const tgUser = (u: TgUser) => ({ is_bot: false, language_code: 'en', ...u });

/** A text message update in the shape of fixtures/update.message.command.group.json. */
export function tgMessage(text: string, from: TgUser, chatId: number, extra: object = {}) {
  const command = /^\/\S+/.exec(text)?.[0];
  const id = nextUpdateId();
  return {
    update_id: id,
    message: {
      message_id: id,
      from: tgUser(from),
      chat: chatOf(chatId),
      date: Math.floor(Date.now() / 1000),
      text,
      ...(command ? { entities: [{ offset: 0, length: command.length, type: 'bot_command' }] } : {}),
      ...extra,
    },
  };
}

/** A button tap in the shape of fixtures/update.callback_query.po_approve.json. */
export function tgTap(data: string, from: TgUser, message: object, chatId: number) {
  const id = nextUpdateId();
  return {
    update_id: id,
    callback_query: {
      id: `e2e-cq-${id}`,
      from: tgUser(from),
      message: { date: Math.floor(Date.now() / 1000), chat: chatOf(chatId), ...message },
      chat_instance: '-8329487234987234987',
      data,
    },
  };
}

export async function postTelegram(baseUrl: string, update: object, secret = TG_SECRET) {
  return fetch(`${baseUrl}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
    body: JSON.stringify(update),
  });
}

type Button = { text: string; callback_data: string };
export type TgSent = {
  messageId: number;
  chatId: number;
  text: string;
  keyboard: Button[][];
  replyMarkup: Record<string, unknown> | undefined;
};

/** What the bot has sent (with later edits applied), as telegram-test-api keeps it. */
export function tgSent(server: TelegramEmulator, chatId?: number): TgSent[] {
  return server
    .getUpdatesHistory(TG_TOKEN)
    .filter((u) => 'message' in u && 'chat_id' in u.message)
    .map((u) => {
      const m = (u as { message: Record<string, unknown> }).message;
      const markup = (typeof m.reply_markup === 'string' ? JSON.parse(m.reply_markup) : m.reply_markup) as
        | Record<string, unknown>
        | undefined;
      return {
        messageId: u.messageId,
        chatId: Number(m.chat_id),
        text: String(m.text ?? ''),
        keyboard: (markup?.inline_keyboard as Button[][] | undefined) ?? [],
        replyMarkup: markup,
      };
    })
    .filter((m) => chatId === undefined || m.chatId === chatId);
}

const unescapeHtml = (s: string) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** A sent message as Telegram shows it inside a later update: plain text, the bot as author. */
export function tgShown(sent: TgSent, botId: number, extra: object = {}) {
  return {
    message_id: sent.messageId,
    from: { id: botId, is_bot: true, first_name: 'Test First name', username: 'TestNameBot' },
    text: unescapeHtml(sent.text),
    ...(sent.keyboard.length > 0 ? { reply_markup: { inline_keyboard: sent.keyboard } } : {}),
    ...extra,
  };
}

/** The button on a row of the keyboard whose text matches. */
export function tgButton(sent: TgSent, label: RegExp): string {
  const b = sent.keyboard.flat().find((x) => label.test(x.text));
  if (!b) throw new Error(`no button ${label} in ${JSON.stringify(sent.keyboard)}`);
  return b.callback_data;
}

/** The callback data of the digest button of kind `letter` (a, e, s, w, o) for recommendation `recId`. */
export function tgActionFor(sent: TgSent, letter: string, recId: number): string {
  const data = sent.keyboard
    .flat()
    .map((b) => b.callback_data)
    .find((d) => d.startsWith(`${letter}.${recId.toString(36)}.`));
  if (!data) throw new Error(`no ${letter} button for recommendation ${recId}`);
  return data;
}
