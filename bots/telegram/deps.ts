// What the Telegram handlers share: the port, the renderer, the signer and the clock (passed in,
// never read deep inside), and small helpers to send rendered HTML and to answer callbacks.

import type { Context } from 'telegraf';
import type { Renderer, TelegramMessage } from '../../src/adapters/render/index.js';
import type { Logger } from '../../src/lib/logger.js';
import type { Locale } from '../../src/ports.js';
import type { ChatPort } from '../chat-port.js';

export type HandlerDeps = {
  port: ChatPort;
  renderer: Renderer;
  signAction: (payload: string) => string;
  verifyAction: (payload: string, signature: string) => boolean;
  now: () => Date;
  log: Logger;
  /** How long digest buttons stay valid. */
  actionTtlMs: number;
  /** How long a confirmation or an edit prompt stays valid. */
  promptTtlMs: number;
};

export async function sendRendered(ctx: Context, messages: readonly TelegramMessage[]): Promise<void> {
  for (const m of messages) {
    await ctx.reply(m.text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(m.replyMarkup ? { reply_markup: m.replyMarkup } : {}),
    });
  }
}

/** A plain-text notice (a refusal, a confirmation) in the notice template of `locale`. */
export function sendNotice(ctx: Context, renderer: Renderer, locale: Locale, message: string): Promise<void> {
  return sendRendered(ctx, renderer.renderMessages('telegram', locale, 'notice', { message }));
}

/** Callback answers are at most 200 characters; longer ones are refused by Telegram. */
export async function answer(ctx: Context, text: string, alert = false): Promise<void> {
  const short = text.length > 200 ? `${text.slice(0, 199)}…` : text;
  await ctx.answerCbQuery(short, { show_alert: alert });
}

/** Editing to the same content is a 400 "message is not modified": harmless, so not an error. */
export function isNotModified(err: unknown): boolean {
  return err instanceof Error && /message is not modified/i.test(err.message);
}

export const who = (ctx: Context): string => {
  const from = ctx.from;
  if (!from) return 'someone';
  return from.username ? `@${from.username}` : [from.first_name, from.last_name].filter(Boolean).join(' ');
};
