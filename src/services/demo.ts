import type { Logger } from '../lib/logger.js';
import type { CompanyService } from './companies.js';

export const DEMO_COMPANY_SLUG = 'demo';

/** Demo mode: a company to show the product working with nothing configured. */
export async function ensureDemoCompany(deps: { companies: CompanyService; log: Logger }) {
  const existing = await deps.companies.resolve(DEMO_COMPANY_SLUG);
  if (existing) return existing;
  const company = await deps.companies.add({
    name: 'Demo Seller',
    slug: DEMO_COMPANY_SLUG,
    timezone: 'Europe/Moscow',
    locale: 'en',
    isDemo: true,
  });
  deps.log.info({ companyId: company.id }, 'created the demo company');
  return company;
}
