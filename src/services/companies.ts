import { ConflictError, ValidationError } from '../lib/errors.js';
import type { CompanyRecord, CompanyStore, Locale } from '../ports.js';

export type AddCompanyInput = {
  name: string;
  timezone: string;
  locale?: Locale;
  slug?: string;
  isDemo?: boolean;
};

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9а-яё]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return slug || 'company';
}

export function createCompanyService(deps: { companies: CompanyStore }) {
  return {
    async add(input: AddCompanyInput): Promise<CompanyRecord> {
      const name = input.name.trim();
      if (name === '' || name.length > 200) throw new ValidationError('name: expected 1 to 200 characters');
      if (!isValidTimeZone(input.timezone)) {
        throw new ValidationError(
          `timezone: "${input.timezone}" is not an IANA time zone such as Europe/Moscow`,
        );
      }
      const slug = input.slug ?? slugify(name);
      if (await deps.companies.findBySlug(slug)) {
        throw new ConflictError(`a company with the slug "${slug}" already exists; pass another --slug`);
      }
      return deps.companies.insert({
        name,
        slug,
        timezone: input.timezone,
        locale: input.locale ?? 'ru',
        isDemo: input.isDemo ?? false,
      });
    },
    list: () => deps.companies.list(),
    /** Accepts the id or the slug, since people type slugs. */
    async resolve(idOrSlug: string): Promise<CompanyRecord | undefined> {
      const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
      return (
        (isUuid ? await deps.companies.find(idOrSlug) : undefined) ?? deps.companies.findBySlug(idOrSlug)
      );
    },
  };
}

export type CompanyService = ReturnType<typeof createCompanyService>;
