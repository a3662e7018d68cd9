// Applies inPlaceEdit to a message the bot sent. The action already happened in the database, so a
// failed edit is logged and never turns into an error for the person who tapped.

import type { Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { HandlerDeps } from './deps.js';
import { isNotModified } from './deps.js';
import { inPlaceEdit, type ShownMessage } from './in-place.js';

export async function updateInPlace(
  ctx: Context,
  deps: HandlerDeps,
  message: Message.TextMessage | ShownMessage,
  recommendationId: number,
  status: string,
): Promise<void> {
  const chatId = ctx.chat?.id;
  const messageId = 'message_id' in message ? message.message_id : undefined;
  if (chatId === undefined || messageId === undefined) return;
  const edit = inPlaceEdit(message as ShownMessage, recommendationId, status);
  // A second tap on a line already marked (the edit raced the tap): only the keyboard may change.
  const already = (message as ShownMessage).text?.includes(status) ?? false;
  const reply_markup = { inline_keyboard: edit.keyboard };
  try {
    if (edit.text && !already) {
      await ctx.telegram.editMessageText(chatId, messageId, undefined, edit.text, {
        entities: edit.entities,
        reply_markup,
        link_preview_options: { is_disabled: true },
      });
    } else {
      await ctx.telegram.editMessageReplyMarkup(chatId, messageId, undefined, reply_markup);
    }
  } catch (err) {
    if (!isNotModified(err)) deps.log.warn({ err, chatId, messageId }, 'telegram: in-place update failed');
  }
}
