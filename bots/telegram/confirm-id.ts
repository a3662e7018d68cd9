// Signed ids for the buttons of the Approve confirmation ("Approve 156 units? [Yes] [Cancel]").
// bots/commands' action ids have no "confirm" kind, so these use their own letters (y, n), which
// decodeAction rejects, under the same signer: `y.<rec>.<qty>.<expiry>.<sig>`, `n.<rec>.<expiry>.<sig>`.
// The quantity is signed too: Yes approves exactly what the person was shown.

import { MAX_ACTION_BYTES } from '../commands/index.js';

export type ConfirmAction =
  | { kind: 'confirm'; recommendationId: number; quantity: number; expiresAt: Date }
  | { kind: 'cancel'; recommendationId: number; expiresAt: Date };

export type DecodedConfirm =
  | { ok: true; action: ConfirmAction }
  | { ok: false; code: 'MALFORMED' | 'TAMPERED' | 'EXPIRED' };

const SHAPE =
  /^(?:y\.([0-9a-z]{1,11})\.([0-9a-z]{1,6})|n\.([0-9a-z]{1,11}))\.([0-9a-z]{1,9})\.([\w-]{1,43})$/;

const b36 = (n: number): string => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`bad number ${n}`);
  return n.toString(36);
};

export function encodeConfirm(action: ConfirmAction, sign: (payload: string) => string): string {
  const exp = b36(Math.floor(action.expiresAt.getTime() / 1000));
  const head =
    action.kind === 'confirm'
      ? `y.${b36(action.recommendationId)}.${b36(action.quantity)}`
      : `n.${b36(action.recommendationId)}`;
  const payload = `${head}.${exp}`;
  const text = `${payload}.${sign(payload)}`;
  if (Buffer.byteLength(text) > MAX_ACTION_BYTES) throw new RangeError('confirm id over 64 bytes');
  return text;
}

export function decodeConfirm(
  text: unknown,
  verify: (payload: string, signature: string) => boolean,
  now: Date,
): DecodedConfirm {
  if (typeof text !== 'string' || text.length > MAX_ACTION_BYTES) return { ok: false, code: 'MALFORMED' };
  const m = SHAPE.exec(text);
  if (!m) return { ok: false, code: 'MALFORMED' };
  const [, rec = '', qty = '', cancelRec = '', exp = '', signature = ''] = m;
  const payload = rec ? `y.${rec}.${qty}.${exp}` : `n.${cancelRec}.${exp}`;
  if (!verify(payload, signature)) return { ok: false, code: 'TAMPERED' };
  const expiresAt = new Date(Number.parseInt(exp, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, code: 'EXPIRED' };
  if (rec) {
    const quantity = Number.parseInt(qty, 36);
    return {
      ok: true,
      action: { kind: 'confirm', recommendationId: Number.parseInt(rec, 36), quantity, expiresAt },
    };
  }
  return {
    ok: true,
    action: { kind: 'cancel', recommendationId: Number.parseInt(cancelRec, 36), expiresAt },
  };
}
