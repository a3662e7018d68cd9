import { seasonalise } from '../profile.js';
import type { FitContext, ForecastModel } from '../types.js';

/** Mean of the weekday-adjusted series over the last `days` calendar days, times the weekday profile. */
export function movingAverage(days: number): ForecastModel {
  return {
    name: `ma${days}`,
    description: `${days}-day moving average with a weekday profile`,
    forecast(ctx: FitContext, horizon: number): Float64Array {
      const level = trailingMean(ctx, days);
      return seasonalise(ctx, horizon, () => level);
    },
  };
}

/** Mean of z over the trading days among the last `days` calendar days. */
export function trailingMean(ctx: FitContext, days: number): number {
  const { z, profile } = ctx;
  const tradingPerWeek = profile.reduce((a, f) => a + (f > 0 ? 1 : 0), 0);
  const m = Math.min(z.length, Math.max(1, Math.round((days * tradingPerWeek) / 7)));
  if (m === 0) return 0;
  let s = 0;
  for (let i = z.length - m; i < z.length; i++) s += z[i] as number;
  return s / m;
}
