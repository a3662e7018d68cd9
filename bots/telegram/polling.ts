// Long polling for local development. The webhook and polling are never both on: this refuses to
// start while a webhook is set (polling would delete it, silently cutting off the deployed bot)
// unless the caller says the webhook may go.

import type { Telegraf } from 'telegraf';
import type { Logger } from '../../src/lib/logger.js';

export type PollingOptions = {
  log: Logger;
  /** Delete a webhook that is set (only for a bot token used nowhere else). */
  replaceWebhook?: boolean;
};

export async function startPolling(bot: Telegraf, opts: PollingOptions): Promise<{ stop(): void }> {
  const info = await bot.telegram.getWebhookInfo();
  if (info.url && !opts.replaceWebhook) {
    throw new Error(
      `A webhook is set for this bot (${info.url}); polling would remove it. Use TELEGRAM_MODE=webhook, or another bot token for local development.`,
    );
  }
  // launch() deletes the webhook, then resolves only when polling stops: do not await it.
  bot
    .launch({ allowedUpdates: ['message', 'callback_query'] })
    .catch((err: unknown) => opts.log.error({ err }, 'telegram polling stopped'));
  opts.log.info('telegram: long polling started');
  return { stop: () => bot.stop('stopped') };
}
