import { sampleQuantile } from './quantiles.js';

/** Selling chance per weekday and the distribution of sizes on selling days. */
export interface HurdleShape {
  /** P(demand > 0) per weekday (0 = the weekday of index 0 of the history). */
  pSell: Float64Array;
  /** Sorted sizes (units) of recent selling days. */
  sizes: Float64Array;
  meanSize: number;
}

/** Window for the current selling rate, and for the sizes. */
const RATE_DAYS = 84;
const SIZE_DAYS = 364;
/** Fewer selling days than this: no empirical size distribution (a count distribution is used). */
const MIN_SIZES = 8;
/** Never claim a sale is certain. */
const P_MAX = 0.98;

/**
 * Hurdle shape of the recent history: the selling-day share of the last RATE_DAYS spread over the
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
  let days = 0;
  let selling = 0;
  for (let t = Math.max(0, n - RATE_DAYS); t < n; t++) {
    const v = observed[t] as number;
    if (Number.isNaN(v)) continue;
    days++;
    if (v > 0) selling++;
  }
  const pAll = (selling + 1) / (days + 2);
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
