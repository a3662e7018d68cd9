import { excerptBody, UpstreamError, type UpstreamErrorCode } from '../errors.js';
import type { HttpResponse } from '../http-client.js';

function messageOf(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 200);
  const m = body && typeof body === 'object' ? (body as Record<string, unknown>).message : undefined;
  return typeof m === 'string' ? m : '';
}

// Ozon's auth statuses are undocumented (wrong key → 404 [U]); branch on the message, then status.
function classify(status: number, message: string): { code: UpstreamErrorCode; hint: string } {
  const m = message.toLowerCase();
  if (m.includes('headers are required'))
    return { code: 'AUTH_MISSING', hint: 'Client-Id and Api-Key are not configured for this account' };
  if (m.includes('client-id'))
    return {
      code: 'AUTH_INVALID',
      hint: 'Client-Id must be the numeric seller id from Settings → Seller API',
    };
  if (m.includes('deactivated'))
    return {
      code: 'AUTH_INVALID',
      hint: 'the Api-Key is deactivated (keys live 3 months): generate a new key',
    };
  if (m.includes('invalid api-key'))
    return { code: 'AUTH_INVALID', hint: 'the Api-Key does not match the Client-Id: paste the key again' };
  if (m.includes('required role'))
    return {
      code: 'AUTH_FORBIDDEN',
      hint: 'the Api-Key lacks a role this method needs: add it in Settings → Seller API',
    };
  if (m.includes('ip addresses'))
    return {
      code: 'AUTH_FORBIDDEN',
      hint: 'the Api-Key is restricted to other IP addresses: allow this server',
    };
  if (m.includes('offer not signed'))
    return {
      code: 'AUTH_FORBIDDEN',
      hint: 'the seller has not accepted the Ozon offer in the seller cabinet',
    };
  if (status === 401) return { code: 'AUTH_INVALID', hint: 'check Client-Id and Api-Key' };
  if (status === 403) return { code: 'AUTH_FORBIDDEN', hint: 'the key may not call this method' };
  if (status === 404) return { code: 'NOT_FOUND', hint: 'wrong URL or unknown id' };
  if (status === 409) return { code: 'CONFLICT', hint: 'state conflict; retry later' };
  if (status === 429) return { code: 'RATE_LIMITED', hint: 'Ozon kept answering 429; run the sync later' };
  if (status >= 500)
    return { code: 'UPSTREAM_UNAVAILABLE', hint: 'Ozon is unavailable; the sync retries on its next run' };
  if (status === 400)
    return { code: 'BAD_REQUEST', hint: 'the request was rejected; this is a client bug, report it' };
  return { code: 'UPSTREAM_ERROR', hint: 'unexpected answer' };
}

export function ozonError(response: HttpResponse, endpoint: string): UpstreamError {
  const message = messageOf(response.data);
  const { code, hint } = classify(response.status, message);
  return new UpstreamError({
    code,
    marketplace: 'ozon',
    endpoint,
    status: response.status,
    bodyExcerpt: excerptBody(response.data),
    message: `Ozon ${endpoint} answered ${response.status}${message ? ` (${message})` : ''}: ${hint}`,
    retryable: response.status === 429 || response.status >= 500,
  });
}

/** `Retry-After`: seconds (sent with 429 since 2026-09-25). */
export function ozonRetryAfterMs(headers: Record<string, string>): number | null {
  const seconds = Number(headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}
