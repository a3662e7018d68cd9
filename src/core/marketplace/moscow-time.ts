// WB statistics send Moscow wall-clock time without an offset. Moscow has been UTC+3 all year
// since 2014-10-26 (no DST), so a fixed offset is exact for every date WB still serves (90 days).
const MOSCOW_OFFSET_MS = 3 * 60 * 60 * 1000;
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

/** Parses `2026-09-28T14:03:11[.113]` (Moscow) into epoch milliseconds; null if not that shape. */
export function parseMoscowTime(value: string): number | null {
  const m = LOCAL_PATTERN.exec(value);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = ''] = m;
  const ms = Number(`${frac}000`.slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  return Number.isNaN(utc) ? null : utc - MOSCOW_OFFSET_MS;
}

/** Moscow wall-clock string as an ISO UTC string, or null. */
export function moscowToIso(value: string): string | null {
  const t = parseMoscowTime(value);
  return t === null ? null : new Date(t).toISOString();
}

/** The Moscow calendar day (`YYYY-MM-DD`) of a Moscow wall-clock string. */
export function moscowDay(value: string): string | null {
  return parseMoscowTime(value) === null ? null : value.slice(0, 10);
}

/** Formats epoch ms as Moscow wall-clock time without offset, e.g. `2026-09-28T14:03:11`. */
export function formatMoscowTime(epochMs: number): string {
  return new Date(epochMs + MOSCOW_OFFSET_MS).toISOString().slice(0, 19);
}

/** The UTC calendar day of an ISO timestamp with offset. */
export function utcDay(iso: string): string | null {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

/** WB's "not cancelled" placeholder `0001-01-01T00:00:00` means no date. */
export function isZeroDate(value: string): boolean {
  return value.startsWith('0001-01-01');
}
