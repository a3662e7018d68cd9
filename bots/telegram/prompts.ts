// The two follow-up messages a button can open: the Approve confirmation ("Approve 156 units?
// [Yes] [Cancel]") and the Edit quantity prompt (a ForceReply the person answers with a number).
// Both are sent as replies to the message with the button, so the confirmation's callback still
// sees that message (reply_to_message) and can update it in place.

import type { Context } from 'telegraf';
import { escapeTelegram } from '../../src/adapters/render/index.js';
import type { Locale, RecommendationView } from '../../src/ports.js';
import { decodeAction, encodeAction } from '../commands/index.js';
import { encodeConfirm } from './confirm-id.js';
import { type HandlerDeps, who } from './deps.js';
import { textsFor } from './texts.js';

type Rec = Pick<RecommendationView, 'id' | 'sellerSku' | 'name' | 'recommendedQty'>;

const replyTo = (messageId: number | undefined) =>
  messageId === undefined
    ? {}
    : { reply_parameters: { message_id: messageId, allow_sending_without_reply: true } };

export async function sendConfirmation(
  ctx: Context,
  deps: HandlerDeps,
  locale: Locale,
  rec: Rec,
  messageId: number | undefined,
): Promise<void> {
  const t = textsFor(locale);
  const expiresAt = new Date(deps.now().getTime() + deps.promptTtlMs);
  const yes = encodeConfirm(
    { kind: 'confirm', recommendationId: rec.id, quantity: rec.recommendedQty, expiresAt },
    deps.signAction,
  );
  const no = encodeConfirm({ kind: 'cancel', recommendationId: rec.id, expiresAt }, deps.signAction);
  const text = escapeTelegram(t.confirmApprove(rec.recommendedQty, rec.sellerSku, rec.name));
  await ctx.reply(`❓ ${text} — ${escapeTelegram(who(ctx))}`, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...replyTo(messageId),
    reply_markup: {
      inline_keyboard: [
        [
          { text: t.yes(rec.recommendedQty), callback_data: yes },
          { text: t.cancel, callback_data: no },
        ],
      ],
    },
  });
}

// The prompt ends with a signed edit id: a reply is only trusted when it answers our own message and
// that id verifies, so echoing "ref …" through /stock cannot forge one.
const REF = /\nref ([a-z]\.[0-9a-z]{1,11}\.[0-9a-z]{1,9}\.[\w-]{1,43})$/;

export async function sendEditPrompt(
  ctx: Context,
  deps: HandlerDeps,
  locale: Locale,
  rec: Rec,
  messageId: number | undefined,
): Promise<void> {
  const expiresAt = new Date(deps.now().getTime() + deps.promptTtlMs);
  const ref = encodeAction({ kind: 'edit', recommendationId: rec.id, expiresAt }, deps.signAction);
  const prompt = textsFor(locale).editPrompt(who(ctx), rec.sellerSku, rec.name, rec.recommendedQty);
  await ctx.reply(`✏️ ${escapeTelegram(prompt)}\nref ${ref}`, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...replyTo(messageId),
    // selective: in a group only the person who tapped (mentioned in the text) gets the reply field.
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: String(rec.recommendedQty) },
  });
}

/** The recommendation an edit prompt was about, when `text` is one of our prompts and still valid. */
export function promptRecommendation(text: string, deps: HandlerDeps): number | null {
  const m = REF.exec(text);
  if (!m?.[1]) return null;
  const decoded = decodeAction(m[1], deps.verifyAction, deps.now());
  return decoded.ok && decoded.action.kind === 'edit' ? decoded.action.recommendationId : null;
}

/** "1 200", "150", "150 шт" → a whole number of units, or null. */
export function parseQuantity(text: string): number | null {
  const clean = text
    .replace(/[\s\u00a0\u202f]+/g, '')
    .replace(/(шт|pcs|units?)\.?$/i, '')
    .trim();
  if (!/^\d{1,7}$/.test(clean)) return null;
  const n = Number(clean);
  return n >= 1 && n <= 1_000_000 ? n : null;
}
