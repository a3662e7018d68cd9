import { NotFoundError } from '../../../lib/errors.js';
import type { CompanyService } from '../../../services/companies.js';

export const companyParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 64 } },
} as const;

export const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

export async function companyOr404(companies: CompanyService, idOrSlug: string) {
  const company = await companies.resolve(idOrSlug);
  if (!company) throw new NotFoundError(`company ${idOrSlug}`);
  return company;
}
