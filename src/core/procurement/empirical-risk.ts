/**
 * The `level` quantile of demand summed over `days` consecutive days, read from the rolling
 * sums of the last `lookbackDays` of the SKU's own sales (oldest first, ending yesterday).
 * Wholesale demand comes in lumps (one customer's order of 500 where 20 a day is normal) that
 * cluster, and a daily forecast's quantiles summed as independent days understate how far a
 * two-week total can run; the SKU's own two-week totals show it directly. A year of lookback
 * also carries last year's season into the tail. null when the history is shorter than
 * `minDays` (too few sums to read a tail from).
 */
export function empiricalSumQuantile(
  history: readonly number[],
  days: number,
  level: number,
  lookbackDays: number,
  minDays: number,
): number | null {
  const recent = history.slice(Math.max(0, history.length - lookbackDays));
  if (days <= 0 || recent.length < Math.max(minDays, days)) return null;
  const sums: number[] = [];
  let run = 0;
  for (let i = 0; i < recent.length; i++) {
    run += clean(recent[i]);
    if (i >= days) run -= clean(recent[i - days]);
    if (i >= days - 1) sums.push(run);
  }
  sums.sort((a, b) => a - b);
  // Type 7 (linear interpolation) quantile, the forecaster's convention.
  const h = (sums.length - 1) * level;
  const lo = Math.floor(h);
  const a = sums[lo] ?? 0;
  const b = sums[Math.min(sums.length - 1, lo + 1)] ?? a;
  return a + (h - lo) * (b - a);
}

const clean = (x: number | undefined): number => (x !== undefined && Number.isFinite(x) && x > 0 ? x : 0);
