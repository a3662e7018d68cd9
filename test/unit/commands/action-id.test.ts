import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type ActionKind,
  type ChatAction,
  decodeAction,
  encodeAction,
  MAX_ACTION_BYTES,
} from '../../../bots/commands/action-id.js';

// What the bots will do: an HMAC under their secret, cut to 16 bytes (base64url, 22 characters).
const sign = (payload: string): string =>
  createHmac('sha256', 'test-secret').update(payload).digest().subarray(0, 16).toString('base64url');
const verify = (payload: string, signature: string): boolean => {
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

const now = new Date('2026-01-15T05:00:00Z');
const expiresAt = new Date('2026-01-22T05:00:00Z');

describe('action ids', () => {
  it.each<[ActionKind, number]>([
    ['approve', 1],
    ['edit', 42],
    ['snooze1', 123_456_789],
    ['snooze7', Number.MAX_SAFE_INTEGER],
    ['ordered', 0],
  ])('%s #%i round-trips within 64 bytes', (kind, recommendationId) => {
    const action: ChatAction = { kind, recommendationId, expiresAt };
    const id = encodeAction(action, sign);
    expect(new TextEncoder().encode(id).length).toBeLessThanOrEqual(MAX_ACTION_BYTES);
    expect(decodeAction(id, verify, now)).toEqual({ ok: true, action });
  });

  const good = encodeAction({ kind: 'approve', recommendationId: 42, expiresAt }, sign);
  const [kind, id, exp, sig] = good.split('.') as [string, string, string, string];

  // biome-ignore format: one row per case (STYLE.md rule 10)
  it.each<[string, unknown, Date, string]>([
    ['another recommendation', `${kind}.${(43).toString(36)}.${exp}.${sig}`, now, 'TAMPERED'],
    ['another kind', `o.${id}.${exp}.${sig}`, now, 'TAMPERED'],
    ['a later expiry', `${kind}.${id}.${(Number.parseInt(exp, 36) + 1).toString(36)}.${sig}`, now, 'TAMPERED'],
    ['a forged signature', `${kind}.${id}.${exp}.AAAAAAAAAAAAAAAAAAAAAA`, now, 'TAMPERED'],
    ['after expiry', good, new Date('2026-01-22T05:00:00Z'), 'EXPIRED'],
    ['an unknown kind', `z.${id}.${exp}.${sig}`, now, 'MALFORMED'],
    ['missing parts', `${kind}.${id}.${sig}`, now, 'MALFORMED'],
    ['empty', '', now, 'MALFORMED'],
    ['not a string', 42, now, 'MALFORMED'],
    ['JSON', '{"po":"PO-7","v":1}', now, 'MALFORMED'],
    ['too long', `${good}${'x'.repeat(64)}`, now, 'MALFORMED'],
  ])('refuses %s', (_name, text, at, code) => {
    expect(decodeAction(text, verify, at)).toEqual({ ok: false, code });
  });

  it.each<[string, () => string]>([
    [
      'a signature over 64 bytes in all',
      () => encodeAction({ kind: 'edit', recommendationId: 1, expiresAt }, () => 'x'.repeat(60)),
    ],
    [
      'a signature that is not base64url',
      () => encodeAction({ kind: 'edit', recommendationId: 1, expiresAt }, () => 'a.b'),
    ],
    ['a negative id', () => encodeAction({ kind: 'edit', recommendationId: -1, expiresAt }, sign)],
    ['a fractional id', () => encodeAction({ kind: 'edit', recommendationId: 1.5, expiresAt }, sign)],
  ])('refuses to encode %s', (_name, encode) => {
    expect(encode).toThrow(RangeError);
  });
});
