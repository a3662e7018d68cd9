// Slash commands, after the ack: parseCommand gives the intent, the port answers for the caller's
// company only, bots/commands builds the view, the renderer makes Block Kit. Queries are answered
// ephemerally through response_url; /digest is posted to the channel (its buttons act for everyone,
// and chat.update can only edit a real message). Unlinked users get /help, /link and a refusal.

import type { SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Locale, StockCandidate } from '../../src/ports.js';
import type { ChatIdentity } from '../chat-port.js';
import { parseCommand } from '../commands/index.js';
import { type QueryIntent, queryReply, renderReply } from '../query-reply.js';
import { type Respond, respondAll, type SlackDeps } from './deps.js';
import { slackTexts } from './texts.js';

type Command = Pick<SlashCommand, 'command' | 'text' | 'channel_id' | 'user_id' | 'user_name'>;

export async function handleCommand(
  deps: SlackDeps,
  cmd: Command,
  respond: Respond,
  client: WebClient,
): Promise<void> {
  const text = `${cmd.command} ${cmd.text ?? ''}`.trim();
  // A /stock intent is the same in every language (only refusals are worded), so the most common
  // command can ask who is talking and look the product up in one go (issue #7).
  const stock = parseCommand(text, { locale: 'en' });
  if (stock.kind === 'stock') {
    const found = await deps.port.identifyForStock('slack', cmd.channel_id, cmd.user_id, stock.query);
    if (!found) return refuseUnlinked(deps, cmd, stock.kind, respond);
    const out = { respond, client, channel: cmd.channel_id };
    return answerQuery(deps, found.identity, stock, out, found.candidates);
  }
  const identity = await deps.port.identify('slack', cmd.channel_id, cmd.user_id);
  const locale: Locale = identity?.locale ?? 'en';
  const intent = parseCommand(text, { locale });
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
  if (!identity) return refuseUnlinked(deps, cmd, intent.kind, respond);
  return answerQuery(deps, identity, intent, { respond, client, channel: cmd.channel_id });
}

function refuseUnlinked(deps: SlackDeps, cmd: Command, command: QueryIntent['kind'], respond: Respond) {
  deps.log.info({ channel: cmd.channel_id, user: cmd.user_id, command }, 'slack: refused, not linked');
  const message = slackTexts('en').notLinked;
  return respondAll(respond, deps.renderer.renderMessages('slack', 'en', 'notice', { message }));
}

type Out = { respond: Respond; client: WebClient; channel: string };

async function answerQuery(
  deps: SlackDeps,
  id: ChatIdentity,
  intent: QueryIntent,
  out: Out,
  candidates?: StockCandidate[],
) {
  const { renderer } = deps;
  const { locale } = id;
  const reply = await queryReply(deps, id, intent, slackTexts(locale).noDigest, candidates);
  if (reply.template !== 'digest')
    return respondAll(out.respond, renderReply(renderer, 'slack', locale, reply));
  // The digest goes to the channel (an ephemeral message cannot be updated in place later).
  try {
    for (const m of renderReply(renderer, 'slack', locale, reply))
      await out.client.chat.postMessage({ channel: out.channel, text: m.text, blocks: m.blocks as never });
  } catch (err) {
    // Mostly not_in_channel (a private channel the bot was not invited to): say how to fix it.
    deps.log.warn({ err, channel: out.channel }, 'slack: could not post the digest');
    const message = slackTexts(locale).cannotPost;
    return respondAll(out.respond, renderer.renderMessages('slack', locale, 'notice', { message }));
  }
}
