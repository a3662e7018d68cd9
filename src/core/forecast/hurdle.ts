import { sampleQuantile } from './quantiles.js';

/** Selling chance per weekday and the distribution of sizes on selling days. */
export interface HurdleShape {
  /** P(demand > 0) per weekday (0 = the weekday of index 0 of the history). */
  pSell: Float64Array;
  /** Sorted sizes (units) of recent selling days. */
  sizes: Float64Array;
  meanSize: number;
}

/** A day's probability of no demand, and the smallest positive demand its distribution allows. */
export interface ZeroMass {
  p0: number;
  lowest: number;
}

/** Window for the sizes (and the longest look-back of the selling rate). */
const SIZE_DAYS = 364;
/**
 * Daily decay of the selling-rate weights (half-life ~2 weeks). The flat 84-day share it replaced
 * lagged behind rising activity: on the dev set's 28-day backtest windows (training data only) it
 * over-stated the no-sale chance one and two windows back (0.54 vs 0.47 realised, 0.56 vs 0.50), and
 * its Brier score averaged 0.168 against 0.163 for this decay (best of 0.03, 0.05, 0.08 and flat
 * 28-, 42-, 56-day windows).
 */
const RATE_DECAY = 0.05;
/** Fewer selling days than this: no empirical size distribution (a count distribution is used). */
const MIN_SIZES = 8;
/** Never claim a sale is certain. */
const P_MAX = 0.98;

/**
 * Hurdle shape of the recent history: the recency-weighted selling-day share spread over the
 * weekdays by the frequency profile, and the sizes of selling days of the last SIZE_DAYS.
 * Undefined when there are too few selling days to trust an empirical size distribution.
 */
export function hurdleShape(observed: Float64Array, profile: Float64Array): HurdleShape | undefined {
  const n = observed.length;
  const sizes: number[] = [];
  for (let t = Math.max(0, n - SIZE_DAYS); t < n; t++) {
    const v = observed[t] as number;
    if (v > 0) sizes.push(v);
  }
  if (sizes.length < MIN_SIZES) return undefined;
  const pAll = recentSellingRate(observed);
  const pSell = new Float64Array(7);
  for (let d = 0; d < 7; d++) pSell[d] = Math.min(P_MAX, pAll * (profile[d] as number));
  const sorted = Float64Array.from(sizes).sort();
  const meanSize = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  return { pSell, sizes: sorted, meanSize };
}

/** Quantile at `level` of a day whose mean is `mean`: 0 below the no-sale mass, else a scaled size. */
export function hurdleQuantile(shape: HurdleShape, weekday: number, mean: number, level: number): number {
  const p = shape.pSell[weekday] as number;
  if (!(mean > 0) || !(p > 0)) return 0;
  if (level <= 1 - p) return 0;
  const u = (level - (1 - p)) / p;
  return (mean / (p * shape.meanSize)) * sampleQuantile(shape.sizes, u);
}

/** A day's no-sale probability and smallest selling size; undefined for a certain zero (no mean). */
export function hurdleZeroMass(shape: HurdleShape, weekday: number, mean: number): ZeroMass | undefined {
  const p = shape.pSell[weekday] as number;
  if (!(mean > 0) || !(p > 0)) return undefined;
  return { p0: 1 - p, lowest: (mean / (p * shape.meanSize)) * (shape.sizes[0] as number) };
}

/**
 * Share of selling days among the observed days of the last SIZE_DAYS, weights decaying by
 * RATE_DECAY a day back from the end, with a prior of half a day each way (never exactly 0 or 1).
 */
export function recentSellingRate(observed: Float64Array): number {
  let num = 0.5;
  let den = 1;
  let w = 1;
  for (let t = observed.length - 1; t >= Math.max(0, observed.length - SIZE_DAYS); t--) {
    const v = observed[t] as number;
    if (!Number.isNaN(v)) {
      den += w;
      if (v > 0) num += w;
    }
    w *= 1 - RATE_DECAY;
  }
  return num / den;
}
