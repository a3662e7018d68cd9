// The Telegram bot as a factory: telegraf with a preset botInfo (no getMe in tests), the handlers
// wired in one place, update_id deduplication first, and the mandatory top-level bot.catch. It never
// starts a transport itself: the webhook route or startPolling feeds it (never both).

import { Telegraf } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import type { Renderer } from '../../src/adapters/render/index.js';
import type { Logger } from '../../src/lib/logger.js';
import type { ChatPort } from '../chat-port.js';
import { handleCallback } from './actions.js';
import { handleCommand } from './commands.js';
import { answer, type HandlerDeps, sendNotice } from './deps.js';
import { handleQuantityReply } from './quantity-reply.js';
import { errorScrubber } from './scrub.js';
import { registerCommands } from './set-commands.js';
import { guessLocale, textsFor } from './texts.js';

export type TelegramBotOptions = {
  token: string;
  port: ChatPort;
  renderer: Renderer;
  signAction: (payload: string) => string;
  verifyAction: (payload: string, signature: string) => boolean;
  now: () => Date;
  log: Logger;
  /** Preset to skip getMe (tests, and a faster first update). */
  botInfo?: UserFromGetMe;
  apiRoot?: string;
  actionTtlMs?: number;
  promptTtlMs?: number;
};

export type TelegramBot = {
  bot: Telegraf;
  handleUpdate(update: Update): Promise<void>;
  /** setMyCommands in en (the default) and ru. */
  registerCommands(): Promise<void>;
};

const DAY_MS = 86_400_000;
// `/stock@other_bot …` in a group is meant for another bot.
const ADDRESSEE = /^[/／][\p{L}\p{N}_]{1,32}@(\w{1,64})/u;

export function createTelegramBot(opts: TelegramBotOptions): TelegramBot {
  const bot = new Telegraf(opts.token, {
    // Answers go as API calls, not inside the webhook response, so errors and results are seen.
    telegram: { webhookReply: false, ...(opts.apiRoot ? { apiRoot: opts.apiRoot } : {}) },
    handlerTimeout: 55_000,
  });
  if (opts.botInfo) bot.botInfo = opts.botInfo;
  const log = opts.log.child({ component: 'telegram' }, { serializers: { err: errorScrubber(opts.token) } });
  const deps: HandlerDeps = {
    port: opts.port,
    renderer: opts.renderer,
    signAction: opts.signAction,
    verifyAction: opts.verifyAction,
    now: opts.now,
    log,
    actionTtlMs: opts.actionTtlMs ?? 3 * DAY_MS,
    promptTtlMs: opts.promptTtlMs ?? DAY_MS,
  };

  // Telegram re-sends an update it did not see acknowledged; polling and webhook both pass here.
  bot.use(async (ctx, next) => {
    if (await opts.port.seenUpdate('telegram', String(ctx.update.update_id))) {
      log.info({ updateId: ctx.update.update_id }, 'telegram: duplicate update ignored');
      return;
    }
    await next();
  });

  bot.on('callback_query', (ctx) => handleCallback(ctx, deps));

  bot.on('message', async (ctx) => {
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    if (text === undefined || ctx.from.is_bot) return;
    if (await handleQuantityReply(ctx, deps, text)) return;
    if (/^[/／]/.test(text)) {
      const to = ADDRESSEE.exec(text)?.[1];
      if (to && to.toLowerCase() !== ctx.botInfo.username.toLowerCase()) return;
      return handleCommand(ctx, deps, text);
    }
    // In a group, chatter is not for us; in a private chat, say how to talk to the bot.
    if (ctx.chat.type === 'private') return handleCommand(ctx, deps, text);
  });

  bot.catch(async (err, ctx) => {
    log.error({ err, updateId: ctx.update.update_id }, 'telegram: handler failed');
    const locale = guessLocale(ctx.from?.language_code);
    const message = textsFor(locale).failed;
    try {
      if (ctx.callbackQuery) await answer(ctx, message, true);
      else if (ctx.chat) await sendNotice(ctx, opts.renderer, locale, message);
    } catch (replyErr) {
      log.warn({ err: replyErr }, 'telegram: could not report the failure');
    }
  });

  return {
    bot,
    handleUpdate: (update) => bot.handleUpdate(update),
    registerCommands: () => registerCommands(bot.telegram),
  };
}
