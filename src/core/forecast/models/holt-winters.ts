import type { FitContext, ForecastModel } from '../types.js';

const PERIOD = 7;
const ALPHAS = [0.02, 0.05, 0.1, 0.2];
const BETAS = [0.001, 0.01];
const GAMMAS = [0.01, 0.05, 0.1];
const PHIS = [0.9, 0.98];
/** Fit on at most this many recent days: older years add cost, not skill. */
const MAX_FIT_DAYS = 365;

interface HwState {
  level: number;
  trend: number;
  season: Float64Array;
  sse: number;
}

/**
 * Additive Holt-Winters (ETS(A,Ad,A)) with weekly seasonality and a damped trend; smoothing
 * parameters from a small grid by one-step SSE. Closed weekdays (profile 0) are forced to 0.
 */
export const holtWinters: ForecastModel = {
  name: 'ets',
  description: 'Holt-Winters additive, damped trend, weekly seasonality (grid-fitted)',
  forecast(ctx: FitContext, horizon: number): Float64Array {
    const out = new Float64Array(horizon);
    const n = ctx.y.length;
    if (n < 2 * PERIOD) return out.fill(mean(ctx.y, 0, n));
    const start = Math.max(0, n - MAX_FIT_DAYS);
    let best: HwState | undefined;
    let bestPhi = 1;
    for (const a of ALPHAS)
      for (const b of BETAS)
        for (const g of GAMMAS)
          for (const phi of PHIS) {
            const s = runHw(ctx.y, start, a, b, g, phi);
            if (best === undefined || s.sse < best.sse) {
              best = s;
              bestPhi = phi;
            }
          }
    if (best === undefined) return out;
    let damp = 0;
    let phiK = 1;
    for (let k = 0; k < horizon; k++) {
      phiK *= bestPhi;
      damp += phiK;
      const d = (ctx.dow0 + n + k) % 7;
      const closed = ctx.profile[d] === 0;
      out[k] = closed ? 0 : best.level + damp * best.trend + (best.season[(n + k) % PERIOD] as number);
    }
    return out;
  },
};

function mean(y: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let t = from; t < to; t++) s += y[t] as number;
  return to > from ? s / (to - from) : 0;
}

function runHw(y: Float64Array, start: number, a: number, b: number, g: number, phi: number): HwState {
  // Initial level: first two weeks' mean; seasonals: weekday deviations from it; no trend.
  const level0 = mean(y, start, start + 2 * PERIOD);
  const season = new Float64Array(PERIOD);
  for (let t = start; t < start + 2 * PERIOD; t++) {
    const i = t % PERIOD;
    season[i] = (season[i] as number) + ((y[t] as number) - level0) / 2;
  }
  let level = level0;
  let trend = 0;
  let sse = 0;
  for (let t = start + 2 * PERIOD; t < y.length; t++) {
    const i = t % PERIOD;
    const s = season[i] as number;
    const v = y[t] as number;
    const e = v - (level + phi * trend + s);
    sse += e * e;
    const prevLevel = level;
    level = prevLevel + phi * trend + a * e;
    trend = phi * trend + a * b * e;
    season[i] = s + g * e;
  }
  return { level, trend, season, sse };
}
