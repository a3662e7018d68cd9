import { hurdleShape } from './hurdle.js';
import { trailingMean } from './models/moving-average.js';
import type { PreparedSeries } from './prepare.js';
import { seasonalise } from './profile.js';
import { buildQuantiles, horizonDraws, quantileKey } from './quantiles.js';
import type { BacktestMetrics, DemandClass, FitContext, ForecastResult } from './types.js';
import { MODEL_VERSION_TAG } from './version.js';

const NO_BACKTEST: BacktestMetrics = { mase: null, rmsse: null, bias: null, origins: 0 };
/** The short-history level uses at most the last 8 weeks. */
const SHORT_WINDOW_DAYS = 56;

/** Empty history (nothing observed) or no sale ever: zeros everywhere. */
export function zeroForecast(
  model: string,
  demandClass: DemandClass,
  horizon: number,
  levels: readonly number[],
): ForecastResult {
  const zeros = (): number[] => new Array<number>(horizon).fill(0);
  return {
    mean: zeros(),
    quantiles: Object.fromEntries(levels.map((q) => [quantileKey(q), zeros()])),
    metrics: NO_BACKTEST,
    model,
    modelVersion: MODEL_VERSION_TAG,
    demandClass,
  };
}

/**
 * Too little history for one backtest origin (a new SKU): recent weekday-adjusted mean × weekday
 * profile (flat until enough weeks are seen); quantiles from the hurdle shape when 8+ days sold,
 * else a negative binomial whose dispersion is the history's variance-to-mean ratio (at least Poisson).
 */
export function shortHistoryForecast(
  prep: PreparedSeries,
  ctx: FitContext,
  horizon: number,
  levels: readonly number[],
): ForecastResult {
  const level = trailingMean(ctx, SHORT_WINDOW_DAYS);
  const mean = seasonalise(ctx, horizon, () => level);
  let max = 0;
  for (const v of prep.observed) if (v > max) max = v;
  const cap = Math.max(3 * max, 1);
  const meanCapped = mean.map((v) => Math.min(v, cap));
  return {
    mean: Array.from(meanCapped),
    quantiles: buildQuantiles(meanCapped, levels, {
      hurdle: hurdleShape(prep.observed, ctx.profile),
      weekdayOf: (k) => (ctx.dow0 + ctx.y.length + k) % 7,
      draw: horizonDraws(prep.observed),
      dispersion: varianceToMean(ctx.z),
      cap,
    }),
    metrics: NO_BACKTEST,
    model: 'short-mean',
    modelVersion: MODEL_VERSION_TAG,
    demandClass: 'short',
  };
}

export function varianceToMean(z: Float64Array): number {
  if (z.length < 2) return 1;
  let s = 0;
  for (const v of z) s += v;
  const mean = s / z.length;
  let ss = 0;
  for (const v of z) ss += (v - mean) ** 2;
  return mean > 0 ? Math.max(1, ss / (z.length - 1) / mean) : 1;
}
