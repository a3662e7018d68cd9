import { seasonalise } from '../profile.js';
import type { FitContext, ForecastModel } from '../types.js';

const ALPHAS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
const INIT_POINTS = 14;

/** Simple exponential smoothing of the weekday-adjusted series; alpha by one-step SSE on a grid. */
export const ses: ForecastModel = {
  name: 'ses',
  description: 'Simple exponential smoothing (alpha by in-sample SSE) with a weekday profile',
  forecast(ctx: FitContext, horizon: number): Float64Array {
    const level = sesLevel(ctx.z);
    return seasonalise(ctx, horizon, () => level);
  },
};

/** Final SES level with the best alpha of the grid (deterministic: first best wins). */
export function sesLevel(z: Float64Array): number {
  const n = z.length;
  if (n === 0) return 0;
  const m = Math.min(n, INIT_POINTS);
  let init = 0;
  for (let i = 0; i < m; i++) init += z[i] as number;
  init /= m;
  let bestSse = Number.POSITIVE_INFINITY;
  let bestLevel = init;
  for (const alpha of ALPHAS) {
    let level = init;
    let sse = 0;
    for (let i = 0; i < n; i++) {
      const e = (z[i] as number) - level;
      sse += e * e;
      level += alpha * e;
    }
    if (sse < bestSse) {
      bestSse = sse;
      bestLevel = level;
    }
  }
  return bestLevel;
}
