const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a YYYY-MM-DD string, or NaN when it is not a valid date. */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  return back === date ? ms / DAY_MS : Number.NaN;
}

/** YYYY-MM-DD of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday with 0 = Monday … 6 = Sunday; 0 for an invalid or missing date. */
export function weekdayOf(date: string | undefined): number {
  if (date === undefined) return 0;
  const day = dayNumber(date);
  // 1970-01-01 was a Thursday (weekday 3).
  return Number.isFinite(day) ? (((day + 3) % 7) + 7) % 7 : 0;
}

export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}
