import { AppError } from '../../lib/errors.js';
import type { Runtime } from '../../main.js';

export async function companyOrFail(rt: Runtime, idOrSlug: string) {
  const company = await rt.companies.resolve(idOrSlug);
  if (!company) throw new AppError('NOT_FOUND', `company ${idOrSlug} not found (stockpilot company list)`);
  return company;
}

/** The run date: as given, or today in the company's time zone. */
export function runDateOf(company: { timezone: string }, date: string | undefined, now = new Date()): string {
  if (date !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
      throw new AppError('BAD_OPTION', `--date: expected YYYY-MM-DD, got ${date}`);
    }
    return date;
  }
  return new Intl.DateTimeFormat('en-CA', { timeZone: company.timezone }).format(now);
}
