// Locale-aware formatting helpers shared by both platforms. The locale and nothing else comes from
// @locale (render data); values come from the (already escaped) view model.

import type { HelperDelegate, HelperOptions } from 'handlebars';
import { words } from './reasons.js';
import type { Locale } from './views.js';

const DASH = '—';

const localeOf = (options: HelperOptions): Locale => (options.data as { locale: Locale }).locale;
const tag = (locale: Locale): string => (locale === 'ru' ? 'ru-RU' : 'en-GB');

function isoDay(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

// Building an Intl formatter costs far more than using one (it was ~15% of a /stock reply's CPU):
// each is made once per locale, kind and time zone, a small set, and reused.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  key: string,
  make: () => T,
): T {
  let f = formatters.get(key);
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

function number(value: unknown, options: HelperOptions, digits: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DASH;
  const locale = tag(localeOf(options));
  return cached(
    `num:${locale}:${digits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }),
  ).format(value);
}

const zoneOf = (timezone: unknown) => (typeof timezone === 'string' ? timezone : 'UTC');

export const formatHelpers: Record<string, HelperDelegate> = {
  num: (value: unknown, options: HelperOptions) => number(value, options, 1),
  int: (value: unknown, options: HelperOptions) => number(value, options, 0),
  money(value: unknown, currency: unknown, options: HelperOptions) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return DASH;
    const locale = tag(localeOf(options));
    const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'RUB';
    return cached(
      `money:${locale}:${code}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency: code, maximumFractionDigits: 0 }),
    ).format(value);
  },
  /** A calendar day ('2026-01-15') as "15 Jan" / "15 янв.". */
  date(value: unknown, options: HelperOptions) {
    const d = isoDay(value);
    if (!d) return DASH;
    const locale = tag(localeOf(options));
    return cached(
      `date:${locale}`,
      () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
    ).format(d);
  },
  /** An instant in the company's time zone: "15 Jan, 08:00". */
  datetime(value: unknown, timezone: unknown, options: HelperOptions) {
    const d = typeof value === 'string' ? new Date(value) : null;
    if (!d || Number.isNaN(d.getTime())) return DASH;
    const locale = tag(localeOf(options));
    const zone = zoneOf(timezone);
    return cached(
      `datetime:${locale}:${zone}`,
      () =>
        new Intl.DateTimeFormat(locale, {
          day: 'numeric',
          month: 'short',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: zone,
        }),
    ).format(d);
  },
  /** The time of day of an instant in the company's time zone: "06:02" (for today's events). */
  time(value: unknown, timezone: unknown, options: HelperOptions) {
    const d = typeof value === 'string' ? new Date(value) : null;
    if (!d || Number.isNaN(d.getTime())) return DASH;
    const locale = tag(localeOf(options));
    const zone = zoneOf(timezone);
    return cached(
      `time:${locale}:${zone}`,
      () =>
        new Intl.DateTimeFormat(locale, {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: zone,
        }),
    ).format(d);
  },
  /** {{plural n one="day" other="days"}}; Russian adds few= and many=. */
  plural(value: unknown, options: HelperOptions) {
    const n = typeof value === 'number' && Number.isFinite(value) ? value : 0;
    const locale = tag(localeOf(options));
    const form = cached(`plural:${locale}`, () => new Intl.PluralRules(locale)).select(n);
    const hash = options.hash as Record<string, unknown>;
    const word = hash[form] ?? hash.other;
    if (typeof word !== 'string') throw new Error(`plural: no "${form}" or "other" form given`);
    return word;
  },
  /** Reason codes, categories and PO statuses in words. */
  reason: (code: unknown, options: HelperOptions) => words(localeOf(options), String(code)),
  /** Strings for helper arguments, e.g. a button label with the SKU: (concat "✅ " sellerSku). */
  concat: (...args: unknown[]) => args.slice(0, -1).join(''),
  eq: (a: unknown, b: unknown) => a === b,
  gt: (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b,
};
