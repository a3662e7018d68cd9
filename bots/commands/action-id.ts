// Compact, signed ids for chat buttons: Telegram's callback_data is at most 64 bytes, so the id is
// `<kind>.<recommendation id>.<expiry>.<signature>` in base 36, e.g. `a.2n9c.t5x1kg.Qm9v…`.
// The core stays pure: the bots pass `sign` / `verify` (an HMAC under the bot's secret).

export type ActionKind = 'approve' | 'edit' | 'snooze1' | 'snooze7' | 'ordered';

export type ChatAction = {
  kind: ActionKind;
  recommendationId: number;
  /** After this instant the button is refused (the digest it came from is old). */
  expiresAt: Date;
};

export type DecodedAction =
  | { ok: true; action: ChatAction }
  | { ok: false; code: 'MALFORMED' | 'TAMPERED' | 'EXPIRED' };

export const MAX_ACTION_BYTES = 64;

const KIND_CODES: Readonly<Record<ActionKind, string>> = {
  approve: 'a',
  edit: 'e',
  snooze1: 's',
  snooze7: 'w',
  ordered: 'o',
};
const KINDS = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as ActionKind]));
const SHAPE = /^([a-z])\.([0-9a-z]{1,11})\.([0-9a-z]{1,9})\.([\w-]{1,43})$/;

export function encodeAction(action: ChatAction, sign: (payload: string) => string): string {
  const { recommendationId: id, expiresAt } = action;
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`bad recommendation id ${id}`);
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError('bad expiry');
  const payload = `${KIND_CODES[action.kind]}.${id.toString(36)}.${seconds.toString(36)}`;
  const signature = sign(payload);
  if (!/^[\w-]+$/.test(signature)) throw new RangeError('the signature must be base64url');
  const text = `${payload}.${signature}`;
  // Telegram refuses the whole message when one button is over the limit: fail here instead.
  if (utf8Bytes(text) > MAX_ACTION_BYTES) throw new RangeError(`action id over ${MAX_ACTION_BYTES} bytes`);
  return text;
}

export function decodeAction(
  text: unknown,
  verify: (payload: string, signature: string) => boolean,
  now: Date,
): DecodedAction {
  if (typeof text !== 'string' || text.length > MAX_ACTION_BYTES) return { ok: false, code: 'MALFORMED' };
  const m = SHAPE.exec(text);
  const kind = m?.[1] === undefined ? undefined : KINDS.get(m[1]);
  if (!m || !kind) return { ok: false, code: 'MALFORMED' };
  const [, , id36 = '', exp36 = '', signature = ''] = m;
  const payload = `${m[1]}.${id36}.${exp36}`;
  // Signature before expiry: a forged id learns nothing about which ids would be live.
  if (!verify(payload, signature)) return { ok: false, code: 'TAMPERED' };
  const recommendationId = Number.parseInt(id36, 36);
  const expiresAt = new Date(Number.parseInt(exp36, 36) * 1000);
  if (!Number.isSafeInteger(recommendationId)) return { ok: false, code: 'MALFORMED' };
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, code: 'EXPIRED' };
  return { ok: true, action: { kind, recommendationId, expiresAt } };
}

const encoder = new TextEncoder();
const utf8Bytes = (text: string): number => encoder.encode(text).length;
