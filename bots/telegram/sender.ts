import { Telegram, TelegramError } from 'telegraf';
import { DeliveryError } from '../../src/lib/delivery-error.js';
import type { ChannelSender } from '../../src/ports.js';

type TelegramPayload = { text: string; parseMode?: 'HTML'; replyMarkup?: unknown };
/** editMessageText errors that mean the message to edit is no longer there to edit. */
const ORIGINAL_GONE = /message to edit not found|message can't be edited/i;

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
          try {
            await telegram.editMessageText(m.target, Number(replaces), undefined, text, extra);
            return { externalId: replaces };
          } catch (err) {
            if (err instanceof TelegramError && /message is not modified/i.test(err.description)) {
              return { externalId: replaces };
            }
            // Someone deleted the original (or it is too old to edit): say it in a new message
            // rather than lose the update and page on-call about a dead notification.
            if (!(err instanceof TelegramError && ORIGINAL_GONE.test(err.description))) throw err;
          }
        }
        const sent = await telegram.sendMessage(m.target, text, extra);
        return { externalId: String(sent.message_id) };
      } catch (err) {
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
