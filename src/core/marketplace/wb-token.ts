// The WB token is a JWT whose payload says who and what it is (README §1.1): reading it (without
// verifying) lets us key rate limits by seller, pick the token type's limits and warn before expiry.

export type WbTokenKind = 'base' | 'test' | 'personal' | 'service';

export interface WbTokenInfo {
  sellerId: string | null;
  kind: WbTokenKind | null;
  /** Epoch ms, or null if the token does not say. */
  expiresAt: number | null;
  /** Category bits (1 Content, 2 Analytics, 4 Marketplace, 5 Statistics, 10 Supplies, …). */
  categories: number | null;
}

const KINDS: Record<number, WbTokenKind> = { 1: 'base', 2: 'test', 3: 'personal', 4: 'service' };

export function describeWbToken(token: string): WbTokenInfo {
  const empty: WbTokenInfo = { sellerId: null, kind: null, expiresAt: null, categories: null };
  const payload = token.replace(/^Bearer /, '').split('.')[1];
  if (!payload) return empty;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    return {
      sellerId: typeof json.sid === 'string' ? json.sid : null,
      kind: typeof json.acc === 'number' ? (KINDS[json.acc] ?? null) : null,
      expiresAt: typeof json.exp === 'number' ? json.exp * 1000 : null,
      categories: typeof json.s === 'number' ? json.s : null,
    };
  } catch {
    return empty;
  }
}
