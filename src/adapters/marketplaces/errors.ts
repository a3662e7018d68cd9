import type { Marketplace } from '../../core/marketplace/records.js';

export type UpstreamErrorCode =
  | 'AUTH_INVALID'
  | 'AUTH_MISSING'
  | 'AUTH_WRONG_CATEGORY'
  | 'AUTH_FORBIDDEN'
  | 'TOKEN_TYPE_NOT_ALLOWED'
  | 'PAYMENT_REQUIRED'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'MALFORMED_RESPONSE'
  | 'UPSTREAM_ERROR';

export interface UpstreamErrorInit {
  code: UpstreamErrorCode;
  marketplace: Marketplace;
  endpoint: string;
  status: number;
  bodyExcerpt: string;
  message: string;
  retryable?: boolean;
}

/** The marketplace answered, and the answer was an error. The message says what to fix. */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly code: UpstreamErrorCode;
  readonly marketplace: Marketplace;
  readonly endpoint: string;
  readonly status: number;
  readonly bodyExcerpt: string;
  readonly retryable: boolean;

  constructor(init: UpstreamErrorInit) {
    super(init.message);
    this.code = init.code;
    this.marketplace = init.marketplace;
    this.endpoint = init.endpoint;
    this.status = init.status;
    this.bodyExcerpt = init.bodyExcerpt;
    this.retryable = init.retryable ?? false;
  }
}

export type NetworkErrorCode = 'TIMEOUT' | 'CONNECTION_FAILED' | 'ABORTED';

/** No answer from the marketplace (timeout, refused, reset). Never carries request headers. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly code: NetworkErrorCode;
  readonly marketplace: Marketplace;
  readonly endpoint: string;
  readonly attempts: number;

  constructor(init: {
    code: NetworkErrorCode;
    marketplace: Marketplace;
    endpoint: string;
    attempts: number;
    detail: string;
  }) {
    super(
      `${init.marketplace} ${init.endpoint}: no answer after ${init.attempts} attempt(s) (${init.detail}); ` +
        'check the network or the marketplace status and run the sync again',
    );
    this.code = init.code;
    this.marketplace = init.marketplace;
    this.endpoint = init.endpoint;
    this.attempts = init.attempts;
  }
}

/** A short, secret-free excerpt of a response body for logs and error messages. */
export function excerptBody(body: unknown, max = 300): string {
  let text: string;
  if (typeof body === 'string') text = body;
  else {
    try {
      text = JSON.stringify(body) ?? '';
    } catch {
      text = String(body);
    }
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
