import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, ForbiddenError } from '../../lib/errors.js';
import type { Actor, ApiScope, ApiTokenRecord } from '../../ports.js';
import { type ApiTokenService, actorOf } from '../../services/api-tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    apiToken?: ApiTokenRecord;
    actor?: Actor;
  }
}

/** Bearer API tokens: who is calling, and for which company. Every /api/v1 route runs behind it. */
const apiAuth: FastifyPluginAsync<{ tokens: ApiTokenService; anonymousDemo: boolean }> = async (
  app,
  { tokens, anonymousDemo },
) => {
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1] && anonymousDemo) {
      // Demo mode only: a newcomer may read the demo company without a token (requireCompany checks).
      req.actor = ANONYMOUS_DEMO;
      return;
    }
    if (!match?.[1]) {
      throw new AppError(
        'UNAUTHENTICATED',
        'Send an API token as "Authorization: Bearer sp_…" (stockpilot token create).',
        401,
      );
    }
    const token = await tokens.verify(match[1]);
    if (!token) throw new AppError('UNAUTHENTICATED', 'The API token is unknown, revoked or expired.', 401);
    req.apiToken = token;
    req.actor = actorOf(token);
  });
};

export const apiAuthPlugin = fp(apiAuth, { name: 'api-auth' });

const ANONYMOUS_DEMO: Actor = { id: 'anonymous-demo', role: 'viewer', approvalLimit: 0 };

/** The company in the path must be the token's (an operator token, with no company, sees all). */
export function requireCompany(
  req: FastifyRequest,
  company: { id: string; isDemo?: boolean },
  scope: ApiScope = 'read',
): Actor {
  const companyId = company.id;
  const token = req.apiToken;
  if (req.actor === ANONYMOUS_DEMO) {
    if (company.isDemo && scope === 'read') return ANONYMOUS_DEMO;
    throw new AppError(
      'UNAUTHENTICATED',
      'Send an API token as "Authorization: Bearer sp_…" (stockpilot token create).',
      401,
    );
  }
  if (!token || !req.actor) throw new AppError('UNAUTHENTICATED', 'No API token.', 401);
  if (token.companyId !== null && token.companyId !== companyId) {
    // The same answer as for a company that does not exist: a token learns nothing of other tenants.
    throw new AppError('NOT_FOUND', `company ${companyId} not found`, 404);
  }
  if (!token.scopes.includes(scope) && !token.scopes.includes('admin')) {
    throw new ForbiddenError(`This token lacks the "${scope}" scope.`);
  }
  return req.actor;
}
