import type { FitContext, ForecastModel } from '../types.js';

/** Weekly seasonal naive: each weekday repeats its value of the last week. */
export const seasonalNaive: ForecastModel = {
  name: 'snaive',
  description: 'Weekly seasonal naive (lag 7)',
  forecast(ctx: FitContext, horizon: number): Float64Array {
    const { y } = ctx;
    const n = y.length;
    const out = new Float64Array(horizon);
    if (n === 0) return out;
    for (let k = 0; k < horizon; k++) {
      // Shorter than a week: fall back to the last value.
      out[k] = n >= 7 ? (y[n - 7 + (k % 7)] as number) : (y[n - 1] as number);
    }
    return out;
  },
};
