// After an action, the message the button was on is updated for everyone: a status line is appended
// and the acted-on line's buttons are removed. A digest carries many lines, so only the rows whose
// buttons name that recommendation go; the others stay usable. The text is edited as plain text plus
// the entities Telegram gave us back, so the original formatting survives without re-rendering.

import type { InlineKeyboardButton, MessageEntity } from 'telegraf/types';
import { TELEGRAM_LIMITS } from '../../src/adapters/render/index.js';

export type ShownMessage = {
  text?: string;
  entities?: MessageEntity[];
  reply_markup?: { inline_keyboard: InlineKeyboardButton[][] };
};

export type InPlaceEdit = {
  /** Null when the status line would not fit: then only the keyboard changes. */
  text: string | null;
  entities: MessageEntity[];
  keyboard: InlineKeyboardButton[][];
};

// Both id formats (bots/commands action ids and confirm-id.ts) put the recommendation second.
const REC = /^[a-z]\.([0-9a-z]{1,11})\./;

/** The recommendation a button acts on, or null for buttons of other kinds. */
export function recommendationOf(button: InlineKeyboardButton): number | null {
  const data = 'callback_data' in button ? button.callback_data : undefined;
  const m = data ? REC.exec(data) : null;
  return m?.[1] ? Number.parseInt(m[1], 36) : null;
}

export function inPlaceEdit(message: ShownMessage, recommendationId: number, status: string): InPlaceEdit {
  const keyboard = (message.reply_markup?.inline_keyboard ?? [])
    .map((row) => row.filter((b) => recommendationOf(b) !== recommendationId))
    .filter((row) => row.length > 0);
  const base = message.text ?? '';
  const text = base ? `${base}\n\n${status}` : status;
  const fits = text.length <= TELEGRAM_LIMITS.textChars;
  return { text: fits ? text : null, entities: message.entities ?? [], keyboard };
}
