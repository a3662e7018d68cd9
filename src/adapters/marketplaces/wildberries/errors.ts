import { excerptBody, UpstreamError, type UpstreamErrorCode } from '../errors.js';
import type { HttpResponse } from '../http-client.js';

/** WB error bodies come in six shapes (README §1.1); pull out whatever text there is. */
export function wbErrorText(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 200);
  if (!body || typeof body !== 'object') return '';
  const b = body as Record<string, unknown>;
  for (const key of ['detail', 'errorText', 'message', 'title']) {
    if (typeof b[key] === 'string' && b[key]) return b[key] as string;
  }
  if (Array.isArray(b.errors)) return b.errors.join('; ');
  if (typeof b.errors === 'string') return b.errors;
  if (typeof b.code === 'string') return b.code;
  return '';
}

function classify(status: number, text: string, category: string): { code: UpstreamErrorCode; hint: string } {
  const t = text.toLowerCase();
  if (status === 401) {
    if (t.includes('expired'))
      return {
        code: 'AUTH_INVALID',
        hint: 'the token has expired (tokens live 180 days): create a new Personal token',
      };
    if (t.includes('scope') || t.includes('category'))
      return {
        code: 'AUTH_WRONG_CATEGORY',
        hint: `the token lacks the ${category} category: create a token that includes it`,
      };
    return {
      code: 'AUTH_INVALID',
      hint: `the token is missing, malformed, expired or lacks the ${category} category: paste a valid Personal token with that category`,
    };
  }
  if (status === 402)
    return { code: 'PAYMENT_REQUIRED', hint: 'the service has no balance in the WB solutions catalogue' };
  if (status === 403) {
    if (t.includes('base token'))
      return {
        code: 'TOKEN_TYPE_NOT_ALLOWED',
        hint: 'a Base token is not allowed here: use a Personal (or Service) token',
      };
    return {
      code: 'AUTH_FORBIDDEN',
      hint: 'the token is not allowed to call this method (deleted user, blocked method or wrong token type)',
    };
  }
  if (status === 404) return { code: 'NOT_FOUND', hint: 'wrong URL or unknown id' };
  if (status === 409) return { code: 'CONFLICT', hint: 'WB is still processing; retry later' };
  if (status === 429)
    return {
      code: 'RATE_LIMITED',
      hint: 'WB kept answering 429; run the sync later or check other tools using the same account',
    };
  if (status >= 500)
    return { code: 'UPSTREAM_UNAVAILABLE', hint: 'WB is unavailable; the sync retries on its next run' };
  if (status === 400)
    return { code: 'BAD_REQUEST', hint: 'the request was rejected; this is a client bug, report it' };
  return { code: 'UPSTREAM_ERROR', hint: 'unexpected answer' };
}

export function wbError(response: HttpResponse, endpoint: string, category: string): UpstreamError {
  const text = wbErrorText(response.data);
  const { code, hint } = classify(response.status, text, category);
  return new UpstreamError({
    code,
    marketplace: 'wildberries',
    endpoint,
    status: response.status,
    bodyExcerpt: excerptBody(response.data),
    message: `WB ${endpoint} answered ${response.status}${text ? ` (${text})` : ''}: ${hint}`,
    retryable: response.status === 429 || response.status >= 500,
  });
}

/** `X-Ratelimit-Retry`: seconds until WB accepts a retry. */
export function wbRetryAfterMs(headers: Record<string, string>): number | null {
  const seconds = Number(headers['x-ratelimit-retry']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
