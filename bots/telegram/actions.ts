// Inline-button taps. The callback data is never trusted: it is decoded and its signature and
// expiry checked, the tapper is identified, and the port checks the action against stored state,
// so a second tap, a second approver or a replay has no second effect and gets a clear answer.

import type { Context } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { ActionResult, ChatIdentity } from '../chat-port.js';
import { type DecodedAction, decodeAction } from '../commands/index.js';
import { type DecodedConfirm, decodeConfirm } from './confirm-id.js';
import { answer, type HandlerDeps } from './deps.js';
import { updateInPlace } from './edit-in-place.js';
import { sendConfirmation, sendEditPrompt } from './prompts.js';
import { guessLocale, textsFor } from './texts.js';

type Decoded = DecodedAction | DecodedConfirm;

const ICONS = { approve: '✅', snooze: '💤', ordered: '📦' } as const;

export async function handleCallback(ctx: Context, deps: HandlerDeps): Promise<void> {
  const cq = ctx.callbackQuery;
  if (!cq) return;
  const data = 'data' in cq ? cq.data : undefined;
  const now = deps.now();
  let decoded: Decoded = decodeAction(data, deps.verifyAction, now);
  if (!decoded.ok && decoded.code === 'MALFORMED') decoded = decodeConfirm(data, deps.verifyAction, now);
  const identity = await deps.port.identify('telegram', String(ctx.chat?.id ?? ''), String(cq.from.id));
  const t = textsFor(identity?.locale ?? guessLocale(cq.from.language_code));
  if (!decoded.ok) {
    if (decoded.code === 'TAMPERED') deps.log.warn({ from: cq.from.id }, 'telegram: tampered callback data');
    const text = { TAMPERED: t.tampered, EXPIRED: t.expired, MALFORMED: t.malformed }[decoded.code];
    return answer(ctx, text, true);
  }
  if (!identity) return answer(ctx, t.notLinked, true);
  if (identity.actor.role === 'viewer') return answer(ctx, t.viewerCannotAct, true);
  const action = decoded.action;
  const shown = ctx.callbackQuery?.message as Message.TextMessage | undefined;
  const recId = action.recommendationId;

  if (action.kind === 'cancel') {
    await answer(ctx, t.done);
    return clearPrompt(ctx, deps, `✖️ ${t.cancelled(identity.actor.display ?? identity.actor.id)}`);
  }
  if (action.kind === 'confirm') {
    const result = await deps.port.approve(identity.companyId, recId, identity.actor, action.quantity);
    await finish(ctx, deps, result, 'approve');
    // The confirmation goes quiet, and the digest line it came from is updated for everyone.
    await clearPrompt(ctx, deps, result.ok ? `${ICONS.approve} ${result.text}` : result.message);
    const original = (shown as { reply_to_message?: Message.TextMessage } | undefined)?.reply_to_message;
    if (original && (result.ok || result.code === 'ALREADY_DONE'))
      await updateInPlace(
        ctx,
        deps,
        original,
        recId,
        result.ok ? `${ICONS.approve} ${result.text}` : result.message,
      );
    return;
  }
  if (action.kind === 'approve' || action.kind === 'edit') {
    const state = await deps.port.recommendation(identity.companyId, recId);
    if (!state) return answer(ctx, t.notFound, true);
    if (state.settled) {
      await answer(ctx, t.alreadyDone(state.settled), true);
      if (shown) await updateInPlace(ctx, deps, shown, recId, state.settled);
      return;
    }
    await answer(ctx, action.kind === 'approve' ? t.confirmBelow : t.editAnswer);
    const send = action.kind === 'approve' ? sendConfirmation : sendEditPrompt;
    return send(ctx, deps, identity.locale, state.view, shown?.message_id);
  }
  const result = await act(deps, identity, action.kind, recId);
  await finish(ctx, deps, result, action.kind === 'ordered' ? 'ordered' : 'snooze');
  if (shown && (result.ok || result.code === 'ALREADY_DONE')) {
    const icon = action.kind === 'ordered' ? ICONS.ordered : ICONS.snooze;
    await updateInPlace(ctx, deps, shown, recId, result.ok ? `${icon} ${result.text}` : result.message);
  }
}

function act(deps: HandlerDeps, id: ChatIdentity, kind: 'snooze1' | 'snooze7' | 'ordered', recId: number) {
  if (kind === 'ordered') return deps.port.markOrdered(id.companyId, recId, id.actor);
  return deps.port.snooze(id.companyId, recId, id.actor, kind === 'snooze1' ? 1 : 7);
}

async function finish(ctx: Context, deps: HandlerDeps, result: ActionResult, what: keyof typeof ICONS) {
  deps.log.info(
    { what, ok: result.ok, code: result.ok ? undefined : result.code, from: ctx.from?.id },
    'telegram: action',
  );
  await answer(ctx, result.ok ? result.text : result.message, !result.ok);
}

/** Replaces a confirmation's text and drops its buttons, so it cannot be tapped again. */
async function clearPrompt(ctx: Context, deps: HandlerDeps, text: string): Promise<void> {
  await ctx.editMessageText(text, { reply_markup: { inline_keyboard: [] } }).catch((err: unknown) => {
    deps.log.warn({ err }, 'telegram: could not update the confirmation');
  });
}
