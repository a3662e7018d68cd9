// Slash commands, after the ack: parseCommand gives the intent, the port answers for the caller's
// company only, bots/commands builds the view, the renderer makes Block Kit. Queries are answered
// ephemerally through response_url; /digest is posted to the channel (its buttons act for everyone,
// and chat.update can only edit a real message). Unlinked users get /help, /link and a refusal.

import type { SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
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
import { type Respond, respondAll, type SlackDeps } from './deps.js';
import { slackTexts } from './texts.js';

type Command = Pick<SlashCommand, 'command' | 'text' | 'channel_id' | 'user_id' | 'user_name'>;

export async function handleCommand(
  deps: SlackDeps,
  cmd: Command,
  respond: Respond,
  client: WebClient,
): Promise<void> {
  const identity = await deps.port.identify('slack', cmd.channel_id, cmd.user_id);
  const locale: Locale = identity?.locale ?? 'en';
  const intent = parseCommand(`${cmd.command} ${cmd.text ?? ''}`.trim(), { locale });
  const notice = (message: string) =>
    respondAll(respond, deps.renderer.renderMessages('slack', locale, 'notice', { message }));

  switch (intent.kind) {
    case 'invalid':
      return notice(intent.message);
    case 'help':
      return respondAll(respond, [
        deps.renderer.render('slack', locale, 'help', { linked: identity !== null }),
      ]);
    case 'link': {
      const result = await deps.port.link({
        platform: 'slack',
        chatId: cmd.channel_id,
        userId: cmd.user_id,
        displayName: `@${cmd.user_name}`,
        code: intent.code,
      });
      deps.log.info({ channel: cmd.channel_id, ok: result.ok }, 'slack: link');
      const message = result.ok
        ? slackTexts(result.locale).linked(result.companyName, result.role)
        : result.message;
      return notice(message);
    }
  }
  if (!identity) {
    deps.log.info(
      { channel: cmd.channel_id, user: cmd.user_id, command: intent.kind },
      'slack: refused, not linked',
    );
    return notice(slackTexts(locale).notLinked);
  }
  return answerQuery(deps, identity, intent, { respond, client, channel: cmd.channel_id });
}

type QueryIntent = Extract<Intent, { kind: 'stock' | 'runway' | 'digest' | 'orders' }>;
type Out = { respond: Respond; client: WebClient; channel: string };

async function answerQuery(deps: SlackDeps, id: ChatIdentity, intent: QueryIntent, out: Out) {
  const { renderer, port } = deps;
  const { companyId, locale } = id;
  switch (intent.kind) {
    case 'stock': {
      const found = lookupStock(intent.query, await port.stockCandidates(companyId, intent.query));
      const recommendation =
        found.kind === 'found' ? await port.stockRecommendation(companyId, found.product.id) : null;
      const reply = buildStockReply(intent.query, found, { timezone: id.timezone, recommendation });
      return respondAll(
        out.respond,
        reply.template === 'stock'
          ? renderer.renderMessages('slack', locale, 'stock', reply.view)
          : renderer.renderMessages('slack', locale, 'stock-choices', reply.view),
      );
    }
    case 'runway': {
      const view = buildRunwayView(await port.runway(companyId, intent.n), intent.n);
      return respondAll(out.respond, renderer.renderMessages('slack', locale, 'runway', view));
    }
    case 'orders': {
      const view = buildOrdersView(await port.openOrders(companyId));
      return respondAll(out.respond, renderer.renderMessages('slack', locale, 'orders', view));
    }
    case 'digest': {
      const data = await port.todaysDigest(companyId);
      if (!data) {
        const message = slackTexts(locale).noDigest;
        return respondAll(out.respond, renderer.renderMessages('slack', locale, 'notice', { message }));
      }
      const expiresAt = new Date(deps.now().getTime() + deps.actionTtlMs);
      const view = buildDigestView({
        companyName: id.companyName,
        timezone: id.timezone,
        ...data,
        actionId: (kind, r) => encodeAction({ kind, recommendationId: r.id, expiresAt }, deps.signAction),
      });
      try {
        for (const m of renderer.renderDigest('slack', locale, view))
          await out.client.chat.postMessage({
            channel: out.channel,
            text: m.text,
            blocks: m.blocks as never,
          });
      } catch (err) {
        // Mostly not_in_channel (a private channel the bot was not invited to): say how to fix it.
        deps.log.warn({ err, channel: out.channel }, 'slack: could not post the digest');
        const message = slackTexts(locale).cannotPost;
        return respondAll(out.respond, renderer.renderMessages('slack', locale, 'notice', { message }));
      }
    }
  }
}
