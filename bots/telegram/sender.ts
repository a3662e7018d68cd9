import { Telegram, TelegramError } from 'telegraf';
import { DeliveryError } from '../../src/lib/delivery-error.js';
import type { ChannelSender } from '../../src/ports.js';

type TelegramPayload = { text: string; parseMode?: 'HTML'; replyMarkup?: unknown };

/**
 * Sends (or edits in place) rendered HTML messages. Telegram cannot deduplicate, so the outbox
 * records the message id right after the call returns: the window for a double is that gap.
 */
export function createTelegramSender(opts: { token: string; apiRoot?: string }): ChannelSender {
  const telegram = new Telegram(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot } : {});
  return {
    async send(m, replaces) {
      const { text, replyMarkup } = m.payload as TelegramPayload;
      const extra = {
        parse_mode: 'HTML' as const,
        ...(replyMarkup ? { reply_markup: replyMarkup as never } : {}),
        link_preview_options: { is_disabled: true },
      };
      try {
        if (replaces) {
          await telegram.editMessageText(m.target, Number(replaces), undefined, text, extra);
          return { externalId: replaces };
        }
        const sent = await telegram.sendMessage(m.target, text, extra);
        return { externalId: String(sent.message_id) };
      } catch (err) {
        if (replaces && err instanceof TelegramError && /message is not modified/i.test(err.description)) {
          return { externalId: replaces };
        }
        throw toDeliveryError(err);
      }
    },
  };
}

function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof TelegramError) {
    if (err.code === 429) {
      return new DeliveryError(
        'rate_limited',
        'Telegram: too many requests',
        (err.parameters?.retry_after ?? 1) * 1000,
      );
    }
    const kind = err.code >= 500 ? 'transient' : 'permanent';
    return new DeliveryError(kind, `Telegram: ${err.code} ${err.description}`);
  }
  return new DeliveryError('transient', `Telegram: ${err instanceof Error ? err.message : 'request failed'}`);
}
