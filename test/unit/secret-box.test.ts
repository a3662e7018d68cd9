import { describe, expect, it } from 'vitest';
import { createSecretBox, SecretBoxError } from '../../src/lib/secret-box.js';

const key = (n: number) => Buffer.alloc(32, n);
const ring = (current: string, keys: Record<string, Buffer>) => ({
  currentKeyId: current,
  keys: new Map(Object.entries(keys)),
});

describe('secret box', () => {
  const box = createSecretBox(ring('k1', { k1: key(1) }));

  it('round-trips and never stores the plaintext', () => {
    const secret = '{"token":"wb-eyJhbGciOi-very-secret"}';
    const { sealed, keyId } = box.seal(secret);
    expect(keyId).toBe('k1');
    expect(sealed).not.toContain('very-secret');
    expect(sealed.startsWith('v1.k1.')).toBe(true);
    expect(box.open(sealed)).toBe(secret);
  });

  it('uses a fresh IV each time', () => {
    expect(box.seal('same').sealed).not.toBe(box.seal('same').sealed);
  });

  it('opens values sealed with an old key after rotation and says they need re-sealing', () => {
    const old = box.seal('old secret').sealed;
    const rotated = createSecretBox(ring('k2', { k1: key(1), k2: key(2) }));
    expect(rotated.open(old)).toBe('old secret');
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.seal('x').sealed)).toBe(false);
  });

  it.each([
    ['tampered ciphertext', (s: string) => `${s.slice(0, -2)}AA`, 'TAMPERED'],
    ['key id swapped', (s: string) => s.replace('v1.k1.', 'v1.k9.'), 'UNKNOWN_KEY'],
    ['not sealed at all', () => 'plain text', 'MALFORMED'],
  ])('refuses a %s', (_name, mutate, code) => {
    const sealed = mutate(box.seal('payload-longer-than-two-bytes').sealed);
    expect(() => box.open(sealed)).toThrowError(SecretBoxError);
    try {
      box.open(sealed);
    } catch (err) {
      expect((err as SecretBoxError).code).toBe(code);
    }
  });

  it('refuses to open under a different key with the same id', () => {
    const other = createSecretBox(ring('k1', { k1: key(9) }));
    expect(() => other.open(box.seal('x').sealed)).toThrow(/do not authenticate/);
  });
});
