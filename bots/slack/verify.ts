// Slack request signing (docs: "Verifying requests from Slack"): 'v0=' + hex HMAC-SHA256 of
// `v0:<timestamp>:<raw body>` under the signing secret. Bolt's own check lets future timestamps
// through; ours refuses both directions beyond five minutes, so a captured request cannot be
// replayed later nor pre-signed for later.

import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_SECONDS = 300;

export type SignatureCheck = { ok: true } | { ok: false; code: 'MISSING' | 'STALE' | 'MISMATCH' };

export function verifySlackSignature(input: {
  signingSecret: string;
  timestamp: unknown;
  signature: unknown;
  rawBody: string;
  nowMs: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, code: 'MISSING' };
  if (Math.abs(Math.floor(input.nowMs / 1000) - Number(timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, code: 'STALE' };
  const expected = `v0=${createHmac('sha256', input.signingSecret)
    .update(`v0:${timestamp}:${input.rawBody}`)
    .digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  // timingSafeEqual needs equal lengths; the length of a valid signature is public anyway.
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, code: 'MISMATCH' };
  return { ok: true };
}
