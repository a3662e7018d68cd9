import type { IncomingMessage } from 'node:http';
import { hashString, type SimResponse } from './http.js';

// Token payload per README §1.1: acc 1=Base 2=Test 3=Personal 4=Service; s = category bitmask.
export const WB_CATEGORY_BIT = {
  content: 1,
  analytics: 2,
  marketplace: 4,
  statistics: 5,
  supplies: 10,
} as const;
export type WbCategory = keyof typeof WB_CATEGORY_BIT;

interface WbTokenPayload {
  sid: string;
  acc: number;
  s: number;
  exp: number;
  for: string;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function issueWbToken(secret: number, payload: WbTokenPayload): string {
  const body = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64(payload)}`;
  return `${body}.${hashString(`${body}:${secret}`).toString(36)}`;
}

export function allCategories(): number {
  return Object.values(WB_CATEGORY_BIT).reduce((mask, bit) => mask | (1 << bit), 0);
}

function problem(status: number, title: string, detail: string): SimResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
    body: {
      title,
      detail,
      code: `sim-${status}`,
      requestId: hashString(detail).toString(16),
      origin: 's2s-api-auth-catalog',
      status,
      statusText: status === 401 ? 'Unauthorized' : 'Forbidden',
      timestamp: new Date().toISOString(),
    },
  };
}

export type WbAuth =
  | { ok: true; payload: WbTokenPayload; tokenClass: 'base' | 'full' }
  | { ok: false; response: SimResponse };

/** Checks the Authorization header (raw token, `Bearer ` tolerated) the way WB's auth layer answers. */
export function checkWbToken(
  headers: IncomingMessage['headers'],
  secret: number,
  category: WbCategory,
  now: number,
): WbAuth {
  const raw = String(headers.authorization ?? '').replace(/^Bearer /, '');
  if (!raw) return { ok: false, response: problem(401, 'unauthorized', 'empty Authorization header') };
  const parts = raw.split('.');
  const [head, body, signature] = parts;
  if (
    parts.length !== 3 ||
    !head ||
    !body ||
    signature !== hashString(`${head}.${body}:${secret}`).toString(36)
  ) {
    return {
      ok: false,
      response: problem(401, 'unauthorized', 'token problem; token is malformed: could not verify signature'),
    };
  }
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as WbTokenPayload;
  if (payload.exp * 1000 < now)
    return { ok: false, response: problem(401, 'unauthorized', 'token problem; token is expired') };
  if ((payload.s & (1 << WB_CATEGORY_BIT[category])) === 0) {
    return {
      ok: false,
      response: problem(401, 'unauthorized', `token scope not allowed for this API route (${category})`),
    };
  }
  return { ok: true, payload, tokenClass: payload.acc === 1 ? 'base' : 'full' };
}

export function baseTokenForbidden(): SimResponse {
  return problem(403, 'forbidden', 'base token is not allowed');
}
