import { seasonalise } from '../profile.js';
import type { FitContext, ForecastModel } from '../types.js';

const ALPHA = 0.1;

/**
 * Croston's method on the weekday-adjusted trading days: smooths nonzero sizes and the intervals
 * between them; the rate is size / interval. SBA multiplies by (1 − alpha/2) to remove Croston's bias.
 */
function crostonModel(name: string, description: string, debias: number): ForecastModel {
  return {
    name,
    description,
    forecast(ctx: FitContext, horizon: number): Float64Array {
      const rate = crostonRate(ctx.z, ALPHA) * debias;
      return seasonalise(ctx, horizon, () => rate);
    },
  };
}

export const croston = crostonModel('croston', 'Croston (alpha 0.1) with a weekday profile', 1);
export const sba = crostonModel(
  'sba',
  'Syntetos–Boylan approximation (alpha 0.1) with a weekday profile',
  1 - ALPHA / 2,
);

export function crostonRate(z: Float64Array, alpha: number): number {
  let size = Number.NaN;
  let interval = Number.NaN;
  let gap = 0;
  for (let i = 0; i < z.length; i++) {
    gap++;
    const v = z[i] as number;
    if (!(v > 0)) continue;
    if (Number.isNaN(size)) {
      size = v;
      interval = gap;
    } else {
      size += alpha * (v - size);
      interval += alpha * (gap - interval);
    }
    gap = 0;
  }
  return Number.isNaN(size) ? 0 : size / interval;
}
