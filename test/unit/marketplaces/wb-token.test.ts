import { describe, expect, it } from 'vitest';
import { describeWbToken } from '../../../src/core/marketplace/wb-token.js';

const jwt = (payload: object) =>
  `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;

describe('describeWbToken', () => {
  it.each([
    [
      { sid: 'seller-uuid', acc: 3, exp: 1_800_000_000, s: 1 << 5 },
      { sellerId: 'seller-uuid', kind: 'personal', expiresAt: 1_800_000_000_000, categories: 32 },
    ],
    [{ acc: 1 }, { sellerId: null, kind: 'base', expiresAt: null, categories: null }],
    [
      { acc: 4, sid: 'x' },
      { sellerId: 'x', kind: 'service', expiresAt: null, categories: null },
    ],
  ])('%j', (payload, info) => expect(describeWbToken(jwt(payload))).toEqual(info));

  it.each([['not-a-jwt'], ['a.%%%.c'], ['']])('tolerates %j', (token) =>
    expect(describeWbToken(token)).toEqual({ sellerId: null, kind: null, expiresAt: null, categories: null }),
  );
});
