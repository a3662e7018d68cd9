import { createHash, randomBytes } from 'node:crypto';
import { ValidationError } from '../lib/errors.js';
import type { Actor, ApiScope, ApiTokenRecord, ApiTokenStore } from '../ports.js';

const SCOPES: readonly ApiScope[] = ['read', 'write', 'approve', 'admin'];
const PREFIX = 'sp_';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What a token may do, as an actor the services understand. */
export function actorOf(token: ApiTokenRecord): Actor {
  const has = (s: ApiScope) => token.scopes.includes(s) || token.scopes.includes('admin');
  const role = token.scopes.includes('admin') ? 'admin' : has('write') || has('approve') ? 'buyer' : 'viewer';
  return {
    id: `api:token:${token.id}`,
    role,
    approvalLimit: has('approve') ? null : 0,
    display: `token ${token.name}`,
  };
}

/** API tokens: shown once at creation, stored only as a SHA-256 hash. */
export function createApiTokenService(deps: { tokens: ApiTokenStore; now: () => Date }) {
  return {
    async create(input: {
      companyId: string | null;
      name: string;
      scopes: string[];
      createdBy: string;
      expiresAt?: Date | null;
    }) {
      const unknown = input.scopes.filter((s) => !SCOPES.includes(s as ApiScope));
      if (unknown.length > 0 || input.scopes.length === 0) {
        throw new ValidationError(
          `scopes: expected some of ${SCOPES.join(', ')}; got ${input.scopes.join(',') || 'none'}`,
        );
      }
      const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
      const record = await deps.tokens.insert({
        companyId: input.companyId,
        name: input.name,
        prefix: token.slice(0, 10),
        scopes: input.scopes as ApiScope[],
        expiresAt: input.expiresAt ?? null,
        tokenHash: hashToken(token),
        createdBy: input.createdBy,
      });
      return { token, record };
    },

    async verify(token: string): Promise<ApiTokenRecord | undefined> {
      if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
      return deps.tokens.use(hashToken(token), deps.now());
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
