import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../../../lib/errors.js';
import type { CompanyService } from '../../../services/companies.js';

export const companyParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/** The company named in the path, or 404 — also when the token is for another company. */
export async function companyOr404(companies: CompanyService, idOrSlug: string, req: FastifyRequest) {
  const company = await companies.resolve(idOrSlug);
  const tokenCompany = req.apiToken?.companyId;
  if (!company || (tokenCompany && tokenCompany !== company.id))
    throw new NotFoundError(`company ${idOrSlug}`);
  return company;
}
