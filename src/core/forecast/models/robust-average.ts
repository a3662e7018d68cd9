import { seasonalise } from '../profile.js';
import type { FitContext, ForecastModel } from '../types.js';

/** Days above this quantile of the last year are capped (a huge wholesale order, a one-off). */
const CAP_LEVEL = 0.9;
const LONG_DAYS = 364;

/**
 * Spike-robust moving average: the weekday-adjusted days of the last year are capped at their 90th
 * percentile, the recent window of capped values is averaged, and the result is scaled by the
 * year's mean / capped mean. The long-run level is kept (a genuine mean, not a median), but one huge
 * order no longer swings the next month's forecast. Best single model on the dev set.
 */
export function robustAverage(days: number): ForecastModel {
  return {
    name: `rma${days}`,
    description: `${days}-day spike-capped, mean-preserving moving average with a weekday profile`,
    forecast(ctx: FitContext, horizon: number): Float64Array {
      const level = robustLevel(ctx.z, windowPoints(ctx, LONG_DAYS), (capped) => {
        const m = Math.min(capped.length, windowPoints(ctx, days));
        let s = 0;
        for (let i = capped.length - m; i < capped.length; i++) s += capped[i] as number;
        return s / m;
      });
      return seasonalise(ctx, horizon, () => level);
    },
  };
}

/** Trading-day points covering `days` calendar days (at least 1, at most the history). */
export function windowPoints(ctx: FitContext, days: number): number {
  const trading = ctx.profile.reduce((a, f) => a + (f > 0 ? 1 : 0), 0);
  return Math.min(ctx.z.length, Math.max(1, Math.round((days * trading) / 7)));
}

/**
 * Level from capped values of the last `nLong` points of z: `estimate` turns them into a level,
 * which is then rescaled by mean / capped mean of those points (mean-preserving capping).
 */
export function robustLevel(
  z: Float64Array,
  nLong: number,
  estimate: (capped: Float64Array) => number,
): number {
  if (z.length === 0 || nLong === 0) return 0;
  const long = z.subarray(z.length - nLong);
  const sorted = long.slice().sort();
  const cap = sorted[Math.min(sorted.length - 1, Math.floor(CAP_LEVEL * sorted.length))] as number;
  const capped = long.map((v) => Math.min(v, cap));
  let sum = 0;
  let cappedSum = 0;
  for (let i = 0; i < long.length; i++) {
    sum += long[i] as number;
    cappedSum += capped[i] as number;
  }
  // Everything capped to zero (a very sparse SKU): the plain long-run mean.
  if (!(cappedSum > 0)) return sum / long.length;
  return estimate(capped) * (sum / cappedSum);
}
