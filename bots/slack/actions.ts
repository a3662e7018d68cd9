// Button clicks and the Edit quantity submission. The button value is never trusted: it is decoded
// and its signature and expiry checked, the clicker is identified in that channel, and the port
// checks the action against stored state, so a second click, a second approver or a replay gets a
// clear ephemeral answer and no second effect. Approve's confirmation is Slack's confirm dialog:
// the click only arrives after the person confirmed.

import type { BlockAction, ButtonAction, SlackViewAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ActionResult } from '../chat-port.js';
import { decodeAction } from '../commands/index.js';
import type { Respond, SlackDeps } from './deps.js';
import { settleBlocks } from './in-place.js';
import { editModal, parseMetadata, QTY_BLOCK, submittedQuantity } from './modal.js';
import { slackTexts } from './texts.js';

const ICONS = { approve: '✅', snooze: '💤', ordered: '📦' } as const;
type Ctx = { deps: SlackDeps; client: WebClient; respond: Respond };

export async function handleBlockAction(ctx: Ctx, body: BlockAction<ButtonAction>): Promise<void> {
  const { deps, respond } = ctx;
  const action = body.actions[0];
  const channel = body.channel?.id ?? body.container?.channel_id ?? '';
  const identity = await deps.port.identify('slack', channel, body.user.id);
  const t = slackTexts(identity?.locale ?? 'en');
  const say = async (text: string): Promise<void> => {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  };
  const decoded = decodeAction(action?.value, deps.verifyAction, deps.now());
  if (!decoded.ok) {
    if (decoded.code === 'TAMPERED') deps.log.warn({ user: body.user.id }, 'slack: tampered action value');
    return say({ TAMPERED: t.tampered, EXPIRED: t.expired, MALFORMED: t.malformed }[decoded.code]);
  }
  if (!identity) return say(t.notLinked);
  if (identity.actor.role === 'viewer') return say(t.viewerCannotAct);
  const { kind, recommendationId: recId } = decoded.action;
  const { companyId, actor } = identity;
  const message = {
    channel,
    ts: body.container?.message_ts ?? body.message?.ts ?? '',
    blocks: body.message?.blocks,
    text: body.message?.text,
  };

  if (kind === 'edit') {
    const state = await deps.port.recommendation(companyId, recId);
    if (!state) return say(t.notFound);
    if (state.settled) {
      await updateInPlace(ctx, message, recId, state.settled);
      return say(state.settled);
    }
    // trigger_id is valid for 3 s after the click: open the modal before anything slow.
    await ctx.client.views.open({
      trigger_id: body.trigger_id,
      view: editModal(identity.locale, state.view, { a: action?.value ?? '', c: channel, ts: message.ts }),
    });
    return;
  }
  const result: ActionResult =
    kind === 'approve'
      ? await deps.port.approve(companyId, recId, actor)
      : kind === 'ordered'
        ? await deps.port.markOrdered(companyId, recId, actor)
        : await deps.port.snooze(companyId, recId, actor, kind === 'snooze1' ? 1 : 7);
  deps.log.info(
    { kind, ok: result.ok, code: result.ok ? undefined : result.code, user: body.user.id },
    'slack: action',
  );
  const icon = kind === 'approve' ? ICONS.approve : kind === 'ordered' ? ICONS.ordered : ICONS.snooze;
  if (result.ok || result.code === 'ALREADY_DONE')
    await updateInPlace(ctx, message, recId, result.ok ? `${icon} ${result.text}` : result.message);
  if (!result.ok) await say(result.message);
}

/** The message a button was on; `text` is its fallback (notifications, screen readers). */
type Shown = { channel: string; ts: string; blocks: unknown[] | undefined; text?: string };

/** chat.update for everyone; the action already happened, so a failure is logged, not shown. */
async function updateInPlace(ctx: Ctx, shown: Shown, recId: number, status: string): Promise<void> {
  if (!shown.ts || !shown.blocks) return;
  const blocks = settleBlocks(shown.blocks as never[], recId, status);
  if (!blocks) return; // already settled on screen: a racing second click changes nothing
  try {
    await ctx.client.chat.update({
      channel: shown.channel,
      ts: shown.ts,
      // The message's own fallback stays: a digest's preview is the digest, not one line's status.
      text: shown.text || status,
      blocks: blocks as never,
    });
  } catch (err) {
    ctx.deps.log.warn({ err, channel: shown.channel, ts: shown.ts }, 'slack: in-place update failed');
  }
}

export type ViewAck = (response?: {
  response_action: 'errors';
  errors: Record<string, string>;
}) => Promise<void>;

export async function handleEditSubmission(
  deps: SlackDeps,
  client: WebClient,
  body: SlackViewAction,
  ack: ViewAck,
): Promise<void> {
  const meta = parseMetadata(body.view.private_metadata);
  const decoded = meta ? decodeAction(meta.a, deps.verifyAction, deps.now()) : null;
  const identity = meta ? await deps.port.identify('slack', meta.c, body.user.id) : null;
  const t = slackTexts(identity?.locale ?? 'en');
  const error = (text: string) => ack({ response_action: 'errors', errors: { [QTY_BLOCK]: text } });
  // The input first: that is the error the person can fix in the modal.
  const quantity = submittedQuantity(body.view.state as never);
  if (quantity === null) return error(t.badQuantity);
  if (!meta || !decoded?.ok || decoded.action.kind !== 'edit')
    return error(decoded && !decoded.ok && decoded.code === 'EXPIRED' ? t.expired : t.tampered);
  if (!identity) return error(t.notLinked);
  if (identity.actor.role === 'viewer') return error(t.viewerCannotAct);
  const recId = decoded.action.recommendationId;
  const result = await deps.port.approve(identity.companyId, recId, identity.actor, quantity);
  // Refusals (limit, already done) stay in the modal, where the person is looking.
  if (result.ok) await ack();
  else await error(result.message);
  if (!result.ok && result.code !== 'ALREADY_DONE') return;
  const status = result.ok ? `${ICONS.approve} ${result.text}` : result.message;
  const original = await originalMessage(client, meta.c, meta.ts);
  const respond: Respond = async () => undefined;
  await updateInPlace(
    { deps, client, respond },
    { channel: meta.c, ts: meta.ts, ...original },
    recId,
    status,
  );
}

async function originalMessage(
  client: WebClient,
  channel: string,
  ts: string,
): Promise<{ blocks: unknown[] | undefined; text?: string }> {
  const res = await client.conversations
    .history({ channel, latest: ts, inclusive: true, limit: 1 })
    .catch(() => undefined);
  const message = res?.messages?.find((m) => m.ts === ts);
  return { blocks: message?.blocks as unknown[] | undefined, text: message?.text };
}
