import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Marketplace credentials at rest: AES-256-GCM, a fresh 96-bit IV per value, and the key id in
// the sealed text so old values still open after the key is rotated.

export type KeyRing = Readonly<{ currentKeyId: string; keys: ReadonlyMap<string, Buffer> }>;

export class SecretBoxError extends Error {
  constructor(
    readonly code: 'UNKNOWN_KEY' | 'MALFORMED' | 'TAMPERED',
    message: string,
  ) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const VERSION = 'v1';

export type SecretBox = {
  /** Returns `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). */
  seal(plaintext: string): { sealed: string; keyId: string };
  open(sealed: string): string;
  /** True when the value was sealed with an older key and should be re-sealed. */
  needsRotation(sealed: string): boolean;
};

export function createSecretBox(ring: KeyRing): SecretBox {
  const current = ring.keys.get(ring.currentKeyId);
  if (current?.length !== 32) {
    throw new SecretBoxError(
      'UNKNOWN_KEY',
      `credentials key ${ring.currentKeyId} is missing or not 32 bytes`,
    );
  }
  const aad = (keyId: string) => Buffer.from(`${VERSION}.${keyId}`);
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(aad(ring.currentKeyId));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const parts = [VERSION, ring.currentKeyId, iv, cipher.getAuthTag(), body].map((p) =>
        typeof p === 'string' ? p : p.toString('base64url'),
      );
      return { sealed: parts.join('.'), keyId: ring.currentKeyId };
    },
    open(sealed) {
      const [version, keyId, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !keyId || !iv || !tag || body === undefined) {
        throw new SecretBoxError('MALFORMED', 'sealed credentials are not in the v1 format');
      }
      const key = ring.keys.get(keyId);
      if (!key) {
        throw new SecretBoxError(
          'UNKNOWN_KEY',
          `credentials were sealed with key ${keyId}, which is not configured; add it to CREDENTIALS_OLD_KEYS`,
        );
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAAD(aad(keyId));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new SecretBoxError('TAMPERED', `sealed credentials do not authenticate under key ${keyId}`);
      }
    },
    needsRotation(sealed) {
      return sealed.split('.')[1] !== ring.currentKeyId;
    },
  };
}
