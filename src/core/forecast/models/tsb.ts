import { seasonalise } from '../profile.js';
import type { FitContext, ForecastModel } from '../types.js';

const ALPHA = 0.1;
const BETA = 0.05;

/**
 * Teunter–Syntetos–Babai on the weekday-adjusted trading days: the demand probability is updated
 * every day (so it decays through long zero runs, unlike Croston), the size only on selling days.
 */
export const tsb: ForecastModel = {
  name: 'tsb',
  description: 'TSB (alpha 0.1, beta 0.05) with a weekday profile',
  forecast(ctx: FitContext, horizon: number): Float64Array {
    const rate = tsbRate(ctx.z, ALPHA, BETA);
    return seasonalise(ctx, horizon, () => rate);
  },
};

export function tsbRate(z: Float64Array, alpha: number, beta: number): number {
  let first = -1;
  for (let i = 0; i < z.length; i++) {
    if ((z[i] as number) > 0) {
      first = i;
      break;
    }
  }
  if (first < 0) return 0;
  let size = z[first] as number;
  // Start the probability at the share of selling days so early history does not dominate.
  let selling = 0;
  for (let i = 0; i < z.length; i++) if ((z[i] as number) > 0) selling++;
  let prob = selling / z.length;
  for (let i = first + 1; i < z.length; i++) {
    const v = z[i] as number;
    const sold = v > 0;
    prob += beta * ((sold ? 1 : 0) - prob);
    if (sold) size += alpha * (v - size);
  }
  return prob * size;
}
