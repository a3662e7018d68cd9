import ARIMA from 'arima';
import { seasonalise } from '../profile.js';
import type { FitContext, ForecastModel } from '../types.js';
import { sesLevel } from './ses.js';

/** arima 0.2.8 throws below 20 points; fewer than 8 weeks is not worth the cost anyway. */
const MIN_POINTS = 56;
/** Bounds the cost (with orders ≤ 2: ~80 ms per fit, < 1 s per SKU with its backtest) and keeps old regimes out. */
const MAX_POINTS = 312;

/**
 * Non-seasonal AutoARIMA (p, q ≤ 2, d ≤ 1) on the weekday-adjusted trading days: the weekday
 * profile plays the seasonal part, which costs ~700 ms per series in the package's seasonal auto
 * mode. Guarded: any throw, non-finite, negative or out-of-range output, or broken error variances
 * fall back to the SES level. Deterministic cost caps rather than a wall-clock budget keep the core
 * pure and its choice reproducible; it joins the automatic choice only on request.
 */
export const arima: ForecastModel = {
  name: 'arima',
  description: 'AutoARIMA (arima package, guarded) on the weekday-adjusted series, weekday profile',
  forecast(ctx: FitContext, horizon: number): Float64Array {
    const z = ctx.z.subarray(Math.max(0, ctx.z.length - MAX_POINTS));
    const trading = ctx.profile.reduce((a, f) => a + (f > 0 ? 1 : 0), 0);
    // Trading-day steps needed to cover the calendar horizon.
    const steps = Math.ceil((horizon * trading) / 7) + 1;
    const path = guardedArima(z, steps);
    const fallback = sesLevel(ctx.z);
    const levels = path ?? new Float64Array(steps).fill(fallback);
    let step = 0;
    return seasonalise(ctx, horizon, (k) => {
      const f = ctx.profile[(ctx.dow0 + ctx.y.length + k) % 7] as number;
      const v = levels[Math.min(step, steps - 1)] as number;
      if (f > 0) step++;
      return v;
    });
  },
};

/** Forecast path of AutoARIMA on z, or undefined when the input or the output is not trustworthy. */
export function guardedArima(z: Float64Array, steps: number): Float64Array | undefined {
  if (z.length < MIN_POINTS) return undefined;
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const v of z) {
    if (!Number.isFinite(v)) return undefined;
    max = Math.max(max, v);
    min = Math.min(min, v);
  }
  // All-zero or constant input: the package returns denormal garbage; nothing to model anyway.
  if (max <= 0 || max - min < 1e-9) return undefined;
  let model: InstanceType<typeof ARIMA> | undefined;
  try {
    model = new ARIMA({ auto: true, p: 2, d: 1, q: 2, verbose: false }).fit(Array.from(z));
    const [pred, errors] = model.predict(steps);
    if (!validPath(pred, steps, max) || !validErrors(errors)) return undefined;
    return Float64Array.from(pred, (v) => Math.max(0, v));
  } catch {
    return undefined;
  } finally {
    try {
      model?.destroy();
    } catch {
      // Nothing left to free.
    }
  }
}

function validPath(pred: unknown, steps: number, max: number): pred is number[] {
  if (!Array.isArray(pred) || pred.length < steps) return false;
  // Mean forecasts must be finite, not clearly negative and not beyond the largest day seen.
  return pred.every((v) => typeof v === 'number' && Number.isFinite(v) && v > -0.5 * max && v <= max);
}

function validErrors(errors: unknown): boolean {
  if (!Array.isArray(errors) || errors.length === 0) return false;
  // Zero or shrinking error variances over the horizon signal a broken fit.
  let prev = 0;
  for (const e of errors) {
    if (typeof e !== 'number' || !Number.isFinite(e) || e <= 0 || e < prev * 0.999) return false;
    prev = e;
  }
  return true;
}
