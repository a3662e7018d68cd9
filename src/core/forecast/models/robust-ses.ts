import { seasonalise } from '../profile.js';
import type { FitContext, ForecastModel } from '../types.js';
import { robustLevel, windowPoints } from './robust-average.js';

const ALPHA = 0.08;
const LONG_DAYS = 364;

/** Exponential smoothing (alpha 0.08 per trading day) of the spike-capped series, mean-preserving. */
export const robustSes: ForecastModel = {
  name: 'rses',
  description: 'Spike-capped, mean-preserving exponential smoothing (alpha 0.08) with a weekday profile',
  forecast(ctx: FitContext, horizon: number): Float64Array {
    const level = robustLevel(ctx.z, windowPoints(ctx, LONG_DAYS), (capped) => {
      let l = capped.reduce((a, b) => a + b, 0) / capped.length;
      for (const v of capped) l += ALPHA * (v - l);
      return l;
    });
    return seasonalise(ctx, horizon, () => level);
  },
};
