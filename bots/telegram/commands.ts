// Slash commands: parseCommand turns the text into an intent, the port answers for the caller's
// company only, bots/commands builds the view and the renderer makes HTML. Unlinked chats and users
// get /help, /link and a polite refusal, never any company's data.

import type { Context } from 'telegraf';
import type { Locale } from '../../src/ports.js';
import type { ChatIdentity } from '../chat-port.js';
import {
  buildDigestView,
  buildOrdersView,
  buildRunwayView,
  buildStockReply,
  encodeAction,
  type Intent,
  lookupStock,
  parseCommand,
} from '../commands/index.js';
import { type HandlerDeps, sendRendered } from './deps.js';
import { guessLocale, textsFor } from './texts.js';

export async function handleCommand(ctx: Context, deps: HandlerDeps, text: string): Promise<void> {
  const chatId = String(ctx.chat?.id ?? '');
  const userId = String(ctx.from?.id ?? '');
  const identity = await deps.port.identify('telegram', chatId, userId);
  const locale = identity?.locale ?? guessLocale(ctx.from?.language_code);
  const intent = parseCommand(text, { locale });
  const notice = (message: string) =>
    sendRendered(ctx, deps.renderer.renderMessages('telegram', locale, 'notice', { message }));

  switch (intent.kind) {
    case 'invalid':
      return notice(intent.message);
    case 'help':
      return sendRendered(ctx, [
        deps.renderer.render('telegram', locale, 'help', { linked: identity !== null }),
      ]);
    case 'link':
      return link(ctx, deps, intent.code, locale);
  }
  if (!identity) {
    deps.log.info({ chatId, userId, command: intent.kind }, 'telegram: refused, not linked');
    return notice(textsFor(locale).notLinked);
  }
  return answerQuery(ctx, deps, identity, intent);
}

type QueryIntent = Extract<Intent, { kind: 'stock' | 'runway' | 'digest' | 'orders' }>;

async function answerQuery(ctx: Context, deps: HandlerDeps, id: ChatIdentity, intent: QueryIntent) {
  const { renderer, port } = deps;
  const { companyId, locale } = id;
  switch (intent.kind) {
    case 'stock': {
      const found = lookupStock(intent.query, await port.stockCandidates(companyId, intent.query));
      const recommendation =
        found.kind === 'found' ? await port.stockRecommendation(companyId, found.product.id) : null;
      const reply = buildStockReply(intent.query, found, { timezone: id.timezone, recommendation });
      return sendRendered(
        ctx,
        reply.template === 'stock'
          ? renderer.renderMessages('telegram', locale, 'stock', reply.view)
          : renderer.renderMessages('telegram', locale, 'stock-choices', reply.view),
      );
    }
    case 'runway': {
      const view = buildRunwayView(await port.runway(companyId, intent.n), intent.n);
      return sendRendered(ctx, renderer.renderMessages('telegram', locale, 'runway', view));
    }
    case 'orders': {
      const view = buildOrdersView(await port.openOrders(companyId));
      return sendRendered(ctx, renderer.renderMessages('telegram', locale, 'orders', view));
    }
    case 'digest': {
      const data = await port.todaysDigest(companyId);
      if (!data) {
        const message = textsFor(locale).noDigest;
        return sendRendered(ctx, renderer.renderMessages('telegram', locale, 'notice', { message }));
      }
      const expiresAt = new Date(deps.now().getTime() + deps.actionTtlMs);
      const view = buildDigestView({
        companyName: id.companyName,
        timezone: id.timezone,
        ...data,
        actionId: (kind, r) => encodeAction({ kind, recommendationId: r.id, expiresAt }, deps.signAction),
      });
      return sendRendered(ctx, renderer.renderDigest('telegram', locale, view));
    }
  }
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
  await sendRendered(
    ctx,
    deps.renderer.renderMessages('telegram', result.ok ? result.locale : locale, 'notice', { message }),
  );
}
