// Slash commands: parseCommand turns the text into an intent, the port answers for the caller's
// company only, bots/commands builds the view and the renderer makes HTML. Unlinked chats and users
// get /help, /link and a polite refusal, never any company's data.

import type { Context } from 'telegraf';
import type { Locale, StockCandidate } from '../../src/ports.js';
import type { ChatIdentity } from '../chat-port.js';
import { parseCommand } from '../commands/index.js';
import { type QueryIntent, queryReply, renderReply } from '../query-reply.js';
import { type HandlerDeps, sendNotice, sendRendered } from './deps.js';
import { guessLocale, textsFor } from './texts.js';

export async function handleCommand(ctx: Context, deps: HandlerDeps, text: string): Promise<void> {
  const chatId = String(ctx.chat?.id ?? '');
  const userId = String(ctx.from?.id ?? '');
  // A /stock intent is the same in every language (only refusals are worded), so the most common
  // command asks who is talking and looks the product up in one go, as on Slack (issue #7).
  const stock = parseCommand(text, { locale: 'en' });
  if (stock.kind === 'stock') {
    const found = await deps.port.identifyForStock('telegram', chatId, userId, stock.query);
    if (!found) return refuseUnlinked(ctx, deps, guessLocale(ctx.from?.language_code), stock.kind);
    return answerQuery(ctx, deps, found.identity, stock, found.candidates);
  }
  const identity = await deps.port.identify('telegram', chatId, userId);
  const locale = identity?.locale ?? guessLocale(ctx.from?.language_code);
  const intent = parseCommand(text, { locale });
  switch (intent.kind) {
    case 'invalid':
      return sendNotice(ctx, deps.renderer, locale, intent.message);
    case 'help':
      return sendRendered(ctx, [
        deps.renderer.render('telegram', locale, 'help', { linked: identity !== null }),
      ]);
    case 'link':
      return link(ctx, deps, intent.code, locale);
  }
  if (!identity) return refuseUnlinked(ctx, deps, locale, intent.kind);
  return answerQuery(ctx, deps, identity, intent);
}

function refuseUnlinked(ctx: Context, deps: HandlerDeps, locale: Locale, command: QueryIntent['kind']) {
  deps.log.info(
    { chatId: String(ctx.chat?.id ?? ''), userId: String(ctx.from?.id ?? ''), command },
    'telegram: refused, not linked',
  );
  return sendNotice(ctx, deps.renderer, locale, textsFor(locale).notLinked);
}

async function answerQuery(
  ctx: Context,
  deps: HandlerDeps,
  id: ChatIdentity,
  intent: QueryIntent,
  candidates?: StockCandidate[],
) {
  const reply = await queryReply(deps, id, intent, textsFor(id.locale).noDigest, candidates);
  return sendRendered(ctx, renderReply(deps.renderer, 'telegram', id.locale, reply));
}

async function link(ctx: Context, deps: HandlerDeps, code: string, locale: Locale): Promise<void> {
  const from = ctx.from;
  const result = await deps.port.link({
    platform: 'telegram',
    chatId: String(ctx.chat?.id ?? ''),
    userId: String(from?.id ?? ''),
    displayName: from?.username ? `@${from.username}` : (from?.first_name ?? ''),
    code,
  });
  // The code is a credential: take it out of the group's history (fails harmlessly without rights).
  if (ctx.chat?.type !== 'private') await ctx.deleteMessage().catch(() => undefined);
  const message = result.ok
    ? textsFor(result.locale).linked(result.companyName, result.role)
    : result.message;
  deps.log.info({ chatId: ctx.chat?.id, ok: result.ok }, 'telegram: link');
  await sendNotice(ctx, deps.renderer, result.ok ? result.locale : locale, message);
}
