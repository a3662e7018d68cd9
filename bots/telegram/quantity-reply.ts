// The answer to an Edit quantity prompt: a reply to our ForceReply message with a number approves
// that quantity; anything else gets a helpful message and changes nothing.

import type { Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import { type HandlerDeps, sendNotice } from './deps.js';
import { parseQuantity, promptRecommendation } from './prompts.js';
import { guessLocale, textsFor } from './texts.js';

/** True when the message answered one of our edit prompts (and was handled here). */
export async function handleQuantityReply(ctx: Context, deps: HandlerDeps, text: string): Promise<boolean> {
  const prompt = (ctx.message as Message.TextMessage | undefined)?.reply_to_message as
    | Message.TextMessage
    | undefined;
  if (!prompt || prompt.from?.id !== ctx.botInfo.id || typeof prompt.text !== 'string') return false;
  const recId = promptRecommendation(prompt.text, deps);
  if (recId === null) return false;
  const identity = await deps.port.identify(
    'telegram',
    String(ctx.chat?.id ?? ''),
    String(ctx.from?.id ?? ''),
  );
  const locale = identity?.locale ?? guessLocale(ctx.from?.language_code);
  const t = textsFor(locale);
  const say = (message: string) => sendNotice(ctx, deps.renderer, locale, message);
  if (!identity) {
    await say(t.notLinked);
    return true;
  }
  if (identity.actor.role === 'viewer') {
    await say(t.viewerCannotAct);
    return true;
  }
  const quantity = parseQuantity(text);
  if (quantity === null) {
    await say(t.badQuantity);
    return true;
  }
  const result = await deps.port.approve(identity.companyId, recId, identity.actor, quantity);
  deps.log.info({ what: 'approve', ok: result.ok, quantity, from: ctx.from?.id }, 'telegram: edit quantity');
  await say(result.ok ? `✅ ${result.text}` : result.message);
  // The prompt shows the outcome for everyone and loses its signed ref, so it cannot be answered again.
  if (result.ok && ctx.chat) {
    await ctx.telegram
      .editMessageText(ctx.chat.id, prompt.message_id, undefined, `✅ ${result.text}`)
      .catch((err: unknown) => deps.log.warn({ err }, 'telegram: could not update the edit prompt'));
  }
  return true;
}
